// Normalises Reddit text before NLP while keeping an exact map back to the
// original characters, so every cue span can be reported in original offsets.
//
// What it does (all linear, no regex backtracking):
// - decodes HTML entities (&amp; &gt; &#39; &#x27; ...)
// - drops zero-width characters and soft hyphens
// - folds typographic quotes and hyphens to ASCII (“ ” → ", ‘ ’ → ', U+2010 / U+2011 → -; en and em dashes
//   stay dashes, even between letters: "innovation–fraud" is two words)
// - blanks `>` quoted parent lines (they are the parent's words, not the commenter's; a line right after one that
//   ends mid-sentence, on a comma, semicolon or "and / or / but", goes on quoting it when it starts in lower case;
//   ">$1T", ">50%" compare, they quote nothing) and links, http(s) or
//   not ("www.ft.com/…", "reuters.com/…": a URL slug is not the commenter's wording)
// - rewrites Reddit markers so the tokenizer keeps them whole:
//   "/s" → " sarcmark", "u/name" and "/u/name" → "someuser", "r/sub" and "/r/sub" → "somesub" (a path after it,
//   "r/sub/comments/…", is blanked as a link), "$10B" → "$10 billion"
// - caps the analysed length (MAX_ANALYSED_CHARS) and blanks runs of more than MAX_RUN_CHARS
//   characters without whitespace (no one writes words that long, and wink-nlp's tokenizer takes
//   time quadratic in a run's length: 20,000 characters of "'a'a'a…" or "?????" took 4–6 s)

export const MAX_ANALYSED_CHARS = 20_000;
/** Longest run of non-whitespace characters analysed; longer runs are blanked (same length, so offsets hold). */
export const MAX_RUN_CHARS = 200;

// Identity offset maps shared by every text that needs no rewriting (read-only views).
const IDENT_START = Int32Array.from({ length: MAX_ANALYSED_CHARS + 1 }, (_, i) => i);
const IDENT_END = IDENT_START.subarray(1);

export interface NormalizedText {
  /** The text the cue matcher and wink-nlp see. */
  text: string;
  /** For each char of `text`: start offset (inclusive) in the original. */
  origStart: Int32Array;
  /** For each char of `text`: end offset (exclusive) in the original. */
  origEnd: Int32Array;
  /** Characters (original) that belong to `>` quoted lines. */
  quotedChars: number;
  /** The text has quoted lines and not one non-space character of its own outside them. */
  onlyQuoted: boolean;
  /** True when the original was longer than MAX_ANALYSED_CHARS. */
  truncated: boolean;
  /** Characters blanked because they were in a run of more than MAX_RUN_CHARS without whitespace. */
  blankedChars: number;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
};

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2010': '-',
  '\u2011': '-',
};

// Chars the decode layer rewrites: entities, quotes/dashes/spaces it folds, zero-width chars.
const DECODE_CHARS = '&\\u2010\\u2011\\u2018-\\u201f\\u2032\\u00a0\\u00ab\\u00bb\\u00ad\\u180e\\u2009\\u200b-\\u200d\\u202f\\u2060\\ufeff';
const NEEDS_DECODE = new RegExp(`[${DECODE_CHARS}]`);
// Any char that may need rewriting (the decode layer's, plus `>` quotes, `/s` `u/` `r/`, `$10B`):
// texts without one take the identity fast path.
const SPECIAL = new RegExp(`[${DECODE_CHARS}>/$]`);
// Any char that needs more than a one-for-one fold (entities, zero-width chars, quotes, Reddit markers):
// texts with special chars but none of these (typically just ’ or “ ”) are folded in place, offsets unchanged.
const NOT_JUST_FOLDS = new RegExp(`[&>/$${String.fromCharCode(...ZERO_WIDTH)}]`);
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const foldChar = (ch: string): string => FOLD[ch] ?? ch;

interface Decoded {
  text: string;
  /** Per decoded char: original start / end offsets (only the first `text.length` entries are used). */
  start: Int32Array;
  end: Int32Array;
}

// Decode-layer offset buffers, reused across calls (normalizeText copies what it keeps).
let decStart = new Int32Array(1024);
let decEnd = new Int32Array(1024);

