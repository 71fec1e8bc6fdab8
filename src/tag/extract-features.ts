// Turns one analysed text into the classifier's sparse feature vector, and
// remembers which cue hits produced which feature (for explanations).

import { AGREEMENT_BE_WORDS, AGREEMENT_WORDS, DEAL_GATE_WORDS, FIRST_PERSON_WORDS, NEGATIVE_VERDICT_WORDS, SARCASTIC_FRAME_WORDS, SARCASTIC_FRAMES, THIRD_PERSON_WORDS, POST_PRAISE_WORDS, STRUCTURAL_DEFS, TERSE_PRAISE_WORDS, type CueDef } from './cue-lexicon.js';
import type { CueHit } from './match-cues.js';
import type { AnalysedDoc, DocToken, TokenInfo } from './nlp-doc.js';

export type FeatureVector = Map<string, number>;

export interface ExtractedFeatures {
  features: FeatureVector;
  /** Feature name → the hits behind it. */
  hitsByFeature: Map<string, CueHit[]>;
  /**
   * Only when extracted with a WordIndex: the word features (value 1 each) as indexes into
   * `wordIndex.words`, in first-occurrence order; they are then not in `features`.
   */
  wordIds?: number[];
  wordIndex?: WordIndex;
}

/**
 * A fixed word vocabulary (`w:<token>` keys) with an index per word. Extracting with one
 * reports word features as indexes (no Map entry per word and text); the tagger scores them
 * straight from per-word weight arrays.
 */
export class WordIndex {
  readonly words: readonly string[];
  readonly ids: ReadonlyMap<string, number>;
  /** Per word: the number of the last text it was reported for (dedupe without a per-text Set). */
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    this.ids = new Map(this.words.map((w, i) => [w, i]));
    this.stamps = new Uint32Array(this.words.length);
  }

  /** The ids of `toks`' vocabulary words, each once, in first-occurrence order. */
  collect(toks: readonly DocToken[]): number[] {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const stamps = this.stamps;
    const out: number[] = [];
    for (const t of toks) {
      const info = t.info;
      let id: number;
      if (info.vocabOf === this) id = info.wordId!;
      else {
        const k = wordKeyOf(info, t.lower);
        id = k === null ? -1 : (this.ids.get(k) ?? -1);
        info.vocabOf = this;
        info.wordId = id;
      }
      if (id < 0 || stamps[id] === stamp) continue;
      stamps[id] = stamp;
      out.push(id);
    }
    return out;
  }
}

/** The token's `w:` key (memoised on its info), or null when it is not a word feature. */
function wordKeyOf(info: TokenInfo, lower: string): string | null {
  let k = info.wordKey;
  if (k === undefined) k = info.wordKey = lower.length < 3 || lower.charCodeAt(0) <= 0x39 ? null : NGRAM_PREFIX + lower;
  return k;
}

/** 1 for one hit, ~1.58 for two, 2 for three, capped. */
function countValue(n: number): number {
  return Math.min(2, Math.log2(1 + n));
}

/** Feature name of a hit: `cue:<name>`, `neg:<name>` or `ctx:<name>`. */
const featureNames = new WeakMap<CueDef, [string, string]>();
export function featureOfHit(hit: CueHit): string {
  let names = featureNames.get(hit.def);
  if (names === undefined) {
    const d = hit.def;
    names = d.kind === 'context' ? [`ctx:${d.name}`, `ctx:${d.name}`] : [`cue:${d.name}`, `neg:${d.name}`];
    featureNames.set(d, names);
  }
  return hit.negated ? names[1] : names[0];
}

const STRUCT = new Map<string, CueDef>(STRUCTURAL_DEFS.map((d) => [d.name, d]));

const MOCKERY = new Set(['sarcasm-tag', 'totally-not', 'what-could-go-wrong', 'ironic-stock-phrase', 'ironic-frame', 'ironic-coincidence', 'laughter', 'mock-emoji', 'sarcastic-praise', 'insult', 'insult-phrase', 'line-go-up', 'infinite-money', 'spectacle', 'spectacle-phrase', 'terse-praise']);
const STANCE = new Set(['fraud', 'fraud-phrase', 'ponzi', 'enron', 'cooking-the-books', 'round-tripping', 'bubble', 'crash', 'crash-phrase', 'when-this-pops', 'circular-financing', 'vendor-financing', 'unsustainable', 'spend-beyond-revenue', 'hold-the-bag', 'dot-com', 'historic-crash', 'mock-summary']);

