import { isMentionOnly } from './redact-user-mentions.js';

export interface TrimmedQuote {
  /** The excerpt with … where sentences were cut; without the markers it is an exact substring of the body. */
  text: string;
  /** The exact excerpt (no markers) and where it sits in the body. */
  excerpt: string;
  start: number;
  end: number;
  words: number;
}

export const MIN_QUOTE_WORDS = 4;
export const MAX_QUOTE_WORDS = 40;

interface Sentence {
  start: number;
  end: number;
  words: number;
}

/**
 * Cut a comment to a quotable excerpt of whole sentences (about 4–40 words)
 * around a focus offset (the strongest cue). Never rewrites words: the text
 * between the … markers is the commenter's, byte for byte. Returns null
 * when no run of whole sentences fits (a single 80-word sentence is not
 * quotable without paraphrasing it).
 */
export function trimQuote(body: string, focus = 0): TrimmedQuote | null {
  // `>` lines are the parent's words: the excerpt comes from one run of the commenter's own lines
  const own = pickOwnBlock(body, focus);
  if (own === null) return null;
  const block = dropLeadingAddress(body, own);
  const inner = trimPlain(body.slice(block.start, block.end), Math.max(0, focus - block.start));
  if (inner === null) return null;
  const start = block.start + inner.start;
  const end = block.start + inner.end;
  const before = body.slice(0, start).trim() !== '';
  const after = body.slice(end).trim() !== '';
  return { text: `${before ? '… ' : ''}${inner.excerpt}${after ? ' …' : ''}`, excerpt: inner.excerpt, start, end, words: inner.words };
}

/**
 * A line quoting the parent comment (Reddit markdown `>`, or an escaped form of it in raw API text); not a `>!spoiler!<`.
 * Invisible characters and odd spaces before the `>` still make it one, since the tagger drops or folds them and masks
 * the line: shown as the commenter's words, it would read as theirs what the tagger took for the parent's.
 */
const QUOTED_LINE = /^[ \t\u00a0\u2009\u202f\u200b-\u200d\u2060\ufeff\u00ad\u180e]*(?:>|&gt;|&#0*62;|&#x0*3e;)(?!!)/i;
/** Any `>` or escaped `>` at all: without one, no line quotes. */
const QUOTE_MARK = />|&(?:gt|#0*62|#x0*3e);/i;

/**
 * The run of consecutive non-quoted lines to quote from: the one holding `focus`, else the one with the
 * most words; the whole body when no line is quoted; null when every line is quoted.
 */
function pickOwnBlock(body: string, focus: number): { start: number; end: number } | null {
  if (!quotesAnyLine(body)) return { start: 0, end: body.length };
  const own = findOwnBlocks(body);
  if (own.length === 0) return null;
  const holding = own.find((b) => focus >= b.start && focus < b.end);
  if (holding !== undefined) return holding;
  return own.reduce((best, b) => (b.words > best.words ? b : best));
}

/**
 * Whether `offset` lies in the commenter's own lines, not in a line quoting the parent (`>`, or a line continuing one):
 * a tagger cue there is one a quote can show as the commenter's.
 */
export function liesInOwnLines(body: string, offset: number): boolean {
  if (!quotesAnyLine(body)) return true;
  return findOwnBlocks(body).some((b) => offset >= b.start && offset < b.end);
}

/** A cheap first look: without a `>` (or its escaped form) no line quotes anything. */
function quotesAnyLine(body: string): boolean {
  return QUOTE_MARK.test(body);
}

/** The runs of consecutive non-quoted lines that hold words, in order. */
function findOwnBlocks(body: string): Array<{ start: number; end: number; words: number }> {
  const blocks: Array<{ start: number; end: number }> = [];
  let open = -1;
  let lineStart = 0;
  let inQuote = false;
  while (lineStart <= body.length) {
    const nl = body.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? body.length : nl;
    const line = body.slice(lineStart, lineEnd);
    // Markdown's lazy continuation: a non-blank line right after a quoted one is still the quote
    const quoted: boolean = QUOTED_LINE.test(line) || (inQuote && line.trim() !== '');
    inQuote = quoted;
    if (quoted) {
      if (open >= 0) blocks.push({ start: open, end: lineStart });
      open = -1;
    } else if (open < 0) open = lineStart;
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (open >= 0) blocks.push({ start: open, end: body.length });
  return blocks.map((b) => ({ ...b, words: countWords(body.slice(b.start, b.end)) })).filter((b) => b.words > 0);
}

/**
 * The block without a first line that only addresses someone ("@nixCraft" above the reply): the name is no part of the
 * commenter's statement, and would open the quote as "@[user]" ("'@[user]" in the CSV). The quote then starts at the
 * next line, marked as cut like any quote with text before it. A block that is nothing but its address stays as it is.
 */
function dropLeadingAddress(body: string, block: { start: number; end: number }): { start: number; end: number } {
  let lineStart = block.start;
  // past blank lines to the first with text
  while (lineStart < block.end) {
    const nl = body.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl > block.end ? block.end : nl;
    if (body.slice(lineStart, lineEnd).trim() !== '') {
      if (lineEnd >= block.end || !isMentionOnly(body.slice(lineStart, lineEnd))) return block;
      return countWords(body.slice(lineEnd, block.end)) > 0 ? { start: lineEnd + 1, end: block.end } : block;
    }
    lineStart = lineEnd + 1;
  }
  return block;
}

function trimPlain(body: string, focus: number): TrimmedQuote | null {
  // Most comments are short: quote them whole without splitting sentences.
  const total = countWords(body);
  if (total >= MIN_QUOTE_WORDS && total <= MAX_QUOTE_WORDS) {
    const lead = body.length - body.trimStart().length;
    const excerpt = body.trim();
    return { text: excerpt, excerpt, start: lead, end: lead + excerpt.length, words: total };
  }
  if (total < MIN_QUOTE_WORDS) return null;
  const sentences = splitSentences(body);
  if (sentences.length === 0) return null;
  let index = sentences.findIndex((s) => focus >= s.start && focus < s.end);
  if (index < 0) index = focus >= (sentences.at(-1)?.end ?? 0) ? sentences.length - 1 : 0;
  let first = index;
  let last = index;
  const first0 = sentences[index];
  if (first0 === undefined) return null;
  let words = first0.words;
  if (words > MAX_QUOTE_WORDS) return null;
  // Grow forward first (a point usually follows its setup), then backward, while it fits.
  for (;;) {
    const next = sentences[last + 1];
    const prev = sentences[first - 1];
    if (next !== undefined && words + next.words <= MAX_QUOTE_WORDS && (words < 12 || prev === undefined)) {
      last++;
      words += next.words;
    } else if (prev !== undefined && words + prev.words <= MAX_QUOTE_WORDS && words < 12) {
      first--;
      words += prev.words;
    } else {
      break;
    }
  }
  if (words < MIN_QUOTE_WORDS) return null;
  const start = sentences[first]?.start ?? 0;
  const end = sentences[last]?.end ?? body.length;
  const excerpt = body.slice(start, end);
  const before = body.slice(0, start).trim() !== '';
  const after = body.slice(end).trim() !== '';
  return { text: `${before ? '… ' : ''}${excerpt}${after ? ' …' : ''}`, excerpt, start, end, words };
}

const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)|\n+/g;

/** Sentences with offsets; whitespace around each is excluded so excerpts start and end on text. */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  let cursor = 0;
  const push = (from: number, to: number): void => {
    const raw = body.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    out.push({ start: from + lead, end: from + lead + trimmed.length, words: countWords(trimmed) });
  };
  for (const match of body.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (isPauseEllipsis(match[0], body, end) || isAbbreviationPoint(match[0], body, match.index, end)) continue;
    push(cursor, match[0].startsWith('\n') ? match.index : end);
    cursor = end;
  }
  push(cursor, body.length);
  return out;
}

/**
 * "terms… you know, con man techniques … are confused": an ellipsis followed on the same line by a lower-case
 * word is a pause inside the sentence, not its end; cutting there would start a quote mid-sentence.
 */
function isPauseEllipsis(mark: string, body: string, end: number): boolean {
  if (!mark.includes('…') && !mark.includes('..')) return false;
  if (mark.includes('!') || mark.includes('?')) return false;
  let i = end;
  // Only spaces and tabs: a line break ends the sentence anyway. Each run is scanned once (matches are disjoint).
  while (i < body.length && (body[i] === ' ' || body[i] === '\t')) i++;
  const next = body.codePointAt(i);
  return next !== undefined && /\p{Ll}/u.test(String.fromCodePoint(next));
}

/**
 * Abbreviations that are never the last word of a sentence: a title before a name ("Mr. Altman"), a Latin lead-in
 * ("e.g. Nvidia"), "vs." before what is compared. Cutting after one drops it and starts the quote mid-sentence.
 */
const NEVER_FINAL = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'vs', 'e.g', 'i.e', 'cf', 'approx']);
/**
 * Abbreviations that end a sentence often enough ("…chips, memory, etc. Then…", "…sold to Apple Inc. The…") to be
 * held to continue only before a lower-case word or a number, as an initialism is: "etc. and", "Apple Inc. and",
 * "Jr. is".
 */
