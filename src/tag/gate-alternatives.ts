// Splits a cue pattern into its top-level alternatives and works out, for each,
// words it cannot match without. A big pattern (the `denial` cue has 34
// alternatives) is triggered by many common words, yet on a given text usually
// only one or two of its alternatives could match; the matcher then runs a
// regex of just those, which is several times cheaper.
//
// Dropping an alternative that cannot match anywhere in the text leaves the
// alternation's matches unchanged, so this is exact as long as the derived
// gate is right. It is derived, not hand-written, in the regex's own terms:
// every string the alternative can match is enumerated (with `\w+`, `{0,N}`
// gaps and other open-ended parts reduced to a wildcard), and each must hold a
// "regex word": a maximal run of [a-z0-9_] with a `\b` or a non-word character
// on both sides (or a prefix of one, when its end is open). The matcher looks
// up every such run of the text (match-cues.ts), so a gate word is always
// seen where the alternative matches, whatever wink makes of the token around
// it ("#free", "dot-com-era", a URL). An alternative with no such words (an
// emoji, a quote mark) can be gated by the cue's literal triggers; anything
// else falls back to the cue's full trigger list, i.e. to the old behaviour.
// Several gates can be proved this way, on different runs of the alternative
// or with disjoint words of one run; the matcher requires all of them
// (gateClauses): on the real-sentence bench corpus that halves the regex runs
// (10.7 → 5.7 per comment; three in four of the old ones found nothing).

/** Marks an unknown run of characters (possibly empty) in an enumerated string. */
const WILD = '\u0000';
/** Marks a `\b` / `^` / `$`: a word boundary, zero width. */
const BOUND = '\u0001';
/** Marks a `\s`: some whitespace character (a delimiter, but not the literal space of a literal trigger). */
const SPACE = '\u0002';
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

const ESCAPED_CLASS: Readonly<Record<string, readonly string[]>> = { s: [SPACE], w: [WILD], W: [WILD], d: [WILD], D: [WILD], S: [WILD] };
const CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

/**
 * Whether a character code is a regex word character (`\w` on lower-case text). The gates are words in this
 * sense, and the matcher looks up every run of them (match-cues.ts): both sides must use this one test.
 */
export function isRegexWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

function isWordChar(c: string): boolean {
  return isRegexWordCode(c.charCodeAt(0));
}

/** The regex words (3+ characters) of some words or triggers: "isn't" → isn, "round-trip*" → round, trip. */
export function regexWordsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of words) for (const w of t.replace(/\*$/, '').split(/[^a-z0-9_]+/)) if (w.length >= 3) out.add(w);
  return out;
}

/** The alternative's factors, or undefined when it uses syntax the enumerator does not know. */
function factorsOf(alternative: string): Strings[] | undefined {
  try {
    return new Enumerator(alternative).factors();
  } catch {
    return undefined;
  }
}

/** The one character all of `chars` are, when it is a delimiter (not a word character, not a wildcard); else ''. */
function sharedDelimiter(chars: (string | undefined)[]): string {
  const c = chars[0];
  if (c === undefined || c === WILD || c === BOUND || isWordChar(c)) return '';
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
      const at = this.i;
      let f: Strings;
      try {
        f = this.quantified(this.atom());
      } catch (e) {
        if (!(e instanceof TooMany)) throw e;
        // too many strings: this factor becomes a wildcard; parse past it again, without enumerating
        this.i = at;
        this.skipAtom();
        this.quantified(['']);
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
      if (cls !== undefined) return [...cls];
      if (/[0-9ux]/.test(e)) throw new Error(`unsupported escape \\${e}`);
      return [CONTROL[e] ?? e];
    }
    this.i++;
    if (ch === '^' || ch === '$') return [BOUND];
    if (ch === '.') return [WILD];
    return [ch];
  }

  /** Move past one atom (a group, class, escape or character) without enumerating it. */
  private skipAtom(): void {
    const ch = this.src[this.i];
    if (ch === '(') {
      this.i++;
      this.skipGroup();
      this.i++;
    } else if (ch === '[') {
      this.i++;
      if (this.src[this.i] === '^') this.i++;
      for (; this.i < this.src.length && this.src[this.i] !== ']'; this.i++) if (this.src[this.i] === '\\') this.i++;
      this.i++;
    } else this.i += ch === '\\' ? 2 : 1;
  }

  /** Skip a group's body (balanced) up to its closing ')'. */
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
    // as in JavaScript, a ']' right after '[' or '[^' closes the class: [] matches nothing, [^] anything
    while (this.i < src.length && src[this.i] !== ']') {
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
        c = e === 'b' ? '\b' : (CONTROL[e] ?? e);
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

/** What a gate needs the text to contain (any one of them). */
export interface AlternativeGate {
  /** Regex words, looked up exactly. */
  words: string[];
  /** Regex words must start with one of these. */
  prefixes: string[];
  /** Substrings of the text (from the cue's literal triggers). */
  literals: string[];
}

/** Common English words: a gate of these would let the alternative run on almost every text. */
const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for with as is are was were be been being it its this that these those i you he she we they me him her us them my your his our their not no so if do does did doing done has have had will would can could should might must may just than then there here what who how why when where which while all any some more most very really actually even still also only other own same every each much many one time way thing things lot people person think know like want need make made get got going go goes say said says see new now back over into out up about after before because yes yeah well good'
  ).split(' '),
);

