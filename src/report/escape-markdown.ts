import { sanitiseDisplayText } from './sanitise-display-text.js';

// Characters that start Markdown/GFM syntax anywhere in a line: emphasis,
// code, links, raw HTML, tables, strikethrough, entities. Backslash-escaping
// ASCII punctuation is always literal in CommonMark.
const INLINE_SPECIALS = /[\\`*_[\]<>|~&$]/g;
// Constructs that only mean something at the start of a line: headings,
// lists, block quotes, thematic breaks, setext underlines, ordered lists.
const LINE_START = /^([#+\-=>]|\d+[.)])/;
// Where a bare URL starts; the rest is scanned by hand (a pattern for the whole URL could backtrack).
// A scheme-less "www." link starts a word (as GFM's www autolinks do) and goes on with a letter or digit.
const URL_START = /https?:\/\/|(?<![\p{L}\p{N}.\/@:\\-])www\.(?=[\p{L}\p{N}])/giu;
// Backslash-escaped inside a link destination: what would end it early or be read as an escape or code.
const DESTINATION_SPECIALS = /[\\()`]/g;
// Left outside the link when a URL ends with them: they end the sentence, not the URL (as GFM's autolinker does); a `|`
// after a URL separates it from what follows.
const TRAILING_PUNCTUATION = new Set(['.', ',', ':', ';', '!', '?', "'", '"', '*', '_', '~', ']', '|']);

export interface InlineOptions {
  /** Bare URLs as `<url>` autolinks; off inside a link label, where a link may not hold another. */
  autolink?: boolean;
}

/** One line of user text, safe inside a paragraph, table cell, list item or link label. */
export function escapeMarkdownInline(text: string, options: InlineOptions = {}): string {
  // lines joined by one space; not /\s*\n\s*/, which is quadratic on a long run of spaces without a line break
  const lines = sanitiseDisplayText(text).split('\n');
  return escapeLine(lines.map((line) => line.trim()).filter((line) => line !== '').join(' '), options.autolink ?? true);
}

/** Multi-line user text as a block quote; each source line stays a line, nothing can escape the quote. */
export function formatMarkdownBlockquote(text: string): string {
  return sanitiseDisplayText(text)
    .split('\n')
    .map((line) => line.trim())
    .map((line) => (line === '' ? '>' : `> ${escapeLine(line, true)}`))
    .join('\n');
}

function escapeLine(line: string, autolink: boolean): string {
  const escaped = autolink ? escapeAroundUrls(line) : escapeText(line);
  return escaped.replace(LINE_START, (m) => (/^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`));
}

function escapeText(text: string): string {
  return text.replace(INLINE_SPECIALS, (ch) => `\\${ch}`);
}

/**
 * Backslash escapes are literal inside a URL, so an escaped bare URL (`utm\_source`) breaks when a GFM
 * renderer autolinks it. A CommonMark autolink `<url>` takes its text literally and cannot hold `<`, `>`
 * or whitespace, so the URL ends at any of those: nothing in it can open emphasis, a link or a tag. One pass
 * over the line.
 *
 * A scheme-less `www.` URL cannot be an autolink (CommonMark needs the scheme) and adding one would change
 * the quoted words, so it becomes `[www.x.com/a\_b](https://www.x.com/a_b)`: the label is the text as
 * written (escaped as text, so it reads exactly), the destination adds `https://`; renderers do not link
 * again inside a link label. A URL holding a `|` (`?family=Roboto|Open+Sans`) is written the same way,
 * `[https://x.com/?f=a\|b](https://x.com/?f=a%7Cb)`: a raw `|` would split a table cell, an escaped one is
 * literal inside an autolink, and ending the link at it linked only the URL's first part.
 */
function escapeAroundUrls(line: string): string {
  let out = '';
  let done = 0;
  URL_START.lastIndex = 0;
  for (let match = URL_START.exec(line); match !== null; match = URL_START.exec(line)) {
    const scheme = match[0].endsWith('//');
    const end = findUrlEnd(line, match.index + match[0].length);
    if (end === match.index + match[0].length) continue; // a bare "https://" links nowhere
    const url = line.slice(match.index, end);
    out += escapeText(line.slice(done, match.index));
    out += scheme && !url.includes('|') ? `<${url}>` : `[${escapeText(url)}](${toWordsLinkTarget(url)})`;
    done = end;
    URL_START.lastIndex = end;
  }
  return out + escapeText(line.slice(done));
}

/**
 * The destination of the `[label](destination)` link a URL in someone's words is written as (see escapeAroundUrls):
 * the URL as written, with `https://` before a scheme-less `www.` one, `|` percent-encoded, and what would end the
 * destination early backslash-escaped. The scrub tells these links (the words) from the links reports write by it.
 */
export function toWordsLinkTarget(url: string): string {
  const absolute = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  return absolute.replace(/\|/g, '%7C').replace(DESTINATION_SPECIALS, (ch) => `\\${ch}`);
}

function findUrlEnd(line: string, afterScheme: number): number {
  let end = afterScheme;
  let open = 0;
  let close = 0;
  for (; end < line.length; end++) {
    const c = line.charCodeAt(end);
    // whitespace (incl. no-break space), control characters, < and >
    if (c <= 32 || c === 127 || c === 160 || c === 60 || c === 62) break;
    // CommonMark decodes "&lt;" and the like inside an autolink: a typed entity must stay text, so the URL ends
    if (c === 38 && startsEntity(line, end)) break;
    if (c === 40) open++;
    else if (c === 41) close++;
  }
  // "(see https://x.com/a)." keeps ")." outside; a balanced "…/Foo_(bar)" keeps its ")".
  while (end > afterScheme) {
    const last = line[end - 1] as string;
    if (TRAILING_PUNCTUATION.has(last)) end--;
    else if (last === ')' && close > open) {
      end--;
      close--;
    } else break;
  }
  return end;
}

/** "&name;" or "&#123;" at `at` (looked at for at most 33 characters, so the scan stays linear). */
function startsEntity(line: string, at: number): boolean {
  const limit = Math.min(line.length, at + 33);
  let i = at + 1;
  if (line[i] === '#') i++;
  const first = i;
  while (i < limit && /[A-Za-z0-9]/.test(line[i] as string)) i++;
  return i > first && line[i] === ';';
}
