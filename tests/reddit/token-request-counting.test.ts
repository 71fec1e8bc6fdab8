import { describe, expect, it } from 'vitest';
import { createHttpRedditApi, type Clock } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import type { ProgressEvent } from '../../src/sources/source.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

/** Simulated time in which concurrent sleeps overlap, as real ones do (the run's time is the longest, not the sum). */
function createParallelClock(startMs: number): Clock {
  let t = startMs;
  return {
    now: () => t,
    async sleep(ms) {
      const wake = t + ms;
      await new Promise<void>((resolve) => setImmediate(resolve));
      t = Math.max(t, wake);
    },
  };
}

describe('http reddit api: a token endpoint that refuses connections', () => {
  it('counts each token request as a request, and its retry waits as time on the clock, not summed across concurrent requests', async () => {
    const start = 1_766_500_000_000;
    const clock = createParallelClock(start);
    let tokenRequests = 0;
    const refused: typeof fetch = (input) => {
      if (String(input).includes('/api/v1/access_token')) tokenRequests++;
      return Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }));
    };
    const events: ProgressEvent[] = [];
    const api = createHttpRedditApi({
      credentials: parseRedditCredentials({ ...TEST_ENV, REDDIT_AUTH_BASE: 'http://127.0.0.1:9', REDDIT_API_BASE: 'http://127.0.0.1:9' }),
      fetch: refused,
      clock,
      random: () => 0.5,
      context: () => ({ progress: (e) => events.push(e) }),
    });
    const searches = ['a', 'b', 'c'].map((q) => api.search({ query: q, sort: 'new', time: 'year', limit: 100 }));
    const outcomes = await Promise.allSettled(searches);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);

    const elapsed = clock.now() - start;
    const requests = events.filter((e) => e.kind === 'request').length;
    const retryMs = events.reduce((n, e) => n + (e.kind === 'wait' && e.cause === 'retry' ? e.ms : 0), 0);
    expect(tokenRequests).toBeGreaterThan(0);
    expect(requests).toBe(tokenRequests);
    expect(api.stats().requests).toBe(tokenRequests);
    expect(retryMs).toBeLessThanOrEqual(elapsed);
    expect(api.stats().waitMs).toBeLessThanOrEqual(elapsed);
    expect(retryMs).toBeGreaterThan(0);
  });
});
