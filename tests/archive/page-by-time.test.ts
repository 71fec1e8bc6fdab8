import { describe, expect, it } from 'vitest';
import type { ArcticShiftClient, QueryParams } from '../../src/archive/arctic-shift-client.js';
import { pageByTime } from '../../src/archive/page-by-time.js';
import type { SourceContext } from '../../src/sources/source.js';

// An in-memory archive behind the client interface: items sorted by time, `after` read as > or ≥ (the API does not say
// which), pages cut at the smaller of the limit asked and the archive's own cap, optionally thinned after the cut (a
// server-side filter), or answering every request with the first page (an API ignoring `after`).
interface FakeOptions {
  after?: 'gt' | 'ge';
  cap?: number;
  drop?: (id: string) => boolean;
  ignoreAfter?: boolean;
}

type Item = { id: string; created_utc: number };

function fakeArchive(items: Item[], options: FakeOptions = {}): ArcticShiftClient & { asked: QueryParams[] } {
  const asked: QueryParams[] = [];
  const sorted = [...items].sort((a, b) => a.created_utc - b.created_utc);
  return {
    baseUrl: 'https://arctic.test',
    asked,
    stats: () => ({ requests: asked.length, rateLimited: 0, waitMs: 0 }),
    async get(_path, params) {
      asked.push(params);
      if (asked.length > 1000) throw new Error('paging does not end');
      const after = options.ignoreAfter === true ? Number.NEGATIVE_INFINITY : Number(params.after);
      const before = params.before === undefined ? Number.POSITIVE_INFINITY : Number(params.before);
      const size = Math.min(Number(params.limit), options.cap ?? Number.POSITIVE_INFINITY);
      const inRange = sorted.filter((i) => (options.after === 'ge' ? i.created_utc >= after : i.created_utc > after) && i.created_utc < before);
      return inRange.slice(0, size).filter((i) => !(options.drop?.(i.id) ?? false));
    },
  };
}

const ctx: SourceContext = { now: () => 2_000_000_000 };
const T = 1_765_843_200;

/** `n` items, `perSecond` of them in each second from T + 10 on. */
function spread(n: number, perSecond = 1): Item[] {
  return Array.from({ length: n }, (_, i) => ({ id: `i${i}`, created_utc: T + 10 + Math.floor(i / perSecond) }));
}

const ids = (page: { items: unknown[] }): string[] => page.items.map((i) => (i as Item).id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

describe('pageByTime', () => {
  it('does not take a page shorter than asked for as the end: an archive capping its pages lower still gives every item', async () => {
    const items = spread(23);
    const client = fakeArchive(items, { cap: 5 });
    const page = await pageByTime(client, '/api/comments/search', {}, { from: T }, ctx, 10);
    expect(ids(page)).toEqual(items.map((i) => i.id));
    expect(page.skipped).toEqual([]);
  });

  it('pages on past a page a server-side filter shortened', async () => {
    const items = spread(30);
    // the archive cuts 10, then drops two of them: the first page holds 8 items though 22 more follow
    const client = fakeArchive(items, { drop: (id) => id === 'i3' || id === 'i4' });
    const page = await pageByTime(client, '/api/comments/search', {}, { from: T }, ctx, 10);
    expect(ids(page)).toEqual(items.map((i) => i.id).filter((id) => id !== 'i3' && id !== 'i4'));
    expect(page.skipped).toEqual([]);
  });

  it.each(['gt', 'ge'] as const)('ends one request after the last page, on a page that adds nothing new (after read as %s)', async (semantics) => {
    const items = spread(25, 2);
    const client = fakeArchive(items, { after: semantics });
    const page = await pageByTime(client, '/api/comments/search', {}, { from: T }, ctx, 10);
    expect(ids(page)).toEqual(items.map((i) => i.id));
    expect(page.skipped).toEqual([]);
    expect(page.requests).toBeLessThanOrEqual(5); // pages of 10, 10 (8 new), 9 (7 new), then the one that adds nothing
  });

  it('ends on an empty first page', async () => {
    const client = fakeArchive([]);
    const page = await pageByTime(client, '/api/posts/search', {}, { from: T, to: T + 86_400 }, ctx, 10);
    expect(page).toEqual({ items: [], skipped: [], requests: 1 });
  });

  it('terminates when the archive ignores `after` and repeats a full page, and says later items may be missing', async () => {
    const client = fakeArchive(spread(50), { ignoreAfter: true, after: 'ge' });
    const page = await pageByTime(client, '/api/comments/search', {}, { from: T }, ctx, 10);
    expect(ids(page)).toEqual(spread(10).map((i) => i.id));
    expect(client.asked.length).toBeLessThan(6);
    expect(page.skipped.at(-1)).toMatchObject({ kind: 'incomplete', reason: expect.stringContaining('later items may be missing') });
  });

  it('terminates quietly when the archive repeats a short page: it holds everything there is', async () => {
    const client = fakeArchive(spread(4), { ignoreAfter: true });
    const page = await pageByTime(client, '/api/comments/search', {}, { from: T }, ctx, 10);
    expect(ids(page)).toEqual(['i0', 'i1', 'i2', 'i3']);
    expect(page.skipped).toEqual([]);
    expect(page.requests).toBe(2);
  });

  it('still reports a full page inside one second, the only case where moving on may lose items', async () => {
    const items = [...spread(12, 12), { id: 'late', created_utc: T + 100 }];
    const client = fakeArchive(items, { after: 'ge' });
    const page = await pageByTime(client, '/api/comments/search', {}, { from: T }, ctx, 10);
    expect(ids(page)).toContain('late');
    expect(page.skipped).toEqual([expect.objectContaining({ kind: 'incomplete', reason: expect.stringContaining('within one second') })]);
  });
});
