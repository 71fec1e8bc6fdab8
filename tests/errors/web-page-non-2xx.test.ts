import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { CredentialsError, RefusedRequestError, SourceError } from '../../src/errors/errors.js';
import { createHttpRedditApi, type Clock } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

// A web page served with a non-2xx status (a Cloudflare 403 challenge, a 503 maintenance page) used to read as a bare
// `status 503`: the log now says it was a page, with its title (short, redacted), while the retries and the error
// class stay what the status alone decides.

const MAINTENANCE_503 =
  '<!DOCTYPE html><html><head><title>Reddit &amp; you: down for maintenance</title></head>' +
  `<body>${'lorem ipsum '.repeat(50)}<a href="https://portal.example/?access_token=s3cr3tvalue">x</a></body></html>`;
const CHALLENGE_403 = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>lorem ipsum</body></html>';

const clock: Clock = { now: () => 1_766_500_000_000, sleep: async () => {} };

/** The token endpoint and the data requests answer with `token(...)` and `data(...)`; counts the data requests. */
function createReddit(answers: { token?: () => Response; data: () => Response }) {
  const calls = { data: 0, token: 0 };
  const fetchStub: typeof fetch = (input) => {
    if (String(input).includes('/api/v1/access_token')) {
      calls.token++;
      return Promise.resolve(answers.token?.() ?? new Response(JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 }), { status: 200 }));
    }
    calls.data++;
    return Promise.resolve(answers.data());
  };
  const api = createHttpRedditApi({
    credentials: parseRedditCredentials({ ...TEST_ENV, REDDIT_AUTH_BASE: 'http://127.0.0.1:9', REDDIT_API_BASE: 'http://127.0.0.1:9' }),
    fetch: fetchStub,
    clock,
    random: () => 0.5,
  });
  return { api, calls };
}

const html = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/html' } });

const ARCHIVE = 'https://archive.test';

afterEach(() => {
  nock.cleanAll();
});

describe('a web page served with a non-2xx status', () => {
  it('from Reddit, 503: still retried 4 times, then named as a page with its title, without the page', async () => {
    const { api, calls } = createReddit({ data: () => html(MAINTENANCE_503, 503) });
    const error = await api.comments('th2bbb').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(calls.data).toBe(5);
    const message = (error as Error).message;
    expect(message).toMatch(/ failed after 5 attempts: status 503 \(an HTML page, title "Reddit & you: down for maintenance"\)$/);
    expect(message).not.toContain('lorem ipsum');
    expect(message).not.toContain('s3cr3tvalue');
  });

  it('from Reddit, 403: still a refusal after one attempt, with the page named', async () => {
    const { api, calls } = createReddit({ data: () => html(CHALLENGE_403, 403) });
    const error = await api.search({ query: 'q', sort: 'new', time: 'year', limit: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedRequestError);
    expect(calls.data).toBe(1);
    expect((error as Error).message).toMatch(/^Request failed with status code 403 \(forbidden: [^)]*\) \(an HTML page, title "Just a moment\.\.\."\): GET /);
  });

  it('from Reddit, a JSON or empty body: the message is as before', async () => {
    const json = await createReddit({ data: () => new Response('{"message": "Service Unavailable"}', { status: 503 }) })
      .api.info(['t1_a'])
      .catch((e: unknown) => e);
    expect((error(json)).message).toMatch(/ failed after 5 attempts: status 503$/);
    const empty = await createReddit({ data: () => new Response('', { status: 404 }) })
      .api.info(['t1_a'])
      .catch((e: unknown) => e);
    expect(error(empty).message).toMatch(/^Request failed with status code 404: GET /);
  });

  it('a secret in the title is blanked', async () => {
    const { api } = createReddit({ data: () => html('<html><title>go to https://login.example/?token=abc123secret</title></html>', 502) });
    const message = error(await api.info(['t1_a']).catch((e: unknown) => e)).message;
    expect(message).toContain('status 502 (an HTML page, title "go to https://login.example/?token=***")');
    expect(message).not.toContain('abc123secret');
  });

  it("from Reddit's token endpoint: a 503 page and a 403 page are named, the 403 still a refusal of the credentials", async () => {
    const down = createReddit({ token: () => html(MAINTENANCE_503, 503), data: () => html('', 200) });
    const downError = await down.api.info(['t1_a']).catch((e: unknown) => e);
    expect(downError).toBeInstanceOf(SourceError);
    expect(down.calls.token).toBe(5);
    expect(error(downError).message).toMatch(/\/api\/v1\/access_token \(client_credentials\): status 503 \(an HTML page, title "Reddit & you: down for maintenance"\)$/);

    const challenge = createReddit({ token: () => html(CHALLENGE_403, 403), data: () => html('', 200) });
    const refused = await challenge.api.info(['t1_a']).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CredentialsError);
    expect(challenge.calls.token).toBe(1);
    expect(error(refused).message).toMatch(/^Reddit refused the credentials \(status 403, an HTML page, title "Just a moment\.\.\."\) at POST /);
  });

  it('from the archive: a 503 page still retried, a 403 page still refused, each named with its title', async () => {
    nock(ARCHIVE).get('/api/comments/search').query(true).times(5).reply(503, MAINTENANCE_503, { 'content-type': 'text/html' });
    const client = createArcticShiftClient({ baseUrl: ARCHIVE, sleep: async () => {} });
    const down = await client.get('/api/comments/search', { link_id: 'p1' }, { now: () => 1_767_000_000 }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(SourceError);
    expect(down).not.toBeInstanceOf(RefusedRequestError);
    expect(nock.isDone()).toBe(true);
    expect(error(down).message).toMatch(/^Arctic Shift request failed with status 503 after 5 attempts: GET \S+ \(an HTML page, title "Reddit & you: down for maintenance"\)$/);
    expect(error(down).message).not.toContain('s3cr3tvalue');

    nock(ARCHIVE).get('/api/comments/search').query(true).once().reply(403, CHALLENGE_403, { 'content-type': 'text/html' });
    const refused = await client.get('/api/comments/search', { link_id: 'p1' }, { now: () => 1_767_000_000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedRequestError);
    expect(error(refused).message).toMatch(/^Arctic Shift request failed with status 403 \(.*\): GET \S+ \(an HTML page, title "Just a moment\.\.\."\)$/);
  });
});

function error(value: unknown): Error {
  expect(value).toBeInstanceOf(Error);
  return value as Error;
}
