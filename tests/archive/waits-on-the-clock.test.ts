import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import type { ProgressEvent, SourceContext } from '../../src/sources/source.js';

// The run summary's "waited N s" and the progress line's retry seconds are time on the clock (README, and the `ms` of a
// wait event): the archive's requests run side by side (--concurrency), and their waits used to be added up, so four
// threads backing off together from one 503 read as four times the seconds the run spent.

const ARCHIVE = 'https://archive.test';
const ANSWER = JSON.stringify({ data: [], error: null });

afterEach(() => {
  nock.cleanAll();
});

describe('Arctic Shift client: waits of requests in flight together', () => {
  it('overlap on the clock and are not added up, in the wait events and in the stats', async () => {
    const scope = nock(ARCHIVE).get('/api/comments/search').query(true).times(4).reply(503, '').get('/api/comments/search').query(true).times(4).reply(200, ANSWER);
    const events: ProgressEvent[] = [];
    // the clock stands still while all four back off from the same moment
    const ctx: SourceContext = { now: () => 1_767_000_000, progress: (e) => events.push(e) };
    const slept: number[] = [];
    const client = createArcticShiftClient({ baseUrl: ARCHIVE, sleep: async (ms) => void slept.push(ms) });
    await Promise.all(['p1', 'p2', 'p3', 'p4'].map((id) => client.get('/api/comments/search', { link_id: id }, ctx)));
    expect(scope.isDone()).toBe(true);
    expect(slept).toEqual([1000, 1000, 1000, 1000]);
    const retryMs = events.reduce((n, e) => n + (e.kind === 'wait' && e.cause === 'retry' ? e.ms : 0), 0);
    expect(retryMs).toBe(1000);
    expect(client.stats().waitMs).toBe(1000);
  });

  it('one after the other, each counts in full', async () => {
    nock(ARCHIVE).get('/api/comments/search').query(true).reply(503, '').get('/api/comments/search').query(true).reply(200, ANSWER);
    nock(ARCHIVE).get('/api/comments/search').query(true).reply(503, '').get('/api/comments/search').query(true).reply(200, ANSWER);
    let now = 1_767_000_000;
    const client = createArcticShiftClient({
      baseUrl: ARCHIVE,
      sleep: async (ms) => {
        now += ms / 1000;
      },
    });
    const ctx: SourceContext = { now: () => now };
    await client.get('/api/comments/search', { link_id: 'p1' }, ctx);
    await client.get('/api/comments/search', { link_id: 'p2' }, ctx);
    expect(client.stats().waitMs).toBe(2000);
  });
});
