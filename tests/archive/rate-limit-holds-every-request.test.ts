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

  it('a request waiting out a pause keeps waiting when a later 429 lengthens it, instead of being sent at the first end', async () => {
    let now = 1_767_000_000;
    const sleeps: Array<{ ms: number; done: () => void }> = [];
    const client = createArcticShiftClient({
      baseUrl: ARCHIVE,
      sleep: (ms) => new Promise<void>((resolve) => void sleeps.push({ ms, done: resolve })),
    });
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // p3 is in flight when p1 meets a 429 asking for 5 s; p3's own answer, a 429 asking for 30 s, comes while p2 waits
    nock(ARCHIVE).get('/api/comments/search').query({ link_id: 'p3' }).reply(async () => {
      await gate;
      return [429, '', { 'retry-after': '30' }];
    });
    nock(ARCHIVE).get('/api/comments/search').query({ link_id: 'p1' }).reply(429, '', { 'retry-after': '5' });
    let p2Sent = 0;
    nock(ARCHIVE).persist().get('/api/comments/search').query(true).reply(() => {
      p2Sent++;
      return [200, ANSWER];
    });
    const settle = async (sleepsExpected: number): Promise<void> => {
      for (let i = 0; i < 200 && sleeps.length < sleepsExpected; i++) await new Promise((r) => setTimeout(r, 1));
      expect(sleeps).toHaveLength(sleepsExpected);
    };
    const ctx: SourceContext = { now: () => now };
    const p3 = client.get('/api/comments/search', { link_id: 'p3' }, ctx);
    const p1 = client.get('/api/comments/search', { link_id: 'p1' }, ctx);
    await settle(1); // p1 waits out its 5 s
    const p2 = client.get('/api/comments/search', { link_id: 'p2' }, ctx);
    await settle(2); // p2 waits out the same pause
    release();
    await settle(3); // p3's 429: the pause is 30 s from now
    expect(sleeps.map((s) => s.ms)).toEqual([5250, 5250, 30_250]);
    p2Sent = 0;
    now += 5.25;
    sleeps[1]!.done();
    // p2's wait is over, but the pause is not: before, p2 was sent straight into the window p3's 429 asked to leave alone
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
    expect(p2Sent).toBe(0);
    await settle(4);
    expect(sleeps[3]!.ms).toBe(25_000);
    sleeps[0]!.done();
    await settle(5);
    now += 25;
    for (const s of sleeps.slice(2)) s.done();
    await Promise.all([p1, p2, p3]);
    expect(p2Sent).toBe(3);
  });
});