const STRONG_STANCE = ['fraud', 'ponzi', 'bubble', 'crash', 'cooking-the-books', 'round-tripping'].map((n) => `cue:${n}`);

/** Names that make a praised "report" or "chart" the company's rather than the post's. */
const COMPANY_NAMES = new Set(['nvidia', 'nvda', 'oracle', 'orcl', 'openai', 'microsoft', 'msft', 'amazon', 'aws', 'amd', 'coreweave', 'softbank', 'meta', 'google', 'jensen', 'altman', 'sam', 'larry', 'ellison', 'satya', 'nadella']);
const COMPANY_POST_WORDS = new Set(['report', 'chart']);

/** Words of money and deals, exact or as a prefix (…*): a text with one is about the deals, whatever else it laughs at. */
const MONEY_WORDS = new Set(
  'deal deals billion billions trillion trillions valuation valuations revenue money cash capex worth paid checks customers contract contracts backstop bailout datacenter datacenters datacentre datacentres gigawatt gigawatts gpus chips demand debt loans bought sold shares stock pay pays paying payment payments payout payouts payroll paycheck paychecks payable payback'.split(' '),
);
// "pay" is listed as words, not a prefix: a paywall, a payload or PayPal names no money of the deals
const MONEY_PREFIXES = ['invest', 'fund', 'financ', 'spend', 'profit', 'rent', 'lend', 'borrow', 'subsid'];

function namesMoney(toks: readonly DocToken[]): boolean {
  for (const t of toks) {
    const w = t.lower;
    if (MONEY_WORDS.has(w) || w.charCodeAt(0) === 0x24) return true;
    for (const p of MONEY_PREFIXES) if (w.startsWith(p)) return true;
  }
  return false;
}

/** Words that mark praise as meant: a terse sentence holding one is no ironic praise. */
const SINCERITY_MARKERS: ReadonlySet<string> = new Set(['genuinely', 'sincerely', 'honestly', 'ngl', 'tbh', 'kinda', 'lowkey']);

const SEEM_VERBS: ReadonlySet<string> = new Set(['seems', 'seem', 'sounds', 'sound', 'looks', 'look', 'feels', 'feel']);

/** A negation before token `k` in its sentence, from `first` ("nothing sketchy", "not risky", "zero risk"). */
function isDeniedFrom(toks: readonly DocToken[], first: number, k: number): boolean {
  for (let i = first; i < k; i++) if (toks[i]!.info.negator || toks[i]!.lower === 'zero') return true;
  return false;
}

/** "is / are / they're / he's / Burry's / about / exactly" before "right": agreement ("They're right.", "Sounds about right."), not an ironic "Right." */
function agreesWith(before: string): boolean {
  if (AGREEMENT_BE_WORDS.has(before)) return true;
  const cut = before.length - (before.endsWith('re') ? 3 : before.endsWith('s') || before.endsWith('m') ? 2 : 0);
  return cut > 0 && cut < before.length && (before[cut] === "'" || before[cut] === '\u2019');
}

/**
 * Bare mockery markers: emoji, laughter and the sarcasm frames of lex43 and lex45 ("… is certainly a choice.", "Couldn't be
 * me.", "Pure coincidence I'm sure."), which carry no words of their own about what they mock.
 */
const BARE_MOCKERY: ReadonlySet<string> = new Set(['mock-emoji', 'laughter', 'ironic-frame', 'ironic-coincidence']);

