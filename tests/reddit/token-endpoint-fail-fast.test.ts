import { describe, expect, it } from 'vitest';
import { CredentialsError, SourceError } from '../../src/errors/errors.js';
import { createHttpRedditApi, type Clock } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import type { RedditApi } from '../../src/reddit/reddit-api.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

const START = 1_766_500_000_000;

/** Simulated time: a sleep moves the clock at once and is added up. */
function createCountingClock(): Clock & { slept: () => number } {
  let t = START;
  let slept = 0;
  return {
    now: () => t,
    sleep(ms) {
      t += ms;
      slept += ms;
      return Promise.resolve();
    },
    slept: () => slept,
  };
}

/** A client whose token endpoint answers with `token()`; data requests get an empty listing. */
function apiWith(token: () => Promise<Response>, clock: Clock) {
  let tokenAttempts = 0;
  let dataRequests = 0;
  const fake: typeof fetch = (input) => {
    if (String(input).includes('/api/v1/access_token')) {
      tokenAttempts++;
      return token();
    }
    dataRequests++;
    return Promise.resolve(new Response('{"kind":"Listing","data":{"children":[],"after":null}}', { status: 200 }));
  };
  const api = createHttpRedditApi({ credentials: parseRedditCredentials({ ...TEST_ENV, REDDIT_AUTH_BASE: 'http://127.0.0.1:9' }), fetch: fake, clock, random: () => 0.5 });
  return { api, tokenAttempts: () => tokenAttempts, dataRequests: () => dataRequests };
}

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const search = (api: RedditApi, q: string) => api.search({ query: q, sort: 'new', time: 'year', limit: 100 });

describe('http reddit api: a token endpoint that fails for a whole run', () => {
  it('refusing connections: one request spends the retries, every later one fails at once with the same source error', async () => {
    const clock = createCountingClock();
    const refused = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }));
    const { api, tokenAttempts, dataRequests } = apiWith(refused, clock);

    const first = await failureOf(search(api, 'a'));
    expect(first).toBeInstanceOf(SourceError);
    expect((first as Error).message).toMatch(/^GET \/search\?q=a.* failed after 5 attempts: POST .*access_token.*no answer from 127\.0\.0\.1:9: connect ECONNREFUSED 127\.0\.0\.1:9$/);
    expect(tokenAttempts()).toBe(5);
    const backoff = clock.slept();
    expect(backoff).toBeGreaterThan(0);

    const later = await Promise.all([failureOf(search(api, 'b')), failureOf(api.comments('th1aaa')), failureOf(api.info(['t1_c1']))]);
    expect(tokenAttempts()).toBe(5);
    expect(clock.slept()).toBe(backoff);
    expect(dataRequests()).toBe(0);
    for (const error of later) {
      expect(error).toBeInstanceOf(SourceError);
      expect(error).not.toBeInstanceOf(CredentialsError);
      expect((error as Error).message).toMatch(/^GET \/(search\?q=b|comments\/th1aaa|api\/info)\S* not sent: Reddit's token endpoint failed earlier in this run \(5 attempts\): POST .*no answer from 127\.0\.0\.1:9: connect ECONNREFUSED 127\.0\.0\.1:9$/);
    }
  });

  it('a request already in its backoff stops at its next attempt instead of finishing its own schedule', async () => {
    const clock = createCountingClock();
    // each wait takes a turn of the event loop, so two requests' schedules interleave as real ones do
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await sleep(ms);
    };
    const refused = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }));
    const { api, tokenAttempts } = apiWith(refused, clock);
    const first = failureOf(search(api, 'a'));
    while (tokenAttempts() < 3) await new Promise<void>((resolve) => setImmediate(resolve));
    // started two attempts behind: on its own it would need 5 attempts of its own
    const second = failureOf(search(api, 'b'));
    const [a, b] = await Promise.all([first, second]);
    expect((a as Error).message).toMatch(/failed after 5 attempts/);
    expect((b as Error).message).toMatch(/not sent: Reddit's token endpoint failed earlier in this run \(5 attempts\)/);
    // a's five, and b's own while a was still trying (b alone would have made five more: 10 in all)
    expect(tokenAttempts()).toBeLessThan(10);
  });

  it('an odd answer (404) is not latched: the next request asks for a token again', async () => {
    const clock = createCountingClock();
    const { api, tokenAttempts } = apiWith(() => Promise.resolve(new Response('{"error": 404}', { status: 404 })), clock);
    await failureOf(search(api, 'a'));
    await failureOf(search(api, 'b'));
    expect(tokenAttempts()).toBe(2);
  });

  it('refused credentials: later requests get the same refusal without asking again', async () => {
    const clock = createCountingClock();
    const { api, tokenAttempts, dataRequests } = apiWith(() => Promise.resolve(new Response('{"error": "invalid_grant"}', { status: 200 })), clock);
    const first = await failureOf(search(api, 'a'));
    expect(first).toBeInstanceOf(CredentialsError);
    const second = await failureOf(api.comments('th1aaa'));
    expect(second).toBe(first);
    expect(tokenAttempts()).toBe(1);
    expect(dataRequests()).toBe(0);
  });
});
