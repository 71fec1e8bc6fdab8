import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/errors/errors.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { createVirtualClock, TEST_ENV } from '../helpers/synthetic-thread.js';

// A 429 from Reddit's token endpoint is a pause to wait out, and its Retry-After says how long: it used to be ignored
// (the plain backoff, 0.75 + 1.5 + 3 + 6 s at most), so a 20 s Retry-After failed the request after 5 attempts all sent
// inside it, and a Retry-After of hours was asked 5 times per request instead of failing at once like a data request's.

const START = Date.UTC(2026, 0, 30, 0, 0, 0);
const AUTH = 'https://www.reddit.com';
const API = 'https://oauth.reddit.com';
const TOKEN = JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 });
const EMPTY_LISTING = JSON.stringify({ kind: 'Listing', data: { after: null, children: [] } });

afterEach(() => {
  nock.cleanAll();
});

/** A token endpoint that answers 429 with `retryAfter` seconds until that time has passed on `clock`, then a token. */
function tokenEndpointLimitedFor(retryAfter: number, clock: { now(): number }): () => number {
  let count = 0;
  const until = START + retryAfter * 1000;
  nock(AUTH)
    .post('/api/v1/access_token')
    .times(20)
    .reply(() => {
      count++;
      if (clock.now() >= until) return [200, TOKEN];
      return [429, '{"message": "Too Many Requests", "error": 429}', { 'retry-after': String(Math.ceil((until - clock.now()) / 1000)) }];
    });
  return () => count;
}

describe("a 429 from Reddit's token endpoint with a Retry-After", () => {
  it('of 20 s: waited out, and the request goes through', async () => {
    const clock = createVirtualClock(START);
    const tokenRequests = tokenEndpointLimitedFor(20, clock);
    nock(API).get('/api/info').query(true).reply(200, EMPTY_LISTING);
    const api = createHttpRedditApi({ credentials: parseRedditCredentials(TEST_ENV), clock, random: () => 0.5 });
    await expect(api.info(['t1_a'])).resolves.toMatchObject({ kind: 'Listing' });
    expect(tokenRequests()).toBe(2);
    expect(clock.slept).toBe(20_000);
  });

  it('of 2 hours: a rate-limit error at once, naming when to run again; later requests are not sent until then', async () => {
    const clock = createVirtualClock(START);
    const tokenRequests = tokenEndpointLimitedFor(7200, clock);
    const api = createHttpRedditApi({ credentials: parseRedditCredentials(TEST_ENV), clock, random: () => 0.5 });
    const error = await api.info(['t1_a']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(
      /^Reddit rate limit: Reddit asks to wait 7200 s before the next request, more than the 60 s a run waits; run again after 2026-01-30 02:00 UTC: POST \S+\/api\/v1\/access_token \(client_credentials\): status 429$/,
    );
    expect(tokenRequests()).toBe(1);
    expect(clock.slept).toBe(0);
    const later = await api.comments('th1aaa').catch((e: unknown) => e);
    expect(later).toBeInstanceOf(RateLimitError);
    expect((later as Error).message).toMatch(/^GET \/comments\/th1aaa\S* not sent: Reddit rate limit: Reddit asks to wait 7200 s/);
    expect(tokenRequests()).toBe(1);
  });
});