/**
 * Decode HTML entities and drop zero-width chars, recording original spans per output char.
 * Undefined when `src` needs no decoding, or has nothing to decode after all (identity offsets).
 */
function decodeLayer(src: string): Decoded | undefined {
  if (!NEEDS_DECODE.test(src)) return undefined;
  const n = src.length;
  let text = '';
  // one output char per input char at most, except entities decoding to two UTF-16 units (bounded by the entity length);
  // the offsets only live until normalizeText has mapped them through, so the buffers are reused
  if (decStart.length < n + 1) {
    decStart = new Int32Array(2 * n + 2);
    decEnd = new Int32Array(2 * n + 2);
  }
  const start = decStart;
  const end = decEnd;
  let len = 0;
  let i = 0;
  let runStart = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 0x26 /* & */) {
      // Entity: at most 10 chars until ';'
      let j = i + 1;
      const lim = Math.min(n, i + 12);
      while (j < lim && src.charCodeAt(j) !== 0x3b && src.charCodeAt(j) !== 0x26 && src.charCodeAt(j) > 0x20) j++;
      if (j < lim && src.charCodeAt(j) === 0x3b) {
        const name = src.slice(i + 1, j);
        let decoded: string | undefined;
        if (name.startsWith('#x') || name.startsWith('#X')) {
          const cp = Number.parseInt(name.slice(2), 16);
          if (Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff) decoded = String.fromCodePoint(cp);
        } else if (name.startsWith('#')) {
          const cp = Number.parseInt(name.slice(1), 10);
          if (Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff) decoded = String.fromCodePoint(cp);
        } else {
          decoded = NAMED_ENTITIES[name.toLowerCase()];
        }
        if (decoded !== undefined) {
          if (i > runStart) {
            text += src.slice(runStart, i);
            for (let q = runStart; q < i; q++, len++) {
              start[len] = q;
              end[len] = q + 1;
            }
          }
          for (const ch of decoded) {
            const code = ch.codePointAt(0) ?? 0;
            if (ZERO_WIDTH.has(code)) continue;
            const folded = FOLD[ch] ?? ch;
            text += folded;
            for (let k = 0; k < folded.length; k++, len++) {
              start[len] = i;
              end[len] = j + 1;
            }
          }
          i = j + 1;
          runStart = i;
          continue;
        }
      }
      i++;
      continue;
    }
    // ASCII is plain text here (every zero-width char and every fold is above U+007F): no Set or table lookup for it
    const zw = c >= 0x80 && ZERO_WIDTH.has(c);
    const f = zw ? undefined : c >= 0x80 ? FOLD[src[i]!] : undefined;
    if (zw || f !== undefined) {
      if (i > runStart) {
        text += src.slice(runStart, i);
        for (let q = runStart; q < i; q++, len++) {
          start[len] = q;
          end[len] = q + 1;
        }
      }
      if (f !== undefined) {
        text += f;
        start[len] = i;
        end[len] = i + 1;
        len++;
      }
      i++;
      runStart = i;
      continue;
    }
    i++;
  }
  // nothing decoded or dropped ("AT&T", "&bogus;"): identity, as for a text without those characters
  if (runStart === 0) return undefined;
  if (n > runStart) {
    text += src.slice(runStart, n);
    for (let q = runStart; q < n; q++, len++) {
      start[len] = q;
      end[len] = q + 1;
    }
  }
  return { text, start, end };
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f
  );
}

// Identity offset views per text length (read-only; shared by every text of that length that needs no rewriting).
const identViews: ([Int32Array, Int32Array] | undefined)[] = [];

function identity(src: string, truncated: boolean): NormalizedText {
  const n = src.length;
  let v = identViews[n];
  if (v === undefined) v = identViews[n] = [IDENT_START.subarray(0, n), IDENT_END.subarray(0, n)];
  // no '>' reaches this path, so there are no quoted lines
  return { text: src, origStart: v[0], origEnd: v[1], quotedChars: 0, onlyQuoted: false, truncated, blankedChars: 0 };
}

function scaleWord(c: number): string | undefined {
  switch (c) {
    case 0x6b:
    case 0x4b:
      return 'thousand';
    case 0x6d:
    case 0x4d:
      return 'million';
    case 0x62:
    case 0x42:
      return 'billion';
    case 0x74:
    case 0x54:
      return 'trillion';
    default:
      return undefined;
  }
}

