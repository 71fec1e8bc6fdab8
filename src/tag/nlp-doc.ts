// The process-wide wink-nlp instance (wink-eng-lite-web-model, pipe limited to
// sentence splitting + negation) and a compact view of one analysed document:
// word tokens with exact character offsets, sentence ranges and wink's
// negation scope per token.
//
// wink does the tokenising, sentence splitting and negation marking; this file
// reads the document's raw token and sentence arrays (wink-raw-doc.ts: ids,
// negation flags, sentence ranges; a token's value only when it was not seen
// before), or, on a wink where that does not check out, its bulk outputs
// (`.out(its.uniqueId)`, `.out(its.value)` only for a text with a token not
// seen before, `.out(its.negationFlag)` only when a negation clause is open,
// sentences `.out(its.span)`; no per-token `.each`), and adapts them for the
// cue matcher:
// - character offsets: wink's token values are consecutive substrings of the
//   text separated by whitespace only, so offsets are recovered by walking the
//   text (startsWith at the running offset, else indexOf past the whitespace);
// - word tokens: wink splits "don't" → "do" "n't" and "dot-com" → "dot" "-"
//   "com"; pieces joined without whitespace by an apostrophe or a hyphen are
//   re-joined into one word token (the lexicon looks up the parts as well);
//   punctuation, symbols and emoji are not word tokens but still end clauses;
// - sentences: wink's sentence spans, also split at line breaks (Reddit
//   comments often end a "sentence" with a newline and no full stop);
// - negation: wink's negationFlag runs to the end of the sentence; it is
//   limited here to the current clause (a comma, ; : or "but" closes it).
// Create one instance per process (a second wink instance misbehaves, see
// NLP-NOTES.md); `getNlp()` is shared by the tagger and the CV baselines.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { avoidPretenuring } from './avoid-pretenuring.js';
import { allowRawDocOf, isRawDoc, keptRawDoc, rawDocOf, rawId, rawNegated, TOKEN_SIZE, type WinkRawDoc } from './wink-raw-doc.js';

export const WINK_PIPE: readonly string[] = ['sbd', 'negation'];

type WinkInstance = ReturnType<typeof winkNLP>;

let instance: WinkInstance | undefined;
let pipe: readonly string[] = WINK_PIPE;

/**
 * Add wink pipe steps (e.g. 'sentiment' for the CV baseline) to the process-wide instance.
 * Must run before the first getNlp(); the tagger's outputs do not depend on extra steps.
 */
export function extendNlpPipe(extra: readonly string[]): void {
  if (instance !== undefined) throw new Error('extendNlpPipe: the wink instance already exists');
  pipe = [...WINK_PIPE, ...extra.filter((p) => !WINK_PIPE.includes(p))];
}

export function nlpPipe(): readonly string[] {
  return pipe;
}

/** wink's lexicon as its model loads it: word → vocabulary id; ids below `intrinsicSize` are the model's own words. */
interface WinkLexemes {
  hash: Record<string, number | undefined>;
  intrinsicSize: number;
}

let lexemes: WinkLexemes | undefined;

/** The process-wide wink-nlp instance (created on first use). */
export function getNlp(): WinkInstance {
  if (instance === undefined) {
    avoidPretenuring();
    // the model's core is unpacked inside winkNLP; keep a reference to its lexicon (no copy) for isWinkWord. This reads
    // wink's internals, so only when they have the expected shape: otherwise isWinkWord answers false (the language
    // check then has no wink evidence; tests/tag/detect-language.test.ts fails on such a wink, not the tagger)
    const original = model.core as unknown;
    const core =
      typeof original === 'function'
        ? (): unknown => {
            const unpacked = (original as () => unknown)();
            const lexeme = (unpacked as { features?: { lexeme?: Partial<WinkLexemes> } } | undefined)?.features?.lexeme;
            if (typeof lexeme?.intrinsicSize === 'number' && typeof lexeme.hash === 'object' && lexeme.hash !== null) lexemes = lexeme as WinkLexemes;
            return unpacked;
          }
        : original;
    instance = winkNLP({ ...model, core } as typeof model, [...pipe]);
    readsRaw = allowRawDocOf() && rawReadAgrees(instance);
  }
  return instance;
}

/** Whether readWink reads documents' raw data (wink-raw-doc.ts) instead of copying it out through `.out`. */
let readsRaw = false;

