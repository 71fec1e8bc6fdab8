import { describe, expect, it } from 'vitest';
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
