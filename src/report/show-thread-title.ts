import type { Thread } from '../types.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';

/**
 * The title a report shows for a submission: none once Reddit says it was deleted or removed. The store blanks a
 * purged thread's title as well; deciding it here too keeps the rule true for any report input, not only for rows the
 * store wrote. The renderers then write the thread's id, or leave the
 * "in “…”" out of a quote's attribution.
 */
export function showThreadTitle(thread: Pick<Thread, 'title' | 'status'> | undefined): string {
  return thread === undefined || thread.status !== 'live' ? '' : decodeRedditEntities(thread.title);
}
