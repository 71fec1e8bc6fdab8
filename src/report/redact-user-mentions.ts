/** What a mentioned name reads as in published text; the mention's own prefix (`u/`, `/u/`, `@`) stays before it. */
export const REDACTED_NAME = '[user]';

// A name's characters, Reddit's Markdown escape of an underscore (the rich-text editor stores `u/a\_b`), and an `_` or
// `-` percent-encoded in a link (`/u/Some%5FGuy/`, which Reddit opens as /u/Some_Guy/): cut there, the rest of the
// name would be published after the marker.
const NAME = String.raw`(?:[\p{L}\p{N}_-]|\\_|%(?:5F|2D))+`;
// A handle starts with a letter or `_`, so a price or a multiplier ("@150", "@3x", "@ $5") is no mention; dotted
// parts (Bluesky's `@name.bsky.social`) and a Mastodon instance (`@name@host.social`) belong to it, a sentence's
// closing full stop does not.
const HANDLE = String.raw`[\p{L}_](?:[\p{L}\p{N}_]|\\_)*(?:[.-](?:[\p{L}\p{N}_]|\\_)+)*(?:@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*)?`;

// Not inside a word: no letter, digit or `/` right before it, nor an `_` that follows a letter or digit ("foo_u/x").
// An `_` after a space or at the start is Markdown emphasis (`_u/name_`, `__@name__`), and the mention inside it counts.
const NOT_IN_WORD = String.raw`(?<![\p{L}\p{N}/])(?<![\p{L}\p{N}]_)`;

// Right after Reddit's host in a link: one `/`, or two, as a pasted link joined from a base URL and a path has them
// (`reddit.com//u/name`), which Reddit opens as the same page, so the name in it is the same user's.
const AFTER_HOST = String.raw`reddit\.com\/\/?`;

/**
 * Reddit's `u/name`, `/u/name` and `/user/name`, and a user's profile subreddit `r/u_name`, standing on their own (not inside a word or a path, so "the
 * user/customer" and "example.com/u/x" stay), the same after `reddit.com/` (a profile link), and `@handle` not
 * preceded by a word character (an e-mail address is not a mention: `name@example.com` stays).
 */
const MENTION = new RegExp(
  String.raw`${NOT_IN_WORD}\/?u\/${NAME}|${NOT_IN_WORD}\/user\/${NAME}|(?<=${AFTER_HOST})(?:u|user)\/${NAME}|${NOT_IN_WORD}\/?r\/u_${NAME}|(?<=${AFTER_HOST})r\/u_${NAME}|(?<![\p{L}\p{N}@.+-])(?<![\p{L}\p{N}]_)@${HANDLE}`,
  'giu',
);

// Characters no reader sees: zero-width spaces and joiners, soft hyphens, bidi controls, other control characters.
// Redditors put one inside a mention so that it does not notify the user ("u/\u200Bspez"), and the renderers drop
// them (sanitiseDisplayText) or the browser hides them, so the name would be published as a plain "u/spez". Mentions
// are therefore found in the text as it is seen, without them.
const INVISIBLE = String.raw`[\p{Default_Ignorable_Code_Point}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]`;
const HAS_INVISIBLE = new RegExp(INVISIBLE, 'u');
const IS_INVISIBLE = new RegExp(`^${INVISIBLE}$`, 'u');
const ALL_INVISIBLE = new RegExp(INVISIBLE, 'gu');

/**
 * Whether a line names users and nothing else but spaces and punctuation ("@nixCraft", "u/a, u/b:"): a reply's address,
 * not part of what the commenter says. Found as the line is seen, as redactUserMentions finds mentions.
 */
export function isMentionOnly(line: string): boolean {
  if (!line.includes('/') && !line.includes('@')) return false;
  const seen = line.replace(ALL_INVISIBLE, '');
  const rest = seen.replace(MENTION, '');
  return rest !== seen && /^[\s\p{P}]*$/u.test(rest);
}

/**
 * The part of a link to a post on a user's profile that names them: `/r/u_<name>`, `/user/<name>` or `/u/<name>` right
 * before `/comments/<post>`, after `reddit.com` or standing on its own (a relative link, `r/u_<name>/comments/…` too).
 * It is taken out, as a permalink's is (stripProfilePath), not given a marker: `reddit.com/comments/<post>/…` opens
 * the post, `reddit.com/r/u_[user]/comments/<post>/…` opens nothing.
 */
const PROFILE_LINK = new RegExp(
  String.raw`(?:(?<=reddit\.com)\/\/?|${NOT_IN_WORD}\/?)(?:r\/u_${NAME}|u(?:ser)?\/${NAME})(?=\/comments\/[a-z0-9]+(?![\p{L}\p{N}_]))`,
  'giu',
);

/**
 * A link to a Reddit thread or comment (`reddit.com/r/<sub>/comments/<thread>/<slug>/…`, with or without the host, or
 * on a profile, `/r/u_<name>/` or `/user/<name>/`): matched from `comments/`, up to the slug and the `/` after it.
 * Groups: the thread id; the slug (Reddit's are letters, digits and `_`; a `\_` is the rich-text editor's escape of
 * one); a comment id right after it, when the link is a comment's.
 */
