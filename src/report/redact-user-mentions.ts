/** What a mentioned name reads as in published text; the mention's own prefix (`u/`, `/u/`, `@`) stays before it. */
export const REDACTED_NAME = '[user]';

// A name's characters, and Reddit's Markdown escape of an underscore (the rich-text editor stores `u/a\_b`).
const NAME = String.raw`(?:[\p{L}\p{N}_-]|\\_)+`;
// A handle starts with a letter or `_`, so a price or a multiplier ("@150", "@3x", "@ $5") is no mention; dotted
// parts (Bluesky's `@name.bsky.social`) and a Mastodon instance (`@name@host.social`) belong to it, a sentence's
// closing full stop does not.
const HANDLE = String.raw`[\p{L}_](?:[\p{L}\p{N}_]|\\_)*(?:[.-](?:[\p{L}\p{N}_]|\\_)+)*(?:@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*)?`;

// Not inside a word: no letter, digit or `/` right before it, nor an `_` that follows a letter or digit ("foo_u/x").
// An `_` after a space or at the start is Markdown emphasis (`_u/name_`, `__@name__`), and the mention inside it counts.
const NOT_IN_WORD = String.raw`(?<![\p{L}\p{N}/])(?<![\p{L}\p{N}]_)`;

/**
 * Reddit's `u/name`, `/u/name` and `/user/name`, and a user's profile subreddit `r/u_name`, standing on their own (not inside a word or a path, so "the
 * user/customer" and "example.com/u/x" stay), the same after `reddit.com/` (a profile link), and `@handle` not
 * preceded by a word character (an e-mail address is not a mention: `name@example.com` stays).
 */
const MENTION = new RegExp(
  String.raw`${NOT_IN_WORD}\/?u\/${NAME}|${NOT_IN_WORD}\/user\/${NAME}|(?<=reddit\.com\/)(?:u|user)\/${NAME}|${NOT_IN_WORD}\/?r\/u_${NAME}|(?<=reddit\.com\/)r\/u_${NAME}|(?<![\p{L}\p{N}@.+-])(?<![\p{L}\p{N}]_)@${HANDLE}`,
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
 * Replace the names of users a text mentions with a marker, keeping every other character: quotes are attributed
 * to the subreddit and permalink, not to people, so neither the commenter's name nor the names they address are
 * published without `--with-authors`. Runs on decoded display text (Reddit escapes no character a mention uses).
 */
export function redactUserMentions(text: string): string {
  if (!text.includes('/') && !text.includes('@')) return text;
  if (!HAS_INVISIBLE.test(text)) return text.replace(MENTION, (mention) => mention.slice(0, nameOffset(mention)) + REDACTED_NAME);
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
  let out = '';
  let from = 0;
  for (const match of seen.matchAll(MENTION)) {
    // the prefix stays as written (with any invisible character inside it); the name, with those inside it, is replaced
    const nameAt = at[match.index + nameOffset(match[0])]!;
    out += text.slice(from, nameAt) + REDACTED_NAME;
    from = at[match.index + match[0].length - 1]! + 1;
  }
  return out + text.slice(from);
}

/** Where the name starts in a mention: after `@`, after `r/u_`, or after the last `/` of `u/`, `/user/`, `reddit.com/u/`. */
function nameOffset(mention: string): number {
  if (mention.startsWith('@')) return 1;
  const profile = /r\/u_/i.exec(mention);
  return profile === null ? mention.lastIndexOf('/') + 1 : profile.index + 4;
}
