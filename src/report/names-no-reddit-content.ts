/**
 * Whether a file's text carries nothing a reactionlens report or comparison is recognised by, nor any place a quote's
 * source could be named: no `reactionlens/` schema, no Reddit link or `/comments/` path, no comment-id field or column,
 * no `data-comment-id`. Such a file cannot be publishing a deleted comment's words as a quote, so the comparison scrub
 * leaves a stray `compare-*.json` of the user's (notes, another tool's output) alone instead of naming it as not
 * checked (exit 4) every night. A damaged comparison still names its quotes' permalinks, so it is still named.
 */
export function namesNoRedditContent(content: string): boolean {
  return !REDDIT_MARK.test(content);
}

const REDDIT_MARK = /reactionlens\/|reddit\.com|redd\.it|\/comments\/|comment_?id|data-comment-id|## Reddit reaction compared/i;
