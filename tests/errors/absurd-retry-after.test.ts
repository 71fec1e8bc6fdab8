import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { RateLimitError } from '../../src/errors/errors.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { BASE } from '../archive/archive-fixtures.js';
import { createVirtualClock, TEST_ENV } from '../helpers/synthetic-thread.js';

// A Retry-After too large for a date (a broken proxy's "9000000000000" seconds) is a wait longer than a run waits, like
// any past 60 s: a rate-limit error for that request. Saying when to run again built a date past JavaScript's last one
// and threw a RangeError ("Invalid time value"), which is no source error: the collection ended as an internal error.

const START = Date.UTC(2026, 0, 30, 0, 0, 0);
const TOKEN = JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 });

afterEach(() => {
  nock.cleanAll();
});

describe('a 429 whose Retry-After no date can show', () => {
  it.each(['9000000000000', '99999999999999999999999'])('from Reddit (%s s): a rate-limit error', async (retryAfter) => {
    nock('https://www.reddit.com').post('/api/v1/access_token').reply(200, TOKEN);
    nock('https://oauth.reddit.com').get('/api/info').query(true).reply(429, '{"error": 429}', { 'retry-after': retryAfter });
    const api = createHttpRedditApi({ credentials: parseRedditCredentials(TEST_ENV), clock: createVirtualClock(START), random: () => 0.5 });
    const error = await api.info(['t1_a']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(/more than the 60 s a run waits; run again once that wait has passed \(it ends after the year 9999\): GET/);
  });

  it('from the archive (an epoch time in ms past any date): a rate-limit error', async () => {
    nock(BASE).get('/api/posts/search').query(true).reply(429, '{"error":"Too many requests"}', { 'retry-after': '9000000000000000' });
    const ctx = { now: () => START / 1000 };
    const error = await createArcticShiftClient({ baseUrl: BASE, sleep: async () => {} }).get('/api/posts/search', {}, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(/run again once that wait has passed \(it ends after the year 9999\): GET/);
  });
});