/** Where the next link starting at or after `from` begins (an http(s) scheme, or a bare domain: nextBareLink), or `t.length`. */
function nextLink(t: string, from: number): number {
  let next = t.length;
  for (let at = t.indexOf('://', from); at >= 0; at = t.indexOf('://', at + 3)) {
    let s = at;
    while (s > 0 && ((t.charCodeAt(s - 1) | 0x20) >= 0x61 && (t.charCodeAt(s - 1) | 0x20) <= 0x7a)) s--;
    const scheme = t.slice(s, at).toLowerCase();
    if (s >= from && (scheme === 'http' || scheme === 'https') && (s === 0 || !isWordChar(t.charCodeAt(s - 1)))) {
      next = s;
      break;
    }
  }
  return Math.min(next, nextBareLink(t, from, next));
}

/** ">$1T in commitments", ">50% of it", ">= 3": a greater-than sign, not a quote marker. */
function isComparison(t: string, at: number): boolean {
  const c = t.charCodeAt(at);
  return (c >= 0x30 && c <= 0x39) || c === 0x24 || c === 0x3d || c === 0x25;
}

/**
 * A line that goes on quoting after one ending mid-sentence starts in lower case ("the bubble will pop."); one starting
 * with a capital, a digit or a symbol ("Yes it is.", "No they're not") is the commenter's answer.
 */
function continuesQuote(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/**
 * Whether the quoted line t[from, to) stops mid-sentence: on a comma or semicolon, or on "and", "or" or "but" ("> It's
 * a Ponzi scheme and pure fraud," then "the bubble will pop."). A line that just stops ("> whats the bear case for AVGO")
 * is taken as the whole quote, and the next line as the commenter's answer, as people write replies.
 */
function endsMidSentence(t: string, from: number, to: number): boolean {
  let e = to;
  while (e > from && t.charCodeAt(e - 1) <= 0x20) e--;
  const c = t.charCodeAt(e - 1);
  if (c === 0x2c || c === 0x3b) return true;
  return /\s(?:and|or|but)$/i.test(t.slice(Math.max(from, e - 5), e));
}

/** Top-level domains a link written without its scheme ends its host with (a short list: "Node.js/…" is no link). */
const LINK_TLDS = new Set('com net org io ai co uk de fr gov edu info biz us ca au in jp me tv news app dev xyz eu ly gl gg fm it es nl se ch be at nz ie sg hk cn ru br mx za kr tw'.split(' '));

function isHostCode(c: number): boolean {
  return isWordChar(c) || c === 0x2e || c === 0x2d;
}

/**
 * Where the next link written without a scheme begins, before `limit` (else `limit`): a host ending in a known
 * top-level domain and followed by a path ("reuters.com/technology/…"), or any host starting "www." ("www.ft.com").
 * Not inside a longer run (an e-mail address, a link with its scheme, a path).
 */
function nextBareLink(t: string, from: number, limit: number): number {
  let next = limit;
  for (let at = t.indexOf('/', from); at >= 0 && at < next; at = t.indexOf('/', at + 1)) {
    let s = at;
    while (s > from && isHostCode(t.charCodeAt(s - 1))) s--;
    if (s < at && isBareHost(t, s, at) && isLinkPath(t, at)) next = s;
  }
  for (const www of ['www.', 'WWW.', 'Www.']) {
    for (let s = t.indexOf(www, from); s >= 0 && s < next; s = t.indexOf(www, s + 4)) {
      if (s === 0 || !isBareLinkBoundary(t.charCodeAt(s - 1))) {
        next = s;
        break;
      }
    }
  }
  return next;
}

/** A character a link's host may not follow: a word or host character, or one of a path, e-mail or scheme. */
function isBareLinkBoundary(c: number): boolean {
  return isHostCode(c) || c === 0x2f || c === 0x40 || c === 0x3a;
}

/**
 * Whether the path from t[at] (a '/') reads as a link's: two segments or more ("reuters.com/technology/ai-…"), or one
 * with a character words do not have ("ft.com/ai-bubble", "x.com/a?b=1"). "pets.com/webvan" and "dot.com/2000" are
 * words.
 */
function isLinkPath(t: string, at: number): boolean {
  const e = linkEnd(t, at);
  let slashes = 0;
  let capitals = false;
  for (let k = at; k < e; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x2f && k + 1 < e) slashes++;
    else if (c === 0x2d || c === 0x5f || c === 0x2e || c === 0x3f || c === 0x3d || c === 0x25 || c === 0x23 || c === 0x26) return true;
    else if (c >= 0x41 && c <= 0x5a) capitals = true;
  }
  // "Pets.com/Webvan/Global Crossing" lists names; a path of plain words is lower case ("nyt.com/business/dealbook")
  return slashes >= 2 && !capitals;
}

