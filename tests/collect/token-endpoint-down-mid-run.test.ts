import { afterEach, describe, expect, it } from 'vitest';
import { collectEvent, UNANSWERED_FETCHES_TO_STOP } from '../../src/collect/collect-event.js';
import { createRedditSource } from '../../src/sources/reddit-source.js';
import { Store } from '../../src/store/store.js';
import { createVirtualClock, FakeReddit, generateSyntheticThreads, makeSyntheticEvent, mountFakeReddit, SYNTHETIC_WINDOW_FROM, TEST_ENV } from '../helpers/synthetic-thread.js';

// A night whose access token is due for renewal half way through, when Reddit's token endpoint has started answering
// with a maintenance page: the renewal spends one request's retries, and every request after it fails at once, so the
// night ends partial within that one request's backoff, instead of each thread asking the endpoint 5 times again. Those
// failures, like any thread fetch that gets no answer, stop the thread queue after UNANSWERED_FETCHES_TO_STOP in a row.

const WINDOW_FROM = SYNTHETIC_WINDOW_FROM;
const THREADS = generateSyntheticThreads(12, 30);
const EVENT = makeSyntheticEvent('token-down', 'Token endpoint down mid-run', 'The token endpoint serves a maintenance page after the first token');
const PAGE = '<!DOCTYPE html><html><head><title>Reddit is down for maintenance</title></head><body>back soon</body></html>';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe("Reddit's token endpoint down when the token is renewed mid-run", () => {
  it('the renewal spends one request\'s retries; the other threads fail at once and the night is partial', async () => {
    const clock = createVirtualClock((WINDOW_FROM + 2 * 86_400) * 1000);
    // 6 requests per 600 s window: pacing moves the clock past the token's renewal (600 s lifetime, renewed 60 s early) after a few threads
    const fake = new FakeReddit({ threads: THREADS, now: clock.now, rateLimit: { perWindow: 6, windowSeconds: 600 }, tokenLifetimeSeconds: 600 });
    let tokens = 0;
    const token = (fake as unknown as { token: (...args: unknown[]) => unknown }).token.bind(fake);
    (fake as unknown as { token: (...args: unknown[]) => unknown }).token = (...args: unknown[]) => {
      tokens++;
      return tokens === 1 ? token(...args) : { status: 200, body: PAGE, headers: { 'content-type': 'text/html' } };
    };
    unmount = mountFakeReddit(fake);
    const source = createRedditSource(TEST_ENV, { clock, random: () => 0.5 });
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, source, store, { now: () => Math.floor(clock.now() / 1000) }, { concurrency: 1 });

    expect(summary.threadsFound).toBe(12);
    const failed = summary.skipped.filter((s) => /access_token/.test(s.reason));
    expect(failed).toHaveLength(UNANSWERED_FETCHES_TO_STOP);
    // the first renewal and its 4 retries, then none
    expect(tokens).toBe(6);
    expect(failed[0]!.reason).toMatch(/failed after 5 attempts: POST \S+ \(client_credentials\): an HTML page, not JSON \(\d+ bytes, status 200, title "Reddit is down for maintenance"\), no access token/);
    for (const later of failed.slice(1)) expect(later.reason).toMatch(/not sent: Reddit's token endpoint failed earlier in this run \(5 attempts\): .*title "Reddit is down for maintenance"/);
    // the threads still queued are not fetched (no request), and what was fetched before stays stored, for the next
    // night to resume from
    const notFetched = summary.skipped.filter((s) => s.record === '(not fetched)');
    expect(notFetched.length).toBeGreaterThan(0);
    expect(summary.threadsNotFetched).toBe(notFetched.length);
    expect(store.countEvent(EVENT.id).threads).toBe(12 - failed.length - notFetched.length);
    store.close();
  });
});
