import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftSource } from '../../src/sources/arctic-shift-source.js';
import type { SourceContext } from '../../src/sources/source.js';
import { BASE, FROM, TO, answer, comment } from './archive-fixtures.js';

afterEach(() => {
  nock.cleanAll();
});

describe('time paging past a malformed record', () => {
  it('a record whose created_utc is no number costs that record only, not the rest of the thread', async () => {
    const source = createArcticShiftSource({ baseUrl: BASE, pageLimit: 2, sleep: async () => {} });
    const ctx: SourceContext = { now: () => TO + 30 * 86_400 };
    nock(BASE)
      .get('/api/posts/ids')
      .query(true)
      .reply(200, answer([{ id: 'p1', subreddit: 'stocks', title: 'Amazon OpenAI', permalink: '/r/stocks/comments/p1/x/', created_utc: FROM + 10 }]))
      .get('/api/comments/search')
      .query({ link_id: 'p1', after: String(FROM + 9), limit: '2', sort: 'asc' })
      .reply(200, answer([comment('c1', 'p1', 't3_p1', FROM + 100), { ...comment('bad', 'p1', 't3_p1', FROM + 150), created_utc: 'soon' }]))
      .get('/api/comments/search')
      .query({ link_id: 'p1', after: String(FROM + 99), limit: '2', sort: 'asc' })
      .reply(200, answer([comment('c1', 'p1', 't3_p1', FROM + 100), comment('c2', 'p1', 't1_c1', FROM + 200)]))
      .get('/api/comments/search')
      .query({ link_id: 'p1', after: String(FROM + 199), limit: '2', sort: 'asc' })
      .reply(200, answer([comment('c3', 'p1', 't1_c2', FROM + 300)]))
      .get('/api/comments/search')
      .query({ link_id: 'p1', after: String(FROM + 299), limit: '2', sort: 'asc' })
      .reply(200, answer([comment('c3', 'p1', 't1_c2', FROM + 300)]));
    const fetched = await source.fetchThread('p1', ctx);
    expect(fetched.comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(fetched.skipped.map((s) => [s.record, s.kind])).toEqual([['bad', 'invalid']]);
  });
});
