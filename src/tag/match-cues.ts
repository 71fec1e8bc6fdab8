// Runs the compiled cue lexicon over normalised text: one hash-map pass over
// the tokens (and every other regex word of the text) finds every single-word
// cue and every regex alternative whose gate words are present; only those
// alternatives run (gate-alternatives.ts). Negation is decided from the token
// stream.

import { CUE_DEFS, PLAIN_PRAISE_WORDS, WORD_SENSE_FILTERS, type CueDef } from './cue-lexicon.js';
import { execAll, execAlternation, refersToGroups, type OnMatch } from './exec-alternation.js';
import { gateClauses, isRegexWordCode, regexWordsOf, requiredLiterals, splitAlternatives, type AlternativeGate, type GateHints } from './gate-alternatives.js';
import type { AnalysedDoc, DocSentence, DocToken, TokenPart } from './nlp-doc.js';
import { sortSmall } from '../util/sort-small.js';

export interface CueHit {
  def: CueDef;
  /** Span in the normalised text. */
  start: number;
  end: number;
  /** Negated ("not a bubble") or denied by a following "No." */
  negated: boolean;
}

/**
 * Gate ids: a word cue is gated by its own index (0 … defs − 1); each top-level alternative of a regex
 * cue has an id of its own (defs + its index in `altSource`), so a text runs only the alternatives whose
 * triggers it contains.
 */
interface CompiledLexicon {
  /** exact token → gate ids */
  exact: Map<string, number[]>;
  /** token prefix → gate ids */
  prefix: Map<string, number[]>;
  minPrefix: number;
  maxPrefix: number;
  /**
   * literal (non-token) triggers: [literal, gate ids, gate id of its pre-check or -1]. A literal of several
   * words ("no one") is only searched for when a token starts with its longest word after the first:
   * that word follows a space inside the literal, so it begins a token wherever the literal occurs.
   */
  literals: [string, number[], number][];
  /** The literals as parallel arrays for the per-text scan: text, gate ids, pre-check id (-1: none), starts with a non-ASCII char. */
  litText: string[];
  litIds: number[][];
  litPre: Int32Array;
  litHigh: Uint8Array;
  /** Per literal: the offset of its anchor (anchorOf), or -1 to search for it with includes(). */
  litAnchor: Int32Array;
  /** Reused per text: one flag per gate id (cue, alternative, literal pre-check). */
  triggered: Uint8Array;
  /** Per cue: the whole pattern (what runs when every alternative is triggered, or ungated). */
  regex: (RegExp | undefined)[];
  isWordCue: boolean[];
  /** Per cue: its alternatives' gate ids are altStart[idx] … altEnd[idx] − 1. */
  altStart: number[];
  altEnd: number[];
  /** Per alternative (gate id − defs): its regex source. */
  altSource: string[];
  /**
   * Per alternative: the gate ids of its further gates (gateClauses), all of which must be triggered as well
   * as its own id for it to run; undefined when it has none.
   */
  altAlso: (Int32Array | undefined)[];
  /** Per alternative: a literal every match contains, checked before it runs (precheckLiteral), or undefined. */
  altLiteral: (string | undefined)[];
  /** Scratch for execTriggered: the open alternatives of the cue being run (as long as the most alternatives of a cue). */
  openIds: Int32Array;
  /** Per alternative: its own regex (built on first use; at most one per alternative, so never more than altSource.length). */
  altRegex: (RegExp | undefined)[];
  /** gate ids of cues with neither words nor triggers: always run */
  always: number[];
  /** Per cue: the context check its regex matches must pass (HIT_FILTERS), if any. */
  filters: (HitFilter | undefined)[];
  /** The cues compiled (CUE_DEFS); their number is the first alternative's gate id. */
  defs: readonly CueDef[];
  nDefs: number;
}

let compiled: CompiledLexicon | undefined;

const TOKEN_TRIGGER = /^[a-z0-9][a-z0-9'/-]*\*?$/u;
/** A trigger searched for as a substring (emoji, quote marks, several words) rather than looked up as a token. */
export const isLiteralTrigger = (k: string): boolean => !TOKEN_TRIGGER.test(k) || k.includes('/');

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const l = map.get(key);
  if (l === undefined) map.set(key, [id]);
  else if (!l.includes(id)) l.push(id);
}

function addTrigger(c: CompiledLexicon, k: string, id: number): void {
  if (isLiteralTrigger(k)) {
    const entry = c.literals.find(([l]) => l === k);
    if (entry === undefined) c.literals.push([k, [id], -1]);
    else if (!entry[1].includes(id)) entry[1].push(id);
  } else if (k.endsWith('*')) {
    const p = k.slice(0, -1);
    addTo(c.prefix, p, id);
    c.minPrefix = Math.min(c.minPrefix, p.length);
    c.maxPrefix = Math.max(c.maxPrefix, p.length);
  } else addTo(c.exact, k, id);
}

function keysOfGate(gate: AlternativeGate): string[] {
  return [...gate.words, ...gate.prefixes.map((p) => `${p}*`), ...gate.literals];
}

/** Compile the process-wide lexicon (token memos in nlp-doc.ts and keyCache hold its gate ids, so there is one). */
function compileLexicon(): CompiledLexicon {
  const defs = CUE_DEFS;
  // the topic cue's words are what on-topic comments are made of: poor gates, however long
  const commonWords = regexWordsOf(defs.find((d) => d.name === 'topic')?.words ?? []);
  const c: CompiledLexicon = { exact: new Map(), prefix: new Map(), minPrefix: 99, maxPrefix: 0, literals: [], litText: [], litIds: [], litPre: new Int32Array(0), litHigh: new Uint8Array(0), litAnchor: new Int32Array(0), triggered: new Uint8Array(0), openIds: new Int32Array(0), regex: [], filters: defs.map((d) => HIT_FILTERS.get(d.name)), isWordCue: [], altStart: [], altEnd: [], altSource: [], altAlso: [], altLiteral: [], altRegex: [], always: [], defs, nDefs: defs.length };
  const nDefs = defs.length;
  /** Per alternative (gate id − defs): the keys of each of its further gates. */
  const furtherGates: (string[][] | undefined)[] = [];
  defs.forEach((def, idx) => {
    // 'g' only: patterns are lower-case and run on lower-cased text (the 'u'/'i' flags are ~15× slower in V8)
    c.regex.push(def.pattern !== undefined ? new RegExp(def.pattern, 'g') : undefined);
    c.isWordCue.push(def.words !== undefined);
    c.altStart.push(nDefs + c.altSource.length);
    const alternatives = def.pattern !== undefined ? splitAlternatives(def.pattern) : [];
    // each alternative runs as a regex of its own (execAlternation): it must not depend on another's groups
    for (const alt of alternatives) if (refersToGroups(alt)) throw new Error(`cue ${def.name}: an alternative uses a backreference or a named group, which splitting breaks: ${alt}`);
    c.altSource.push(...alternatives);
    c.altEnd.push(nDefs + c.altSource.length);
    const keys = def.words ?? def.triggers;
    const ids = def.words !== undefined ? [idx] : alternatives.map((_, k) => c.altStart[idx]! + k);
    if (keys === undefined || keys.length === 0) {
      c.always.push(idx, ...ids.filter((id) => id !== idx));
      return;
    }
    if (def.words !== undefined) {
      for (const k of keys) addTrigger(c, k, idx);
      return;
    }
    const hints: GateHints = { literals: keys.filter(isLiteralTrigger), preferred: regexWordsOf(keys.filter((t) => !isLiteralTrigger(t))), common: commonWords };
    alternatives.forEach((alt, k) => {
      // an alternative whose gate cannot be derived keeps all of the cue's triggers; the cue's own id is
      // triggered with any of its alternatives (matchCues skips untriggered cues with one check)
      const [gate, ...also] = gateClauses(alt, hints) ?? [];
      c.altLiteral[ids[k]! - nDefs] = precheckLiteral(alt, gate !== undefined);
      const gateKeys = gate === undefined ? keys : keysOfGate(gate);
      for (const t of gateKeys) {
        addTrigger(c, t, ids[k]!);
        addTrigger(c, t, idx);
      }
      furtherGates[ids[k]! - nDefs] = also.map(keysOfGate);
    });
  });
  // further gates get the ids after the alternatives', then pre-checks of several-word literals
  let next = nDefs + c.altSource.length;
  for (let a = 0; a < c.altSource.length; a++) {
    const gateIds: number[] = [];
    for (const gateKeys of furtherGates[a] ?? []) {
      for (const t of gateKeys) addTrigger(c, t, next);
      gateIds.push(next++);
    }
    c.altAlso.push(gateIds.length > 0 ? Int32Array.from(gateIds) : undefined);
  }
  for (const entry of c.literals) {
    const words = entry[0].split(' ');
    if (words.length < 2 || !words.every((w) => TOKEN_TRIGGER.test(w))) continue;
    const longest = words.slice(1).reduce((a, b) => (b.length > a.length ? b : a));
    entry[2] = next;
    addTrigger(c, `${longest}*`, next++);
  }
  c.triggered = new Uint8Array(next);
  c.openIds = new Int32Array(Math.max(0, ...defs.map((_, idx) => c.altEnd[idx]! - c.altStart[idx]!)));
  c.litText = c.literals.map(([lit]) => lit);
  c.litIds = c.literals.map(([, ids]) => ids);
  c.litPre = Int32Array.from(c.literals, ([, , pre]) => pre);
  c.litHigh = Uint8Array.from(c.literals, ([lit]) => (lit.charCodeAt(0) >= 0x80 ? 1 : 0));
  c.litAnchor = Int32Array.from(c.literals, ([lit]) => anchorOf(lit));
  return c;
}

