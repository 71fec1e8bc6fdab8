import { z } from 'zod';
import { StoreError } from '../errors/errors.js';
import { parseStoredJson } from '../store/parse-stored-json.js';
import type { Store } from '../store/store.js';
import type { SkipRecord } from '../types.js';

// The list lived in the store's cursors table under this key (one JSON object, rewritten whole after every re-check
// answer) until schema 9 moved it to a table of its own. The upgrade moves a readable row and leaves a damaged one.
const LEGACY_KEY = 'recheck:unconfirmed';
const legacySchema = z.record(z.string(), z.number());

/**
 * Comments a deletion re-check asked about and could not confirm live (unreadable answer, left out of the answer, failed batch), by id, with
 * when that first happened. They are not quoted until a later re-check or refetch confirms them.
 */
export function readUnconfirmedComments(store: Store): Map<string, number> {
  const legacy = store.getCursorText(LEGACY_KEY);
  // a row the upgrade could not read: forgetting it would make its comments quotable again, so the command stops with
  // the remedy. A readable one can only have been written by hand since (the upgrade moves those): not trusted either
  if (legacy !== undefined) throw damaged(store, describeLegacyRow(legacy));
  return store.listUnconfirmedComments();
}

/** What is wrong with a leftover list row: why it does not parse, or, when it does, that it was left over at all. */
function describeLegacyRow(text: string): string {
  try {
    parseStoredJson(text, legacySchema, (why) => new StoreError(why));
  } catch (error) {
    return (error as Error).message;
  }
  return 'it is left over from before the list had a table of its own (schema 9), and its comments may not all be listed there';
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
        : `asked about but left out of Reddit's answer (not confirmed live: not quoted until a re-check confirms them; all ${n} are on the store's unconfirmed list, table unconfirmed_comments)`,
    kind: 'incomplete',
  });
  return out;
}

// The remedy is safe because a comment on the list never has its status_checked_at refreshed: the next deletion
// re-check of its event asks about it again and puts it back on the list if Reddit still gives no usable answer.
// Until that re-check, a report would quote such comments, hence "collect before any report".
function damaged(store: Store, why: string): StoreError {
  return new StoreError(
    `the store at ${store.path}: the list of comments not confirmed by the deletion re-check (cursors row "${LEGACY_KEY}") is damaged: ${why}. ` +
      `Delete that row (sqlite3 ${store.path} "DELETE FROM cursors WHERE key = '${LEGACY_KEY}'"), then run \`reactionlens collect --event <id>\` ` +
      'for each event before any report: its re-check asks again about every comment not confirmed live and rebuilds the list',
  );
}
