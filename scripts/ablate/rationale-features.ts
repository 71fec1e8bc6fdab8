// Annotator rationales as extra supervision for the ablation harness (training/README.md, "tried after lex9").
// Each item's `rationale` starts with the cue the annotator relied on, often quoting words of the text. Only the
// rationales of the training split are used (the functions below receive the training split); the model scores
// a test text from its words alone.
//
// Rationale span of an item for a tag (only for positives of that tag):
//  - d198–d364 ("cynicism=1: 'quote' …; distrust=…"): the quotes in that tag's clause;
//  - d001–d197 ("<cue>. cynicism 1: …"): the quotes in the leading cue segment (shared by the item's positive tags);
//  - 'words' mode also takes the segment's unquoted content words that occur in the text (same lower-cased token).
// A quote is located in the normalised text case-insensitively (pieces around an ellipsis separately).
// Rationale features of (item, tag) = word features of tokens inside a span + cue features of hits inside a span.

import { readFileSync } from 'node:fs';
import { TAG_NAMES, type TagName } from '../../src/types.js';
import { featureOfHit, NGRAM_PREFIX, type FeatureVector } from '../../src/tag/extract-features.js';
import type { Ex } from './ablate-model.js';

interface RawItem { id: string; rationale?: string }
let rationales: Map<string, string> | undefined;
function rationaleOf(id: string): string {
  if (rationales === undefined) {
    rationales = new Map();
    const raw = readFileSync(new URL('../../training/labeled-dev.jsonl', import.meta.url), 'utf8');
    for (const line of raw.split('\n')) if (line.trim()) { const d = JSON.parse(line) as RawItem; rationales.set(d.id, d.rationale ?? ''); }
  }
  return rationales.get(id) ?? '';
}

const QUOTE = /(?<![\p{L}])'([^']{2,}?)'(?![\p{L}])|"([^"]{2,}?)"|“([^”]+)”|‘([^’]+)’(?![\p{L}])/gu;
const STOP = new Set('the a an and or but of to in on at for with from by as is are was were be been it its this that these those they them their he his she her we our you your not no nor so than then there here what which who whom how why when where all any some more most very just also only into over under about after before own same such both each few other too can will would could should may might must do does did have has had having am i me my mine out up down off again once cynicism distrust bubble_caution bubble caution mockery mocking sarcastic sarcasm sneer sneering sneers snark snarky wry tone claim claims says said text deal deals makers affair voices suspicion warns warning allegation dishonest dishonesty illegitimate illegitimacy spending valuations valuation financing unsustainable headed fall whole toward towards actors numbers pass resolved ambiguous context'.split(' '));

function segmentFor(id: string, tag: TagName): string {
  const r = rationaleOf(id);
  const n = Number(id.slice(1));
  if (n >= 198) {
    const m = new RegExp(`${tag}=1:(.*?)(?:; (?:cynicism|distrust|bubble_caution)=|$)`).exec(r);
    return m?.[1] ?? '';
  }
  return r.split(/ cynicism [01]:/)[0] ?? '';
}

const norm = (s: string): string => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

