import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { SourceError } from '../../src/errors/errors.js';
import { describeTransportError } from '../../src/errors/describe-transport-error.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import type { SourceContext } from '../../src/sources/source.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('describeTransportError', () => {
  it.each<[string, unknown, string]>([
    ['DNS failure under fetch failed', fetchFailed(withCode('getaddrinfo ENOTFOUND www.reddit.com', 'ENOTFOUND')), 'getaddrinfo ENOTFOUND www.reddit.com'],
    ['refused under fetch failed', fetchFailed(withCode('connect ECONNREFUSED 127.0.0.1:443', 'ECONNREFUSED')), 'connect ECONNREFUSED 127.0.0.1:443'],
    ['reset: the code only on the cause, added once', fetchFailed(withCode('other side closed', 'UND_ERR_SOCKET')), 'other side closed (UND_ERR_SOCKET)'],
    ['several addresses tried (AggregateError, no message of its own)', fetchFailed(Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:443', 'ECONNREFUSED')], ''), { code: 'ECONNREFUSED' })), 'connect ECONNREFUSED ::1:443'],
    ['plain object from an interceptor', { code: 'ECONNRESET', message: 'socket hang up' }, 'socket hang up (ECONNRESET)'],
    ['our own error keeps its message, which names the request', new SourceError('POST https://www.reddit.com/api/v1/access_token (password): no answer from www.reddit.com: connect ECONNREFUSED 151.101.1.140:443', { cause: fetchFailed(withCode('connect ECONNREFUSED 151.101.1.140:443', 'ECONNREFUSED')) }), 'POST https://www.reddit.com/api/v1/access_token (password): no answer from www.reddit.com: connect ECONNREFUSED 151.101.1.140:443'],
    ['timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'The operation was aborted due to timeout'],
    ['fetch failed with nothing under it', new TypeError('fetch failed'), 'fetch failed'],
    ['not an error at all', 'proxy tunnel closed', 'proxy tunnel closed'],
    ['a URL with credentials in the inner message', fetchFailed(withCode('connect to https://user:pw@proxy.example/?token=abc refused', 'ECONNREFUSED')), 'connect to https://***@proxy.example/?token=*** refused (ECONNREFUSED)'],
  ])('%s', (_, error, expected) => {
    expect(describeTransportError(error)).toBe(expected);
  });
});

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

describe('a data request to a port that refuses connections', () => {
  it("names the socket's reason, not undici's \"fetch failed\"", async () => {
    const port = await findClosedPort();
    // the token endpoint answers; every data request goes through the real fetch to the closed port
    const split: typeof fetch = (input, init) =>
      String(input).includes('/api/v1/access_token')
        ? Promise.resolve(new Response('{"access_token":"t","expires_in":3600}', { status: 200 }))
        : fetch(input, init);
    const reasons: string[] = [];
    const api = createHttpRedditApi({
      credentials: parseRedditCredentials({ ...TEST_ENV, REDDIT_API_BASE: `http://127.0.0.1:${port}` }),
      fetch: split,
      clock: { now: () => 1_766_000_000_000, sleep: () => Promise.resolve() },
      random: () => 0.5,
      context: () => ({ progress: (e) => (e.kind === 'wait' ? reasons.push(e.reason) : undefined) }),
    });
    const error = await api.search({ query: 'q', sort: 'new', time: 'year', limit: 100 }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(new RegExp(`^GET /search\\?.* failed after 5 attempts: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}$`));
    expect(reasons).toHaveLength(4);
    for (const reason of reasons) expect(reason).toBe(`retrying /search after: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it("names the socket's reason for the Arctic Shift archive too, in the error and in each retry's wait", async () => {
    const port = await findClosedPort();
    const reasons: string[] = [];
    const client = createArcticShiftClient({ baseUrl: `http://127.0.0.1:${port}`, sleep: () => Promise.resolve() });
    const ctx: SourceContext = { now: () => 1_766_000_000, progress: (e) => (e.kind === 'wait' ? reasons.push(e.reason) : undefined) };
    const error = await client.get('/api/posts/search', { query: 'q' }, ctx).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(`Arctic Shift unreachable after 5 attempts: GET http://127.0.0.1:${port}/api/posts/search?query=q (connect ECONNREFUSED 127.0.0.1:${port})`);
    expect(reasons).toEqual(Array(4).fill(`archive network error: connect ECONNREFUSED 127.0.0.1:${port}`));
  });
});