/** Whether readWink reads documents' raw data (for tests). */
export function readsRawDocs(): boolean {
  getNlp();
  return readsRaw;
}

/** A probe with sentences, a line break, a contraction, punctuation and negations in and out of scope. */
const RAW_PROBE = "This isn't a bubble, they said. It is not fraud!\nNothing was sold? Maybe - or not. Good.";

/** Whether the raw data of a probe document gives what the public `.out` calls give: ids, sentence ranges, negation flags. */
function rawReadAgrees(nlp: WinkInstance): boolean {
  const its = nlp.its;
  const doc = nlp.readDoc(RAW_PROBE);
  const toks = doc.tokens();
  const n = toks.length();
  const raw = n > 0 ? (toks.itemAt(0).out(rawDocOf as never) as unknown) : undefined;
  if (!isRawDoc(raw, n)) return false;
  const ids = toks.out(its.uniqueId) as unknown as number[];
  const negations = toks.out(its.negationFlag) as unknown as boolean[];
  const values = toks.out(its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const kept = keptRawDoc(raw);
  for (let i = 0; i < n; i++) if (rawId(kept, i) !== ids[i] || rawNegated(kept, i) !== negations[i] || rawValue(nlp, kept, i) !== values[i]) return false;
  return raw.sentences.length === spans.length && spans.every(([a, b], k) => raw.sentences[k]![0] === a && raw.sentences[k]![1] === b) && negations.includes(true) && negations.includes(false);
}

/**
 * Whether `lower` (a lower-cased word) is in wink's English vocabulary: the model's own lexicon (87,593 entries,
 * nearly all lower-case: English words, common slang such as "lol" and "lmao", but not "tbh" or "ngl", and few names),
 * not the words wink adds as it reads new ones (their ids come after the model's). A hash lookup; the answer for a
 * word never changes, whatever the process has read.
 */
export function isWinkWord(lower: string): boolean {
  if (instance === undefined) getNlp();
  if (lexemes === undefined) return false;
  const id = lexemes.hash[lower];
  return typeof id === 'number' && id < lexemes.intrinsicSize;
}

/**
 * Per distinct token string: facts the later stages need, memoised once per process
 * (one hash lookup per token instead of one per stage; the later stages fill their fields lazily).
 */
export interface TokenInfo {
  /** The lower-cased token string this info is for. */
  lower: string;
  negator: boolean;
  scopeBreak: boolean;
  /** The token's pieces that trigger something: parts between ' and -, other regex words (filled by match-cues). */
  parts?: readonly TokenPart[];
  /** Gate ids of the compiled lexicon this token triggers: word cues and regex alternatives (filled by match-cues). */
  cues?: readonly number[];
  /** Interned `w:<token>` key, or null when the token is not a word feature (filled by extract-features). */
  wordKey?: string | null;
  /** The WordIndex the `wordId` memo was computed for (extract-features). */
  vocabOf?: object;
  /** Index in the WordIndex `vocabOf`, -1 when not in it (extract-features). */
  wordId?: number;
  /** Language bits for the language check: English, listed for another language, letters English lacks, another language's, unknown to wink (filled by detect-language). */
  lang?: number;
}

/** A piece of a token (a part between ' and -, or another regex word): its offsets within the token and the gate ids it triggers. */
export type TokenPart = readonly [from: number, to: number, ids: readonly number[]];

const infoCache = new Map<string, TokenInfo>();
const INFO_CACHE_MAX = 200_000;

/**
 * Per wink vocabulary id (`its.uniqueId`: wink's lexeme index, fixed for the process; words new to the
 * model are appended): the token's value as written and the info of its lower-cased form (undefined when
 * lower-casing changes its length: then the lower-cased text is sliced instead). Ids are looked up in
 * an array, so a known token costs no string hashing and its value is not fetched from wink again. One
 * flat array of pairs (value at 2 × id, info at 2 × id + 1), not one of {value, info} objects: one dependent
 * memory load less per token; and not two parallel arrays: both usually share a cache line, and these loads
 * miss the cache after wink's readDoc.
 */
let memo: (string | TokenInfo | undefined)[] = [];
let entries = 0;

function valueOf(id: number): string | undefined {
  return memo[2 * id] as string | undefined;
}

function infoOf(id: number): TokenInfo | undefined {
  return memo[2 * id + 1] as TokenInfo | undefined;
}

function addEntry(id: number, value: string): void {
  // wink's vocabulary grows with every new word it reads: bound what is remembered of it, as infoCache does
  if (++entries > INFO_CACHE_MAX) {
    memo = [];
    entries = 1;
  }
  while (memo.length <= 2 * id + 1) memo.push(undefined);
  const lower = value.toLowerCase();
  memo[2 * id] = value;
  memo[2 * id + 1] = lower.length === value.length ? tokenInfo(lower) : undefined;
}

export function tokenInfo(lower: string): TokenInfo {
  let info = infoCache.get(lower);
  if (info === undefined) {
    if (infoCache.size >= INFO_CACHE_MAX) infoCache.clear();
    info = { lower, negator: isNegatorToken(lower), scopeBreak: SCOPE_BREAK.has(lower) };
    infoCache.set(lower, info);
  }
  return info;
}

export interface DocToken {
  start: number;
  end: number;
  /** Lower-cased token text. */
  lower: string;
  info: TokenInfo;
  /** Inside wink's negation scope, limited to the current clause. */
  negated: boolean;
  sentence: number;
}

export interface DocSentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last token. */
  firstToken: number;
  endToken: number;
  /** Last non-space character of the sentence ('?', '!', '.', …) or '' */
  terminator: string;
}

