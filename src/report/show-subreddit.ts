import { REDACTED_NAME } from './redact-user-mentions.js';

/** A user's profile is a subreddit named after them: `u_<name>`, its posts' links under `/r/u_<name>/` or `/user/<name>/`. */
const PROFILE_SUBREDDIT = /^u_/i;
const PROFILE_PATH = /^(https?:\/\/[^/?#]+)\/(?:r\/u_[^/?#]+|u(?:ser)?\/[^/?#]+)(?=\/comments\/)/i;

/**
 * The subreddit a report names: a post on a user's profile (found by a site-wide search, the archive or a dump) is in
 * the subreddit `u_<name>`, which spells the poster's name; without `withAuthors` it reads `u_[user]`, as a mention does.
 */
export function showSubreddit(subreddit: string, options: { withAuthors: boolean }): string {
  return !options.withAuthors && PROFILE_SUBREDDIT.test(subreddit) ? `u_${REDACTED_NAME}` : subreddit;
}

/**
 * A permalink without the profile part that names a poster (`/r/u_<name>` or `/user/<name>` before `/comments/`):
 * Reddit opens `https://www.reddit.com/comments/<thread>/…` the same way. Any other link is returned as it is.
 */
export function stripProfilePath(permalink: string): string {
  return permalink.replace(PROFILE_PATH, '$1');
}
