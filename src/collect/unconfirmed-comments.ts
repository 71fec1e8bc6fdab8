import { z } from 'zod';
import { StoreError } from '../errors/errors.js';
import type { Store } from '../store/store.js';

// Kept in the store's key-value table (cursors) rather than a column: it is a short list (comments whose re-check
// answer was unreadable or never came), read whole by each report and rewritten whole by each re-check.
const KEY = 'recheck:unconfirmed';
const schema = z.record(z.string(), z.number());

/**
 * Comments a deletion re-check asked about and could not confirm live (unreadable answer, failed batch), by id, with
 * when that first happened. They are not quoted until a later re-check or refetch confirms them.
 */
export function readUnconfirmedComments(store: Store): Map<string, number> {
  const parsed = schema.safeParse(store.getCursor(KEY) ?? {});
  // forgetting the list would make its comments quotable again: a damaged entry stops the command instead
  if (!parsed.success) throw new StoreError(`store error: ${store.path}: the list of comments not confirmed by the re-check (cursor "${KEY}") is damaged`);
  return new Map(Object.entries(parsed.data));
}

export function saveUnconfirmedComments(store: Store, unconfirmed: ReadonlyMap<string, number>, now: number): void {
  store.setCursor(KEY, Object.fromEntries([...unconfirmed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), now);
}