/** A key the text must hold, as `w:word`, `p:prefix` or `l:literal`. */
type Key = string;

/** What the caller knows about word frequency: words it chose as rare (the cue's triggers), words that are common. */
export interface GateHints {
  /** The cue's literal triggers (substrings: emoji, quote marks, several words). */
  literals?: readonly string[];
  /** Words picked by hand as a cue's triggers: rarer than their length suggests. */
  preferred?: ReadonlySet<string>;
  /** Words frequent in on-topic comments ("revenue", "chips"): poor gates however long. */
  common?: ReadonlySet<string>;
}

/**
 * A guess at the share of texts that hold a key: what a gate of it costs in regex runs. Function words
 * are everywhere, topic words are in most on-topic comments, a prefix lets every longer word through
 * ("con*": contract, consider), and words picked by hand as triggers were picked for being rare.
 */
function weightOf(key: Key, hints: GateHints): number {
  const body = key.slice(2);
  if (key[0] === 'l') return 0.05;
  if (STOPWORDS.has(body)) return 1;
  let w = hints.common?.has(body) ? 0.3 : body.length <= 3 ? 0.1 : 0.05;
  if (key[0] === 'p') {
    w *= body.length <= 3 ? 4 : body.length <= 5 ? 2 : 1.2;
    // "mark*" lets every "market" through
    for (const c of hints.common ?? []) if (c.startsWith(body)) return Math.max(w, 0.3);
  }
  if (hints.preferred?.has(body)) w *= 0.3;
  return w;
}

/**
 * The keys that are sure to be looked up in any text containing string `s`: each regex word with a
 * boundary, delimiter or (for a prefix) nothing known after it, and each literal trigger it contains.
 */
function keysOf(s: string, literals: readonly string[]): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isWordChar(s[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && isWordChar(s[j]!)) j++;
    const before = i > 0 ? s[i - 1]! : undefined;
    const after = j < s.length ? s[j]! : undefined;
    // closed: the regex needs a non-word character (or a \b) there, so the text's word ends there too
    const leftClosed = before !== undefined && before !== WILD;
    const rightClosed = after !== undefined && after !== WILD;
    if (leftClosed && rightClosed) keys.push(`w:${s.slice(i, j)}`);
    else if (leftClosed && j - i >= 3) keys.push(`p:${s.slice(i, j)}`);
    i = j;
  }
  if (literals.length > 0) {
    const plain = s.replaceAll(BOUND, '');
    for (const l of literals) if (plain.includes(l)) keys.push(`l:${l}`);
  }
  return keys;
}

/**
 * A cheap set of keys such that every string holds one (greedy weighted set cover), or undefined when some
 * string holds none. Keys in `exclude` are not used.
 */
