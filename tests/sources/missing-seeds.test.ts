import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { RedditApi } from '../../src/reddit/reddit-api.js';
import { infoListingSchema, searchListingSchema } from '../../src/reddit/reddit-schemas.js';
import { createArcticShiftSource } from '../../src/sources/arctic-shift-source.js';
import { createRedditApiSource } from '../../src/sources/reddit-api-source.js';
import { BASE, FROM, answer, makeEvent, post } from '../archive/archive-fixtures.js';

afterEach(() => {
  nock.cleanAll();
});

// A seed thread is one the user named on purpose: one the source does not return (a typo, a private or banned
// subreddit) must not leave a run that reads as complete.
describe('a seed thread the source does not return', () => {
  it('is a skip record from the live source (the run is partial), the seeds it returned are kept', async () => {
    const api: RedditApi = {
      search: () => Promise.resolve(searchListingSchema.parse({ kind: 'Listing', data: { after: null, children: [] } })),
      comments: () => Promise.reject(new Error('not used')),
      moreChildren: () => Promise.reject(new Error('not used')),
      info: () =>
        Promise.resolve(
          infoListingSchema.parse({
            kind: 'Listing',
            data: { after: null, children: [{ kind: 't3', data: { id: 's1', subreddit: 'stocks', title: 'Seed', permalink: '/r/stocks/comments/s1/s/', created_utc: FROM + 100 } }] },
          }),
        ),
      stats: () => ({ requests: 0, rateLimited: 0, waitMs: 0 }),
    };
    const found = await createRedditApiSource('test', api).findThreads(makeEvent({ seedThreads: ['s1', 'typo9'] }), { now: () => FROM + 86_400 });
    expect(found.threads.map((t) => t.id)).toEqual(['s1']);
    expect(found.skipped).toEqual([
      { source: '/api/info?id=s1,typo9', record: 'thread typo9', reason: expect.stringContaining('seed thread (seedThreads) not found: Reddit did not return it'), kind: 'incomplete' },
    ]);
    // the operator reading the log next morning is told what to do, not only what happened
    expect(found.skipped[0]?.reason).toContain("check the id in the event file's seedThreads");
  });

  it('is a skip record from the archive source too', async () => {
    nock(BASE)
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([]))
      .get('/api/posts/ids')
      .query({ ids: 'old1,typo9' })
      .reply(200, answer([post('old1', FROM - 90 * 86_400)]));
    const source = createArcticShiftSource({ baseUrl: BASE, sleep: async () => {} });
    const found = await source.findThreads(makeEvent({ seedThreads: ['old1', 'typo9'] }), { now: () => FROM + 86_400 });
    expect(found.threads.map((t) => t.id)).toEqual(['old1']);
    expect(found.skipped).toEqual([
      { source: `${BASE}/api/posts/ids`, record: 'thread typo9', reason: expect.stringContaining('not found: the Arctic Shift archive did not return it'), kind: 'incomplete' },
    ]);
  });
});
