import { DELETED_AUTHOR } from '../types.js';
import type { Comment, Thread } from '../types.js';
import { REDACTED_NAME } from './redact-user-mentions.js';

/** A user's profile is a subreddit named after them: `u_<name>`, its posts' links under `/r/u_<name>/` or `/user/<name>/`. */
const PROFILE_SUBREDDIT = /^u_/i;
const PROFILE_PATH = /^(https?:\/\/[^/?#]+)\/(?:r\/u_[^/?#]+|u(?:ser)?\/[^/?#]+)(?=\/comments\/)/i;

/** How a report is told to show a profile's name: `deletedAccount` when the profile may be a deleted account's (see postedByDeletedAccount). */
export interface ProfileOptions {
  withAuthors: boolean;
  deletedAccount?: boolean;
}

/**
 * The subreddit a report names: a post on a user's profile (found by a site-wide search, the archive or a dump) is in
 * the subreddit `u_<name>`, which spells the poster's name; without `withAuthors` it reads `u_[user]`, as a mention does,
 * and so it does with `withAuthors` for a deleted account's post and the comments on it, whose name is never shown.
 */
export function showSubreddit(subreddit: string, options: ProfileOptions): string {
  return showsProfileName(options) || !PROFILE_SUBREDDIT.test(subreddit) ? subreddit : `u_${REDACTED_NAME}`;
}

/** Whether a profile's name (`u_<name>`, `/r/u_<name>/`) may be shown: with `withAuthors`, unless the account is deleted. */
export function showsProfileName(options: ProfileOptions): boolean {
  return options.withAuthors && options.deletedAccount !== true;
}

/**
 * Whether the profile a thread (and every comment in it) was posted on may be a deleted account's, so that it must not
 * be named, not even with `--with-authors`: a thread whose author reads `[deleted]` (a deleted account's post that kept
 * its text) or that is stored deleted (a deleted account's link post cannot be told from one its author deleted, and is
 * stored so: both count). The profile is the thread's poster's, so a comment decides nothing while its thread is
 * known: a deleted account's comment on a live account's profile names that live profile, as the thread list, the
 * subreddit rows and the other comments there do. Only without its thread does a comment whose author reads `[deleted]`
 * count, since it may be the owner's own.
 */
export function postedByDeletedAccount(thread: Pick<Thread, 'status' | 'author'> | undefined, comment?: Pick<Comment, 'author'>): boolean {
  if (thread === undefined) return comment?.author === DELETED_AUTHOR;
  return thread.status === 'deleted' || thread.author === DELETED_AUTHOR;
}

/**
 * A permalink without the profile part that names a poster (`/r/u_<name>` or `/user/<name>` before `/comments/`):
 * Reddit opens `https://www.reddit.com/comments/<thread>/…` the same way. Any other link is returned as it is.
 */
export function stripProfilePath(permalink: string): string {
  return permalink.replace(PROFILE_PATH, '$1');
}
