import { sanitiseDisplayText } from './sanitise-display-text.js';

// Characters that start Markdown/GFM syntax anywhere in a line: emphasis,
// code, links, raw HTML, tables, strikethrough, entities. Backslash-escaping
// ASCII punctuation is always literal in CommonMark.
const INLINE_SPECIALS = /[\\`*_[\]<>|~&$]/g;
// Constructs that only mean something at the start of a line: headings,
// lists, block quotes, thematic breaks, setext underlines, ordered lists.
const LINE_START = /^([#+\-=>]|\d+[.)])/;

/** One line of user text, safe inside a paragraph, table cell, list item or link label. */
export function escapeMarkdownInline(text: string): string {
  // lines joined by one space; not /\s*\n\s*/, which is quadratic on a long run of spaces without a line break
  const lines = sanitiseDisplayText(text).split('\n');
  return escapeLine(lines.map((line) => line.trim()).filter((line) => line !== '').join(' '));
}

/** Multi-line user text as a block quote; each source line stays a line, nothing can escape the quote. */
export function formatMarkdownBlockquote(text: string): string {
  return sanitiseDisplayText(text)
    .split('\n')
    .map((line) => line.trim())
    .map((line) => (line === '' ? '>' : `> ${escapeLine(line)}`))
    .join('\n');
}

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE_SPECIALS, (ch) => `\\${ch}`);
  return escaped.replace(LINE_START, (m) => (/^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`));
}