function isBareHost(t: string, s: number, e: number): boolean {
  if (s > 0 && isBareLinkBoundary(t.charCodeAt(s - 1))) return false;
  const host = t.slice(s, e).toLowerCase();
  const dot = host.lastIndexOf('.');
  return dot > 0 && !host.includes('..') && LINK_TLDS.has(host.slice(dot + 1));
}

/** Where the link starting at `s` ends: at whitespace or a closing bracket / quote, before trailing punctuation. */
function linkEnd(t: string, s: number): number {
  let e = s;
  while (e < t.length) {
    const c = t.charCodeAt(e);
    if (c <= 0x20 || c === 0x29 || c === 0x5d || c === 0x3e || c === 0x3c || c === 0x22) break;
    e++;
  }
  while (e > s) {
    const c = t.charCodeAt(e - 1);
    if (c !== 0x2e && c !== 0x2c && c !== 0x21 && c !== 0x3f && c !== 0x3a && c !== 0x3b && c !== 0x27) break;
    e--;
  }
  return e;
}

// Output offset buffers, reused across calls (the result gets exact-length copies).
let bufStart = new Int32Array(1024);
let bufEnd = new Int32Array(1024);

/**
 * normalizeText's output: `t` (the decode layer's text, offsets `ds`/`de` into the original) with rewrites. Until the
 * first rewrite the output is `t` itself, so plain characters are neither copied nor given offsets until a rewrite
 * needs them (`begin`), and a text without one (its "/" and "$" are no markers) is not rebuilt at all. `len` is the
 * output length either way.
 */
class Rewriter {
  rewritten = false;
  out = '';
  len = 0;

  constructor(
    private readonly t: string,
    private readonly ds: Int32Array,
    private readonly de: Int32Array,
    readonly os: Int32Array,
    readonly oe: Int32Array,
  ) {}

  /** Before a rewrite at `at`: everything before it copied, with its offsets (its length was counted already). */
  begin(at: number): void {
    if (this.rewritten) return;
    this.os.set(this.ds.subarray(0, at));
    this.oe.set(this.de.subarray(0, at));
    this.out = this.t.slice(0, at);
    this.rewritten = true;
  }

  /** `t[i..k)` as it is (only counted until a rewrite), each char with its own offsets. */
  keep(i: number, k: number): void {
    if (!this.rewritten) {
      this.len += k - i;
      return;
    }
    this.out += this.t.slice(i, k);
    this.mapEach(i, k);
  }

  /** `t[i..k)` blanked to spaces of the same length, each keeping its own offsets (a link, a quoted line). */
  blank(i: number, k: number): void {
    this.begin(i);
    this.out += ' '.repeat(k - i);
    this.mapEach(i, k);
  }

  /** `word` in place of source chars whose original span is `a`..`b`: each of its chars maps to that whole span. */
  replace(at: number, word: string, a: number, b: number): void {
    this.begin(at);
    this.out += word;
    const { os, oe } = this;
    for (let q = 0; q < word.length; q++, this.len++) {
      os[this.len] = a;
      oe[this.len] = b;
    }
  }

  private mapEach(i: number, k: number): void {
    const { ds, de, os, oe } = this;
    let len = this.len;
    for (let q = i; q < k; q++, len++) {
      os[len] = ds[q]!;
      oe[len] = de[q]!;
    }
    this.len = len;
  }
}

