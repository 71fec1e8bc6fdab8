import type { Thread } from '../types.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';

/**
 * The title a report shows for a submission: none once Reddit says it was deleted or removed (the store keeps the
 * title, but a report does not publish the words of a withdrawn post). The renderers then write the thread's id, or
 * leave the "in “…”" out of a quote's attribution.
 */
export function showThreadTitle(thread: Pick<Thread, 'title' | 'status'> | undefined): string {
  return thread === undefined || thread.status !== 'live' ? '' : decodeRedditEntities(thread.title);
}
