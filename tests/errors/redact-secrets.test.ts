import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/errors/redact-secrets.js';

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