const FINAL_BEFORE_CAPITAL = new Set(['etc', 'inc', 'ltd', 'corp', 'co', 'jr', 'sr', 'bros']);
/** Abbreviations before a number ("the No. 1 chip maker", "Jan. 2024"): a number after them is part of the sentence. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Groups of one or two letters joined by points before the last one: "U.S", "U.K", "a.k.a", "Ph.D". */
const INITIALISM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;

/**
 * "The U.S. government will…", "Mr. Altman says…": the point of an abbreviation followed on the same line by more of
 * the sentence is not its end. An initialism ends a sentence often enough ("made in the U.S. Then…"), so it is only
 * held to continue before a lower-case word or a number; the titles and lead-ins in NEVER_FINAL continue before any
 * word. Where it cannot tell, it keeps the sentence whole: a quote a sentence longer is still the commenter's, one
 * starting mid-sentence is not.
 */
function isAbbreviationPoint(mark: string, body: string, at: number, end: number): boolean {
  if (mark !== '.') return false;
  let from = at;
  while (from > 0 && /[\p{L}.]/u.test(body[from - 1] as string)) from--;
  const word = body.slice(from, at);
  if (word === '') return false;
  let i = end;
  while (i < body.length && (body[i] === ' ' || body[i] === '\t')) i++;
  const next = body.codePointAt(i);
  if (next === undefined || !/[\p{L}\p{N}]/u.test(String.fromCodePoint(next))) return false;
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return true;
  const nextChar = String.fromCodePoint(next);
  if (BEFORE_NUMBER.has(lower) && /\p{N}/u.test(nextChar)) return true;
  return (INITIALISM.test(word) || FINAL_BEFORE_CAPITAL.has(lower)) && /[\p{Ll}\p{N}]/u.test(nextChar);
}

/** Whitespace-separated words; a plain loop because this runs for every candidate comment. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Length of the longest run of non-space characters. */
export function measureLongestWord(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 160) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}
