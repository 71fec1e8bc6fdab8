// Splits a cue pattern into its top-level alternatives and works out, for each,
// which of the cue's triggers it cannot match without. A big pattern (the
// `denial` cue has 34 alternatives) is triggered by many common words, yet on
// a given text usually only one or two of its alternatives could match; the
// matcher then runs a regex of just those, which is several times cheaper.
//
// Dropping an alternative that cannot match anywhere in the text leaves the
// alternation's matches unchanged, so this is exact as long as the derived
// triggers are right. They are derived, not hand-written: every string the
// alternative can match is enumerated (with `\w+`, `{0,N}` gaps and other
// open-ended parts reduced to a wildcard), and an alternative is gated only
// if each string contains a whole word (or a word prefix, for `*` triggers)
// that the token scan looks up. Anything the enumeration cannot bound falls
// back to the cue's full trigger list, i.e. to the old behaviour.

/** Marks an unknown run of characters (possibly empty) in an enumerated string. */
const WILD = '\u0000';
/** Marks a `\b` / `^` / `$`: a word boundary, zero width. */
const BOUND = '\u0001';
/** Above this many strings an alternative is not enumerated (it keeps the cue's triggers). */
const MAX_STRINGS = 300;
/** Character classes with more members than this count as a wildcard. */
const MAX_CLASS = 12;

class TooMany extends Error {}

/** `pattern` split at its top-level `|` (outside groups and character classes). */
export function splitAlternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

/** A parsed alternative, reduced to what enumeration needs: a set of strings per node. */
type Strings = string[];