export interface AnalysedDoc {
  tokens: DocToken[];
  sentences: DocSentence[];
}

/** Negation triggers (lower-case tokens; words ending in "n't" count too). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'without',
  'hardly',
  'nor',
  'neither',
  'isnt',
  'dont',
  'doesnt',
  'wasnt',
  'aint',
  'nobody',
  'none',
  'cannot',
]);

export function isNegatorToken(lower: string): boolean {
  const n = lower.length;
  // fast reject: every negator is 2–7 letters or ends in "n't"
  if (n < 2) return false;
  if (lower.charCodeAt(n - 1) === 0x74 && n >= 3 && lower.charCodeAt(n - 2) === 0x27) return lower.endsWith("n't");
  return n <= 7 && NEGATORS.has(lower);
}

/** Tokens that end a negation scope (clause breaks). */
const SCOPE_BREAK = new Set(['but', 'though', 'although', 'however', 'yet']);

function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0xc0 && c <= 0x24f);
}

/** text.startsWith(value, at), as a plain loop: tokens are short and V8's startsWith costs more per call here. */
function matchesAt(text: string, value: string, at: number): boolean {
  const n = value.length;
  if (at + n > text.length) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(at + k) !== value.charCodeAt(k)) return false;
  return true;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function terminatorOf(c: number): string {
  return c === 0x3f ? '?' : c === 0x21 ? '!' : c === 0x2e ? '.' : c === 0x2026 ? '…' : '';
}

function pushSentence(sentences: DocSentence[], firstToken: number, startChar: number, lastNonSpace: number, endToken: number, terminator: string): void {
  if (endToken > firstToken || startChar >= 0) {
    sentences.push({ start: Math.max(0, startChar), end: lastNonSpace + 1, firstToken, endToken, terminator });
  }
}

type WinkTokens = ReturnType<ReturnType<WinkInstance['readDoc']>['tokens']>;

/**
 * What the tagger reads from one wink document: token vocabulary ids, sentence token spans, and the token
 * collection, for the values of tokens not seen before and (on demand) the negation flags.
 */
export interface WinkOutputs {
  /** Tokens in the document. */
  count: number;
  /**
   * Token i's vocabulary id (`its.uniqueId`) is `ids[i * idStride]` (winkId): wink's raw token data itself, 4 numbers a
   * token, or the ids copied out. buildDoc looks the value and info up by it.
   */
  ids: readonly number[];
  idStride: number;
  /** Per sentence: [first token, last token, …] (`its.span`). */
  spans: readonly (readonly number[])[];
  /** The document's token collection, when its raw data is not read: the values and negation flags are read from it. */
  toks: WinkTokens | undefined;
  /** The document's raw data, when readWink reads it (wink-raw-doc.ts): the values and negation flags are read from it. */
  raw: WinkRawDoc | undefined;
}

/** Token `i`'s value (`its.value`, which reads the raw data and wink's vocabulary). */
function rawValue(nlp: WinkInstance, raw: WinkRawDoc, i: number): string {
  return (nlp.its.value as unknown as (index: number, rdd: WinkRawDoc) => string)(i, raw);
}

