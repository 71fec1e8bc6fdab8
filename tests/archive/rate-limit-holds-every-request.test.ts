import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import type { ProgressEvent, SourceContext } from '../../src/sources/source.js';

// The archive's rate limit is the run's, and a run's thread fetches ask it side by side (--concurrency). An answer
// saying the budget is spent (x-ratelimit-remaining: 0), or a 429 asking for a pause, used to hold back only the next
// request the client sent (or only the one answered 429): the others went straight into the spent window, each meeting
// a 429 of its own and spending its retries on it.

const ARCHIVE = 'https://archive.test';
const ANSWER = JSON.stringify({ data: [], error: null });

afterEach(() => {
  nock.cleanAll();
});

describe('Arctic Shift client: a rate-limit pause holds every request of the run', () => {
  it('a spent budget (remaining 0, reset 5 s) is waited out by each of the requests sent after it, not only the first', async () => {
    nock(ARCHIVE).get('/api/posts/search').query(true).reply(200, ANSWER, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' });
    const scope = nock(ARCHIVE).get('/api/comments/search').query(true).times(3).reply(200, ANSWER);
    // the clock stands still: every request sent after the spent answer is inside the window
    const ctx: SourceContext = { now: () => 1_767_000_000 };
    const slept: number[] = [];
    const client = createArcticShiftClient({ baseUrl: ARCHIVE, sleep: async (ms) => void slept.push(ms) });
    await client.get('/api/posts/search', { subreddit: 'stocks' }, ctx);
    await Promise.all(['p1', 'p2', 'p3'].map((id) => client.get('/api/comments/search', { link_id: id }, ctx)));
    expect(scope.isDone()).toBe(true);
    // before: [5000], the other two sent at once
    expect(slept).toEqual([5000, 5000, 5000]);
  });

  it("a 429's Retry-After holds the requests sent while it lasts, and is waited out once by the one answered", async () => {
    nock(ARCHIVE).get('/api/comments/search').query(true).reply(429, '', { 'retry-after': '5' });
    const scope = nock(ARCHIVE).get('/api/comments/search').query(true).times(2).reply(200, ANSWER);
    let now = 1_767_000_000;
    const slept: Array<[string, number]> = [];
    const client = createArcticShiftClient({
      baseUrl: ARCHIVE,
      sleep: async (ms) => {
        now += ms / 1000;
      },
    });
    let second: Promise<unknown[]> | undefined;
    let asked = false;
    const progress = (who: string) => (e: ProgressEvent) => {
      if (e.kind !== 'wait') return;
      slept.push([who, e.ms]);
      if (asked) return;
      asked = true;
      // p2 is asked for while p1 waits out its 429 (before p1's wait has moved the clock)
      second = client.get('/api/comments/search', { link_id: 'p2' }, { now: () => now, progress: progress('p2') });
    };
    await client.get('/api/comments/search', { link_id: 'p1' }, { now: () => now, progress: progress('p1') });
    await second;
    expect(scope.isDone()).toBe(true);
    // the 429's 5 s and the 250 ms of slack; p2 waits it out too (before: p2 was sent at once). The two waits are side by
    // side, so the second adds nothing on the clock.
    expect(slept).toEqual([
      ['p1', 5250],
      ['p2', 0],
    ]);
  });
});
