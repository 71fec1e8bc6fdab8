import { z } from 'zod';
import type { SourceContext } from '../sources/source.js';
import type { SkipRecord } from '../types.js';
import type { ArcticShiftClient, QueryParams } from './arctic-shift-client.js';

const pagingKeySchema = z.object({ id: z.string(), created_utc: z.union([z.number(), z.string().transform(Number)]) });

export interface TimePage {
  /** Raw items (deduplicated by id), in the order the archive gave them. */
  items: unknown[];
  skipped: SkipRecord[];
  requests: number;
}

/**
 * Reads a `sort=asc` search from `from` to `to` (inclusive, epoch seconds) by
 * moving `after` to the last item's created_utc. The next `after` is one
 * second earlier so items sharing the last second are not lost whether the
 * API treats `after` as > or ≥; duplicates are dropped by id. If a whole page
 * sits inside one already-seen second, `after` jumps past it (the only way to
 * progress) and that is reported.
 *
 * A page shorter than `limit` does not end the paging: an API may cap its pages lower than asked, or filter a page
 * after cutting it, and a short page taken as the end would silently drop the rest of a big thread. The paging ends on
 * an empty page, or on a page that adds nothing new and is not full (everything the archive holds from `after` on is
 * then in it, and held already): the usual end costs one more request than trusting a short page. A page is full at
 * `limit` items, or at the length of a short page the archive has shown was not its end. `after` moves forward on
 * every request, so an API that ignores it (answering the same page again) cannot keep the paging going: once a full
 * page has nothing new and nothing at or past `after`, it stops, and says so.
 */
export async function pageByTime(
  client: ArcticShiftClient,
  path: string,
  params: QueryParams,
  window: { from: number; to?: number | undefined },
  ctx: SourceContext,
  limit = 100,
): Promise<TimePage> {
  const seen = new Set<string>();
  const items: unknown[] = [];
  const skipped: SkipRecord[] = [];
  let after = Math.floor(window.from) - 1;
  const before = window.to === undefined ? undefined : Math.floor(window.to) + 1;
  let requests = 0;
  // the most items a page holds, as far as the archive has shown: `limit` until a short page turns out not to have
  // been the end (a page after it brought new items), which an API capping its pages lower (or filtering them) does
  let cap = limit;
  let previousLength = 0;
  for (;;) {
    ctx.signal?.throwIfAborted();
    const page = await client.get(path, { ...params, after, before, limit, sort: 'asc' }, ctx);
    requests++;
    let fresh = 0;
    let last = Number.NEGATIVE_INFINITY;
    for (const item of page) {
      const key = pagingKeySchema.safeParse(item);
      if (key.success) {
        // a time that is no number (`"created_utc": "soon"`) says nothing about where the page ends: Math.max would turn
        // `last` into NaN and end the paging here, silently dropping every later item (the record itself is reported by
        // the caller's schema)
        if (Number.isFinite(key.data.created_utc)) last = Math.max(last, key.data.created_utc);
        if (seen.has(key.data.id)) continue;
        seen.add(key.data.id);
      }
      // Items without an id/time are kept so the caller reports them with its schema's message.
      fresh++;
      items.push(item);
    }
    if (fresh > 0 && previousLength > 0 && previousLength < cap) cap = previousLength;
    previousLength = page.length;
    if (page.length === 0 || !Number.isFinite(last)) break;
    if (before !== undefined && last >= before) break;
    const full = page.length >= cap;
    if (fresh === 0 && !full) break;
    if (fresh === 0 && last < after) {
      // an honest answer holds nothing before `after`: the archive answered another page than the one asked for
      skipped.push({
        source: `${client.baseUrl}${path}`,
        record: `created_utc ${after + 1}`,
        reason: 'the archive answered with items from before the time asked for (the page before, again); paging stopped there, so later items may be missing',
        kind: 'incomplete',
      });
      break;
    }
    let next = fresh > 0 ? Math.floor(last) - 1 : Math.floor(last);
    if (next <= after) {
      next = after + 1;
      // a short page held every item of that second: moving past it loses nothing
      if (full) {
        skipped.push({
          source: `${client.baseUrl}${path}`,
          record: `created_utc ${after + 1}`,
          reason: `at least ${page.length} items (a full page) within one second; some of them may be missing`,
          kind: 'incomplete',
        });
      }
    }
    after = next;
  }
  return { items, skipped, requests };
}