function cross(a: Strings, b: Strings): Strings {
  if (a.length * b.length > MAX_STRINGS) throw new TooMany();
  const out: Strings = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

function unique(a: Strings): Strings {
  const s = [...new Set(a)];
  if (s.length > MAX_STRINGS) throw new TooMany();
  return s;
}

const ESCAPED_CLASS: Record<string, Strings> = { s: [' '], w: [WILD], W: [WILD], d: [WILD], D: [WILD], S: [WILD] };
const CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

/** The one character all of `chars` are, when it is a delimiter (not part of a word, not a wildcard); else ''. */
function sharedDelimiter(chars: (string | undefined)[]): string {
  const c = chars[0];
  if (c === undefined || c === WILD || c === BOUND || isTokenChar(c)) return '';
  return chars.every((x) => x === c) ? c : '';
}

/** Recursive-descent enumerator over the regex subset the lexicon uses (see cue-lexicon.ts). */
class Enumerator {
  private i = 0;
  constructor(private readonly src: string) {}

  /**
   * The alternative as a sequence of factors, each with the strings it can match; a factor too varied
   * to list becomes a wildcard. Adjacent single-string factors are merged ("c","a","l","l" → "call").
   */
  factors(): Strings[] {
    const out: Strings[] = [];
    while (this.i < this.src.length) {
      if (this.src[this.i] === '|' || this.src[this.i] === ')') throw new Error(`unexpected '${this.src[this.i]}' at ${this.i}`);
      let f: Strings;
      try {
        f = this.quantified(this.atom());
      } catch (e) {
        if (!(e instanceof TooMany)) throw e;
        // only a group can overflow; what it matched is unknown from here on
        f = [WILD];
      }
      const last = out[out.length - 1];
      if (f.length === 1 && last !== undefined && last.length === 1) last[0] = last[0]! + f[0]!;
      else out.push(f);
    }
    return out;
  }

  private alternation(): Strings {
    let all = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      all = unique([...all, ...this.sequence()]);
    }
    return all;
  }

  private sequence(): Strings {
    let acc: Strings = [''];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      acc = unique(cross(acc, this.quantified(atom)));
    }
    return acc;
  }

  private quantified(atom: Strings): Strings {
    const q = this.src[this.i];
    let min = 1;
    let max = 1;
    if (q === '?') [min, max] = [0, 1];
    else if (q === '*') [min, max] = [0, Infinity];
    else if (q === '+') [min, max] = [1, Infinity];
    else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) return atom; // a literal '{'
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: same strings
    if (max === 1) return min === 0 ? unique(['', ...atom]) : atom;
    // repeated: the first `min` copies are known, anything beyond is a wildcard, keeping a delimiter
    // every copy starts or ends with ("(?:\w+ ){0,3}" is '' or "… "), so the next word still starts clean
    let acc: Strings = [''];
    for (let k = 0; k < min; k++) acc = unique(cross(acc, atom));
    if (max === min) return acc;
    const head = sharedDelimiter(atom.map((a) => a[0]));
    const tail = sharedDelimiter(atom.map((a) => a[a.length - 1]));
    return unique(cross(acc, ['', head + WILD + tail]));
  }

  private atom(): Strings {
    const src = this.src;
    const ch = src[this.i]!;
    if (ch === '(') {
      this.i++;
      let zeroWidth = false;
      if (src.startsWith('?:', this.i)) this.i += 2;
      else if (src.startsWith('?=', this.i) || src.startsWith('?!', this.i)) {
        this.i += 2;
        zeroWidth = true;
      } else if (src.startsWith('?<=', this.i) || src.startsWith('?<!', this.i)) {
        this.i += 3;
        zeroWidth = true;
      } else if (src[this.i] === '?') throw new Error(`unsupported group at ${this.i}`);
      const inner = zeroWidth ? this.skipGroup() : this.alternation();
      if (src[this.i] !== ')') throw new Error(`unclosed group at ${this.i}`);
      this.i++;
      // a lookaround consumes nothing; what it checks is not relied on
      return zeroWidth ? [''] : inner;
    }
    if (ch === '[') return this.charClass();
    if (ch === '\\') {
      const e = src[this.i + 1]!;
      this.i += 2;
      if (e === 'b') return [BOUND];
      if (e === 'B') return [''];
      const cls = ESCAPED_CLASS[e];
      if (cls !== undefined) return cls;
      if (/[0-9ux]/.test(e)) throw new Error(`unsupported escape \\${e}`);
      return [CONTROL[e] ?? e];
    }
    this.i++;
    if (ch === '^' || ch === '$') return [BOUND];
    if (ch === '.') return [WILD];
    return [ch];
  }

  /** Skip a lookaround's body (balanced), returning nothing. */
  private skipGroup(): Strings {
    let depth = 0;
    let inClass = false;
    for (; this.i < this.src.length; this.i++) {
      const ch = this.src[this.i];
      if (ch === '\\') {
        this.i++;
        continue;
      }
      if (inClass) {
        if (ch === ']') inClass = false;
      } else if (ch === '[') inClass = true;
      else if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) return [''];
        depth--;
      }
    }
    return [''];
  }

  private charClass(): Strings {
    const src = this.src;
    this.i++;
    const negated = src[this.i] === '^';
    if (negated) this.i++;
    const members: string[] = [];
    let wild = negated;
    let first = true;
    while (this.i < src.length && (src[this.i] !== ']' || first)) {
      first = false;
      let c = src[this.i]!;
      if (c === '\\') {
        const e = src[this.i + 1]!;
        this.i += 2;
        const cls = ESCAPED_CLASS[e];
        if (cls !== undefined) {
          if (cls[0] === WILD) wild = true;
          else members.push(...cls);
          continue;
        }
        c = CONTROL[e] ?? e;
      } else this.i++;
      if (src[this.i] === '-' && src[this.i + 1] !== ']' && this.i + 1 < src.length) {
        let hi = src[this.i + 1]!;
        this.i += 2;
        if (hi === '\\') {
          hi = src[this.i]!;
          this.i++;
        }
        const n = hi.charCodeAt(0) - c.charCodeAt(0) + 1;
        if (n > MAX_CLASS) wild = true;
        else for (let k = 0; k < n; k++) members.push(String.fromCharCode(c.charCodeAt(0) + k));
        continue;
      }
      members.push(c);
    }
    if (src[this.i] !== ']') throw new Error('unclosed character class');
    this.i++;
    if (wild || members.length > MAX_CLASS) return [WILD];
    return unique(members);
  }
}

/** Characters a word token (or its lookup parts) is made of: as nlp-doc.ts's isWordCode, plus the ' and - that re-join pieces. */
function isTokenChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x27 || code === 0x2d || (code >= 0xc0 && code <= 0x24f);
}

interface Keys {
  /** Whole tokens or token parts the text must contain (looked up exactly). */
  exact: string[];
  /** Tokens or token parts that must start with these. */
  prefix: string[];
}

/**
 * What the token scan is sure to look up for one enumerated string: each maximal run of token characters
 * between two delimiters (a boundary, space or punctuation) is a whole token, and its pieces between
 * ' and - are looked up as parts; a run cut by a wildcard or by the string's end only fixes a prefix.
 */
