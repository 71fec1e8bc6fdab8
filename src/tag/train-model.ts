// Trains the full model (weights + Platt calibration + per-tag thresholds)
// from analysed, labeled examples. Deterministic for a given seed.

import { TAG_NAMES, type TagName } from '../types.js';
import { CUE_DEFS, LEXICON_VERSION, STRUCTURAL_DEFS } from './cue-lexicon.js';
import { NGRAM_PREFIX, type FeatureVector } from './extract-features.js';
import { groupFolds } from './group-folds.js';
import { bestF1Threshold, calibrated, smoothedF1Threshold, fitPlatt, rawLogit, trainLogistic, type TagModel, type TaggerModelFile, type TrainOptions } from './logistic-model.js';
import { fitCappedPlatt } from './fit-capped-platt.js';
import { lexiconHash } from './lexicon-hash.js';

export interface Example {
  id: string;
  group: string;
  features: FeatureVector;
  labels: Record<TagName, 0 | 1>;
  ambiguous: boolean;
  /** Tags no person labeled (a `labels export` row corrects some tags only): the example is left out of their fits. */
  unlabeled?: readonly TagName[];
}

export interface TrainConfig extends TrainOptions {
  seed: number;
  /** Folds of the inner CV used to fit calibration and thresholds. */
  innerFolds: number;
  /** The inner CV is repeated with this many fold assignments; Platt and the threshold are fit on all their out-of-fold logits. */
  innerRepeats: number;
  /** The threshold maximises the out-of-fold F1 averaged over ±this window (probability units); 0 = bestF1Threshold. */
  thresholdWindow: number;
  /** Sample weight of items flagged ambiguous (soft labels). */
  ambiguousWeight: number;
  /** Word features are used only when at least this many training items (in at least this many groups) contain them. */
  minWordDf: number;
  /** Calibrate with a ceiling (fit-capped-platt.ts) instead of plain Platt. */
  ceiling: boolean;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  seed: 20250101,
  innerFolds: 5,
  innerRepeats: 5,
  thresholdWindow: 0.05,
  l2: 0.03,
  iterations: 1500,
  learningRate: 1.0,
  positiveWeight: 1.5,
  ambiguousWeight: 0.7,
  minWordDf: 4,
  ceiling: true,
  l2ByPrefix: { [NGRAM_PREFIX]: 8 },
};

/** Prior weights from the lexicon: `cue:x` = the cue's prior, `neg:x` = a small opposite weight. */
export function lexiconPriors(tag: TagName): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of [...CUE_DEFS, ...STRUCTURAL_DEFS]) {
    const p = d.prior[tag];
    if (p === undefined || p === 0) continue;
    out[`cue:${d.name}`] = p;
    if (d.negatable && p > 0) out[`neg:${d.name}`] = -0.3 * p;
  }
  return out;
}

/** Word features present in at least `minDf` items of at least `minDf` distinct groups of `ex`. */
export function wordVocabulary(ex: Example[], minDf: number): Set<string> {
  const groups = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const e of ex) {
    for (const f of e.features.keys()) {
      if (!f.startsWith(NGRAM_PREFIX)) continue;
      df.set(f, (df.get(f) ?? 0) + 1);
      let g = groups.get(f);
      if (g === undefined) groups.set(f, (g = new Set()));
      g.add(e.group);
    }
  }
  const out = new Set<string>();
  for (const [f, n] of df) if (n >= minDf && (groups.get(f)?.size ?? 0) >= minDf) out.add(f);
  return out;
}

function restrict(x: FeatureVector, vocab: Set<string>): FeatureVector {
  const out: FeatureVector = new Map();
  for (const [f, v] of x) if (!f.startsWith(NGRAM_PREFIX) || vocab.has(f)) out.set(f, v);
  return out;
}