function coverOf(strings: Strings, keysFor: (s: string) => Key[], weigh: (k: Key) => number, exclude?: ReadonlySet<Key>): Key[] | undefined {
  const perString: Key[][] = [];
  for (const s of strings) {
    let keys = keysFor(s);
    if (exclude !== undefined) keys = keys.filter((k) => !exclude.has(k));
    if (keys.length === 0) return undefined;
    perString.push(keys);
  }
  // greedy weighted set cover: the key with the least weight per string it covers, until all are covered
  const chosen: Key[] = [];
  let open = perString;
  while (open.length > 0) {
    const count = new Map<Key, number>();
    for (const keys of open) for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
    let best: Key | undefined;
    let bestCost = Infinity;
    for (const [k, n] of count) {
      const cost = weigh(k) / n;
      if (cost < bestCost || (cost === bestCost && k < best!)) {
        best = k;
        bestCost = cost;
      }
    }
    chosen.push(best!);
    open = open.filter((keys) => !keys.includes(best!));
  }
  return chosen;
}

/** A gate lets the alternative run about as often as the sum of its keys' weights. */
function isTighter(a: Key[], b: Key[] | undefined, weigh: (k: Key) => number): boolean {
  if (b === undefined) return true;
  const cost = (g: Key[]): number => g.reduce((sum, k) => sum + weigh(k), 0);
  return cost(a) < cost(b) - 1e-9 || (Math.abs(cost(a) - cost(b)) <= 1e-9 && a.length < b.length);
}

/**
 * The gate of one alternative of a cue pattern: words, word prefixes or literal triggers, one of which is in
 * every text the alternative matches. Undefined when that cannot be shown (the caller then gates the
 * alternative with all of the cue's triggers). `hints` say which keys are cheap to gate on.
 *
 * Any run of consecutive factors will do: every match contains one of the run's strings. Words cut by the
 * run's ends are not trusted (the text may continue them), so a run proves something only with its
 * delimiters inside it. The tightest proof wins.
 */
export function gateAlternative(alternative: string, hints: GateHints = {}): AlternativeGate | undefined {
  return gateClauses(alternative, hints, 1)?.[0];
}

/** Words in nearly every comment: no use as a further gate (gateClauses). */
const UBIQUITOUS = new Set('a an the and or of to in on at is it this that for with as be are was i you we they not no so but'.split(' ').map((w) => `w:${w}`));

/** Further covers of one run are sought only when it has at most this many strings (gateClauses). */
const MAX_OTHER_STRINGS = 64;

/** A further gate weighing more than this (weightOf, summed) is not worth its flags (gateClauses). */
const MAX_FURTHER_COST = 3;

/** At most this many gates per alternative (gateClauses). */
export const MAX_CLAUSES = 4;

/**
 * Up to `max` gates of one alternative that must all hold, tightest first (the first is gateAlternative's).
 * Each is proved on its own run of factors, so each alone is a condition of every match and so is their
 * conjunction: "what a time" needs both "what" and "time", where one word alone lets it run on most texts.
 * A gate that holds whenever an earlier one does (it contains all of that one's keys) adds nothing and is
 * dropped. Undefined when no gate can be proved.
 */
