import type { ContentStatus } from '../types.js';

/**
 * The one definition of "unconfirmed" that the run summary, the report and `quotes` share: the event's stored comments
 * that are live and on the store's unconfirmed list, tagged or not, excluded or not. They are the comments withheld
 * from quotes for that reason; a purged one is gone from quotes anyway.
 */
export function countUnconfirmed(comments: Iterable<{ id: string; status: ContentStatus }>, unconfirmed: { has(id: string): boolean } | undefined): number {
  if (unconfirmed === undefined) return 0;
  let n = 0;
  for (const c of comments) if (c.status === 'live' && unconfirmed.has(c.id)) n++;
  return n;
}
