/** A comment permalink: `/comments/<thread>/<slug>/<comment>/`; groups: up to the thread's `/`, the comment id and what ends it. */
const COMMENT_PERMALINK = /(\/comments\/[a-z0-9]+\/)[^/?#]*\/([a-z0-9]+)(\/?)(?=[?#]|$)/i;
/** A submission permalink: `/comments/<thread>/<slug>/`; group: up to the thread's `/`. */
const THREAD_PERMALINK = /(\/comments\/[a-z0-9]+\/)[^/?#]*\/?(?=[?#]|$)/i;

/**
 * A permalink without the slug Reddit makes from the submission's title, so a purged submission does not keep its
 * title in a link:
 * - a submission's: "/r/x/comments/<id>/amazon_in_talks/" → "/r/x/comments/<id>/" (Reddit serves both);
 * - a comment's: "/r/x/comments/<id>/amazon_in_talks/<comment>/" → "/r/x/comments/<id>/_/<comment>/". The slug's
 *   segment is kept with "_" in it, not dropped: Reddit reads the segment after the thread id as the slug whatever it
 *   holds, so "/comments/<id>/<comment>/" would open the thread, not the comment. "_" is the placeholder Reddit uses
 *   itself (its "continue this thread" stubs are fetched at /comments/<thread>/_/<comment>, see REDDIT.md), and the form
 *   reactionlens already builds when a source gives a comment no permalink (toComment, toArchiveComment).
 * Any other string (already without a slug, not a Reddit permalink) is returned as it is.
 */
export function stripTitleSlug(permalink: string): string {
  if (COMMENT_PERMALINK.test(permalink)) return permalink.replace(COMMENT_PERMALINK, '$1_/$2$3');
  return permalink.replace(THREAD_PERMALINK, '$1');
}

