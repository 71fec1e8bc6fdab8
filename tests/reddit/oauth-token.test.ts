import { createServer } from 'node:net';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialsError, SourceError } from '../../src/errors/errors.js';
import { createTokenProvider } from '../../src/reddit/oauth-token.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { isRetryableError } from '../../src/reddit/retry-policy.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

/** A token provider whose token endpoint answers `status` with `body`. */
function providerAnswering(status: number, body: string) {
  const fake = (() => Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }))) as unknown as typeof fetch;
  return createTokenProvider({ credentials: parseRedditCredentials(TEST_ENV), fetch: fake, now: () => 1_766_000_000_000 });
}

async function failureOf(status: number, body: string): Promise<unknown> {
  return providerAnswering(status, body)
    .get()
    .then(() => undefined, (e: unknown) => e);
}

describe('token endpoint answers', () => {
  it.each([
    [401, '{"message": "Unauthorized", "error": 401}'],
    [401, 'not json'],
    [403, '<html>forbidden</html>'],
    [400, '{"error": "unsupported_grant_type"}'],
    [200, '{"error": "invalid_grant"}'],
  ])('%i %s refuses the credentials (the collection stops)', async (status, body) => {
    const error = await failureOf(status, body);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(/Reddit refused the credentials/);
  });

  it('a 429 is a pause to retry, not a refusal', async () => {
    const error = await failureOf(429, '{"message": "Too Many Requests", "error": 429}');
    expect(error).not.toBeInstanceOf(CredentialsError);
    expect(isRetryableError(error)).toBe(true);
  });

  it.each([
    [404, '{"message": "Not Found", "error": 404}'],
    [200, '{}'],
  ])('%i %s fails that request only', async (status, body) => {
    const error = await failureOf(status, body);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).not.toBeInstanceOf(CredentialsError);
  });
});

describe('token endpoint unreachable (no HTTP answer)', () => {
  const PASSWORD = 'hunter2-Secret!';
  const env = { ...TEST_ENV, REDDIT_USERNAME: 'bot_account', REDDIT_PASSWORD: PASSWORD };
  const credentials = parseRedditCredentials(env);
  const secrets = [TEST_ENV.REDDIT_CLIENT_SECRET, PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(`${TEST_ENV.REDDIT_CLIENT_ID}:${TEST_ENV.REDDIT_CLIENT_SECRET}`).toString('base64')];
  afterEach(() => nock.cleanAll());

  async function failureWith(authBase: string): Promise<unknown> {
    return createTokenProvider({ credentials: { ...credentials, authBase }, fetch, now: () => 1_766_000_000_000 })
      .get()
      .then(() => undefined, (e: unknown) => e);
  }

  it.each<[string, string | { code: string; message: string }, boolean]>([
    ['DNS failure', { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND www.reddit.com' }, false],
    ['refused connection', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 151.101.1.140:443' }, true],
    ['timeout', { code: 'ETIMEDOUT', message: 'connect ETIMEDOUT 151.101.1.140:443' }, true],
    // as Node's http client reports it
    ['socket hang-up', { code: 'ECONNRESET', message: 'socket hang up' }, true],
    ['an error with no code', 'proxy tunnel closed', false],
    ['TLS failure', { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }, false],
  ])('%s: a SourceError naming the endpoint host, never the credentials', async (_, thrown, retried) => {
    nock('https://www.reddit.com').post('/api/v1/access_token').replyWithError(thrown);
    const error = await failureWith('https://www.reddit.com');
    expect(error).toBeInstanceOf(SourceError);
    expect(error).not.toBeInstanceOf(CredentialsError);
    const message = (error as Error).message;
    expect(message).toMatch(/^POST https:\/\/www\.reddit\.com\/api\/v1\/access_token \(password\): no answer from www\.reddit\.com: /);
    expect(message).toContain(typeof thrown === 'string' ? thrown : thrown.message);
    for (const secret of secrets) expect(message).not.toContain(secret);
    // a connection refused or timed out is worth another try; an unknown host or a bad certificate is not
    expect(isRetryableError(error)).toBe(retried);
  });

  it('a closed port on this machine: a SourceError naming host and port, retried', async () => {
    const server = createServer();
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as { port: number };
    await new Promise((closed) => server.close(closed));
    const error = await failureWith(`http://127.0.0.1:${port}`);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(new RegExp(`no answer from 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(isRetryableError(error)).toBe(true);
  });

  it('an underlying message quoting the request (as a test double or proxy may) does not carry the credentials out', async () => {
    const echo = `request rejected: authorization Basic ${secrets[3]!}; body grant_type=password&username=bot_account&password=${encodeURIComponent(PASSWORD)}`;
    nock('https://www.reddit.com').post('/api/v1/access_token').replyWithError(echo);
    const message = ((await failureWith('https://www.reddit.com')) as Error).message;
    expect(message).toContain('no answer from www.reddit.com: request rejected: authorization Basic ***');
    for (const secret of secrets) expect(message).not.toContain(secret);
  });
});