/** Run wink-nlp (sbd + negation) on `text` and read the bulk outputs the tagger needs. */
export function readWink(text: string): WinkOutputs {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const toks = doc.tokens();
  const n = toks.length();
  const raw = readsRaw && n > 0 ? (toks.itemAt(0).out(rawDocOf as never) as unknown) : undefined;
  if (isRawDoc(raw, n)) return { count: n, ids: raw.tokens, idStride: TOKEN_SIZE, spans: raw.sentences, toks: undefined, raw: keptRawDoc(raw) };
  const ids = toks.out(its.uniqueId) as unknown as number[];
  return {
    count: ids.length,
    ids,
    idStride: 1,
    spans: doc.sentences().out(its.span) as unknown as [number, number][],
    toks,
    raw: undefined,
  };
}

/** Token `i`'s vocabulary id (`its.uniqueId`). */
export function winkId(w: WinkOutputs, i: number): number {
  return w.ids[i * w.idStride]!;
}

/**
 * Per token of one wink document: its value and info, from the per-id memo, fetching the value from wink (from the
 * raw data, or from the document's values read out once) only for a token not seen before. A value is read just
 * before its info: addEntry may clear the memo, but it then re-adds the token it was called for.
 */
class DocValues {
  private fetched: string[] | undefined;
  constructor(
    private readonly wink: WinkOutputs,
    private readonly its: WinkInstance['its'],
  ) {}

  value(i: number): string {
    const id = winkId(this.wink, i);
    let value = valueOf(id);
    if (value === undefined) addEntry(id, (value = this.fetch(i)));
    return value;
  }

  /** Token i's value from wink: from the raw data, else from the values read out of wink once. */
  private fetch(i: number): string {
    const { raw, toks } = this.wink;
    if (raw !== undefined) return rawValue(getNlp(), raw, i);
    return (this.fetched ??= toks!.out(this.its.value) as string[])[i]!;
  }
}

/**
 * Analyse `text` with wink-nlp (sbd + negation). `lowerText` must be a
 * same-length lower-cased copy of `text` (token `lower` values are sliced from it).
 */
export function analyseDoc(text: string, lowerText: string = text.toLowerCase()): AnalysedDoc {
  return buildDoc(text, lowerText, readWink(text));
}

/**
 * Adapt wink's outputs (token ids, looked up in the per-id memo; sentence token spans; negation flags, read from
 * wink at most once per text and only when a flag is needed) to an AnalysedDoc.
 */
