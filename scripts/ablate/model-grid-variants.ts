import type { GEx, Variant } from './model-grid.js';
import type { FeatureVector } from '../../src/tag/extract-features.js';
import type { TagName } from '../../src/types.js';
import { lexiconPriors } from '../../src/tag/train-model.js';

const isCueFeat = (f: string): boolean => f.startsWith('cue:') || f.startsWith('neg:') || f.startsWith('ctx:');
const mapFeats = (g: (f: string, v: number) => [string, number] | null) => (e: GEx): FeatureVector => {
  const o: FeatureVector = new Map();
  for (const [f, v] of e.features) { const r = g(f, v); if (r) o.set(r[0], r[1]); }
  return o;
};
const dropWords = (x: FeatureVector): FeatureVector => new Map([...x].filter(([f]) => !f.startsWith('w:')));

// ---- bigrams of adjacent word tokens (within a sentence), pruned like words, own L2 multiplier
function bigrams(e: GEx): FeatureVector {
  const o = new Map(e.features);
  const toks = e.a.doc.tokens;
  for (let i = 0; i + 1 < toks.length; i++) {
    const a = toks[i]!, b = toks[i + 1]!;
    if (a.sentence !== b.sentence) continue;
    if (!/^[a-z']+$/.test(a.lower) || !/^[a-z']+$/.test(b.lower)) continue;
    o.set(`w:b|${a.lower}_${b.lower}`, 1);
  }
  return o;
}

