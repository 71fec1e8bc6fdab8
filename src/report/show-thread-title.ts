import type { Thread } from '../types.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';

/**
 * The title a report shows for a submission: none once Reddit says it was deleted or removed. The store blanks a
 * purged thread's title too; this also covers a thread whose status changed before its row was purged (a report
 * built from a store mid-run, or a test's hand-made input). The renderers then write the thread's id, or leave the
 * "in “…”" out of a quote's attribution.
 */
export function showThreadTitle(thread: Pick<Thread, 'title' | 'status'> | undefined): string {
  return thread === undefined || thread.status !== 'live' ? '' : decodeRedditEntities(thread.title);
}