export function buildDoc(text: string, lowerText: string, wink: WinkOutputs): AnalysedDoc {
  const { spans } = wink;
  const its = getNlp().its;
  const values = new DocValues(wink, its);
  const nw = wink.count;
  // wink's negation flag of token i: from the raw data, or read out of wink once per document, on first need
  const raw = wink.raw;
  let negFlags: readonly boolean[] | undefined;
  const negated = (i: number): boolean => (raw !== undefined ? rawNegated(raw, i) : (negFlags ??= wink.toks!.out(its.negationFlag) as unknown as boolean[])[i] === true);
  // wink token index → sentence index
  // wink sentence of token i: advance `ws` while token i lies past the current span's last token
  let ws = 0;
  const lastSpan = spans.length - 1;
  // the last token of sentence `ws`, read once per sentence rather than once per token
  let wsLast = lastSpan >= 0 ? spans[0]![1]! : nw;
  const tokens: DocToken[] = [];
  const sentences: DocSentence[] = [];
  let sentStartTok = 0;
  let sentStartChar = -1;
  let lastNonSpace = -1;
  let lastTerm = '';
  let curWinkSent = 0;
  let clauseOpen = false;
  let offset = 0;
  const textLen = text.length;
  for (let i = 0; i < nw; i++) {
    const value = values.value(i);
    // its info, read right after the value (see DocValues): undefined when lower-casing changes the value's length
    const valueInfo = infoOf(winkId(wink, i));
    const c0 = value.charCodeAt(0);
    // exact offsets: wink's values are substrings of `text` in order, usually with only spaces between
    // them: step over those (noting a line break) and check the token is there, else search for it
    let start = offset;
    let lineBreak = false;
    if (!isSpaceCode(c0)) {
      for (let c: number; start < textLen && isSpaceCode((c = text.charCodeAt(start))); start++) if (c === 0x0a) lineBreak = true;
    }
    if (!matchesAt(text, value, start)) {
      const found = text.indexOf(value, offset);
      start = found >= 0 ? found : offset;
      lineBreak = false;
      for (let k = offset; k < start; k++) if (text.charCodeAt(k) === 0x0a) lineBreak = true;
    }
    // whitespace before the token ('' when the token is glued to the previous one)
    const sp = start > offset ? ' ' : '';
    const end = start + value.length;
    offset = end;
    while (ws < lastSpan && i > wsLast) wsLast = spans[++ws]![1]!;
    if (ws !== curWinkSent || lineBreak) {
      curWinkSent = ws;
      pushSentence(sentences, sentStartTok, sentStartChar, lastNonSpace, tokens.length, lastTerm);
      sentStartTok = tokens.length;
      sentStartChar = -1;
      clauseOpen = false;
    }
    if (c0 <= 0x20) {
      // wink's line-break token: a sentence break for Reddit text
      if (value.includes('\n')) {
        pushSentence(sentences, sentStartTok, sentStartChar, lastNonSpace, tokens.length, lastTerm);
        sentStartTok = tokens.length;
        sentStartChar = -1;
        clauseOpen = false;
      }
      continue;
    }
    if (sentStartChar < 0) sentStartChar = start;
    const prevTok = tokens[tokens.length - 1];
    // "nvidia" "'s", "do" "n't" (n't is a word token below): re-join apostrophe / hyphen pieces written without a space
    if ((c0 === 0x27 || c0 === 0x2d) && value.length > 1 && isWordCode(value.charCodeAt(1)) && sp === '' && prevTok !== undefined && prevTok.end === start && prevTok.sentence === sentences.length) {
      prevTok.end = end;
      prevTok.lower = lowerText.slice(prevTok.start, end);
      prevTok.info = tokenInfo(prevTok.lower);
      lastNonSpace = end - 1;
      lastTerm = '';
      continue;
    }
    if (!isWordCode(c0)) {
      // punctuation / symbols / emoji: not word tokens
      lastNonSpace = end - 1;
      const term = terminatorOf(c0);
      // a run like "?!" or "?.." keeps its '?' / '!'
      if (term !== '') lastTerm = sp === '' && (lastTerm === '?' || lastTerm === '!') ? lastTerm : term;
      else if (c0 === 0x2c || c0 === 0x3b || c0 === 0x3a) clauseOpen = false;
      else if (c0 !== 0x22 && c0 !== 0x27 && c0 !== 0x29) lastTerm = '';
      // "'s" etc. after a word is handled below; a lone "-"/"'" joins words
      if ((c0 === 0x2d || c0 === 0x27) && value.length === 1 && sp === '' && tokens.length > 0 && i + 1 < nw) {
        const prev = tokens[tokens.length - 1]!;
        const next = values.value(i + 1);
        if (prev.end === start && isWordCode(next.charCodeAt(0)) && (i + 1 > (spans[curWinkSent]?.[1] ?? nw)) === false) {
          // join "dot" "-" "com" → "dot-com"
          const nEnd = end + next.length;
          if (text.startsWith(next, end)) {
            prev.end = nEnd;
            prev.lower = lowerText.slice(prev.start, nEnd);
            prev.info = tokenInfo(prev.lower);
            offset = nEnd;
            i++;
            lastNonSpace = nEnd - 1;
            lastTerm = '';
            if (prev.info.negator) clauseOpen = true;
          }
        }
      }
      continue;
    }
    lastTerm = '';
    const prev = tokens[tokens.length - 1];
    // re-join "do" "n't", "nvidia" "'s" (apostrophe pieces written without a space)
    if (prev !== undefined && sp === '' && prev.end === start && prev.sentence === sentences.length) {
      prev.end = end;
      prev.lower = lowerText.slice(prev.start, end);
      prev.info = tokenInfo(prev.lower);
      lastNonSpace = end - 1;
      if (prev.info.negator) clauseOpen = true;
      continue;
    }
    const info = valueInfo ?? tokenInfo(lowerText.slice(start, end));
    const lower = info.lower;
    tokens.push({ start, end, lower, info, negated: clauseOpen && negated(i), sentence: sentences.length });
    if (info.negator) clauseOpen = true;
    else if (info.scopeBreak) clauseOpen = false;
    lastNonSpace = end - 1;
  }
  pushSentence(sentences, sentStartTok, sentStartChar, lastNonSpace, tokens.length, lastTerm);
  return { tokens, sentences };
}