function keysOf(s: string): Keys {
  const keys: Keys = { exact: [], prefix: [] };
  let i = 0;
  while (i < s.length) {
    if (!isTokenChar(s[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && isTokenChar(s[j]!)) j++;
    const run = s.slice(i, j);
    const before = i > 0 ? s[i - 1]! : undefined;
    const after = j < s.length ? s[j]! : undefined;
    const leftClosed = before !== undefined && before !== WILD;
    const rightClosed = after !== undefined && after !== WILD;
    const pieces = run.split(/['-]/);
    if (leftClosed && rightClosed) keys.exact.push(run);
    else if (leftClosed) keys.prefix.push(run);
    pieces.forEach((p, k) => {
      if (p === '') return;
      const l = k > 0 || leftClosed;
      const r = k < pieces.length - 1 || rightClosed;
      if (l && r) keys.exact.push(p);
      else if (l) keys.prefix.push(p);
    });
    i = j;
  }
  return keys;
}

/** A cue's triggers sorted for lookup: exact tokens, `prefix*` tokens, and literal substrings. */
interface TriggerIndex {
  exact: Set<string>;
  prefixes: string[];
  literals: string[];
}

function indexTriggers(triggers: readonly string[], isLiteral: (t: string) => boolean): TriggerIndex {
  const ix: TriggerIndex = { exact: new Set(), prefixes: [], literals: [] };
  for (const t of triggers) {
    if (isLiteral(t)) ix.literals.push(t);
    else if (t.endsWith('*')) ix.prefixes.push(t.slice(0, -1));
    else ix.exact.add(t);
  }
  return ix;
}

/** Add to `found` the triggers sure to fire on string `s`; whether there was one. */
function addFiring(s: string, ix: TriggerIndex, found: Set<string>): boolean {
  const keys = keysOf(s);
  let any = false;
  for (const k of keys.exact) {
    if (ix.exact.has(k)) {
      found.add(k);
      any = true;
    }
  }
  for (const p of ix.prefixes) {
    if (keys.exact.some((k) => k.startsWith(p)) || keys.prefix.some((k) => k.startsWith(p))) {
      found.add(`${p}*`);
      any = true;
    }
  }
  if (ix.literals.length > 0) {
    const plain = s.replaceAll(BOUND, '');
    for (const l of ix.literals) {
      if (plain.includes(l)) {
        found.add(l);
        any = true;
      }
    }
  }
  return any;
}

/** The triggers sure to fire on every string of `strings` (one per string at least), or undefined. */
function triggersOfAll(strings: Strings, ix: TriggerIndex): Set<string> | undefined {
  const gate = new Set<string>();
  for (const s of strings) if (!addFiring(s, ix, gate)) return undefined;
  return gate;
}

/** Fewer triggers first; then the one whose shortest trigger is longest (short words are common). */
function isTighter(a: Set<string>, b: Set<string> | undefined): boolean {
  if (b === undefined) return true;
  if (a.size !== b.size) return a.size < b.size;
  const shortest = (g: Set<string>): number => Math.min(...[...g].map((t) => t.length));
  return shortest(a) > shortest(b);
}

/**
 * The triggers (a subset of `triggers`) that gate one alternative of a cue pattern: every string the
 * alternative can match contains at least one of them. Undefined when that cannot be shown (the caller
 * then gates the alternative with all of the cue's triggers). `isLiteral` tells which triggers are
 * substrings looked up in the text rather than tokens.
 *
 * Any run of consecutive factors will do: every match contains one of the run's strings, so if each of
 * those holds a trigger, so does each match. Words cut by the run's ends are not trusted (the text may
 * continue them), so a run proves something only with its delimiters inside it. The tightest proof wins.
 */
export function gateAlternative(alternative: string, triggers: readonly string[], isLiteral: (t: string) => boolean): string[] | undefined {
  let factors: Strings[];
  try {
    factors = new Enumerator(alternative).factors();
  } catch {
    return undefined;
  }
  const ix = indexTriggers(triggers, isLiteral);
  let best: Set<string> | undefined;
  for (let i = 0; i < factors.length; i++) {
    // a run starting inside a word proves nothing a run from that word's start does not
    if (i > 0 && factors[i - 1]!.every((x) => x !== '' && isTokenChar(x[x.length - 1]!)) && factors[i]!.every((x) => x !== '' && isTokenChar(x[0]!))) continue;
    let strings: Strings = [''];
    for (let j = i; j < factors.length; j++) {
      if (strings.length * factors[j]!.length > MAX_STRINGS) break;
      strings = unique(cross(strings, factors[j]!));
      const gate = triggersOfAll(strings, ix);
      if (gate !== undefined) {
        if (isTighter(gate, best)) best = gate;
        break; // a longer run only adds strings, never removes a needed trigger
      }
    }
  }
  return best === undefined ? undefined : [...best];
}

/** Test support: sample strings an alternative can match (wildcards filled with `fill`), at most `limit`. */
export function sampleAlternative(alternative: string, fill: string, limit: number): string[] {
  let factors: Strings[];
  try {
    factors = new Enumerator(alternative).factors();
  } catch {
    return [];
  }
  // one string per choice of the first factors, the rest fixed to their first option: varied but bounded
  let strings: Strings = [''];
  for (const f of factors) strings = strings.length * f.length <= limit ? cross(strings, f) : strings.map((x) => x + f[0]!);
  return strings.map((x) => x.replaceAll(BOUND, '').replaceAll(WILD, fill));
}