/** Whether `s` holds two regex words: word characters, then other characters, then a word character. */
function spansWords(s: string): boolean {
  let k = 0;
  while (k < s.length && !isRegexWordCode(s.charCodeAt(k))) k++;
  while (k < s.length && isRegexWordCode(s.charCodeAt(k))) k++;
  while (k < s.length && !isRegexWordCode(s.charCodeAt(k))) k++;
  return k < s.length;
}

/**
 * The literal an alternative's text must contain (requiredLiterals), when checking for it first is likely to save a
 * regex run: one of several words ("in on it", "with no "), which is rarer than each of its words the gates look up;
 * or, for an alternative without a gate of its own (it runs whenever any of its cue's triggers is in the text), its
 * longest literal of 3 characters or more ("recycl" after a lookbehind). An includes() costs far less than a regex run
 * that finds nothing, and matches cannot change: the alternative cannot match in a text without the literal.
 */
function precheckLiteral(alternative: string, gated: boolean): string | undefined {
  let best: string | undefined;
  for (const lit of requiredLiterals(alternative)) {
    if (!(spansWords(lit) || (!gated && lit.length >= 3))) continue;
    if (best === undefined || lit.length > best.length) best = lit;
  }
  return best;
}

/** Lower-case letters, the most frequent in English first. */
const LETTERS_BY_FREQUENCY = 'etaoinshrdlcumwfgypbvkjxqz';

/**
 * How rare a character is in comments, roughly: a space, then letters by their frequency in English, then digits,
 * then anything else (punctuation, symbols, emoji).
 */
function rarity(code: number): number {
  if (code === 0x20) return 0;
  const letter = LETTERS_BY_FREQUENCY.indexOf(String.fromCharCode(code));
  if (letter >= 0) return 1 + letter;
  return code >= 0x30 && code <= 0x39 ? 27 : 28;
}

/** Anchors at least this rare ("c" and rarer letters, digits, anything else) pay off; the commoner are everywhere. */
const MIN_ANCHOR_RARITY = rarity(0x63);

/**
 * Where to anchor the search for a literal trigger: the offset of its rarest character (the last of equally rare ones:
 * " '" → 1, "p/e" → 1, an emoji's second half, "just more" → 0), or -1 when every character is a space or one of the
 * commonest letters ("is not"). Looking for that character first (hasLiteral) rules most texts out at memchr speed,
 * where includes() would stop at every space or first letter to compare the rest.
 */
function anchorOf(lit: string): number {
  let best = -1;
  for (let i = 0; i < lit.length; i++) if (rarity(lit.charCodeAt(i)) >= (best < 0 ? MIN_ANCHOR_RARITY : rarity(lit.charCodeAt(best)))) best = i;
  return best;
}

/** `text.includes(lit)`, searching first for lit's anchor character at offset `anchor` (anchorOf) when it has one. */
function hasLiteral(text: string, lit: string, anchor: number): boolean {
  if (anchor < 0 || lit.length === 1) return text.includes(lit);
  const ch = lit[anchor]!;
  for (let p = text.indexOf(ch, anchor); p >= 0; p = text.indexOf(ch, p + 1)) if (text.startsWith(lit, p - anchor)) return true;
  return false;
}

/**
 * Every match the cue's whole pattern would find in `lower`, found with only its triggered alternatives
 * (the others cannot match: gate-alternatives.ts), in the order execAll over the whole pattern reports them.
 *
 * No regex is compiled per subset of alternatives. Real comments bring many subsets (one pass over the
 * bench's real-sentence corpus: 3,088 distinct cue subsets, one cue alone 1,135, against 27 on the synthetic
 * corpus), and compiling one (plus V8's tier-up on its second run) costs far more than one text saves: with
 * a compiled-subset cache the tagger ran 0.27–0.41 × readDoc on that corpus at over 420 MB peak RSS (even
 * compiling only subsets seen 32 times measured worse than none). Each alternative's own regex is compiled
 * once per process instead, and execAlternation merges their matches as the alternation would.
 */
function execTriggered(c: CompiledLexicon, idx: number, triggered: Uint8Array, lower: string, onMatch: OnMatch): void {
  const from = c.altStart[idx]!;
  const to = c.altEnd[idx]!;
  // the open alternatives' ids, each decided once (the literal check reads the text); openIds is filled and read
  // before any regex runs, so onMatch's own matching cannot disturb it
  const open = c.openIds;
  let n = 0;
  for (let id = from; id < to; id++) if (isOpen(c, triggered, id, lower)) open[n++] = id;
  if (n === to - from) return execAll(c.regex[idx]!, lower, onMatch);
  const res: RegExp[] = [];
  for (let k = 0; k < n; k++) {
    const a = open[k]! - c.nDefs;
    res.push((c.altRegex[a] ??= new RegExp(c.altSource[a]!, 'g')));
  }
  execAlternation(res, lower, onMatch);
}

/**
 * Whether the alternative with gate id `id` may match `lower`: its gate and each of its further gates are triggered,
 * and the text has its precheck literal.
 */
function isOpen(c: CompiledLexicon, triggered: Uint8Array, id: number, lower: string): boolean {
  if (triggered[id] === 0) return false;
  const a = id - c.nDefs;
  const also = c.altAlso[a];
  if (also !== undefined) for (let k = 0; k < also.length; k++) if (triggered[also[k]!] === 0) return false;
  const lit = c.altLiteral[a];
  return lit === undefined || lower.includes(lit);
}

/** Compile the lexicon now (the tagger does this at load time, not on the first text). */
export function warmLexicon(): void {
  getCompiled();
}

function getCompiled(): CompiledLexicon {
  compiled ??= compileLexicon();
  return compiled;
}

/** How an answer to a question starts when it denies it; "no." is wink's token for "No." (read as the abbreviation). */
const DENIAL_STARTERS = new Set(['no', 'no.', 'nope', 'nah', 'not', 'hardly']);
/** Words that may come before the answer's denial: "Absolutely not.", "Of course not", "Honestly, no." */
const DENIAL_INTENSIFIERS = new Set(['absolutely', 'definitely', 'certainly', 'obviously', 'clearly', 'simply', 'honestly', 'hell', 'of', 'course', 'lol', 'well', 'um', 'uh']);
/**
 * A one-word "No" / "Not" run on into its sentence without a comma denies only before these ("No way", "Not at all",
 * "No it isn't"); before others it starts a sentence of its own ("No one wants to say it", "No offense, but yes",
 * "Not sure what else you'd call it", "Not in Jensen's slides").
 */