/** Character spans (normalised text) of the annotator's rationale for `tag` in `e`, if `e` is positive for it. */
function spans(e: Ex, tag: TagName, words: boolean): [number, number][] {
  if (!e.labels[tag]) return [];
  const seg = segmentFor(e.id, tag);
  const text = norm(e.a.norm.text);
  const out: [number, number][] = [];
  for (const m of seg.matchAll(QUOTE)) {
    const q = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    for (const piece of norm(q).split(/\.\.\.|…/)) {
      const p = piece.trim();
      if (p.length < 2) continue;
      const at = text.indexOf(p);
      if (at >= 0) out.push([at, at + p.length]);
    }
  }
  if (words) {
    const ws = new Set(norm(seg.replace(QUOTE, ' ')).split(/[^\p{L}'-]+/u).filter((w) => w.length >= 4 && !STOP.has(w)));
    for (const t of e.a.doc.tokens) if (ws.has(t.lower)) out.push([t.start, t.end]);
  }
  return out;
}

const cache = new Map<string, FeatureVector>();
/** Rationale features of (item, tag) with the value each contributes to the item's vector. */
export function rationaleFeatures(e: Ex, tag: TagName, words: boolean): FeatureVector {
  const key = `${e.id}|${tag}|${words}`;
  let out = cache.get(key);
  if (out !== undefined) return out;
  out = new Map();
  const sp = spans(e, tag, words);
  const inside = (s: number, t: number): boolean => sp.some(([a, b]) => s < b && t > a);
  if (sp.length > 0) {
    // a feature is a rationale feature when every occurrence of it lies in a span (removing the spans removes it)
    const inSpan = new Set<string>();
    const outside = new Set<string>();
    for (const t of e.a.doc.tokens) (inside(t.start, t.end) ? inSpan : outside).add(NGRAM_PREFIX + t.lower);
    for (const k of inSpan) if (!outside.has(k) && e.features.has(k)) out.set(k, 1);
    for (const [f, hits] of e.a.extracted.hitsByFeature) if (hits.every((h) => inside(h.start, h.end))) out.set(f, e.features.get(f) ?? 1);
  }
  cache.set(key, out);
  return out;
}

/** How many training positives have rationale spans at all, per tag (for the report). */
export function coverage(ex: Ex[], words: boolean): Record<TagName, string> {
  const o = {} as Record<TagName, string>;
  for (const t of TAG_NAMES) {
    const pos = ex.filter((e) => e.labels[t]);
    o[t] = `${pos.filter((e) => rationaleFeatures(e, t, words).size > 0).length}/${pos.length}`;
  }
  return o;
}

/**
 * Rationale-word up-weighting: words that are rationale words of ≥ `minPos` training positives of the tag get a
 * second, lightly regularised copy `rw:<word>` (exempt from the ≥ 4-items pruning of `w:`); other words unchanged.
 */
export function rationaleWordCopies(words: boolean, minPos: number) {
  return (train: Ex[], tag: TagName): ((e: Ex) => FeatureVector) => {
    const n = new Map<string, number>();
    for (const e of train) for (const f of rationaleFeatures(e, tag, words).keys()) if (f.startsWith(NGRAM_PREFIX)) n.set(f, (n.get(f) ?? 0) + 1);
    const keep = new Set([...n].filter(([, c]) => c >= minPos).map(([f]) => f));
    return (e: Ex) => {
      const o: FeatureVector = new Map();
      for (const f of e.features.keys()) if (keep.has(f)) o.set(`r${f}`, 1);
      return o;
    };
  };
}

/**
 * Zaidan et al. (2007) contrast examples in logistic form: for each training positive with a rationale, the
 * difference between its vector and its vector without the rationale features, d = x − x_contrast, enters the
 * loss as a bias-free pseudo-example with label 1 (the original should outscore its contrast by a margin).
 */
export function contrastRows(train: Ex[], tag: TagName, words: boolean): FeatureVector[] {
  const rows: FeatureVector[] = [];
  for (const e of train) {
    const r = rationaleFeatures(e, tag, words);
    if (r.size > 0) rows.push(new Map(r));
  }
  return rows;
}

/**
 * Rationale-masked negatives: each training positive with a rationale, minus its rationale features, as an extra
 * example labeled 0 for the tag ("without the cue the annotator named, the rest is not evidence"), so topic words
 * and company names that merely surround the cue lose weight.
 */
export function maskedNegatives(words: boolean, weight: number) {
  return (split: Ex[], tag: TagName): { rows: Ex[]; weight: number } => {
    const rows: Ex[] = [];
    for (const e of split) {
      const r = rationaleFeatures(e, tag, words);
      if (r.size === 0) continue;
      const features: FeatureVector = new Map([...e.features].filter(([f]) => !r.has(f)));
      rows.push({ ...e, id: `${e.id}#masked-${tag}-${words}`, features, labels: { ...e.labels, [tag]: 0 } });
    }
    return { rows, weight };
  };
}
