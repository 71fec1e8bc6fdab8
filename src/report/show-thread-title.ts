import type { Thread } from '../types.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';
import { redactUserMentions } from './redact-user-mentions.js';
import { sanitiseDisplayText } from './sanitise-display-text.js';

/**
 * The title a report shows for a submission: none once Reddit says it was deleted or removed. The store blanks a
 * purged thread's title as well; deciding it here too keeps the rule true for any report input, not only for rows the
 * store wrote. The renderers then write the thread's id, or leave the
 * "in “…”" out of a quote's attribution. A title is its poster's words, and may name a user ("u/name posts his
 * position"): without `withAuthors` the names it mentions are replaced as in quote text, so no report format, the
 * feed or a comparison publishes them through the title. Invisible and bidi control characters are dropped, as in
 * quote text (sanitiseDisplayText).
 */
export function showThreadTitle(thread: Pick<Thread, 'title' | 'status'> | undefined, options: { withAuthors: boolean }): string {
  if (thread === undefined || thread.status !== 'live') return '';
  // invisible and bidi controls dropped here, as in quote text (toQuote), so the JSON shows the title the other formats do
  const title = sanitiseDisplayText(decodeRedditEntities(thread.title));
  return options.withAuthors ? title : redactUserMentions(title);
}
