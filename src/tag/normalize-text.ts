// Normalises Reddit text before NLP while keeping an exact map back to the
// original characters, so every cue span can be reported in original offsets.
//
// What it does (all linear, no regex backtracking):
// - decodes HTML entities (&amp; &gt; &#39; &#x27; ...)
// - drops zero-width characters and soft hyphens
// - folds typographic quotes/dashes to ASCII (“ ” → ", ‘ ’ → ')
// - blanks `>` quoted parent lines (they are the parent's words, not the commenter's)
// - rewrites Reddit markers so the tokenizer keeps them whole:
//   "/s" → " sarcmark", "u/name" → "someuser", "r/sub" → "somesub", "$10B" → "$10 billion"
// - caps the analysed length (MAX_ANALYSED_CHARS)

export const MAX_ANALYSED_CHARS = 20_000;

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
  /** Non-space characters outside quoted lines, in the original. */
  ownChars: number;
  /** True when the original was longer than MAX_ANALYSED_CHARS. */
  truncated: boolean;
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
};

/** Decode HTML entities and drop zero-width chars, recording original spans per output char. */
const NEEDS_DECODE = /[&\u2018-\u201f\u2032\u00a0\u00ab\u00bb\u00ad\u180e\u2009\u200b-\u200d\u202f\u2060\ufeff]/;

function decodeLayer(src: string): { text: string; start: ArrayLike<number>; end: ArrayLike<number> } {
  if (!NEEDS_DECODE.test(src)) return { text: src, start: IDENT_START, end: IDENT_END };
  const n = src.length;
  const out: string[] = [];
  // one output char per input char at most, except entities decoding to two UTF-16 units (bounded by the entity length)
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  let len = 0;
  let i = 0;
  let runStart = 0;
  const flushRun = (to: number): void => {
    if (to > runStart) {
      out.push(src.slice(runStart, to));
      for (let q = runStart; q < to; q++) {
        start[len] = q;
        end[len] = q + 1;
        len++;
      }
    }
  };
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
          flushRun(i);
          for (const ch of decoded) {
            const code = ch.codePointAt(0) ?? 0;
            if (ZERO_WIDTH.has(code)) continue;
            const folded = FOLD[ch] ?? ch;
            out.push(folded);
            for (let k = 0; k < folded.length; k++) {
              start[len] = i;
              end[len] = j + 1;
              len++;
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
    if (ZERO_WIDTH.has(c)) {
      flushRun(i);
      i++;
      runStart = i;
      continue;
    }
    const f = c >= 0x80 ? FOLD[src[i]!] : undefined;
    if (f !== undefined) {
      flushRun(i);
      out.push(f);
      start[len] = i;
      end[len] = i + 1;
      len++;
      i++;
      runStart = i;
      continue;
    }
    i++;
  }
  flushRun(n);
  return { text: out.join(''), start: start.subarray(0, len), end: end.subarray(0, len) };
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f
  );
}

/** Normalise `original` for analysis; see the file comment. */
// Any char that may need rewriting; texts without one take the identity fast path.
const SPECIAL = /[&>/$\u2018-\u201f\u2032\u00a0\u00ab\u00bb\u00ad\u180e\u2009\u200b-\u200d\u202f\u2060\ufeff]/;


function identity(src: string, truncated: boolean): NormalizedText {
  const n = src.length;
  let ownChars = 0;
  for (let i = 0; i < n; i++) if (src.charCodeAt(i) > 0x20) ownChars++;
  return { text: src, origStart: IDENT_START.subarray(0, n), origEnd: IDENT_END.subarray(0, n), quotedChars: 0, ownChars, truncated };
}

