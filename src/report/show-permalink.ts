import { stripTitleSlug } from '../reddit/strip-title-slug.js';
import type { Thread } from '../types.js';

/**
 * The link a report (or the quotes feed) shows for a submission or one of its comments: without the slug Reddit makes
 * from the submission's title once Reddit says the submission was deleted or removed, as showThreadTitle shows no
 * title then (a thread the input does not hold counts as not live there too). The store strips such links already;
 * deciding it here too keeps the rule true for any report input. A comment's link keeps a "_" where the slug was, so it
 * still opens the comment (see stripTitleSlug).
 */
export function showPermalink(permalink: string, thread: Pick<Thread, 'status'> | undefined): string {
  return thread !== undefined && thread.status === 'live' ? permalink : stripTitleSlug(permalink);
}
