import { stripTitleSlug } from '../reddit/strip-title-slug.js';
import { toAbsolutePermalink } from '../reddit/to-domain.js';
import type { Thread } from '../types.js';
import { showsProfileName, stripProfilePath, type ProfileOptions } from './show-subreddit.js';
import { titleNamesUser } from './title-names-user.js';
import { toSafeUrl } from './to-safe-url.js';

/**
 * The link a report (or the quotes feed) shows for a submission or one of its comments: without the slug Reddit makes
 * from the submission's title once Reddit says the submission was deleted or removed, as showThreadTitle shows no
 * title then (a thread the input does not hold counts as not live there too). The store strips such links already;
 * deciding it here too keeps the rule true for any report input. A comment's link keeps a "_" where the slug was, so it
 * still opens the comment (see stripTitleSlug). A link to another host shows Reddit's with its path. Without `withAuthors`, a title that names a user loses its slug as
 * well: showThreadTitle hides the name in the title, and the slug ("udeepvalue_99_posts_his_position") would spell it (see titleNamesUser);
 * and a link to a post on a user's profile loses the profile part that names the poster (`/r/u_<name>/`, see showSubreddit),
 * as it does with `withAuthors` for a deleted account's post and its comments (`deletedAccount`).
 */
export function showPermalink(stored: string, thread: Pick<Thread, 'status' | 'title'> | undefined, options: ProfileOptions): string {
  const shown = choosePermalink(stored, thread, options);
  // a permalink is a URL: percent-encoded here, as the Markdown, HTML and CSV links are (toSafeUrl), so the JSON report
  // and feed carry the very link the other formats open; toAbsolutePermalink always gives an https URL on Reddit's host
  return toSafeUrl(shown) || shown;
}

function choosePermalink(stored: string, thread: Pick<Thread, 'status' | 'title'> | undefined, options: ProfileOptions): string {
  // reports label the link "Reddit, r/…": a link on another host, stored before records were checked for it, is shown
  // on Reddit's (the same rule the sources apply to new records)
  const permalink = showsProfileName(options) ? toAbsolutePermalink(stored) : stripProfilePath(toAbsolutePermalink(stored));
  if (thread === undefined || thread.status !== 'live') return stripTitleSlug(permalink);
  if (options.withAuthors) return permalink;
  return titleNamesUser(thread) ? stripTitleSlug(permalink) : permalink;
}
