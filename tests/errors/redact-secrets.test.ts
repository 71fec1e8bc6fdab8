import { describe, expect, it } from 'vitest';
import { redactRun, redactSecrets } from '../../src/errors/redact-secrets.js';

describe('redactSecrets', () => {
  it.each([
    ['GET http://user:ProxyPassSecret@127.0.0.1:9/api/posts/search?q=x', 'GET http://***@127.0.0.1:9/api/posts/search?q=x'],
    ['(Request cannot be constructed from a URL that includes credentials: https://u:p@ss@host.example/a)', '(Request cannot be constructed from a URL that includes credentials: https://***@host.example/a)'],
    ['https://only-user@host/x and https://a:b@c/d', 'https://***@host/x and https://***@c/d'],
    ['https://h/cb?code=abc&state=1#x', 'https://h/cb?code=***&state=1#x'],
    ['{"url":"https://h/p?x=1&access_token=abc.def"}', '{"url":"https://h/p?x=1&access_token=***"}'],
    ['https://h/p?Refresh_Token=r1 and ?password=pw', 'https://h/p?Refresh_Token=*** and ?password=***'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves text without URL credentials or secret parameters as it is', () => {
    for (const text of ['a plain line', 'reddit: GET https://oauth.reddit.com/search?q=amazon+openai&after=t3_x', 'mail me at a@b.example', 'x=1 y=2', '']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

describe('redactRun', () => {
  it('redacts the errors and skip records of a run record (as stored and as --json prints it), leaving the rest', () => {
    const run = {
      id: 'r1',
      eventId: 'e',
      source: 'reddit' as const,
      startedAt: 1,
      finishedAt: 2,
      window: { from: 0, to: 1 },
      queries: ['https://x.example/?token=keep-queries-as-written'],
      counts: { threadsNew: 0, threadsUpdated: 0, commentsNew: 0, commentsUpdated: 0, commentsPurged: 0, commentsExcluded: 0, commentsTagged: 0, requests: 1, rateLimited: 0, waitMs: 0, capsHit: 0, skipped: 1 },
      skipped: [{ source: 'https://u:pw@h/api?access_token=t1', record: 'https://h/x?key=k1', reason: 'GET https://u:pw@h/a failed', kind: 'incomplete' as const }],
      errors: ['failed: https://u:pw@h/a?sig=s1'],
      status: 'failed' as const,
    };
    const out = redactRun(run);
    expect(out.skipped[0]).toEqual({ source: 'https://***@h/api?access_token=***', record: 'https://h/x?key=***', reason: 'GET https://***@h/a failed', kind: 'incomplete' });
    expect(out.errors).toEqual(['failed: https://***@h/a?sig=***']);
    expect(out.queries).toEqual(run.queries);
    expect(run.errors[0]).toContain('pw');
  });

  it('keeps the bracket after a value already blanked, and still blanks a secret that ends in one', () => {
    // the token endpoint's message quotes the form body after the exact secrets were replaced upstream
    expect(redactSecrets('refused (bad password for grant_type=password&username=u&password=***) at POST /x')).toBe(
      'refused (bad password for grant_type=password&username=u&password=***) at POST /x',
    );
    expect(redactSecrets('refused (grant_type=password&password=hunter2) at POST /x')).toBe('refused (grant_type=password&password=*** at POST /x');
    expect(redactSecrets('refused (grant_type=password&password=***x) at POST /x')).toBe('refused (grant_type=password&password=*** at POST /x');
  });
});