function fitWeights(ex: Example[], tag: TagName, cfg: TrainConfig): { bias: number; weights: Record<string, number> } {
  const vocab = wordVocabulary(ex, cfg.minWordDf);
  return trainLogistic(
    ex.map((e) => restrict(e.features, vocab)),
    ex.map((e) => e.labels[tag]),
    cfg,
    ex.map((e) => (e.ambiguous ? cfg.ambiguousWeight : 1)),
    lexiconPriors(tag),
  );
}

/**
 * Train one tag: weights on all examples; calibration + threshold from inner out-of-fold logits (of every repeat). The
 * threshold is chosen on plain Platt's scale, then moved to the same logit on the capped scale: the ceiling changes
 * the published probability, not which comments carry the label.
 */
export function trainTag(ex: Example[], tag: TagName, cfg: TrainConfig): TagModel {
  const zr = innerFoldLogits(ex.map((e) => e.group), cfg, (trainIdx, testIdx) => {
    const m: TagModel = { ...fitWeights(trainIdx.map((i) => ex[i]!), tag, cfg), platt: { a: 1, b: 0 }, threshold: 0.5 };
    return testIdx.map((i) => rawLogit(m, ex[i]!.features));
  });
  const oofZ = zr.flat();
  const ys = zr.flatMap(() => ex.map((e) => e.labels[tag]));
  const platt = fitPlatt(oofZ, ys, cfg.innerRepeats);
  const full = fitWeights(ex, tag, cfg);
  const probe: TagModel = { ...full, platt, threshold: 0.5 };
  const ps = oofZ.map((z) => calibrated(probe, z));
  const { threshold } = cfg.thresholdWindow > 0 ? smoothedF1Threshold(ps, ys, cfg.thresholdWindow) : bestF1Threshold(ps, ys);
  if (!cfg.ceiling) return { ...full, platt, threshold };
  const withCeiling: TagModel = { ...full, platt, ceiling: fitCappedPlatt(oofZ, ys, cfg.innerRepeats, platt), threshold: 0.5 };
  const zAtThreshold = (Math.log(threshold / (1 - threshold)) - platt.b) / platt.a;
  return { ...withCeiling, threshold: Math.round(calibrated(withCeiling, zAtThreshold) * 1e4) / 1e4 };
}

/**
 * Per inner repeat (fold seed seed + 17 + 1000 r), every example's logit from a model fitted without its group's fold:
 * `logitsOf(trainIdx, testIdx)` fits on one and returns the logits of the other, in testIdx's order.
 */
export function innerFoldLogits(
  groups: string[],
  cfg: Pick<TrainConfig, 'innerRepeats' | 'innerFolds' | 'seed'>,
  logitsOf: (trainIdx: number[], testIdx: number[]) => number[],
): number[][] {
  const repeats: number[][] = [];
  for (let r = 0; r < cfg.innerRepeats; r++) {
    const folds = groupFolds(groups, cfg.innerFolds, cfg.seed + 17 + 1000 * r);
    const z = new Array<number>(groups.length).fill(0);
    for (let f = 0; f < cfg.innerFolds; f++) {
      const trainIdx: number[] = [];
      const testIdx: number[] = [];
      folds.forEach((k, i) => (k === f ? testIdx : trainIdx).push(i));
      if (testIdx.length === 0) continue;
      logitsOf(trainIdx, testIdx).forEach((logit, j) => (z[testIdx[j]!] = logit));
    }
    repeats.push(z);
  }
  return repeats;
}

export function trainModel(ex: Example[], cfg: TrainConfig = DEFAULT_TRAIN_CONFIG, meta: Record<string, unknown> = {}): TaggerModelFile {
  const tags = {} as Record<TagName, TagModel>;
  // a tag the tagger labeled itself would teach the model its own guess back: such rows sit out that tag's fit
  for (const t of TAG_NAMES) tags[t] = trainTag(ex.filter((e) => e.unlabeled?.includes(t) !== true), t, cfg);
  return {
    format: 'reactionlens-tagger',
    formatVersion: 1,
    lexiconVersion: LEXICON_VERSION,
    lexiconHash: lexiconHash(),
    tags,
    training: { ...meta, n: ex.length, config: { ...cfg } },
  };
}