/** Normalise `original` for analysis; see the file comment. */
export function normalizeText(original: string): NormalizedText {
  const truncated = original.length > MAX_ANALYSED_CHARS;
  const src = truncated ? original.slice(0, MAX_ANALYSED_CHARS) : original;
  if (!SPECIAL.test(src)) return blankLongRuns(identity(src, truncated));
  if (!NOT_JUST_FOLDS.test(src)) return blankLongRuns(identity(src.replace(FOLDED, foldChar), truncated));
  const dec = decodeLayer(src);
  const t = dec !== undefined ? dec.text : src;
  const ds = dec !== undefined ? dec.start : IDENT_START;
  const de = dec !== undefined ? dec.end : IDENT_END;
  const n = t.length;
  // every rewrite emits at most 4.5 chars per source char (" sarcmark" for "/s")
  const need = 5 * n + 16;
  if (bufStart.length < need) {
    bufStart = new Int32Array(need);
    bufEnd = new Int32Array(need);
  }
  const w = new Rewriter(t, ds, de, bufStart, bufEnd);

  let quotedChars = 0;
  let ownChars = 0;
  let i = 0;
  let lineStart = true;
  // the quoted line before ended mid-sentence: a non-blank line right after it goes on quoting (Markdown's lazy continuation)
  let quoteGoesOn = false;
  let link = nextLink(t, 0);
  while (i < n) {
    if (link < i) link = nextLink(t, i);
    if (i === link) {
      // a link is not the commenter's wording ("…/circular-ai-financing" is a slug, not a cue): blank it
      const k = linkEnd(t, i);
      w.blank(i, k);
      ownChars += k - i;
      i = k;
      link = nextLink(t, k);
      lineStart = false;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      // `>` quoted line: skip leading spaces, then '>'
      let j = i;
      while (j < n && (t.charCodeAt(j) === 0x20 || t.charCodeAt(j) === 0x09)) j++;
      const goesOn = quoteGoesOn;
      quoteGoesOn = false;
      if (j < n && ((t.charCodeAt(j) === 0x3e && !isComparison(t, j + 1)) || (goesOn && continuesQuote(t.charCodeAt(j))))) {
        let k = j;
        while (k < n && t.charCodeAt(k) !== 0x0a) k++;
        // blank the whole quoted line (keep length; map each char to itself)
        w.blank(i, k);
        quotedChars += de[k - 1]! - ds[i]!;
        quoteGoesOn = endsMidSentence(t, j, k);
        i = k;
        continue;
      }
    }
    const code = t.charCodeAt(i);
    if (code === 0x0a) {
      w.keep(i, i + 1);
      lineStart = true;
      i++;
      continue;
    }
    const prev = i > 0 ? t.charCodeAt(i - 1) : 0x20;
    const prevIsWord = i > 0 && (isWordChar(prev) || prev === 0x2f);
    // Reddit markers after a non-word char
    if (code === 0x2f && !prevIsWord) {
      // "/s" sarcasm tag: "/s" followed by end, space or punctuation
      const nx = t.charCodeAt(i + 1);
      const nx2 = i + 2 < n ? t.charCodeAt(i + 2) : 0x20;
      if ((nx === 0x73 || nx === 0x53) && !isWordChar(nx2) && nx2 !== 0x2f) {
        w.replace(i, ' sarcmark', ds[i]!, de[i + 1]!);
        ownChars += 2;
        i += 2;
        continue;
      }
    }
    // "u/name", "r/sub", and the same written with a leading slash ("/u/name"), which Reddit links alike
    const marker = code === 0x2f && !prevIsWord ? i + 1 : i;
    const mc = t.charCodeAt(marker);
    if ((mc === 0x75 || mc === 0x72 || mc === 0x55 || mc === 0x52) && (marker > i || !prevIsWord) && t.charCodeAt(marker + 1) === 0x2f) {
      let k = marker + 2;
      while (k < n && (isWordChar(t.charCodeAt(k)) || t.charCodeAt(k) === 0x2d)) k++;
      if (k > marker + 2) {
        w.replace(i, mc === 0x75 || mc === 0x55 ? 'someuser' : 'somesub', ds[i]!, de[k - 1]!);
        ownChars += k - i;
        i = k;
        // "r/stocks/comments/1abc/ai_ponzi_fraud/": the path is a link's, not the commenter's wording
        if (i + 1 < n && t.charCodeAt(i) === 0x2f && t.charCodeAt(i + 1) > 0x20) {
          const e = linkEnd(t, i);
          w.blank(i, e);
          ownChars += e - i;
          i = e;
        }
        continue;
      }
    }
    if (code === 0x24 && i + 1 < n && t.charCodeAt(i + 1) >= 0x30 && t.charCodeAt(i + 1) <= 0x39) {
      let k = i + 1;
      let d = 0;
      while (k < n && (((d = t.charCodeAt(k)) >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2c)) k++;
      // trailing '.'/',' is punctuation, not part of the number
      while (k > i + 1 && ((d = t.charCodeAt(k - 1)) === 0x2e || d === 0x2c)) k--;
      const after = k + 1 < n ? t.charCodeAt(k + 1) : 0x20;
      const scale = k < n ? scaleWord(t.charCodeAt(k)) : undefined;
      if (scale !== undefined && !isWordChar(after)) {
        // "$10B" → "$10 billion": the number kept as written, the scale letter spelled out after a space
        w.begin(i);
        w.keep(i, k);
        w.replace(k, ` ${scale}`, ds[k]!, de[k]!);
        ownChars += k + 1 - i;
        i = k + 1;
        continue;
      }
    }
    // plain run up to the next char that may need rewriting
    let j = i + 1;
    if (code > 0x20) ownChars++;
    while (j < n && j < link) {
      const d = t.charCodeAt(j);
      if (d === 0x0a || d === 0x2f || d === 0x24) break;
      if ((d === 0x75 || d === 0x72 || d === 0x55 || d === 0x52) && t.charCodeAt(j + 1) === 0x2f) break;
      if (d > 0x20) ownChars++;
      j++;
    }
    w.keep(i, j);
    i = j;
  }
  if (!w.rewritten) {
    // nothing rewritten: the text is `t`, with the decode layer's offsets (or none: identity)
    if (dec === undefined) return blankLongRuns(identity(t, truncated));
    return blankLongRuns({ text: t, origStart: ds.slice(0, n), origEnd: de.slice(0, n), quotedChars, onlyQuoted: quotedChars > 0 && ownChars === 0, truncated, blankedChars: 0 });
  }
  return blankLongRuns({
    text: w.out,
    origStart: w.os.slice(0, w.len),
    origEnd: w.oe.slice(0, w.len),
    quotedChars,
    onlyQuoted: quotedChars > 0 && ownChars === 0,
    truncated,
    blankedChars: 0,
  });
}

/**
 * Whether `t` has a run of more than MAX_RUN_CHARS characters above U+0020, reading only the runs around every
 * (MAX_RUN_CHARS + 1)-th character instead of every character: so many consecutive positions always include
 * one of those, and almost every text has no such run.
 */
function hasLongRun(t: string): boolean {
  const step = MAX_RUN_CHARS + 1;
  let scanned = 0; // positions before this are known to end no long run
  for (let p = 0; p < t.length; p += step) {
    if (t.charCodeAt(p) <= 0x20) continue;
    let from = p;
    while (from > scanned && t.charCodeAt(from - 1) > 0x20) from--;
    let to = p + 1;
    while (to < t.length && t.charCodeAt(to) > 0x20) to++;
    if (to - from > MAX_RUN_CHARS) return true;
    scanned = to;
  }
  return false;
}

/** `norm` with every run of more than MAX_RUN_CHARS non-whitespace characters replaced by spaces. */
function blankLongRuns(norm: NormalizedText): NormalizedText {
  const t = norm.text;
  if (t.length <= MAX_RUN_CHARS || !hasLongRun(t)) return norm;
  let out = '';
  let copied = 0;
  let blanked = 0;
  let runStart = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i < t.length && t.charCodeAt(i) > 0x20) continue;
    if (i - runStart > MAX_RUN_CHARS) {
      out += t.slice(copied, runStart) + ' '.repeat(i - runStart);
      copied = i;
      blanked += i - runStart;
    }
    runStart = i + 1;
  }
  if (blanked === 0) return norm;
  return { ...norm, text: out + t.slice(copied), blankedChars: blanked };
}

/** Map a [start, end) span of the normalised text back to the original. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = norm.origStart[start] ?? 0;
  const e = norm.origEnd[Math.max(start, end - 1)] ?? s;
  return { start: s, end: Math.max(s, e) };
}