export function normalizeText(original: string): NormalizedText {
  const truncated = original.length > MAX_ANALYSED_CHARS;
  const src = truncated ? original.slice(0, MAX_ANALYSED_CHARS) : original;
  if (!SPECIAL.test(src)) return identity(src, truncated);
  const dec = decodeLayer(src);
  const t = dec.text;
  const n = t.length;

  // output: string chunks + growable offset arrays
  const out: string[] = [];
  let cap = n + 64;
  let os = new Int32Array(cap);
  let oe = new Int32Array(cap);
  let len = 0;
  const ensure = (extra: number): void => {
    if (len + extra <= cap) return;
    cap = Math.max(cap * 2, len + extra);
    const a = new Int32Array(cap);
    a.set(os.subarray(0, len));
    os = a;
    const b = new Int32Array(cap);
    b.set(oe.subarray(0, len));
    oe = b;
  };
  /** Emit `s` for decoded chars [from, to) (every emitted char maps to the whole source span). */
  const push = (str: string, from: number, to: number): void => {
    const a = dec.start[from] ?? 0;
    const b = dec.end[to - 1] ?? a;
    ensure(str.length);
    out.push(str);
    for (let k = 0; k < str.length; k++) {
      os[len] = a;
      oe[len] = b;
      len++;
    }
  };
  /** Emit decoded chars [from, to) unchanged, one to one. */
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    ensure(to - from);
    out.push(t.slice(from, to));
    for (let q = from; q < to; q++) {
      os[len] = dec.start[q] ?? 0;
      oe[len] = dec.end[q] ?? 0;
      len++;
    }
  };

  let quotedChars = 0;
  let ownChars = 0;
  let i = 0;
  let lineStart = true;
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      // `>` quoted line: skip leading spaces, then '>'
      let j = i;
      while (j < n && (t[j] === ' ' || t[j] === '\t')) j++;
      if (t[j] === '>') {
        let k = j;
        while (k < n && t[k] !== '\n') k++;
        // blank the whole quoted line (keep length; map each char to itself)
        for (let q = i; q < k; q++) push(' ', q, q + 1);
        quotedChars += (dec.end[k - 1] ?? 0) - (dec.start[i] ?? 0);
        i = k;
        continue;
      }
    }
    const ch = t[i]!;
    const code = ch.charCodeAt(0);
    if (ch === '\n') {
      push('\n', i, i + 1);
      lineStart = true;
      i++;
      continue;
    }
    const prev = i > 0 ? t.charCodeAt(i - 1) : 0x20;
    const prevIsWord = i > 0 && (isWordChar(prev) || prev === 0x2f);
    // Reddit markers after a non-word char
    if (ch === '/' && !prevIsWord) {
      // "/s" sarcasm tag: "/s" followed by end, space or punctuation
      const nx = t.charCodeAt(i + 1);
      const nx2 = i + 2 < n ? t.charCodeAt(i + 2) : 0x20;
      if ((nx === 0x73 || nx === 0x53) && !isWordChar(nx2) && nx2 !== 0x2f) {
        push(' sarcmark', i, i + 2);
        ownChars += 2;
        i += 2;
        continue;
      }
    }
    if ((ch === 'u' || ch === 'r' || ch === 'U' || ch === 'R') && !prevIsWord && t[i + 1] === '/') {
      let k = i + 2;
      while (k < n && (isWordChar(t.charCodeAt(k)) || t[k] === '-')) k++;
      if (k > i + 2) {
        push(ch === 'u' || ch === 'U' ? 'someuser' : 'somesub', i, k);
        ownChars += k - i;
        i = k;
        continue;
      }
    }
    if (ch === '$' && i + 1 < n && t.charCodeAt(i + 1) >= 0x30 && t.charCodeAt(i + 1) <= 0x39) {
      let k = i + 1;
      while (k < n && ((t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x39) || t[k] === '.' || t[k] === ',')) k++;
      // trailing '.'/',' is punctuation, not part of the number
      while (k > i + 1 && (t[k - 1] === '.' || t[k - 1] === ',')) k--;
      const suf = t[k];
      const after = k + 1 < n ? t.charCodeAt(k + 1) : 0x20;
      const scale: Record<string, string> = { k: 'thousand', K: 'thousand', m: 'million', M: 'million', b: 'billion', B: 'billion', t: 'trillion', T: 'trillion' };
      if (suf !== undefined && scale[suf] !== undefined && !isWordChar(after)) {
        copy(i, k);
        push(' ' + scale[suf], k, k + 1);
        ownChars += k + 1 - i;
        i = k + 1;
        continue;
      }
    }
    // plain run up to the next char that may need rewriting
    let j = i + 1;
    if (code > 0x20) ownChars++;
    while (j < n) {
      const d = t.charCodeAt(j);
      if (d === 0x0a || d === 0x2f || d === 0x24) break;
      if ((d === 0x75 || d === 0x72 || d === 0x55 || d === 0x52) && t.charCodeAt(j + 1) === 0x2f) break;
      if (d > 0x20) ownChars++;
      j++;
    }
    copy(i, j);
    i = j;
  }
  return {
    text: out.join(''),
    origStart: os.slice(0, len),
    origEnd: oe.slice(0, len),
    quotedChars,
    ownChars,
    truncated,
  };
}

/** Map a [start, end) span of the normalised text back to the original. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = norm.origStart[start] ?? 0;
  const e = norm.origEnd[Math.max(start, end - 1)] ?? s;
  return { start: s, end: Math.max(s, e) };
}
