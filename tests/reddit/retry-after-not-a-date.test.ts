import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWaitHeader } from '../../src/archive/compute-retry-delay.js';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import { parseRetryAfter } from '../../src/reddit/rate-limit.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import type { ProgressEvent } from '../../src/sources/source.js';
import { createVirtualClock, TEST_ENV } from '../helpers/synthetic-thread.js';

// A Retry-After is delta-seconds or an HTTP date. Anything else used to go to Date.parse, whose legacy guessing reads
// "-5", "+5", "5, 10" or "120." as a day in 2001 (or the year 120): a date long past, so a wait of 0 ms, and the 429 was
// retried at once, every retry, until the request gave up. Such a header is now unreadable (the reset, else the backoff,
// decides the wait), and an asctime date is read as GMT, as HTTP says, not as the machine's local time.

const NOW = Date.UTC(2026, 0, 30, 0, 0, 0);
const AUTH = 'https://www.reddit.com';
const API = 'https://oauth.reddit.com';
const ARCHIVE = 'https://archive.test';
const EMPTY_LISTING = JSON.stringify({ kind: 'Listing', data: { after: null, children: [] } });

afterEach(() => {
  nock.cleanAll();
});

const NOT_A_WAIT = ['-5', '+5', '5, 10', '120.', '1 2', 'in 5 minutes'];

describe('a Retry-After that is neither delta-seconds nor an HTTP date', () => {
  it.each(NOT_A_WAIT)('%s is unreadable for Reddit and for the archive', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
    expect(parseWaitHeader(value, NOW)).toBeUndefined();
  });

  it.each([
    ['Fri, 30 Jan 2026 00:00:07 GMT', 7000],
    ['Friday, 30-Jan-26 00:00:07 GMT', 7000],
    ['Fri Jan 30 00:00:07 2026', 7000],
    ['2026-01-30T00:00:07Z', 7000],
  ])('the HTTP date %s is read, as GMT, on a machine whose local time is not', (value, ms) => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(parseRetryAfter(value, NOW)).toBe(ms);
      expect(parseWaitHeader(value, NOW)).toBe(ms);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('Reddit: a 429 with Retry-After "5, 10" is retried after the backoff, not at once', async () => {
    nock(AUTH).post('/api/v1/access_token').reply(200, JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 }));
    nock(API).get('/search').query(true).reply(429, '{"error": 429}', { 'retry-after': '5, 10' }).get('/search').query(true).reply(200, EMPTY_LISTING);
    const events: ProgressEvent[] = [];
    const api = createHttpRedditApi({
      credentials: parseRedditCredentials(TEST_ENV),
      clock: createVirtualClock(NOW),
      random: () => 0.5,
      context: () => ({ progress: (e) => events.push(e) }),
    });
    await expect(api.search({ query: 'q', sort: 'new', time: 'year', limit: 100 })).resolves.toMatchObject({ kind: 'Listing' });
    const waits = events.flatMap((e) => (e.kind === 'wait' ? [e.ms] : []));
    // the backoff after the first 429, at jitter 0.5: 3/4 of 2 s
    expect(waits).toEqual([1500]);
  });

  it('the archive: a 429 with Retry-After "-5" is retried after the backoff, not at once', async () => {
    nock(ARCHIVE).get('/api/comments/search').query(true).reply(429, '', { 'retry-after': '-5' }).get('/api/comments/search').query(true).reply(200, JSON.stringify({ data: [], error: null }));
    const waits: number[] = [];
    const client = createArcticShiftClient({ baseUrl: ARCHIVE, sleep: async (ms) => void waits.push(ms) });
    await expect(client.get('/api/comments/search', { link_id: 'p1' }, { now: () => NOW / 1000 })).resolves.toEqual([]);
    expect(waits).toEqual([1000]);
  });
});
