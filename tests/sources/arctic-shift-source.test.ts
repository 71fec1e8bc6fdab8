import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckedStatuses, ProgressEvent } from '../../src/sources/source.js';
import { createArcticShiftSource } from '../../src/sources/arctic-shift-source.js';
import { createRedditSource } from '../../src/sources/reddit-source.js';
import { withRedditRecheck } from '../../src/sources/with-reddit-recheck.js';
import { mountRedditInfo, RECHECK_ENV } from '../helpers/mount-reddit-info.js';
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

const posts = [post('aa1', FROM + 100), post('aa2', FROM + 5000, { subreddit: 'Stocks' }), post('aa3', FROM + 9000), post('old', FROM - 50)];
const comments = [...threadComments('aa1', 250, FROM + 200), ...threadComments('aa2', 40, FROM + 6000), ...threadComments('aa3', 3, FROM + 9100)];

describeSourceContract('arctic-shift', () => {
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

// With Reddit credentials the archive source re-checks with Reddit's /api/info (the Reddit source's own re-check): the
// contract's re-check cases run against it too.
describeSourceContract('arctic-shift with the Reddit re-check', () => {
  const archive = mountFakeArcticShift(BASE, { posts, comments });
  const reddit = mountRedditInfo({ posts, comments }, { gone: new Set(['aa1c1', 'aa1c4']) });
  const now = TO + 60 * 86_400;
  const source = withRedditRecheck(createArcticShiftSource({ baseUrl: BASE, sleep: async () => {} }), createRedditSource(RECHECK_ENV));
  return {
    source,
    event: makeEvent(),
    now: () => now,
    unknownThreadId: 'zzzzzz',
    teardown: () => {
      archive.unmount();
      reddit.unmount();
    },
  };
});

describe('arctic-shift with the Reddit re-check', () => {
  let unmount: Array<() => void> = [];
  afterEach(() => {
    for (const u of unmount.splice(0)) u();
  });

  it("asks Reddit, not the archive, and hands over Reddit's answers with its progress; stats() counts both clients", async () => {
    const archive = mountFakeArcticShift(BASE, { posts, comments });
    const reddit = mountRedditInfo({ posts, comments }, { gone: new Set(['aa1c1']) });
    unmount = [archive.unmount, reddit.unmount];
    const archiveOnly = createArcticShiftSource({ baseUrl: BASE, sleep: async () => {} });
    const source = withRedditRecheck(archiveOnly, createRedditSource(RECHECK_ENV));
    expect(source.name).toBe('arctic-shift');
    expect(source.archived).toBe(true);
    const events: ProgressEvent[] = [];
    const ctx = { now: () => TO + 86_400, progress: (e: ProgressEvent) => void events.push(e) };
    const found = await source.findThreads(makeEvent(), ctx);
    const fetched = await source.fetchThread(found.threads[0]!.id, ctx);
    const archiveRequests = archive.requests.length;
    const ids = fetched.comments.filter((c) => c.status === 'live').map((c) => c.id);
    const answers: CheckedStatuses[] = [];
    const failed = await source.checkStatus!(ids, ctx, (answer) => void answers.push(answer));
    expect(failed).toEqual([]);
    expect(answers).toHaveLength(Math.ceil(ids.length / 100)); // Reddit's 100 ids per /api/info request
    expect(answers[0]!.statuses.get('aa1c1')).toBe('deleted');
    expect(answers[0]!.statuses.get('aa1c0')).toBe('live');
    expect(archive.requests.length).toBe(archiveRequests);
    expect(reddit.asked).toHaveLength(ids.length);
    expect(events.filter((e) => e.kind === 'request' && e.path.startsWith('/api/info'))).toHaveLength(answers.length);
    expect(source.stats().requests).toBe(archive.requests.length + reddit.requests.length);
  });
});