export function gateClauses(alternative: string, hints: GateHints = {}, max = MAX_CLAUSES): AlternativeGate[] | undefined {
  const factors = factorsOf(alternative);
  if (factors === undefined) return undefined;
  // the same keys and strings come up in many runs: weigh each key once, list each string's keys once
  const keyLists = new Map<string, Key[]>();
  const keysFor = (str: string): Key[] => {
    let keys = keyLists.get(str);
    if (keys === undefined) keyLists.set(str, (keys = [...new Set(keysOf(str, hints.literals ?? []))]));
    return keys;
  };
  const weights = new Map<Key, number>();
  const weigh = (k: Key): number => {
    let w = weights.get(k);
    if (w === undefined) weights.set(k, (w = weightOf(k, hints)));
    return w;
  };
  // per start factor, the tightest cover of a run from there; and other covers of those runs
  const covers: Key[][] = [];
  const others: Key[][] = [];
  for (let i = 0; i < factors.length; i++) {
    // a run starting inside a word proves nothing a run from that word's start does not
    if (i > 0 && factors[i - 1]!.every((x) => x !== '' && isWordChar(x[x.length - 1]!)) && factors[i]!.every((x) => x !== '' && isWordChar(x[0]!))) continue;
    let strings: Strings = [''];
    let extra = -1;
    let best: Key[] | undefined;
    let bestStrings: Strings = [];
    for (let j = i; j < factors.length && extra < 4; j++) {
      if (strings.length * factors[j]!.length > MAX_STRINGS) break;
      strings = unique(cross(strings, factors[j]!));
      const cover = coverOf(strings, keysFor, weigh);
      if (cover === undefined) continue;
      if (isTighter(cover, best, weigh)) {
        best = cover;
        bestStrings = strings;
      }
      // once covered, a few factors more can only close a word that ended the run (a prefix becomes a word)
      extra++;
    }
    if (best === undefined) continue;
    covers.push(best.sort());
    // covers of the same run with none of its keys are gates too ("what a time": what, a, time)
    // (two at most, and only of runs of few strings: deriving them is most of the lexicon's load time)
    if (bestStrings.length > MAX_OTHER_STRINGS) continue;
    const used = new Set(best);
    for (let n = 0; n < 2; n++) {
      const more = coverOf(bestStrings, keysFor, weigh, used);
      if (more === undefined) break;
      for (const k of more) used.add(k);
      others.push(more.sort());
    }
  }
  if (covers.length === 0) return undefined;
  // tightest first; a stable sort keeps the earliest of equally tight covers first, as a single gate picks it
  let first = covers[0]!;
  for (const cover of covers) if (isTighter(cover, first, weigh)) first = cover;
  const chosen: Key[][] = [first];
  const rest = [...covers.filter((c) => c !== first), ...others].sort((a, b) => (isTighter(a, b, weigh) ? -1 : isTighter(b, a, weigh) ? 1 : 0));
  for (const cover of rest) {
    if (chosen.length >= max) break;
    if (chosen.some((c) => c.every((k) => cover.includes(k)))) continue;
    // every key of every gate is flagged wherever it occurs: a gate of "the" would cost a flag per "the"
    // of every text and rule out almost nothing
    if (cover.some((k) => UBIQUITOUS.has(k)) || cover.reduce((sum, k) => sum + weigh(k), 0) > MAX_FURTHER_COST) continue;
    chosen.push(cover);
  }
  return chosen.map((cover) => {
    const gate: AlternativeGate = { words: [], prefixes: [], literals: [] };
    for (const k of cover) (k[0] === 'w' ? gate.words : k[0] === 'p' ? gate.prefixes : gate.literals).push(k.slice(2));
    return gate;
  });
}

/** The markers of an enumerated string: they stand for no known text (a wildcard, a boundary, some whitespace). */
const MARKERS = new RegExp(`[${WILD}${BOUND}${SPACE}]`);

/**
 * Literal strings every match of `alternative` contains as written: the pieces, between markers, of each factor
 * that has one string only (zero-width parts, lookarounds included, are '' and merge away: "(?:\bare|'re) in on
 * it(?=…)" → "in on it"). A factor with several strings contributes nothing. Empty when the alternative uses syntax the
 * enumerator does not know. The matcher may skip an alternative whose text lacks one of these (match-cues.ts).
 */
export function requiredLiterals(alternative: string): string[] {
  const factors = factorsOf(alternative);
  if (factors === undefined) return [];
  const out: string[] = [];
  for (const f of factors) if (f.length === 1) for (const piece of f[0]!.split(MARKERS)) if (piece !== '') out.push(piece);
  return out;
}

/** Sample strings an alternative can match (wildcards filled with `fill`), at most about `limit`: for tests. */
export function sampleAlternative(alternative: string, fill: string, limit: number): string[] {
  const factors = factorsOf(alternative);
  if (factors === undefined) return [];
  // one string per choice of the first factors, the rest fixed to their first option: varied but bounded
  let strings: Strings = [''];
  for (const f of factors) {
    if (f.length === 0) return [];
    strings = strings.length * f.length <= limit ? cross(strings, f) : strings.map((x) => x + f[0]!);
  }
  return strings.map((x) => x.replaceAll(BOUND, '').replaceAll(SPACE, ' ').replaceAll(WILD, fill));
}