const THREAD_LINK = new RegExp(
  String.raw`(?<=(?:${AFTER_HOST}(?:(?:r|u|user)\/[^/\s]+\/)?|(?<![\p{L}\p{N}/.])\/?(?:r|u|user)\/[^/\s]+\/))comments\/([a-z0-9]+)\/((?:[\p{L}\p{N}_%-]|\\_)+)(?![\p{L}\p{N}_%\\-])(?:\/(?=([a-z0-9]+))|\/?)`,
  'giu',
);
/**
 * A slug that spells a user's name in a way no ordinary title word does. Reddit makes a slug from the title's words,
 * lowercased and joined by `_`, dropping every other character without a separator (real slugs: "Nvidia's" gives
 * `nvidias`, "2025-03-28" gives `20250328`). So a profile subreddit `r/u_name` gives `ru_name`, one written bare
 * `u_name`, and a profile link `reddit.com/u/name` (`/user/name`, `/r/u_name`) gives `redditcomuname`
 * (`redditcomusername`, `redditcomru_name`). A plain `u/name`, `/user/name` or `@handle` gives `uname`, `username`,
 * `handle`, which cannot be told from words ("update", "users"): the link's own thread, when the report holds it,
 * decides those (see RedactOptions).
 */
const SLUG_NAMES_USER = /(?:^|_)r?u_[\p{L}\p{N}]|redditcom(?:ru_|u)[\p{L}\p{N}_]/iu;

/** What a text's redaction may know besides the text. */
export interface RedactOptions {
  /**
   * Whether the title of the thread with this id (a thread the report holds) names a user: a link in the text to that
   * thread then loses its slug, which Reddit made from that title, as the thread's own permalink does (showPermalink).
   */
  titleNamesUser?: (threadId: string) => boolean;
}

/**
 * A thread link's replacement when its slug spells a user's name, as a permalink loses it (stripTitleSlug): a thread's
 * link ends at its id (`/comments/1abc/`), a comment's keeps `_` for the slug (`/comments/1abc/_/<comment>/`), which
 * Reddit opens the same way. Undefined when the slug names no one.
 */
function redactThreadLink(match: RegExpExecArray | RegExpMatchArray, options: RedactOptions): string | undefined {
  const slug = (match[2] ?? '').replace(/\\_/g, '_');
  if (!SLUG_NAMES_USER.test(slug) && options.titleNamesUser?.((match[1] ?? '').toLowerCase()) !== true) return undefined;
  const head = match[0].slice(0, slugStart(match));
  return match[3] === undefined ? head : `${head}_/`;
}

/** Where the slug starts in a THREAD_LINK match: after `comments/<thread>/`, which stays as written. */
function slugStart(match: RegExpExecArray | RegExpMatchArray): number {
  return match[0].length - (match[2] ?? '').length - (match[0].endsWith('/') ? 1 : 0);
}

/**
 * Replace the names of users a text mentions with a marker, keeping every other character: quotes are attributed
 * to the subreddit and permalink, not to people, so neither the commenter's name nor the names they address are
 * published without `--with-authors`. A link to another Reddit thread whose slug spells a user's name loses the slug,
 * as a permalink does (see redactThreadLink), and one to a post on a user's profile loses the profile part (PROFILE_LINK). Runs on decoded display text (Reddit escapes no character a mention uses).
 */
export function redactUserMentions(text: string, options: RedactOptions = {}): string {
  if (!text.includes('/') && !text.includes('@')) return text;
  if (!HAS_INVISIBLE.test(text)) {
    // thread links first: a slug is told by what comes before `comments/`, which may be a profile part taken out next
    return text
      .replace(THREAD_LINK, (...args: unknown[]) => redactThreadLink(args.slice(0, 4) as RegExpMatchArray, options) ?? (args[0] as string))
      .replace(PROFILE_LINK, '')
      .replace(MENTION, (mention) => mention.slice(0, nameOffset(mention)) + REDACTED_NAME);
  }
  // the text as seen, and where each of its UTF-16 units stands in the text
  let seen = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!IS_INVISIBLE.test(ch)) {
      seen += ch;
      for (let k = 0; k < ch.length; k++) at.push(i + k);
    }
    i += ch.length;
  }
  // what to replace, as [start, end) in the seen text: each profile part of a link (taken out whole), each mention's
  // name outside those, and each thread link's slug that names a user
  const edits: Array<{ start: number; end: number; keep: number; with: string }> = [];
  for (const match of seen.matchAll(PROFILE_LINK)) edits.push({ start: match.index, end: match.index + match[0].length, keep: 0, with: '' });
  const profiles = edits.slice();
  let p = 0; // both come in text order: the first profile part not ended before this mention
  for (const match of seen.matchAll(MENTION)) {
    while (p < profiles.length && profiles[p]!.end <= match.index) p++;
    if (p < profiles.length && profiles[p]!.start < match.index + match[0].length) continue;
    // the prefix stays as written (with any invisible character inside it); the name, with those inside it, is replaced
    edits.push({ start: match.index, end: match.index + match[0].length, keep: nameOffset(match[0]), with: REDACTED_NAME });
  }
  for (const match of seen.matchAll(THREAD_LINK)) {
    const replacement = redactThreadLink(match, options);
    if (replacement === undefined) continue;
    // "comments/<thread>/" stays as written; the slug, with any invisible character inside it, goes
    const keep = slugStart(match);
    edits.push({ start: match.index, end: match.index + match[0].length, keep, with: replacement.slice(keep) });
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  let seenFrom = 0;
  for (const edit of edits) {
    if (edit.start < seenFrom) continue; // overlaps one already made (none do: a slug holds no `/`, mentions in profile parts are left out above)
    const cutAt = at[edit.start + edit.keep]!;
    out += text.slice(from, cutAt) + edit.with;
    from = at[edit.end - 1]! + 1;
    seenFrom = edit.end;
  }
  return out + text.slice(from);
}

/** Where the name starts in a mention: after `@`, after `r/u_`, or after the last `/` of `u/`, `/user/`, `reddit.com/u/`. */
function nameOffset(mention: string): number {
  if (mention.startsWith('@')) return 1;
  const profile = /r\/u_/i.exec(mention);
  return profile === null ? mention.lastIndexOf('/') + 1 : profile.index + 4;
}
