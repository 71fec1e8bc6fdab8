import { z } from 'zod';
import { StoreError } from '../errors/errors.js';
import { parseStoredJson } from '../store/parse-stored-json.js';
import type { Store } from '../store/store.js';
import type { SkipRecord } from '../types.js';

// Kept in the store's key-value table (cursors) rather than a column: it is a short list (comments whose re-check
// answer was unreadable or never came), read whole by each report and rewritten whole by each re-check.
const KEY = 'recheck:unconfirmed';
const schema = z.record(z.string(), z.number());

/**
 * Comments a deletion re-check asked about and could not confirm live (unreadable answer, left out of the answer, failed batch), by id, with
 * when that first happened. They are not quoted until a later re-check or refetch confirms them.
 */
export function readUnconfirmedComments(store: Store): Map<string, number> {
  const text = store.getCursorText(KEY);
  if (text === undefined) return new Map();
  // forgetting the list would make its comments quotable again: a damaged entry (null included) stops the command instead
  const list = parseStoredJson(text, schema, (why, cause) => damaged(store, why, cause));
  return new Map(Object.entries(list));
}

export function saveUnconfirmedComments(store: Store, unconfirmed: ReadonlyMap<string, number>, now: number): void {
  store.setCursor(KEY, Object.fromEntries([...unconfirmed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), now);
}

/** Ids named in the one skip record for comments left out of the answer; the rest stay on the unconfirmed list. */
const NAMED_IDS = 5;

/**
 * The skip records a deletion re-check leaves: `skipped` are its own (unreadable answers, failed batches), `unanswered`
 * the comments asked about and left out of Reddit's answer — one record for all of them, counting them and naming the
 * first few (a night when Reddit leaves out hundreds would otherwise print hundreds of identical lines; the full list
 * is the store's unconfirmed list). An unreadable answer is Reddit's, not the user's input: the night is partial
 * (exit 4), not a usage error (exit 2). Only news alerts: when no comment is newly unconfirmed tonight (`isNews`
 * false), the answers about the known ones are not skip records again (the summary still counts them), so one item
 * Reddit keeps serving unreadable does not fail every night's cron job.
 */
export function toRecheckSkipRecords(skipped: readonly SkipRecord[], unanswered: readonly string[], isNews: boolean): SkipRecord[] {
  const withheld = '(not confirmed live: not quoted until a re-check confirms it)';
  const out: SkipRecord[] = [];
  for (const record of skipped) {
    if (record.kind !== 'invalid') out.push(record);
    else if (isNews) out.push({ ...record, kind: 'incomplete', reason: `${record.reason} ${withheld}` });
  }
  if (!isNews || unanswered.length === 0) return out;
  const n = unanswered.length;
  const named = unanswered.slice(0, NAMED_IDS).join(', ');
  out.push({
    source: '/api/info (deletion re-check)',
    record: n === 1 ? `comment ${named}` : `${n} comments: ${named}${n > NAMED_IDS ? ` and ${n - NAMED_IDS} more` : ''}`,
    reason:
      n === 1
        ? `asked about but left out of Reddit's answer ${withheld}`
        : `asked about but left out of Reddit's answer (not confirmed live: not quoted until a re-check confirms them; all ${n} are on the store's unconfirmed list, cursors row "${KEY}")`,
    kind: 'incomplete',
  });
  return out;
}

// The remedy is safe because a comment on the list never has its status_checked_at refreshed: the next deletion
// re-check of its event asks about it again and puts it back on the list if Reddit still gives no usable answer.
// Until that re-check, a report would quote such comments, hence "collect before any report".
function damaged(store: Store, why: string, cause: unknown): StoreError {
  return new StoreError(
    `the store at ${store.path}: the list of comments not confirmed by the deletion re-check (cursors row "${KEY}") is damaged: ${why}. ` +
      `Delete that row (sqlite3 ${store.path} "DELETE FROM cursors WHERE key = '${KEY}'"), then run \`reactionlens collect --event <id>\` ` +
      'for each event before any report: its re-check asks again about every comment not confirmed live and rebuilds the list',
    { cause },
  );
}
