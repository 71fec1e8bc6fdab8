import nock from 'nock';
import { createArcticShiftSource } from '../../src/sources/arctic-shift-source.js';
import { comment, FROM, makeEvent, post, TO } from '../archive/archive-fixtures.js';
import { mountFakeArcticShift } from '../archive/fake-arctic-shift.js';
import { describeSourceContract } from './source-contract.js';

// The archive source against the shared Source contract, served by a fake
// Arctic Shift over nock. Its own regressions (paging, rate limits, _meta)
// are in tests/archive/arctic-shift-source.test.ts.

const BASE = 'https://arctic-contract.test';

function threadComments(threadId: string, count: number, start: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const id = `${threadId}c${i.toString(36)}`;
    // Every 3rd comment replies to the one before: chains of depth > 0; several share a second (paging edge).
    const parent = i % 3 === 0 || i === 0 ? `t3_${threadId}` : `t1_${threadId}c${(i - 1).toString(36)}`;
    const extra = i % 17 === 5 ? { _meta: { removal_type: 'moderator' } } : i % 19 === 7 ? { body: '[deleted]', author: '[deleted]' } : {};
    out.push(comment(id, threadId, parent, start + Math.floor(i / 2), extra));
  }
  return out;
}

describeSourceContract('arctic-shift', () => {
  const posts = [post('aa1', FROM + 100), post('aa2', FROM + 5000, { subreddit: 'Stocks' }), post('aa3', FROM + 9000), post('old', FROM - 50)];
  const comments = [...threadComments('aa1', 250, FROM + 200), ...threadComments('aa2', 40, FROM + 6000), ...threadComments('aa3', 3, FROM + 9100)];
  const { unmount } = mountFakeArcticShift(BASE, { posts, comments });
  const now = TO + 60 * 86_400;
  return {
    source: createArcticShiftSource({ baseUrl: BASE, sleep: async () => {} }),
    event: makeEvent(),
    now: () => now,
    unknownThreadId: 'zzzzzz',
    teardown: () => {
      unmount();
      nock.cleanAll();
    },
  };
});
