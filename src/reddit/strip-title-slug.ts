/**
 * A submission permalink without the slug Reddit makes from its title ("/r/x/comments/<id>/amazon_in_talks/" →
 * "/r/x/comments/<id>/"): Reddit serves both, and a purged submission must not keep its title in its link.
 */
export function stripTitleSlug(permalink: string): string {
  return permalink.replace(/(\/comments\/[a-z0-9]+\/)[^/?#]*\/?(?=[?#]|$)/i, '$1');
}
