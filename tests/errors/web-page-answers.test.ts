import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { SchemaError } from '../../src/errors/errors.js';
import { NO_ANSWER_BODY } from '../../src/errors/to-skip-record.js';
import { createHttpRedditApi, type Clock } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

// A source down for maintenance, a captive portal or a Cloudflare challenge answers with a web page and status 200. The
// cron log must say that is what came (with the page's title when it has one), not the JSON parser's
// "Unexpected token '<'", and must never carry the page itself (long, and it may echo the request it caught).

const PAGE_FILLER = 'lorem ipsum dolor sit amet '.repeat(40);
const MAINTENANCE_PAGE =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n<title>\n  Reddit &amp; you: down\tfor maintenance\n</title></head>' +
  `<body><p>${PAGE_FILLER}</p><a href="https://portal.example/login?access_token=s3cr3tvalue">sign in</a></body></html>`;
const PAGE_BYTES = Buffer.byteLength(MAINTENANCE_PAGE);
const TITLE = 'Reddit & you: down for maintenance';

const clock: Clock = { now: () => 1_766_500_000_000, sleep: async () => {} };

/** Reddit's token endpoint answers; every data request gets `body` with status 200. */
function createRedditAnswering(body: string) {
  const fetchStub: typeof fetch = (input) => {
    if (String(input).includes('/api/v1/access_token')) {
      return Promise.resolve(new Response(JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 }), { status: 200 }));
    }
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/html' } }));
  };
  return createHttpRedditApi({
    credentials: parseRedditCredentials({ ...TEST_ENV, REDDIT_AUTH_BASE: 'http://127.0.0.1:9', REDDIT_API_BASE: 'http://127.0.0.1:9' }),
    fetch: fetchStub,
    clock,
    random: () => 0.5,
  });
}

const ARCHIVE = 'https://archive.test';

afterEach(() => {
  nock.cleanAll();
});

describe('an HTML page where JSON was expected', () => {
  it('from Reddit: named as an HTML page with its size, status and title, without the page', async () => {
    const error = await createRedditAnswering(MAINTENANCE_PAGE)
      .comments('th2bbb')
      .catch((e: unknown) => e);
    // still a body that is no answer: the thread could not be fetched (partial), not invalid input
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).record).toBe(NO_ANSWER_BODY);
    const message = (error as Error).message;
    expect(message).toContain(`: an HTML page, not JSON (${PAGE_BYTES} bytes, status 200, title "${TITLE}")`);
    expect(message).not.toContain('Unexpected token');
    expect(message).not.toContain('lorem ipsum');
    expect(message).not.toContain('s3cr3tvalue');
  });

  it('from the archive: named the same way, without the page', async () => {
    nock(ARCHIVE).get('/api/comments/search').query(true).times(10).reply(200, MAINTENANCE_PAGE, { 'content-type': 'text/html' });
    const client = createArcticShiftClient({ baseUrl: ARCHIVE, sleep: async () => {} });
    const error = await client.get('/api/comments/search', { link_id: 'p1' }, { now: () => 1_767_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).record).toBe(NO_ANSWER_BODY);
    const message = (error as Error).message;
    expect(message).toContain(`Arctic Shift answered with an HTML page, not JSON (${PAGE_BYTES} bytes, status 200, title "${TITLE}")`);
    expect(message).not.toContain('<html>');
    expect(message).not.toContain('lorem ipsum');
    expect(message).not.toContain('s3cr3tvalue');
  });

  it('a page without a title, a long title, an empty body and a body cut short each say what they were', async () => {
    const describe = async (body: string) => {
      const error = await createRedditAnswering(body)
        .search({ query: 'q', sort: 'new', time: 'year', limit: 100 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaError);
      return (error as Error).message;
    };
    expect(await describe('<html><body>Just a moment...</body></html>')).toMatch(/: an HTML page, not JSON \(42 bytes, status 200\), on the last of 5 attempts$/);
    const long = await describe(`<!doctype html><title>${'x'.repeat(300)}</title>`);
    expect(long).toMatch(/title "x{79}…"\)/);
    expect(await describe('')).toMatch(/: an empty body, not JSON \(status 200\)/);
    // a JSON body cut short keeps the parser's reason: it is no page
    expect(await describe('[{"kind": "Listing", "data": {"after": null, "children": [{"body": "<html> in a comment')).toMatch(/: unreadable JSON \(\d+ bytes, status 200\): /);
  });

  it('a secret in a page title is blanked', async () => {
    const error = await createRedditAnswering('<html><title>redirecting to https://login.example/?token=abc123secret</title></html>')
      .info(['t1_a'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toContain('title "redirecting to https://login.example/?token=***"');
    expect((error as Error).message).not.toContain('abc123secret');
  });
});

describe('an HTML page from Reddit\'s token endpoint', () => {
  it('is named as one, not as an unreadable answer', async () => {
    const portal: typeof fetch = () => Promise.resolve(new Response('<html><head><title>Hotel Wi-Fi: accept the terms</title></head></html>', { status: 200 }));
    const api = createHttpRedditApi({
      credentials: parseRedditCredentials({ ...TEST_ENV, REDDIT_AUTH_BASE: 'http://127.0.0.1:9', REDDIT_API_BASE: 'http://127.0.0.1:9' }),
      fetch: portal,
      clock,
      random: () => 0.5,
    });
    const error = await api.search({ query: 'q', sort: 'new', time: 'year', limit: 100 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/\/api\/v1\/access_token \(client_credentials\): an HTML page, not JSON \(\d+ bytes, status 200, title "Hotel Wi-Fi: accept the terms"\), no access token$/);
  });
});