const RUN_ON_DENIALS: Record<string, ReadonlySet<string>> = {
  no: new Set("way chance sir it it's its they they're that that's this because since".split(' ')),
  not: new Set('really at even remotely quite necessarily a an one likely particularly exactly by because since'.split(' ')),
};
/** After "no" / "not" these assert instead: "No doubt.", "No wonder.", "Not kidding."; "Not yet." keeps the warning. */
const NOT_DENYING_AFTER = new Set(['doubt', 'question', 'wonder', 'kidding', 'joking', 'joke', 'lie', 'cap', 'surprise', 'shit', 'idea', 'clue', 'comment', 'yet']);
/** An answer said with irony: "Nope, just a coincidence that …", "Nah, Nvidia would never …", "Of course not. … has never gone wrong before." */
const IRONIC_ANSWER = /\b(?:just (?:a )?coincidence|would never|could never|(?:has|have) never gone wrong|never goes wrong|nothing to see|totally (?:normal|fine|legit)|i'?m sure|what could (?:possibly )?go wrong|this time is different|different this time|trust me,? bro|any day now|there are (?:several|many|multiple|a few|plenty|two|three|dozens)|this is fine|(?:line|number|stonks?|stocks?) (?:only )?goe?s? up|said so|pinky (?:promise|swear))\b|'d never\b|[🙄🤡🚀🔥🙃😂🤣💀😏🤪]/u;
/**
 * "No, OpenAI is.", "No. The whole AI sector is.", "No, but OpenAI's valuation definitely is.": the answer moves the cue
 * to another subject (up to eight words, then "is / are"), with no negation of its own ("No, that's not what it is.").
 */
const NAMES_ANOTHER = /^\s*(?:no|nope|nah)\b[.,;:—–]?\s*(?:but\s+)?(?:(?!not\b|never\b)[\w'.-]+\s+){0,7}?(?:(?:definitely|certainly|really|actually|absolutely|totally|surely)\s+)?(?:is|are|was|were)\s*[.!]?\s*$/;
/** "No. It's a bubble wrapped in a junk bond.": the answer says the thing is the cue after all. */
function reasserts(answer: string, cue: string): boolean {
  const at = answer.indexOf(cue);
  if (at < 0) return false;
  return /\b(?:it'?s|it is|this is|that'?s|they'?re|they are)\s+(?:(?:a|an|the|just|still|totally|definitely|absolutely|clearly|obviously)\s+){0,2}(?:[\w-]+\s+)?$/.test(answer.slice(Math.max(0, at - 60), at));
}
/**
 * A whole sentence that only denies the one before it ("They call it a Ponzi. It isn't one.", "Everyone says bubble.
 * They're wrong."), as its word tokens joined by spaces; anything longer or different is not read as a denial.
 */
const BARE_DENIALS = new Set([
  'no',
  'no.',
  'nope',
  'nah',
  'not really',
  'not at all',
  'not even close',
  'hardly',
  'absolutely not',
  'definitely not',
  'certainly not',
  'of course not',
  'not true',
  'untrue',
  'wrong',
  'false',
  ...['it', 'this', 'that'].flatMap((w) => [`${w} isn't`, `${w} is not`, `${w} ain't`, `${w} wasn't`, `${w} was not`].flatMap((x) => [x, `${x} one`, `${x} true`, `${x} really`])),
  "it's not",
  "it's not one",
  "that's not true",
  "that's wrong",
  "they're wrong",
  'they are wrong',
  "people are wrong",
  "they're mistaken",
  "everyone's wrong",
  'everyone is wrong',
]);
const CLAUSE_BREAKS = new Set(['but', 'though', 'although', 'however', 'yet']);
/** "nothing more than a scam", "not just a bubble", "no better than a Ponzi": the negator intensifies. */
const NOT_NEGATING_AFTER = new Set(['more', 'less', 'but', 'short', 'other', 'different', 'better', 'only', 'just', 'merely', 'simply', 'even', 'unlike']);

/** Speech or naming verbs just before a quoted phrase: the quote is someone's words, not scare quotes. */
const ATTRIBUTION_BEFORE = /(?<![\w'-])(?:call(?:s|ed|ing)?|dub(?:s|bed)?|termed|search(?:es|ed|ing)? for|typ(?:e|ed|ing)|google(?:d)?|enter(?:ed)?|listed (?:as|under)|filed under|titled|named|describ(?:e|es|ed|ing)|label(?:s|ed|led)?|branded|said|says|saying|warn(?:s|ed)?|admit(?:s|ted)?|wrote|writes|tweeted|posted|known as|definition of|the (?:words?|term|phrase|label))\b(?: [\w'’]+){0,3} ?$/;

/**
 * A speech verb earlier in the quote's sentence, at most 200 characters back ("Lee said the deal is still “underestimated”"),
 * not the commenter's own ("As I pointed out, their "revenue" …" is the commenter's voice: the quote may still ridicule).
 */
// Only verbs that report someone's words neutrally: promised / announced / claimed "revenue" is as often mockery.
const SPEECH_IN_SENTENCE = /(?<!\b(?:i|we|i've|we've|i have|we have|i had|we had|i already|i just) )\b(?:said|says|saying|admit(?:s|ted)?|warn(?:s|ed)?|caution(?:s|ed)?|argu(?:es|ed)|told|wrote|writes|tweeted|according to|point(?:s|ed)? out|noted|explain(?:s|ed)|stated)\b/;

/** A quote just before the text's end, joined to what follows ("… “a bridge too far” and "); the match starts at its opening mark. */
const COORDINATED_QUOTE = /"[^"\n]{1,40}"[,;]? (?:and|or|but|nor) $|"[^"\n]{1,40}", $/;

/** How many joined quotes the attribution check walks back over ("called it "a", "b", "c" and "d""). */
const MAX_JOINED_QUOTES = 4;

/**
 * Whether the quote opening at `s` quotes someone (an attribution just before it or a speech verb earlier in its
 * sentence), and so is reported speech, not ridicule; a quote coordinated with an attributed one is attributed too.
 */
function isAttributedQuote(doc: AnalysedDoc, lower: string, s: number): boolean {
  for (let at = s, hops = 0; ; hops++) {
    if (ATTRIBUTION_BEFORE.test(lower.slice(wordStartAfter(lower, at - 48), at))) return true;
    if (SPEECH_IN_SENTENCE.test(lower.slice(Math.max(sentenceStart(doc, at), wordStartAfter(lower, at - 200)), at))) return true;
    if (hops === MAX_JOINED_QUOTES) return false;
    const before = lower.slice(Math.max(0, at - 52), at);
    const m = COORDINATED_QUOTE.exec(before);
    if (m === null) return false;
    at = at - before.length + m.index;
  }
}

/** `pos`, moved forward past a partly cut word (so a look-back slice never starts mid-word: "re|called"). */
function wordStartAfter(lower: string, pos: number): number {
  if (pos <= 0) return 0;
  let p = pos;
  while (p < lower.length && /[\w'-]/.test(lower[p - 1]!)) p++;
  return p;
}

/** Character offset where the sentence holding `pos` starts. */
function sentenceStart(doc: AnalysedDoc, pos: number): number {
  const tok = doc.tokens[tokenAt(doc.tokens, pos)];
  const sent = tok === undefined ? undefined : doc.sentences[tok.sentence];
  if (sent === undefined) return Math.max(0, pos - 200);
  return Math.min(doc.tokens[sent.firstToken]?.start ?? pos, pos);
}

/** Index of the token containing char `pos` (or the next one). */
function tokenAt(tokens: DocToken[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let ans = tokens.length;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > pos) {
      ans = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return ans;
}

const QUESTION_WORDS = new Set(['how', 'why']);
/** Only a copula asserts: "how is this not fraud" does, "why didn't it crash" takes the non-crash for granted. */
const NEGATED_AUXILIARY = /^(?:is|are|was|were)n'?t$/;
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', "'s", 'come']);
/** A question answered in the next sentence is an explainer ("Why isn't this a bubble? Because …"). */
const ANSWER_STARTERS = new Set(['because', 'cause', "'cause", 'simple', 'easy', 'answer', 'well', 'no', 'nope']);

/**
 * A negative question asserts the positive: "How is this not fraud?", "Why isn't anyone calling it a
 * bubble?", "Isn't this just round-tripping?". The negator then does not deny the cue.
 */
function isNegativeQuestion(doc: AnalysedDoc, sentIdx: number, negator: number): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[sentIdx]!;
  const first = sent.firstToken;
  const next = doc.sentences[sentIdx + 1];
  if (next !== undefined && ANSWER_STARTERS.has(toks[next.firstToken]?.lower ?? '')) return false;
  // "… invested in. how is this not a conflict of interest": a lower-case question the splitter did not
  // separate, or one without its "?"; the word order (question word, copula, negator) makes it a question
  const neg = toks[negator]!.lower;
  for (let j = Math.max(first, negator - 4); j < negator; j++) {
    if (!QUESTION_WORDS.has(toks[j]!.lower)) continue;
    const after = toks[j + 1]!.lower;
    if (AUXILIARIES.has(after) || (j + 1 === negator && NEGATED_AUXILIARY.test(neg))) return true;
  }
  if (sent.terminator !== '?') return false;
  const head = toks[first]!.lower;
  if (negator === first) return NEGATED_AUXILIARY.test(head);
  return negator === first + 1 && AUXILIARIES.has(head) && head !== 'come';
}

/** Sarcastic "totally not a Ponzi", "totally no conflict there": a negator right after "totally" asserts. */
function followsTotally(lower: string, pos: number): boolean {
  return /\btotally[- ]$/.test(lower.slice(Math.max(0, pos - 8), pos));
}

/**
 * Whether the negator at token `k` asserts the stance instead of denying it: it asks a negative question
 * ("Isn't this just round-tripping?", "How is this not fraud") or follows a sarcastic "totally".
 */
function negatorAsserts(doc: AnalysedDoc, lower: string, k: number): boolean {
  const t = doc.tokens[k]!;
  return followsTotally(lower, t.start) || isNegativeQuestion(doc, t.sentence, k) || isRhetoricalNegation(doc, lower, k);
}

/** "If this isn't a bubble, …": the conditional of "if this isn't X, I don't know what is" (or "nothing is"). */
const IF_THIS_BEFORE = /\bif (?:this|that|it|these|those|they)(?:'s|'re| is| are)? ?$/;
const THEN_WHAT_IS = /^[^.!?\n]{0,80}?,? (?:(?:then )?(?:i (?:don'?t|do not) know what (?:is|would be|are|to tell you)|nothing (?:is|ever was))\b|(?:then )?what(?: the hell| else| on earth)? is\s*(?:[?.!]|$))/;
/** "Nobody can convince me this isn't a bubble", "you can't tell me that isn't fraud". */
const CONVINCE_ME_BEFORE = /\b(?:(?:nobody|no one|nothing) (?:can|could|will|would)|(?:you|they|anyone|nobody) (?:can'?t|cannot|couldn'?t|won'?t|will never)|(?:can'?t|cannot|won'?t)|try (?:and|to)) (?:ever )?(?:convince|tell|persuade) me(?: that)? (?:this|that|it|these|those)?(?:'s|'re| is| are)? ?$/;
/**
 * "I'm not saying it's a bubble, but …": saying it by saying one doesn't (the "but" clause follows in the sentence) —
 * unless the "but" clause denies saying the opposite too ("…, but I'm not saying it's cheap either").
 */
const NOT_SAYING_BUT = /^ (?:saying|calling it|claiming|gonna say|going to say)(?: that)?(?: (?:it|this|that|these|they|we)(?:'s|'re| is| are| were|'re in| are in| is in)?)?(?: an?| the)?(?: [\w-]+){0,3}?,? but\b(?! (?:i'?m |i am )?(?:also )?not (?:saying|calling)\b)/;
/** "It's not if the bubble pops, it's when." */
const NOT_IF_BEFORE_WHEN = /^ if\b[^.!?\n]{1,80}?(?:,|;|—| -|\bbut) (?:it'?s |but )?when\b/;

/**
 * A negation that asserts by rhetoric: "If this isn't a bubble, I don't know what is", "Nobody can convince me this
 * isn't fraud", "It's not if the bubble pops, it's when".
 */
function isRhetoricalNegation(doc: AnalysedDoc, lower: string, k: number): boolean {
  const t = doc.tokens[k]!;
  const before = lower.slice(Math.max(sentenceStart(doc, t.start), t.start - 80), t.start);
  if (IF_THIS_BEFORE.test(before) && THEN_WHAT_IS.test(lower.slice(t.end, t.end + 120))) return true;
  if (CONVINCE_ME_BEFORE.test(before)) return true;
  if ((t.lower === 'not' || t.lower === "n't") && NOT_SAYING_BUT.test(lower.slice(t.end, t.end + 120))) return true;
  return (t.lower === 'not' || t.lower === "isn't") && NOT_IF_BEFORE_WHEN.test(lower.slice(t.end, t.end + 120));
}

/**
 * Whether the denial matched at `start`–`end` is void because its negator asserts (see negatorAsserts);
 * only a negator inside the denial or just before it counts. "totally-not a Ponzi" has no negator token.
 */
function isVoidDenial(doc: AnalysedDoc, lower: string, start: number, end: number): boolean {
  if (followsTotally(lower, start)) return true;
  const toks = doc.tokens;
  const ti = tokenAt(toks, start);
  const tok = toks[ti];
  if (tok === undefined) return false;
  const first = doc.sentences[tok.sentence]?.firstToken ?? 0;
  for (let k = Math.max(first, ti - 2); k < toks.length && toks[k]!.start < end && toks[k]!.sentence === tok.sentence; k++) {
    if (toks[k]!.info.negator) return negatorAsserts(doc, lower, k);
  }
  return false;
}

/**
 * A cue inside a denial phrase, after its start, is the thing denied ("calling this a bubble is lazy",
 * "nothing like the dot-com era"); a denial that starts with the cue ("bubble talk") is left alone.
 */
function markDeniedInsideDenials(hits: CueHit[]): void {
  let denials: CueHit[] | undefined;
  for (const h of hits) if (h.def.name === 'denial') (denials ??= []).push(h);
  if (denials === undefined) return;
  for (const h of hits) {
    if (h.negated || h.def.kind !== 'cue' || !h.def.negatable) continue;
    if (denials.some((d) => d.start < h.start && h.end <= d.end)) h.negated = true;
  }
}

const OPENING_QUOTES = new Set(["'", '"', '\u2018', '\u201c']);

/**
 * The critics' words, quoted to name them: "the 'who's left holding the bag' crowd never explains …" mocks the crowd, and
 * the warning inside the quote is theirs, not the commenter's (a mock-the-critic hit on "crowd" just after a quote): a
 * cue that can be denied is, one that cannot is dropped.
 */
function dropQuotedByTheCritics(lower: string, hits: CueHit[]): CueHit[] {
  let quoted: Array<[number, number]> | undefined;
  for (const m of hits) {
    if (m.def.name !== 'mock-the-critic' || lower.slice(m.start, m.end) !== 'crowd') continue;
    const close = lower.lastIndexOf(' ', m.start - 1) - 1;
    // the opening quote starts a word (the apostrophe of "who's" does not)
    let open = -1;
    for (let i = close - 1; i >= 0 && close - i <= 80 && open < 0; i--) {
      if (OPENING_QUOTES.has(lower[i]!) && (i === 0 || /[\s(]/.test(lower[i - 1]!))) open = i;
    }
    if (open >= 0) (quoted ??= []).push([open, close + 1]);
  }
  if (quoted === undefined) return hits;
  const spans = quoted;
  const inside = (h: CueHit): boolean => h.def.kind === 'cue' && spans.some(([a, b]) => h.start > a && h.end <= b);
  for (const h of hits) if (h.def.negatable && inside(h)) h.negated = true;
  return hits.filter((h) => h.def.negatable || !inside(h));
}

/** Cues whose span is said sarcastically as a whole ("Sure, totally normal for …", "totally legit"). */
const SARCASM_SPANS = new Set(['sarcastic-construction', 'ironic-stock-phrase']);

/**
 * A denial inside a sarcastic span is part of the sarcasm, not the commenter's rebuttal: "Sure, totally normal
 * for a company to buy its own customers" asserts the opposite of "totally normal".
 */
function dropDenialsInSarcasm(hits: CueHit[]): CueHit[] {
  let sarcastic: CueHit[] | undefined;
  let denials = false;
  for (const h of hits) {
    if (SARCASM_SPANS.has(h.def.name)) (sarcastic ??= []).push(h);
    else if (h.def.name === 'denial') denials = true;
  }
  if (sarcastic === undefined || !denials) return hits;
  return hits.filter((h) => h.def.name !== 'denial' || !sarcastic.some((x) => x.start <= h.start && h.end <= x.end));
}

/** Whether text[from, to) holds a clause break: , ; : — – ( ) */
function hasClauseBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x28 || c === 0x29) return true;
  }
  return false;
}

/**
 * Cues whose words ask whether something is legitimate ("Is this legal?"): "No." answers that it is not, which is the
 * suspicion itself, so an answer never denies them.
 */
const ASKS_LEGITIMACY = new Set(['legality']);

function isNegated(doc: AnalysedDoc, lower: string, start: number, end: number, def: CueDef): boolean {
  const toks = doc.tokens;
  const ti = tokenAt(toks, start);
  const tok = toks[ti];
  if (tok === undefined) return false;
  const sent = doc.sentences[tok.sentence];
  const first = sent?.firstToken ?? 0;
  // a negator shortly before the cue in the same clause ("not a bubble", "isn't really a Ponzi")
  for (let k = ti - 1, dist = 1; k >= first && dist <= 6; k--, dist++) {
    const t = toks[k]!;
    if (CLAUSE_BREAKS.has(t.lower)) break;
    // a clause break (, ; : — ) between the negator and the cue ends its scope
    if (hasClauseBreak(lower, t.end, toks[k + 1]!.start)) break;
    if (t.info.negator) {
      if (k + 1 < ti && NOT_NEGATING_AFTER.has(toks[k + 1]!.lower)) return false;
      if (negatesClauseBefore(toks, k, ti)) return false;
      if (negatorAsserts(doc, lower, k)) return false;
      if (dist <= 3 || tok.negated) return true;
    }
  }
  const next = doc.sentences[tok.sentence + 1];
  if (sent === undefined || next === undefined || next.endToken <= next.firstToken || ASKS_LEGITIMACY.has(def.name)) return false;
  // the next sentence answers the cue only when the cue is what was asked or claimed: it ends its sentence (three words
  // may follow a question's, one a claim's: "Is this the dot-com bubble again?", "They call it fraud, lol."), not "Is
  // this Ponzi going to stop anytime soon?"; and a sarcastic text's "Of course not." is part of the sarcasm
  const question = sent.terminator === '?';
  if (wordsFrom(toks, sent, end) > (question ? 3 : 1) || lower.includes('sarcmark')) return false;
  // "Is this a Ponzi scheme? No: ...", "Is this a bubble? Absolutely not." ("Will anyone stop this fraud? No." agrees)
  if (question) return asksWhetherItIs(toks, sent, ti, end) && answerDenies(doc, tok.sentence + 1, lower, lower.slice(start, end));
  // "They call it a Ponzi scheme. It isn't one.", "… It isn't: OpenAI pays real money." ("It's a bubble. No?" asks)
  return next.terminator !== '?' && reportsClaim(toks, sent) && startsWithBareDenial(toks, lower, next);
}

/** Verbs whose negation stays inside a clause about what someone has or does ("money you don't have"). */
// not "buy" or "get": "I don't buy that it is a bubble" disbelieves, "I don't get how this is fraud" doubts
const CLAUSE_VERBS = new Set(['have', 'own', 'make', 'earn', 'need', 'pay', 'hold', 'sell', 'control', 'want', 'use']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', "'s", "'re"]);
/** After the verb, a clause of its own ("I don't want that it is …", "don't understand how it is …"): the negation reaches it. */
const OWN_CLAUSE_OPENERS = new Set(['that', 'how', 'why', 'whether', 'if']);

/**
 * The negator at `k` negates a clause that ends before the cue at `ti`: "announcing money you don't have is just
 * misleading investors" — "don't" belongs to "have", and "is" opens the predicate the cue is in. Only after a verb of
 * having or doing, so "I don't think it is misleading" and "this isn't something that is misleading" stay denied.
 */
function negatesClauseBefore(toks: DocToken[], k: number, ti: number): boolean {
  if (k + 2 >= ti || !CLAUSE_VERBS.has(toks[k + 1]!.lower) || OWN_CLAUSE_OPENERS.has(toks[k + 2]!.lower)) return false;
  for (let j = k + 2; j < ti; j++) if (BE_FORMS.has(toks[j]!.lower)) return true;
  return false;
}

/** The sentence is a bare denial ("It isn't one.", "They're wrong."), or opens with one and then gives reasons ("It isn't: …"). */
function startsWithBareDenial(toks: DocToken[], text: string, next: DocSentence): boolean {
  const first = next.firstToken;
  const n = next.endToken - first;
  // "It isn't one, it's worse."
  for (let k = first; k < next.endToken; k++) if (WORSE.has(toks[k]!.lower)) return false;
  if (n <= 4 && BARE_DENIALS.has(sentenceWords(toks, first, next.endToken))) return true;
  for (let len = 1; len <= 3 && len < n; len++) {
    if (len === 1 && ONE_WORD_DENIALS.has(toks[first]!.lower)) continue;
    if (BARE_DENIALS.has(sentenceWords(toks, first, first + len)) && /[,:;—–]/.test(text.slice(toks[first + len - 1]!.end, toks[first + len]!.start))) return true;
  }
  return false;
}

/** Word tokens of `sentence` at or after char `end`. */
function wordsFrom(toks: DocToken[], sentence: DocSentence, end: number): number {
  let n = 0;
  for (let k = sentence.endToken - 1; k >= sentence.firstToken && toks[k]!.start >= end; k--) n++;
  return n;
}

const COPULAS = new Set(['is', 'are', 'was', 'were', "isn't", "aren't", "wasn't", "weren't"]);
const SUBJECT_PRONOUNS = new Set(['this', 'that', 'it', 'these', 'those', 'they', 'we']);

/** How a question about something else than whether the cue holds starts: "Will the SEC …", "Did anyone think …". */
const OTHER_QUESTION_STARTS = new Set(
  "will would did does do can could should shall has have had may might must who who's what what's why how when where which whose anyone anybody someone somebody".split(' '),
);

/** Words that make "Is …" a question about someone's view or action, not whether the thing is the cue. */
const NOT_A_SUBJECT = new Set("anyone anybody someone somebody everyone everybody nobody i i'm you he she we they him her me us them only still also or".split(' '));
/** Words after which an "-ing" / "-ed" word is a noun or a modifier ("OpenAI's funding", "the accounting"), not a verb. */
const NOUN_MAKERS = new Set('the this that these those its their his her our your a an'.split(' '));
/** Present-tense copulas: "Was Cisco vendor-financing customers this hard?" compares with the past instead. */
const PRESENT_COPULAS = new Set(['is', 'are', "isn't", "aren't"]);
/** A question ending in one of these asks about the -ing phrase as a subject ("Is Nvidia round-tripping revenue legal?"). */
const JUDGING_WORDS = new Set('legal sustainable wise smart ok okay fine normal allowed safe healthy bad good problem deal risky worth justified'.split(' '));
/** Words that make the -ing cue part of a clause the question is about ("Is the SEC okay with Nvidia round-tripping …"). */
const CLAUSE_OPENERS = new Set('fine okay ok happy cool aware safe with from about of on for'.split(' '));

/**
 * "Is Altman lying about revenue?": the -ing cue right after the subject is what is asked, in the present tense, in a
 * question that neither judges the action ("… legal?", "… a problem?") nor compares it ("this much", "this hard") nor
 * puts it in a clause about someone else ("Is the SEC okay with Nvidia round-tripping revenue?").
 */
function asksAboutTheAction(toks: DocToken[], sentence: DocSentence, first: number, cue: number): boolean {
  if (!PRESENT_COPULAS.has(toks[first]!.lower)) return false;
  for (let k = first + 1; k < cue; k++) if (CLAUSE_OPENERS.has(toks[k]!.lower)) return false;
  if (JUDGING_WORDS.has(toks[sentence.endToken - 1]!.lower)) return false;
  for (let k = cue + 1; k + 1 < sentence.endToken; k++) if ((toks[k]!.lower === 'this' || toks[k]!.lower === 'that') && /^(?:much|hard|fast|many|big|blatantly|openly)$/.test(toks[k + 1]!.lower)) return false;
  return true;
}

/** Words a question may open with before its verb. */
const LEADING_WORDS = new Set('so but and ok okay well then now also plus yeah lol honest serious genuine real question seriously honestly curious'.split(' '));
const DETERMINERS = new Set('the this that these those a an any such'.split(' '));
const PREPOSITIONS = new Set('about of on in from to at with for into by behind than over like against after before during within without near toward towards'.split(' '));

/**
 * A question whether the thing is the cue, which "No." denies: "Is this a bubble?", "Isn't it fraud?", "Is the AI boom
 * a bubble?", "Is there a bubble?", or a claim asked back ("Manipulation?", "Nvidia pays customers to buy?"); not a
 * question about who does what about it ("Will the SEC do anything about this fraud?", "Is anyone surprised …", "Is
 * the SEC investigating this fraud?", "Anyone shocked this was round-tripping?"). `cue` is the cue's first token,
 * `cueEnd` its end offset.
 */
function asksWhetherItIs(toks: DocToken[], sentence: DocSentence, cue: number, cueEnd: number): boolean {
  // "So is the bubble finally popping?", "Honest question: will the SEC …": the question starts after these
  let first = sentence.firstToken;
  while (first < cue && LEADING_WORDS.has(toks[first]!.lower)) first++;
  const a = toks[first];
  if (a === undefined) return false;
  if (!COPULAS.has(a.lower)) return !OTHER_QUESTION_STARTS.has(a.lower);
  if (SUBJECT_PRONOUNS.has(toks[first + 1]?.lower ?? '')) return true;
  // a noun subject, then the cue ("Is AMD's deal a scam?"): at most five words between
  if (cue - first - 1 > 5 || cue <= first + 1) return false;
  // the cue must be what is asked about: it ends the question, or comes right after "a / an" ("Is it a bubble like
  // 1999?"); a cue in the subject is taken for granted ("Is the bubble popping yet? No.", "Is the circular financing
  // sustainable? No." warns)
  const before = toks[cue - 1]!.lower;
  // a verb-form cue right after the subject is the predicate too ("Is Altman lying about revenue?", "Is Oracle
  // inflating its backlog?"), unless an article or possessive makes it a noun of the subject ("the lying", "its funding")
  const predicateVerb = /ing$/.test(toks[cue]!.lower) && !NOUN_MAKERS.has(before) && !before.endsWith("'s") && asksAboutTheAction(toks, sentence, first, cue);
  if (wordsFrom(toks, sentence, cueEnd) > 0 && before !== 'a' && before !== 'an' && !predicateVerb) return false;
  // … and not the object of a preposition: the question is about someone's view or exposure ("Is Burry wrong about
  // the bubble?", "Is Oracle safe from the bubble?", "Is the SEC on this fraud?")
  let p = cue - 1;
  while (p > first + 1 && DETERMINERS.has(toks[p]!.lower)) p--;
  if (PREPOSITIONS.has(toks[p]!.lower)) return false;
  // none of the words between is a person asked about, a verb form ("investigating", "surprised") or a second question
  for (let k = first + 1; k < cue; k++) {
    const w = toks[k]!.lower;
    if (NOT_A_SUBJECT.has(w) || OTHER_QUESTION_STARTS.has(w) || COPULAS.has(w)) return false;
    const prev = toks[k - 1]!.lower;
    if (/(?:ing|ed)$/.test(w) && !NOUN_MAKERS.has(prev) && !prev.endsWith("'s")) return false;
  }
  return true;
}

// not "think": "I think it's a bubble." is the commenter's own view, which a following "No, …" does not deny
const CLAIM_VERBS = new Set(['say', 'says', 'said', 'saying', 'call', 'calls', 'called', 'calling', 'claim', 'claims', 'claimed', 'claiming', 'yell', 'yells', 'yelling', 'scream', 'screaming', 'cry', 'crying']);
/** Bare denials of one word, which open agreeing answers too ("No, they're dead right"): only a whole sentence. */
const ONE_WORD_DENIALS = new Set(['no', 'no.', 'nope', 'nah', 'hardly']);

/** The sentence relays a claim ("They call it a Ponzi scheme.", "Everyone says bubble."), which a bare "It isn't." denies. */
function reportsClaim(toks: DocToken[], sentence: DocSentence): boolean {
  for (let k = sentence.firstToken; k < sentence.endToken; k++) if (CLAIM_VERBS.has(toks[k]!.lower)) return true;
  return false;
}

/** Words after "No" that make the answer worse, not a denial: "Is this the dot-com bubble again? No. It's worse." */
const WORSE = new Set(['worse', 'bigger', 'crazier', 'dumber', 'scarier', 'larger']);

/**
 * Whether the answer, sentence `at`, starts with a denial ("No, …", "Nope.", "Absolutely not.") and neither it nor
 * the sentence after it says it is worse; not "No doubt."
 */
function answerDenies(doc: AnalysedDoc, at: number, lower: string, cueText: string): boolean {
  const toks = doc.tokens;
  const next = doc.sentences[at]!;
  const then = doc.sentences[at + 1];
  // "No?" asks back
  if (next.terminator === '?') return false;
  for (let k = next.firstToken; k < (then ?? next).endToken; k++) if (WORSE.has(toks[k]!.lower)) return false;
  const from = toks[next.firstToken]!.start;
  // each up to the next word after it, so a trailing emoji ("Nope, rock solid 🙄") is read with it
  const answerEnd = toks[next.endToken]?.start ?? lower.length;
  const to = toks[(then ?? next).endToken]?.start ?? lower.length;
  const answer = lower.slice(from, to);
  if (IRONIC_ANSWER.test(answer) || reasserts(answer, cueText)) return false;
  // "Is Oracle the next Enron? No, CoreWeave is." names another thing as the cue (in the answer, or just after "No.")
  if (NAMES_ANOTHER.test(lower.slice(from, answerEnd)) || NAMES_ANOTHER.test(answer)) return false;
  let k = next.firstToken;
  while (k < next.endToken - 1 && k < next.firstToken + 2 && DENIAL_INTENSIFIERS.has(toks[k]!.lower)) k++;
  const starter = toks[k]!;
  if (!DENIAL_STARTERS.has(starter.lower)) return false;
  if (k + 1 >= next.endToken) return true;
  const after = toks[k + 1]!;
  if (NOT_DENYING_AFTER.has(after.lower)) return false;
  const runOn = RUN_ON_DENIALS[starter.lower];
  return runOn === undefined || hasClauseBreak(lower, starter.end, after.start) || lower.slice(starter.end, after.start).includes('.') || runOn.has(after.lower);
}

/** Tokens from … to − 1, lower-cased and joined by spaces. */
function sentenceWords(toks: DocToken[], from: number, to: number): string {
  let words = '';
  for (let k = from; k < to; k++) words += (k > from ? ' ' : '') + toks[k]!.lower;
  return words;
}

/** Lower-case without changing the length (so offsets stay valid). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

interface Scan {
  /** per gate id (word cue or regex alternative): 0 = not triggered, 1 = triggered */
  triggered: Uint8Array;
  /** Single-word cue hits, in token order (negation is decided afterwards). */
  wordHits: CueHit[];
}

const NO_CUES: readonly number[] = [];
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
/** token (or token part) → the gate ids it triggers (exact or prefix); Zipf makes this cache hit almost always. */
const keyCache = new Map<string, readonly number[]>();
const KEY_CACHE_MAX = 200_000;

function cuesForKey(c: CompiledLexicon, key: string): readonly number[] {
  const cached = keyCache.get(key);
  if (cached !== undefined) return cached;
  let out: number[] | undefined;
  const add = (list: number[] | undefined): void => {
    if (list === undefined) return;
    out ??= [];
    for (const idx of list) if (!out.includes(idx)) out.push(idx);
  };
  add(c.exact.get(key));
  const maxLen = Math.min(key.length, c.maxPrefix);
  for (let len = c.minPrefix; len <= maxLen; len++) add(c.prefix.get(key.slice(0, len)));
  const result = out ?? NO_CUES;
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(key, result);
  return result;
}

/** Mark the gate ids a token (or token part) at start–end triggers, recording word-cue hits. */
function lookup(c: CompiledLexicon, ids: readonly number[], start: number, end: number, scan: Scan): void {
  for (let i = 0; i < ids.length; i++) {
    const idx = ids[i]!;
    scan.triggered[idx] = 1;
    if (idx < c.nDefs && c.isWordCue[idx]) {
      const def = c.defs[idx]!;
      const last = scan.wordHits[scan.wordHits.length - 1];
      // one hit per cue per span
      if (last !== undefined && last.def === def && last.start === start && last.end === end) continue;
      scan.wordHits.push({ def, start, end, negated: false });
    }
  }
}

const NO_PARTS: readonly TokenPart[] = [];

/** `ids` without single-word cues: what a regex word that is not a token or token part may trigger. */
function gateIdsOnly(c: CompiledLexicon, ids: readonly number[]): readonly number[] {
  return ids.some((id) => id < c.nDefs && c.isWordCue[id]) ? ids.filter((id) => !(id < c.nDefs && c.isWordCue[id])) : ids;
}

/**
 * What a token's pieces trigger: [from, to, ids] within the token. Pieces between ' and - are parts
 * ("totally-not-circular", "nvidia's") and may hit word cues; the token's other regex words (its runs of
 * [a-z0-9_] split by any other character: "e.g.nobody", a URL) only open regex gates (gate-alternatives.ts).
 */
function partsOf(c: CompiledLexicon, w: string): readonly TokenPart[] {
  let out: TokenPart[] | undefined;
  let pure = true;
  for (let i = 0; i < w.length; i++) if (!isRegexWordCode(w.charCodeAt(i))) pure = false;
  if (pure) return NO_PARTS;
  const parts = new Set<string>();
  let s = 0;
  for (let i = 0; i <= w.length; i++) {
    const ch = i < w.length ? w.charCodeAt(i) : 0x2d;
    if (ch === 0x2d || ch === 0x27) {
      if (i > s) {
        parts.add(`${s}:${i}`);
        const ids = cuesForKey(c, w.slice(s, i));
        if (ids.length > 0) (out ??= []).push([s, i, ids]);
      }
      s = i + 1;
    }
  }
  for (let i = 0; i < w.length; ) {
    if (!isRegexWordCode(w.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < w.length && isRegexWordCode(w.charCodeAt(j))) j++;
    if (!parts.has(`${i}:${j}`) && !(i === 0 && j === w.length)) {
      const ids = gateIdsOnly(c, cuesForKey(c, w.slice(i, j)));
      if (ids.length > 0) (out ??= []).push([i, j, ids]);
    }
    i = j;
  }
  return out ?? NO_PARTS;
}

/** Open the regex gates of the regex word of `lower` around position `at` (a word character no token covers). */
function lookupWordAt(c: CompiledLexicon, lower: string, at: number, scan: Scan): number {
  let from = at;
  while (from > 0 && isRegexWordCode(lower.charCodeAt(from - 1))) from--;
  let to = at + 1;
  while (to < lower.length && isRegexWordCode(lower.charCodeAt(to))) to++;
  lookup(c, gateIdsOnly(c, cuesForKey(c, lower.slice(from, to))), from, to, scan);
  return to;
}

/** Regex words outside the word tokens (in "#free", "@nobody", between glued tokens): they open gates too. */
function lookupGap(c: CompiledLexicon, lower: string, from: number, to: number, scan: Scan): void {
  for (let i = from; i < to; i++) if (isRegexWordCode(lower.charCodeAt(i))) i = lookupWordAt(c, lower, i, scan);
}

/** One pass over the tokens: triggered cues and single-word hits. */
function scanTokens(c: CompiledLexicon, doc: AnalysedDoc, lower: string): Scan {
  c.triggered.fill(0);
  const scan: Scan = { triggered: c.triggered, wordHits: [] };
  // every regex word of the text is looked up (gate-alternatives.ts relies on it): the word tokens and
  // their pieces here, anything between them in lookupGap
  let prevEnd = 0;
  for (const t of doc.tokens) {
    const w = t.lower;
    if (t.start > prevEnd) lookupGap(c, lower, prevEnd, t.start, scan);
    else if (t.start > 0 && isRegexWordCode(lower.charCodeAt(t.start - 1)) && isRegexWordCode(lower.charCodeAt(t.start))) lookupWordAt(c, lower, t.start, scan);
    prevEnd = t.end;
    lookup(c, (t.info.cues ??= cuesForKey(c, w)), t.start, t.end, scan);
    for (const [from, to, ids] of (t.info.parts ??= partsOf(c, w))) lookup(c, ids, t.start + from, t.start + to, scan);
  }
  if (lower.length > prevEnd) lookupGap(c, lower, prevEnd, lower.length, scan);
  const nonAscii = NON_ASCII.test(lower);
  const { litText, litIds, litPre, litHigh, litAnchor } = c;
  const triggered = scan.triggered;
  for (let k = 0; k < litText.length; k++) {
    const pre = litPre[k]!;
    if ((pre >= 0 && triggered[pre] === 0) || (!nonAscii && litHigh[k] === 1)) continue;
    const ids = litIds[k]!;
    let pending = false;
    for (let j = 0; j < ids.length; j++) if (triggered[ids[j]!] === 0) pending = true;
    if (pending && hasLiteral(lower, litText[k]!, litAnchor[k]!)) for (let j = 0; j < ids.length; j++) triggered[ids[j]!] = 1;
  }
  for (const idx of c.always) scan.triggered[idx] = 1;
  return scan;
}

/** Context checks a regex cue's match must pass, by cue name (what the pattern alone cannot see). */
type HitFilter = (doc: AnalysedDoc, lower: string, start: number, end: number) => boolean;

/** A quoted model or part name ('GB200', "MI450", "S-1"): one word with a digit (a quoted acronym, "AGI", may be scare quotes). */
const QUOTED_NAME = /^[\w.-]*\d[\w.-]*$/;
/** "what the 'backstop' means", "what does 'rescoped' mean": a term asked about. */
const ASKED_TERM_BEFORE = /\bwhat(?:'s| is| does| do| did)?\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?$/;
const ASKED_TERM_AFTER = /^\s*(?:means?|meant|stands? for|refers? to|is\b|actually means?)/;
const HIT_FILTERS = new Map<string, HitFilter>([
  [
    'scare-quotes',
    (doc, lower, s, e) => {
      const inner = lower.slice(s + 1, e - 1).trim();
      if (inner.split(/\s+/u).length > 4 || inner.length < 2) return false;
      // inner is the lower-cased quote: \w and \d do not care about case
      if (QUOTED_NAME.test(inner)) return false;
      // a term asked about ("what the 'backstop' means") is mentioned, not mocked
      if (ASKED_TERM_BEFORE.test(lower.slice(Math.max(0, s - 30), s)) && ASKED_TERM_AFTER.test(lower.slice(e, e + 20))) return false;
      // a phrase quoted from someone ("analysts called it “circular”") is reported speech, not ridicule
      return !isAttributedQuote(doc, lower, s);
    },
  ],
  ['denial', (doc, lower, s, e) => !isVoidDenial(doc, lower, s, e)],
  ['dot-com', (doc, lower, s, e) => !isPlainDate(doc, lower, s, e)],
  ['historic-crash', (doc, lower, s, e) => !isPlainDate(doc, lower, s, e)],
]);

/** A year written as a date: "in 2000", "since 2008", "by early 1999", "in March 2000". */
const DATE_BEFORE = /\b(?:in|since|from|until|till|by|during|circa|around)\s+(?:(?:early|late|mid|the (?:spring|summer|fall|autumn|winter) of|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[\s-]+)?$/;
/** Words that make a dated year a comparison after all: "saw this movie in 2008", "worked so well last time in 2000". */
const COMPARING = /\b(?:like|again|remember\w*|remind\w*|movie|lesson|last time|last seen|history|repeat\w*|same (?:thing|movie|story|playbook|pattern|energy|vibes?|mistake)|similar|redux|all over|vibes?|feels?|felt|deja|déjà|(?:higher|bigger|worse|crazier|larger|frothier|richer|steeper|greater|pricier|more expensive) than|this (?:high|big|crazy|much)|break(?:s|ing)? even|recover\w*|underwater|wiped out|highs?|highest|levels?|bust|bubble|crash\w*|collaps\w*|burst|popp?(?:ed|s)?|implod\w*|peak\w*|top|glut|mania|lucent|nortel|cisco|sun|aig|lehman|enron|worldcom|telecom|fib(?:er|re)|dot-?com|pets|webvan|subprime|housing|mortgages?|cdos?|bail\w*|nasdaq|s&p|multiples?|p\/e|priced|valuations?|lost|fell|dropped|tanked|\d+%)(?![\w&])/;

/**
 * A bare year (1999, 2000, 2001, 2008) written as a date in a sentence that compares nothing: "I bought my first
 * computer in 2000", "Amazon has invested in AI since 2008" state when, not that this is the dot-com bubble again.
 * "Feels like 1999", "This is 2008 again", "saw this movie in 2008" stay cues.
 */
function isPlainDate(doc: AnalysedDoc, lower: string, s: number, e: number): boolean {
  if (e - s !== 4 || !/^\d{4}$/.test(lower.slice(s, e))) return false;
  if (!DATE_BEFORE.test(lower.slice(Math.max(0, s - 40), s))) return false;
  const from = sentenceStart(doc, s);
  let to = e;
  while (to < lower.length && to - e < 200 && !/[.!?\n]/.test(lower[to]!)) to++;
  return !COMPARING.test(lower.slice(from, s) + ' ' + lower.slice(e, to));
}

/** Interjections and intensifiers that may open an exclamation of praise ("Oh wow, truly inspiring."). */
const PRAISE_OPENER = /^[\s"'“‘*_(>~]*(?:(?:oh|wow|yeah|yes|well|just|truly|simply|absolutely|really|so|how|very|most|quite|utterly|positively|genuinely|real)[,!.]?\s+){0,3}$/;
/** The exclamation's end: the sentence's, or a comma that does not open a concession ("Impressive, but …"). */
const PRAISE_CLOSER = /^[*_~]*(?:\s*(?:$|[.!…;:)"”'’—]|sarcmark|[^\x00-\x7f]|,(?!\s*(?:but|though|although|however|yet)\b))|\s+[-–])/;

/**
 * A plain positive adjective (PLAIN_PRAISE_WORDS) counts as sarcastic praise only as an exclamation
 * ("Fantastic." "Incredible, how …" "Just brilliant!") or in quotes; in a statement it is sincere
 * praise ("The 3D stacking on MI300 is impressive.", "These numbers are impressive, but …").
 */
function isPraiseExclamation(doc: AnalysedDoc, lower: string, s: number, e: number): boolean {
  const before = lower.slice(Math.max(sentenceStart(doc, s), s - 60), s);
  const after = lower.slice(e, e + 12);
  if (/["“‘']\s*$/.test(before) && /^\s*["”’']/.test(after)) return true;
  if (PRAISE_OPENER.test(before) && PRAISE_CLOSER.test(after)) return true;
  return (PRAISE_NOUN_OPENER.test(before) || PRAISE_WHAT_A.test(before)) && PRAISE_NOUN_AFTER.test(lower.slice(e, e + 80));
}

/** "Brilliant move, …", "Truly brilliant strategy from Sam: …", "What an incredible business model, …", "such a brilliant plan: …" */
const PRAISE_NOUN_OPENER = /^[\s"'“‘*_(>~]*(?:(?:oh|wow|yeah|well|just|truly|simply|really|absolutely|so)[,!.]?\s+){0,2}$/;
const PRAISE_WHAT_A = /\b(?:what|such) an?\s+(?:(?:truly|simply|really|absolutely|utterly)\s+)?$/;
const PRAISE_NOUN_AFTER = /^\s+(?:[a-z]+\s+)?(?:moves?|plans?|strateg(?:y|ies)|ideas?|models?|news|deals?|logic|schemes?|setups?|system|accounting|economics|play|math|maths|financing|engineering)(?:\s+from\s+[\w.'’]+)?(?:\s*[,:;—]|\s+[-–])\s*[\w"'“](?![^.!?\n]{0,60}\b(?:beat|beats|posted|reported|raised|won|wins|launched|shipped|approved|record|locked in|secured)\b)/;

/** "Holy shit", "fear and greed index", "a cult following": the word as an exclamation, a name or an idiom, not an insult. */
const INSULT_IDIOM_BEFORE = /\b(?:holy|fear and)\s+$/;
const INSULT_IDIOM_AFTER = /^\s+(?:and fear|following|classics?|favou?rites?|hits?)\b/;
/** "Fuck it, let's …" (never mind, go ahead) and a "fuck-up" (a blunder): swearing that insults no one. */
const SWEAR_IDIOM_AFTER = /^(?:\s+it\b[,!.]?\s*(?:let'?s|we|i'?m|i'?ll|i)\b|[- ]?ups?\b)/;
/** The speaker's own mistake: "I was dumb to sell", "I'm so stupid". */
const SELF_BEFORE = /\bi(?:'m| am| was| feel| felt)(?: (?:so|really|such|pretty|very|too|an?))* $/;
/** Size words an intensifier praises or measures ("Nvidia's margins are insane", "a ridiculous amount"). */
const INTENSIFIERS = new Set(['insane', 'ridiculous', 'absurd', 'ludicrous']);
const MEASURE_IN_CLAUSE = /\b(?:demand|margins?|growth|gains?|returns?|performance|speeds?|fast|rall(?:y|ies)|results|beat|profits?|earnings|amount|run|backlog|orders|bookings|racks?|inference|wake-up call)\b/;
const VALUE_IN_CLAUSE = /\b(?:valuations?|valued|prices?|priced|multiples?|p\/e|bubble|debt|spend\w*|capex|hype)\b/;

/** Clause around [s, e): up to the nearest , ; : . ! ? or line break on each side (at most 100 characters). */
function clauseAround(lower: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && s - a < 100 && !/[,;:.!?\n]/.test(lower[a - 1]!)) a--;
  let b = e;
  while (b < lower.length && b - e < 100 && !/[,;:.!?\n]/.test(lower[b]!)) b++;
  return lower.slice(a, b);
}

/** A joke someone told ("Jensen told a joke about …"), not the deal called a joke. */
const TOLD_JOKE_BEFORE = /\b(?:told|tell|tells|telling|made|make|makes|making|cracked|crack|cracks|cracking|inside|in-)\s+(?:(?:a|an|the|his|her|their|one|another|that|this|some|few|bad|good|funny|old|running|dad|quick)\s+){0,3}$/;
/** "staged" as in stages ("a staged rollout", "staged payments"), not a staged show. */
const IN_STAGES_AFTER = /^\s+(?:rollouts?|deployments?|payments?|investments?|funding|tranches?|approach|builds?|buildouts?|process|releases?|financing|capex|commitments?|expansion|over|across|through|in (?:tranches|phases|stages))\b/;

/** A spectacle word that mocks no one: a joke actually told, or "staged" as in stages. */
function isSincereSpectacle(lower: string, s: number, e: number): boolean {
  const w = lower.slice(s, e);
  if (w === 'joke' || w === 'jokes') return TOLD_JOKE_BEFORE.test(lower.slice(Math.max(0, s - 40), s));
  if (w === 'staged') return IN_STAGES_AFTER.test(lower.slice(e, e + 20));
  return false;
}

/**
 * An insult word that insults no one: an exclamation or a name ("Holy shit, …", "the fear and greed index"),
 * the speaker's own mistake ("I was dumb to sell at $40"), or an intensifier of size or performance
 * ("Nvidia's margins are insane", "up a ridiculous amount") rather than of a valuation or spending.
 */
function isSincereInsult(lower: string, s: number, e: number): boolean {
  const before = lower.slice(Math.max(0, s - 40), s);
  if (INSULT_IDIOM_BEFORE.test(before) || INSULT_IDIOM_AFTER.test(lower.slice(e, e + 12))) return true;
  if (lower.slice(s, e) === 'fuck' && SWEAR_IDIOM_AFTER.test(lower.slice(e, e + 16))) return true;
  if (SELF_BEFORE.test(before)) return true;
  if (!INTENSIFIERS.has(lower.slice(s, e))) return false;
  const clause = clauseAround(lower, s, e);
  return MEASURE_IN_CLAUSE.test(clause) && !VALUE_IN_CLAUSE.test(clause);
}

/** WORD_SENSE_FILTERS compiled, by cue name. */
const SENSE_FILTERS = new Map<string, { word: RegExp; before?: RegExp; after?: RegExp; both?: boolean }[]>();
for (const f of WORD_SENSE_FILTERS) {
  const l = SENSE_FILTERS.get(f.cue) ?? [];
  l.push({ word: new RegExp(f.word), ...(f.before !== undefined ? { before: new RegExp(f.before) } : {}), ...(f.after !== undefined ? { after: new RegExp(f.after) } : {}), ...(f.both === true ? { both: true } : {}) });
  SENSE_FILTERS.set(f.cue, l);
}

/** A word cue's hit in another sense (WORD_SENSE_FILTERS: "bubble tea", "fraud detection", "debt-free"). */
function isOffSense(lower: string, name: string, s: number, e: number): boolean {
  const fs = SENSE_FILTERS.get(name);
  if (fs === undefined) return false;
  const w = lower.slice(s, e);
  for (const f of fs) {
    if (!f.word.test(w)) continue;
    if (f.before === undefined && f.after === undefined) return true;
    if (f.both === true) {
      if (f.before !== undefined && f.after !== undefined && f.before.test(lower.slice(Math.max(0, s - 40), s)) && f.after.test(lower.slice(e, e + 40))) return true;
      continue;
    }
    if (f.before !== undefined && f.before.test(lower.slice(Math.max(0, s - 40), s))) return true;
    if (f.after !== undefined && f.after.test(lower.slice(e, e + 40))) return true;
  }
  return false;
}

/**
 * Word cues whose hit can be a sincere use, by cue name, and the check (regex cues' context checks are HIT_FILTERS):
 * a plain positive adjective is sarcastic praise only as an exclamation or in quotes ("The 3D stacking on MI300 is
 * impressive." is sincere); an insult word may insult no one; a spectacle word may mock no one.
 */
const SINCERE_WORD_USES = new Map<string, (doc: AnalysedDoc, lower: string, s: number, e: number) => boolean>([
  ['sarcastic-praise', (doc, lower, s, e) => PLAIN_PRAISE_WORDS.has(lower.slice(s, e)) && !isPraiseExclamation(doc, lower, s, e)],
  ['insult', (_doc, lower, s, e) => isSincereInsult(lower, s, e)],
  ['spectacle', (_doc, lower, s, e) => isSincereSpectacle(lower, s, e)],
]);

/** Drops the word cues' hits in a sincere use (SINCERE_WORD_USES) or in another sense (WORD_SENSE_FILTERS). */
function dropSincereWordHits(doc: AnalysedDoc, lower: string, hits: CueHit[]): void {
  let kept = 0;
  for (const h of hits) {
    const isSincere = SINCERE_WORD_USES.get(h.def.name);
    if (isSincere?.(doc, lower, h.start, h.end) === true || isOffSense(lower, h.def.name, h.start, h.end)) continue;
    hits[kept++] = h;
  }
  hits.length = kept;
}

function byPositionThenName(a: CueHit, b: CueHit): number {
  return a.start - b.start || a.end - b.end || (a.def.name < b.def.name ? -1 : a.def.name > b.def.name ? 1 : 0);
}

/** All cue matches in `text` (normalised), in text order. */
export function matchCues(original: string, doc: AnalysedDoc, lower: string = lowerSameLength(original), gate = true): CueHit[] {
  const c = getCompiled();
  const defs = c.defs;
  const scan = scanTokens(c, doc, lower);
  const hits = scan.wordHits;
  dropSincereWordHits(doc, lower, hits);
  // negation reads the lower-cased text (same offsets): its look-arounds are lower-case patterns
  for (const h of hits) if (h.def.negatable) h.negated = isNegated(doc, lower, h.start, h.end, h.def);
  // one match callback per text, not one closure per cue run: it reads the cue being run from `def` / `keep`
  let def = defs[0]!;
  let keep: HitFilter | undefined;
  const onMatch = (s: number, e: number): void => {
    if (keep !== undefined && !keep(doc, lower, s, e)) return;
    if (isOffSense(lower, def.name, s, e)) return;
    hits.push({ def, start: s, end: e, negated: def.negatable ? isNegated(doc, lower, s, e, def) : false });
  };
  for (let idx = 0; idx < defs.length; idx++) {
    const re = c.regex[idx];
    if (re === undefined || (gate && scan.triggered[idx] === 0)) continue;
    def = defs[idx]!;
    keep = c.filters[idx];
    if (gate) execTriggered(c, idx, scan.triggered, lower, onMatch);
    else execAll(re, lower, onMatch);
  }
  // a denial that is part of the sarcasm denies nothing: dropped before it can mark the cues inside it
  const kept = dropDenialsInSarcasm(hits);
  markDeniedInsideDenials(kept);
  const own = dropQuotedByTheCritics(lower, kept);
  return dropDenialsBeforeBut(lower, negateListedAfterNegated(lower, sortSmall(own, byPositionThenName)));
}

/** From a denial's end to a "but" opening the next clause of its sentence: "not a bubble, but …", "not a bubble yet, but …". */
const TO_BUT = /^[^.!?\n]{0,40}?(?:[,;—]|\s-)?\s*\bbut\b/;

/**
 * "It isn't a bubble, but the GPU-backed debt is going to blow up some lenders": the denial concedes one word and the
 * clause after "but" asserts the stance, so the denial is dropped (the denied cue stays denied) instead of outweighing
 * what the commenter does assert (LABELS.md rule 3 turns off only what is denied). Hits in text order.
 */
function dropDenialsBeforeBut(lower: string, hits: CueHit[]): CueHit[] {
  let kept: CueHit[] | undefined;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.def.name === 'denial' && isDroppedDenial(lower, h, hits)) kept ??= hits.slice(0, i);
    else kept?.push(h);
  }
  return kept ?? hits;
}

/** The denial `d` is followed, in its sentence, by "but" and a cue the commenter asserts. */
function isDroppedDenial(lower: string, d: CueHit, hits: CueHit[]): boolean {
  const m = TO_BUT.exec(lower.slice(d.end, d.end + 200));
  if (m === null) return false;
  const butAt = d.end + m[0].length;
  const stop = lower.slice(butAt).search(/[.!?\n]/);
  const sentenceEnd = stop < 0 ? lower.length : butAt + stop;
  return hits.some((h) => h.start >= butAt && h.start < sentenceEnd && h.def.kind === 'cue' && !h.negated);
}

/**
 * What may stand between two items of one denied list: "fraud or a scam", "neither fraud nor a scam". Not "and" or a bare
 * comma: "Not a bubble, a Ponzi scheme" corrects, "This isn't fraud, and the bubble will pop" asserts the second.
 */
const LIST_JOINER = /^\s*,?\s*(?:or|nor)(?: even| just)?\s+(?:(?:a|an|the|any)\s+)?$/;

/**
 * A cue listed right after a negated one is negated with it: "I don't think this is fraud or a scam" denies both,
 * though the negator is too far from "scam" for isNegated. Hits in text order.
 */
function negateListedAfterNegated(lower: string, hits: CueHit[]): CueHit[] {
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.negated || !h.def.negatable) continue;
    for (let j = i - 1; j >= 0; j--) {
      const prev = hits[j]!;
      if (prev.end > h.start) continue;
      if (prev.negated && prev.def.negatable && h.start - prev.end <= 24 && LIST_JOINER.test(lower.slice(prev.end, h.start))) h.negated = true;
      break;
    }
  }
  return hits;
}