// ---- scare quotes: properties of each quoted span
const NUMWORD = /\d|\$|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|tens|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent)\b/;
type SqKind = 'num' | 'long' | 'sentence' | 'plain';
function sqKinds(e: GEx): SqKind[] {
  const t = e.a.norm.text;
  return e.a.hits.filter((h) => h.def.name === 'scare-quotes').map((h) => {
    const inner = t.slice(h.start + 1, h.end - 1).trim();
    const words = inner.split(/\s+/u).filter(Boolean);
    if (NUMWORD.test(inner.toLowerCase())) return 'num';
    if (/^[A-Z]/.test(inner) && /[.?!]["”’']?$/.test(inner) && words.length >= 2) return 'sentence';
    if (words.length >= 3) return 'long';
    return 'plain';
  });
}
/** scare-quotes hits split: `cue:scare-quotes` only for short plain quotes; the others as learned `sq:<kind>` (no prior). */
function sqSplit(e: GEx): FeatureVector {
  const o = new Map(e.features);
  o.delete('cue:scare-quotes');
  const ks = sqKinds(e);
  const cnt = new Map<string, number>();
  for (const k of ks) { const f = k === 'plain' ? 'cue:scare-quotes' : `sq:${k}`; cnt.set(f, (cnt.get(f) ?? 0) + 1); }
  for (const [f, n] of cnt) o.set(f, Math.min(2, Math.log2(1 + n)));
  return o;
}
/** keep cue:scare-quotes as is, add modifiers `sq:<kind>` (learned from 0). */
function sqMod(e: GEx): FeatureVector {
  const o = new Map(e.features);
  for (const k of sqKinds(e)) if (k !== 'plain') o.set(`sq:${k}`, 1);
  return o;
}
/** scare quotes the only cynicism-ish cue of the text → a separate feature */
function sqAlone(e: GEx): FeatureVector {
  const o = new Map(e.features);
  if (!o.has('cue:scare-quotes')) return o;
  const others = [...o.keys()].filter((f) => f.startsWith('cue:') && f !== 'cue:scare-quotes');
  if (others.length === 0) o.set('sq:alone', 1);
  return o;
}
/** any other cue hit lying inside a scare-quoted span → `inq` count (cue mentioned, not used) */
function cueInQuotes(e: GEx): FeatureVector {
  const o = new Map(e.features);
  const sq = e.a.hits.filter((h) => h.def.name === 'scare-quotes');
  let n = 0;
  for (const h of e.a.hits) if (h.def.name !== 'scare-quotes' && h.def.kind === 'cue' && sq.some((q) => h.start > q.start && h.end < q.end)) n++;
  if (n > 0) o.set('inq', 1);
  return o;
}

// ---- cue counts: presence only
const presence = mapFeats((f, v) => [f, isCueFeat(f) ? 1 : v]);
// ---- number of distinct cue features (evidence breadth)
function ncues(e: GEx): FeatureVector {
  const o = new Map(e.features);
  const n = [...o.keys()].filter((f) => f.startsWith('cue:')).length;
  if (n > 0) o.set('ncue', Math.log2(1 + n) / 2);
  return o;
}
// ---- cue density: sentences in the text
function density(e: GEx): FeatureVector {
  const o = new Map(e.features);
  const ns = e.a.doc.sentences.length;
  const s = 1 / Math.sqrt(Math.max(1, ns));
  for (const [f, v] of o) if (f.startsWith('cue:')) o.set(f, v * (0.5 + 0.5 * s));
  return o;
}
// ---- stop words dropped from w:
const STOP = new Set('the and that this with for are was were you your they their them have has had but not from what which who will would could should can just about been being more than then there here when where into its it\'s our out all any some one also very much such only other like get got how why because over even still really'.split(' '));
const noStop = mapFeats((f, v) => (f.startsWith('w:') && STOP.has(f.slice(2)) ? null : [f, v]));

/** word features scaled by sqrt(12 / number of distinct words), capped at 1.5: long texts do not pile up word evidence */
function wnorm(e: GEx): FeatureVector {
  const o = new Map(e.features);
  const n = [...o.keys()].filter((f) => f.startsWith('w:')).length;
  const s = Math.min(1.5, Math.sqrt(12 / Math.max(1, n)));
  for (const [f, v] of o) if (f.startsWith('w:')) o.set(f, v * s);
  return o;
}
/** pairwise conjunctions of the text's cue / ctx features (`p:a&b`), pruned like words (>= 4 items in >= 4 threads) */
function pairs(e: GEx): FeatureVector {
  const o = new Map(e.features);
  const cs = [...e.features.keys()].filter((f) => f.startsWith('cue:') || f.startsWith('ctx:') || f.startsWith('neg:')).sort();
  for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) o.set(`p:${cs[i]}&${cs[j]}`, 1);
  return o;
}
/** per-tag subset: cue:/neg: features only where the tag has a lexicon prior for them */
const own = new Map<TagName, Set<string>>();
function ownCues(t: TagName, x: FeatureVector): FeatureVector {
  let p = own.get(t);
  if (!p) own.set(t, (p = new Set(Object.keys(lexiconPriors(t)))));
  return new Map([...x].filter(([f]) => !(f.startsWith('cue:') || f.startsWith('neg:')) || p!.has(f)));
}
const cyn = (v: Partial<Record<TagName, object>>) => v;

export const VARIANTS: Record<string, Variant> = {
  base: {},
  // hyper-parameters
  pw1: { cfg: { positiveWeight: 1 } },
  pw2: { cfg: { positiveWeight: 2 } },
  l2_02: { cfg: { l2: 0.02 } },
  l2_045: { cfg: { l2: 0.045 } },
  wl2_4: { cfg: { l2ByPrefix: { 'w:': 4 } } },
  wl2_16: { cfg: { l2ByPrefix: { 'w:': 16 } } },
  wl2_32: { cfg: { l2ByPrefix: { 'w:': 32 } } },
  nowords: { tagFeats: (_t, x) => dropWords(x) },
  df3: { cfg: { minWordDf: 3 } },
  df6: { cfg: { minWordDf: 6 } },
  amb05: { cfg: { ambiguousWeight: 0.5 } },
  amb1: { cfg: { ambiguousWeight: 1 } },
  win03: { cfg: { thresholdWindow: 0.03 } },
  win08: { cfg: { thresholdWindow: 0.08 } },
  win12: { cfg: { thresholdWindow: 0.12 } },
  rep10: { cfg: { innerRepeats: 10 } },
  it3000: { cfg: { iterations: 3000 } },
  calmean: { calib: 'mean' },
  calrep: { calib: 'perRepeat' },
  thrbest: { thr: 'best' },
  // features
  bi16: { feats: bigrams, cfg: { l2ByPrefix: { 'w:': 8, 'w:b|': 16 } } },
  bi32: { feats: bigrams, cfg: { l2ByPrefix: { 'w:': 8, 'w:b|': 32 } } },
  presence: { feats: presence },
  ncue: { feats: ncues },
  density: { feats: density },
  nostop: { feats: noStop },
  sqsplit: { feats: sqSplit },
  sqmod: { feats: sqMod },
  sqalone: { feats: sqAlone },
  inq: { feats: cueInQuotes },
  // per-tag: no words for cynicism only / words only for cynicism at stronger L2
  cynNoW: { tagFeats: (t, x) => (t === 'cynicism' ? dropWords(x) : x) },
  cynW16: { tagCfg: cyn({ cynicism: { l2ByPrefix: { 'w:': 16 } } }) as Variant['tagCfg'] },
  cynPw1: { tagCfg: { cynicism: { positiveWeight: 1 } } },
  prior08: { priorScale: 0.8 },
  prior125: { priorScale: 1.25 },
  wnorm: { feats: wnorm },
  wnorm4: { feats: wnorm, cfg: { l2ByPrefix: { 'w:': 4 } } },
  l1w05: { l1Words: 0.5 },
  l1w2: { l1Words: 2 },
  gw05: { groupPow: 0.5 },
  gw1: { groupPow: 1 },
  pair8: { feats: pairs, pruned: { 'p:': 4 }, cfg: { l2ByPrefix: { 'w:': 8, 'p:': 8 } } },
  pair2: { feats: pairs, pruned: { 'p:': 4 }, cfg: { l2ByPrefix: { 'w:': 8, 'p:': 2 } } },
  ensl2: { ens: [{ l2: 0.02 }, { l2: 0.03 }, { l2: 0.045 }] },
  prev10: { thr: 'prev:1.0' },
  prev125: { thr: 'prev:1.25' },
  // combination of the noise-level best of rounds 1-2 (a fishing check, not a principled candidate)
  combo: { feats: noStop, cfg: { minWordDf: 6, l2ByPrefix: { 'w:': 16 } }, calib: 'perRepeat' },
  own: { tagFeats: ownCues },
  ownCyn: { tagFeats: (t, x) => (t === 'cynicism' ? ownCues(t, x) : x) },
};