function isLoneOffTopicMockery(hits: readonly CueHit[], toks: readonly DocToken[]): boolean {
  let bare = false;
  for (const h of hits) {
    if (h.def.name === 'topic') return false;
    if (h.def.kind === 'context') continue;
    // any other cue, even a denied one ("Not a bubble lol"), gives the laugh something of the deals to aim at
    if (!BARE_MOCKERY.has(h.def.name)) return false;
    if (!h.negated) bare = true;
  }
  if (!bare || namesMoney(toks)) return false;
  // a laugh with next to no words ("lmao", "Lol. Lmao even.") reacts to the thread's own subject; rule 5 needs a something
  // else the text names
  let words = 0;
  let thirdPerson = false;
  let firstPerson = false;
  for (let k = 0; k < toks.length; k++) {
    const w = withoutPossessive(toks[k]!.lower);
    if (COMPANY_NAMES.has(w) || DEAL_GATE_WORDS.has(w) || SARCASTIC_FRAME_WORDS.has(w)) return false;
    if (k > 0 && isSarcasticFrame(toks[k - 1]!.lower, w)) return false;
    if (THIRD_PERSON_WORDS.has(w)) thirdPerson = true;
    if (FIRST_PERSON_WORDS.has(w)) firstPerson = true;
    if (/^[a-z][a-z'’]*$/.test(w) && !isInsideBareMockery(hits, toks[k]!)) words++;
  }
  // "they" / "these guys" laughed at are people of the story; "I" / "my" make it the commenter's own day
  if (thirdPerson && !firstPerson) return false;
  return words >= MIN_WORDS_OF_ANOTHER_SUBJECT;
}

function withoutPossessive(w: string): string {
  return w.endsWith("'s") || w.endsWith('’s') ? w.slice(0, -2) : w;
}

function isSarcasticFrame(a: string, b: string): boolean {
  for (const [x, y] of SARCASTIC_FRAMES) if (a === x && b === y) return true;
  return false;
}

const MIN_WORDS_OF_ANOTHER_SUBJECT = 3;

function isInsideBareMockery(hits: readonly CueHit[], t: DocToken): boolean {
  for (const h of hits) if (BARE_MOCKERY.has(h.def.name) && t.start >= h.start && t.end <= h.end) return true;
  return false;
}

/** Drops, in place, the hits of the named cues. */
function removeHitsOf(hits: CueHit[], names: ReadonlySet<string>): void {
  let kept = 0;
  for (const h of hits) if (!names.has(h.def.name)) hits[kept++] = h;
  hits.length = kept;
}

const UNRELATED_SUBJECT: ReadonlySet<string> = new Set(['unrelated-subject']);

/** Which tag a denied cue speaks for: the one of bubble_caution / distrust its prior favours alone, else null. */
function deniedTagOf(d: CueDef): 'bubble_caution' | 'distrust' | null {
  const b = d.prior.bubble_caution ?? 0;
  const t = d.prior.distrust ?? 0;
  if (b > 0 && t <= 0) return 'bubble_caution';
  if (t > 0 && b <= 0) return 'distrust';
  return null;
}

/**
 * Gives each denial the tag of what it denies: the denied (negated) cues inside it, or else those before it ("Is this a
 * Ponzi scheme? No."). When they all speak for bubble_caution, or all for distrust, the denial becomes `bubble-denial` /
 * `fraud-denial`, which weigh on that tag only; a denial of both, or of nothing found, stays a plain `denial`.
 */
function routeDenials(all: CueHit[]): void {
  for (let i = 0; i < all.length; i++) {
    const d = all[i]!;
    if (d.def.name !== 'denial') continue;
    let inside: 'bubble_caution' | 'distrust' | null | undefined;
    let before: 'bubble_caution' | 'distrust' | null | undefined;
    for (const h of all) {
      if (!h.negated || h.def.kind !== 'cue') continue;
      const t = deniedTagOf(h.def);
      if (h.start >= d.start && h.end <= d.end) inside = inside === undefined || inside === t ? t : null;
      else if (h.end <= d.start) before = before === undefined || before === t ? t : null;
    }
    const tag = inside !== undefined ? inside : before;
    if (tag === 'bubble_caution') all[i] = { ...d, def: STRUCT.get('bubble-denial')! };
    else if (tag === 'distrust') all[i] = { ...d, def: STRUCT.get('fraud-denial')! };
  }
}

/** Unigram features: word tokens of 3+ letters, as `w:<token>` (the model keeps only frequent ones). */
export const NGRAM_PREFIX = 'w:';

export function extractFeatures(doc: AnalysedDoc, hits: CueHit[], hadQuotedLines: boolean, wordIndex?: WordIndex): ExtractedFeatures {
  const all = hits.slice();
  // ---- structural cues from the sentence stream
  const toks = doc.tokens;
  for (const se of doc.sentences) {
    const nt = se.endToken - se.firstToken;
    if (nt >= 1 && nt <= 3 && se.terminator !== '?') {
      let praise = -1;
      let sincere = false;
      for (let k = se.firstToken; k < se.endToken; k++) {
        const w = toks[k]!.lower;
        const before = k > se.firstToken ? toks[k - 1]!.lower : '';
        // "They're right.", "Sounds about right." agree with someone; "Right." and "Yeah, right." are irony
        if (w === 'right' && agreesWith(before)) sincere = true;
        else if (TERSE_PRAISE_WORDS.has(w)) praise = k;
        // a verdict against the thing ("Seems fairly arbitrary.") is sincere, unless denied: "Sure, nothing sketchy." is
        // the irony itself; "off" is a verdict only as "Sounds off.", not in "Totally pays off."
        if (NEGATIVE_VERDICT_WORDS.has(w) && (w !== 'off' || SEEM_VERBS.has(before)) && !isDeniedFrom(toks, se.firstToken, k)) sincere = true;
        if (AGREEMENT_WORDS.has(w)) sincere = true;
        // "Kinda genius tbh.", "Genuinely inspiring.": praise said as meant (lex47)
        if (SINCERITY_MARKERS.has(w)) sincere = true;
      }
      if (sincere) praise = -1;
      // praise of a post or a reply ("Great write-up.", "Nice catch, thanks.") is a compliment, not irony
      // … but "Great report, Oracle." praises the company's report: a company's name keeps a report or chart ironic
      let company = false;
      for (let k = se.firstToken; k < se.endToken; k++) if (COMPANY_NAMES.has(toks[k]!.lower)) company = true;
      for (let k = se.firstToken; k < se.endToken; k++) if (POST_PRAISE_WORDS.has(toks[k]!.lower) && !(company && COMPANY_POST_WORDS.has(toks[k]!.lower))) praise = -1;
      if (praise >= 0 && doc.sentences.length > 1) {
        const a = toks[se.firstToken]!;
        const b = toks[se.endToken - 1]!;
        all.push({ def: STRUCT.get('terse-praise')!, start: a.start, end: b.end, negated: false });
      }
    }
  }
  // an eye-roll or a "lol" that is the text's only cue, in a text naming nothing about the deals — no money, company,
  // market word or actor of the trade ("The compiler stack is why switching vendors is so slow. 🙄", "Anyone else's smart
  // speaker get dumber lately? 🤡") — laughs at something else: LABELS.md rule 5 and "technical discussion" get no tag
  if (isLoneOffTopicMockery(all, toks)) removeHitsOf(all, BARE_MOCKERY);
  let mock: CueHit | undefined;
  let stance = false;
  let unrelated = false;
  for (const h of all) {
    if (h.def.name === 'unrelated-subject') unrelated = true;
    if (h.negated || h.def.kind !== 'cue') continue;
    if (MOCKERY.has(h.def.name)) mock ??= h;
    if (STANCE.has(h.def.name)) stance = true;
  }
  if (mock !== undefined && stance) all.push({ def: STRUCT.get('mock-x-stance')!, start: mock.start, end: mock.end, negated: false });
  // an unrelated subject (a CEO's jacket) beside a cue about the deals' substance, or in a text naming money or a deal,
  // is an aside: the mockery is of the deal ("Altman's sweater is funded by the $100B 'investment' lol")
  if (unrelated && (stance || namesMoney(toks))) removeHitsOf(all, UNRELATED_SUBJECT);

  routeDenials(all);

  const hitsByFeature = new Map<string, CueHit[]>();
  for (const h of all) {
    const f = featureOfHit(h);
    const list = hitsByFeature.get(f);
    if (list === undefined) hitsByFeature.set(f, [h]);
    else list.push(h);
  }
  const features: FeatureVector = new Map();
  for (const [f, list] of hitsByFeature) features.set(f, countValue(list.length));

  const nTok = toks.length;
  features.set('len', Math.log1p(nTok) / 5);
  if (nTok < 10) features.set('short', 1);
  let q = 0;
  let ex = 0;
  for (const se of doc.sentences) {
    if (se.terminator === '?') q++;
    else if (se.terminator === '!') ex++;
  }
  if (q > 0) features.set('question', countValue(q));
  if (ex > 0) features.set('exclaim', countValue(ex));
  if (hadQuotedLines) features.set('quoted-parent', 1);
  // interactions the linear model cannot form itself
  let anyStance = false;
  for (const f of STRONG_STANCE) if (features.has(f)) anyStance = true;
  if (features.has('ctx:reported-speech') && anyStance) features.set('reported-x-stance', 1);
  if (mock !== undefined && !features.has('ctx:topic')) features.set('mock-off-topic', 1);
  // bag of words (binary)
  if (wordIndex !== undefined) return { features, hitsByFeature, wordIds: wordIndex.collect(toks), wordIndex };
  for (const t of toks) {
    const k = wordKeyOf(t.info, t.lower);
    if (k !== null) features.set(k, 1);
  }
  return { features, hitsByFeature };
}
