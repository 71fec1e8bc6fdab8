import { afterEach, describe, expect, it } from 'vitest';
import { collectThreadTree } from '../../src/reddit/collect-thread-tree.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import type { RedditApi } from '../../src/reddit/reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { commentsResponseSchema } from '../../src/reddit/reddit-schemas.js';
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

describe('collectThreadTree with an unreadable comment', () => {
  const comment = (id: string, parent: string, extra: Record<string, unknown> = {}) => ({
    kind: 't1',
    data: { id, parent_id: parent, link_id: 't3_th1', subreddit: 'stocks', body: `comment ${id}`, author: 'someone', score: 1, created_utc: 1_766_000_100, ...extra },
  });
  const listing = (children: unknown[]) => ({ kind: 'Listing', data: { after: null, children } });
  const page = [
    listing([{ kind: 't3', data: { id: 'th1', subreddit: 'stocks', title: 'A thread', permalink: '/r/stocks/comments/th1/a/', created_utc: 1_766_000_000, num_comments: 4 } }]),
    listing([
      comment('c1', 't3_th1'),
      // a wrong field type: the comment is skipped, its readable reply is kept
      comment('c2', 't3_th1', { score: 'oops', replies: listing([comment('c3', 't1_c2')]) }),
      // no id at all
      { kind: 't1', data: { parent_id: 't3_th1', body: 'x' } },
      comment('c4', 't3_th1'),
    ]),
  ];
  const api: RedditApi = {
    search: () => Promise.reject(new Error('not used')),
    comments: () => Promise.resolve(commentsResponseSchema.parse(page)),
    moreChildren: () => Promise.reject(new Error('not used')),
    info: () => Promise.reject(new Error('not used')),
    stats: () => ({ requests: 1, rateLimited: 0, waitMs: 0 }),
  };

  it('skips only that comment, naming it and its field, and keeps the rest of the thread', async () => {
    const tree = await collectThreadTree(api, 'th1', 1_766_500_000);
    expect(tree.comments.map((c) => c.id).sort()).toEqual(['c1', 'c3', 'c4']);
    expect(tree.skipped).toEqual([
      { source: '/comments/th1', record: 'comment c2', reason: expect.stringMatching(/data\.score: .*number/), kind: 'invalid' },
      { source: '/comments/th1', record: '(a comment without an id)', reason: expect.stringMatching(/data\.id/), kind: 'invalid' },
    ]);
  });
});
