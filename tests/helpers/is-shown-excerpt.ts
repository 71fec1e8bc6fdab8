import { decodeRedditEntities } from '../../src/report/decode-reddit-entities.js';
import { sanitiseDisplayText } from '../../src/report/sanitise-display-text.js';

/** A redacted name: the marker redactUserMentions writes, right after a mention's prefix. */
const MARKER = '[user]';
const MENTION_PREFIX = /(?:^|[^\p{L}\p{N}_]|(?:^|[^\p{L}\p{N}])_)(?:\/?u\/|\/user\/|@)$|reddit\.com\/(?:u|user)\/$/iu;

/**
 * Whether a quote's text honestly shows the stored excerpt (`body.slice(excerpt.start, excerpt.end)`, in Reddit's
 * API form): the same characters once Reddit's escaping is undone and invisible or bidi control characters (not words)
 * are dropped, cut only at the … markers, with one difference allowed — a mentioned user's name after `u/`, `/u/`,
 * `/user/` or `@` may read `[user]`.
 */
export function isShownExcerpt(stored: string, shown: string): boolean {
  const decoded = sanitiseDisplayText(decodeRedditEntities(stored));
  // a comment may itself end (or start) with an ellipsis, so the marker is optional, never assumed
  const lead = shown.replace(/^… /, '');
  return [shown, lead, shown.replace(/ …$/, ''), lead.replace(/ …$/, '')].some((text) => matchesRedacted(decoded, text));
}

function matchesRedacted(original: string, text: string): boolean {
  const parts = text.split(MARKER);
  if (parts.slice(0, -1).some((part) => !MENTION_PREFIX.test(part))) return false;
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${escaped.join(String.raw`(?:[\p{L}\p{N}_.@-]|\\_)+`)}$`, 'u').test(original);
}
