import { afterEach, describe, expect, it } from 'vitest';
import { collectThreadTree } from '../../src/reddit/collect-thread-tree.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { createVirtualClock, FakeReddit, generateSyntheticThread, mountFakeReddit, TEST_ENV } from '../helpers/synthetic-thread.js';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('collectThreadTree over the live client (nock)', () => {
  it('collects a 5,000-comment thread once each, with right parents, ≤100 ids per sequential morechildren call', async () => {
    const thread = generateSyntheticThread({ id: 'abc5k', comments: 5000, seed: 7 });
    const clock = createVirtualClock();
    const fake = new FakeReddit({ threads: [thread], now: clock.now, rateLimit: { perWindow: 1000, windowSeconds: 600 } });
    unmount = mountFakeReddit(fake);
    const api = createHttpRedditApi({ credentials: parseRedditCredentials(TEST_ENV), clock });

    const tree = await collectThreadTree(api, thread.id, 1_766_500_000);

    const ids = tree.comments.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(5000);
    const expected = new Map(thread.comments.map((c) => [c.id, c]));
    for (const c of tree.comments) {
      const truth = expected.get(c.id)!;
      expect(c.parentId).toBe(truth.parentId);
      expect(c.depth).toBe(truth.depth);
    }
    expect(tree.expected).toBe(5000);
    expect(tree.collected).toBe(5000);
    expect(fake.stats.maxIdsPerMoreChildren).toBeLessThanOrEqual(100);
    expect(fake.stats.maxConcurrentMoreChildren).toBe(1);
    expect(fake.stats.continueStubs.get(thread.id)?.size ?? 0).toBeGreaterThan(0);
    const made = tree.requests.comments + tree.requests.moreChildren + tree.requests.continue;
    expect(made).toBeLessThanOrEqual(Math.ceil(1.1 * fake.minimumRequests(thread.id)));
    expect(fake.stats.rateLimited).toBe(0);
  });
});
