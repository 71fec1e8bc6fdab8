import type { TagName } from '../../src/types.js';
import type { FeatureVector } from '../../src/tag/extract-features.js';
import type { Ex, Variant } from './ablate-model.js';
import { projectedFeatures, prototypeFeatures, type PoolOptions } from './embedding-features.js';

const SECOND = new Set(['you', 'your', "you're", 'yours', 'ya', 'u', 'yourself', "you'll", "you've"]);
const FIRST = new Set(['i', "i'm", 'me', 'my', "i've", "i'd", "i'll"]);

function structural(e: Ex, which: Set<string>): FeatureVector {
  const out: FeatureVector = new Map();
  const doc = e.a.doc;
  const toks = doc.tokens;
  const sents = doc.sentences;
  const cueHits = e.a.hits.filter((h) => h.def.kind === 'cue' && !h.negated);
  const sentOf = (pos: number): number => sents.findIndex((s) => pos >= s.start && pos < s.end);
  if (which.has('you') && toks.some((t) => SECOND.has(t.lower))) out.set('you', 1);
  if (which.has('me') && toks.some((t) => FIRST.has(t.lower))) out.set('me', 1);
  if (which.has('nsent')) out.set('nsent', Math.log1p(sents.length) / 2);
  if (which.has('qcue') && cueHits.some((h) => sents[sentOf(h.start)]?.terminator === '?')) out.set('q-cue', 1);
  if (which.has('xcue') && cueHits.some((h) => sents[sentOf(h.start)]?.terminator === '!')) out.set('x-cue', 1);
  if (which.has('pos') && sents.length > 1) {
    if (cueHits.some((h) => sentOf(h.start) === sents.length - 1)) out.set('cue-last', 1);
    if (cueHits.some((h) => sentOf(h.start) === 0)) out.set('cue-first', 1);
  }
  if (which.has('nocue') && cueHits.length === 0) out.set('no-cue', 1);
  if (which.has('negcue') && e.a.hits.some((h) => h.negated)) out.set('any-neg', 1);
  if (which.has('qpcue') && e.a.norm.quotedChars > 0 && cueHits.length > 0) out.set('quoted-x-cue', 1);
  return out;
}
const S = (...w: string[]): ((e: Ex) => FeatureVector) => (e) => structural(e, new Set(w));

function prefixes(e: Ex, n: number): FeatureVector {
  const out: FeatureVector = new Map();
  for (const t of e.a.doc.tokens) {
    const w = t.lower;
    if (w.length < 3 || w.charCodeAt(0) <= 0x39) continue;
    out.set(`p:${w.slice(0, n)}`, 1);
  }
  return out;
}
function chars(e: Ex, ns: number[]): FeatureVector {
  const out: FeatureVector = new Map();
  for (const t of e.a.doc.tokens) {
    const w = t.lower;
    if (w.length < 2 || w.charCodeAt(0) <= 0x39) continue;
    const s = `<${w}>`;
    for (const n of ns) for (let i = 0; i + n <= s.length; i++) out.set(`c:${s.slice(i, i + n)}`, 1);
  }
  return out;
}

export const VARIANTS: Record<string, Variant> = {
  base: { name: 'base' },
  l2x2: { name: 'l2x2', cfg: { l2: 0.06 } },
  amb04: { name: 'amb04', cfg: { ambiguousWeight: 0.4 } },
  pw1: { name: 'pw1', cfg: { positiveWeight: 1 } },
  pw2: { name: 'pw2', cfg: { positiveWeight: 2 } },
  pw3: { name: 'pw3', cfg: { positiveWeight: 3 } },
  struct: { name: 'struct', extra: S('you', 'me', 'nsent', 'qcue', 'xcue', 'pos', 'nocue', 'negcue', 'qpcue') },
  you: { name: 'you', extra: S('you', 'me') },
  cuepos: { name: 'cuepos', extra: S('qcue', 'xcue', 'pos', 'qpcue') },
  stack: { name: 'stack', stack: true },
  stackcyn: { name: 'stackcyn', stack: true, stackTags: { distrust: [], bubble_caution: [] } },
  nb: { name: 'nb', nb: { alpha: 1, minDf: 2 } },
  nb4: { name: 'nb4', nb: { alpha: 1, minDf: 4 } },
  pre5: { name: 'pre5', extra: (e) => prefixes(e, 5), pruned: { 'p:': 4 }, l2: { 'p:': 8 } },
  pre5only: { name: 'pre5only', dropWords: true, extra: (e) => prefixes(e, 5), pruned: { 'p:': 4 }, l2: { 'p:': 8 } },
  char4: { name: 'char4', extra: (e) => chars(e, [4]), pruned: { 'c:': 4 }, l2: { 'c:': 16 } },
  char345: { name: 'char345', extra: (e) => chars(e, [3, 4, 5]), pruned: { 'c:': 6 }, l2: { 'c:': 32 } },
};

// Word-vector features (scripts/build-word-vectors.ts builds the table first); see embedding-features.ts.
const SIF: PoolOptions = { weight: 'sif' };
Object.assign(VARIANTS, {
  emb100: { name: 'emb100', dense: projectedFeatures(SIF, 0), l2: { 'e:': 16 } },
  emb100w: { name: 'emb100w', dense: projectedFeatures(SIF, 0), l2: { 'e:': 64 } },
  pca16: { name: 'pca16', dense: projectedFeatures(SIF, 16), l2: { 'e:': 8 } },
  pca32: { name: 'pca32', dense: projectedFeatures(SIF, 32), l2: { 'e:': 16 } },
  pca8: { name: 'pca8', dense: projectedFeatures(SIF, 8), l2: { 'e:': 4 } },
  mean16: { name: 'mean16', dense: projectedFeatures({ weight: 'mean' }, 16), l2: { 'e:': 8 } },
  neg16: { name: 'neg16', dense: projectedFeatures({ weight: 'sif', negFlip: true }, 16), l2: { 'e:': 8 } },
  max16: { name: 'max16', dense: projectedFeatures({ weight: 'sif', max: true }, 16), l2: { 'e:': 8 } },
  pca16s: { name: 'pca16s', dense: projectedFeatures(SIF, 16), l2: { 'e:': 32 } },
  // only the cynicism model gets the vectors (the other variants lift cynicism and lose bubble_caution)
  pca16cyn: { name: 'pca16cyn', dense: (tr: Ex[], tag: TagName) => (tag === 'cynicism' ? projectedFeatures(SIF, 16)(tr) : () => new Map()), l2: { 'e:': 8 } },
  proto: { name: 'proto', dense: prototypeFeatures(SIF, 'own'), l2: { 'pt:': 1 } },
  proto4: { name: 'proto4', dense: prototypeFeatures(SIF, 'own'), l2: { 'pt:': 4 } },
  protoall: { name: 'protoall', dense: prototypeFeatures(SIF, 'all'), l2: { 'pt:': 2 } },
} satisfies Record<string, Variant>);
