// The committed classifier: one L2-regularised logistic regression per tag over
// the sparse cue / context features, followed by Platt calibration and a
// per-tag threshold. Training is deterministic (full-batch gradient descent,
// fixed iteration count, features in sorted order).

import { TAG_NAMES, type TagName } from '../types.js';
import type { FeatureVector } from './extract-features.js';

export interface TagModel {
  bias: number;
  weights: Record<string, number>;
  /** Platt scaling: sigmoid(a * z + b) where z is the raw logit; the probability when there is no `ceiling`. */
  platt: { a: number; b: number };
  /**
   * Platt scaling with a ceiling, fitted on the same logits: p = cap * sigmoid(a * z + b) (fit-capped-platt.ts). When
   * present, the published probability; plain Platt's value stays the evidence strength the quote picker ranks by.
   */
  ceiling?: { a: number; b: number; cap: number };
  /** Label threshold on the calibrated probability. */
  threshold: number;
}

export interface TaggerModelFile {
  format: 'reactionlens-tagger';
  formatVersion: 1;
  lexiconVersion: string;
  /** sha256 prefix of the lexicon patterns the model was trained with. */
  lexiconHash: string;
  tags: Record<TagName, TagModel>;
  training: Record<string, unknown>;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const weightMaps = new WeakMap<Record<string, number>, Map<string, number>>();

/** The weights as a Map (built once per model object: Map lookups beat a 500-key object). */
function weightMap(m: TagModel): Map<string, number> {
  let wm = weightMaps.get(m.weights);
  if (wm === undefined) {
    wm = new Map(Object.entries(m.weights));
    weightMaps.set(m.weights, wm);
  }
  return wm;
}

export function rawLogit(m: TagModel, x: FeatureVector): number {
  const wm = weightMap(m);
  let z = m.bias;
  for (const [f, v] of x) {
    const w = wm.get(f);
    if (w !== undefined) z += w * v;
  }
  return z;
}

const jointMaps = new WeakMap<TaggerModelFile, Map<string, Float64Array>>();

/**
 * Feature → its weights for all tags (TAG_NAMES order; 0 where a tag has none), built once per model object.
 * Features with no weight in any tag are absent.
 */
export function jointWeights(model: TaggerModelFile): ReadonlyMap<string, Float64Array> {
  let jm = jointMaps.get(model);
  if (jm === undefined) {
    jm = new Map();
    TAG_NAMES.forEach((t, ti) => {
      for (const [f, w] of Object.entries(model.tags[t].weights)) {
        let arr = jm!.get(f);
        if (arr === undefined) jm!.set(f, (arr = new Float64Array(TAG_NAMES.length)));
        arr[ti] = w;
      }
    });
    jointMaps.set(model, jm);
  }
  return jm;
}

/** Raw logits of all tags (in TAG_NAMES order) in one pass over the features; same values as rawLogit per tag. */
export function rawLogits(model: TaggerModelFile, x: FeatureVector): Float64Array {
  const jm = jointWeights(model);
  const z = new Float64Array(TAG_NAMES.length);
  for (let ti = 0; ti < z.length; ti++) z[ti] = model.tags[TAG_NAMES[ti]!].bias;
  for (const [f, v] of x) {
    const w = jm.get(f);
    if (w !== undefined) for (let ti = 0; ti < z.length; ti++) z[ti]! += w[ti]! * v;
  }
  return z;
}

/** The published probability: how often comments scored like this one carry the tag. */
export function calibrated(m: TagModel, z: number): number {
  const c = m.ceiling;
  return c === undefined ? sigmoid(m.platt.a * z + m.platt.b) : c.cap * sigmoid(c.a * z + c.b);
}

/**
 * Plain Platt's probability, without the ceiling: how far the evidence goes. It orders comments as the published
 * probability does, but the quote picker multiplies it with other signals and compares tags, where the published
 * scale would not do: cynicism's ceiling is 0.67 and its calibration steep just below the threshold, so most cynical
 * comments sit at about the same probability, and highlights would go to comments with more upvotes and weaker evidence.
 */
export function evidenceStrength(m: TagModel, z: number): number {
  return sigmoid(m.platt.a * z + m.platt.b);
}

export interface TrainOptions {
  l2: number;
  iterations: number;
  learningRate: number;
  /** Per-feature L2 multipliers by prefix (e.g. stronger on n-grams). */
  l2ByPrefix?: Record<string, number>;
  /** Weight of positive examples (class balance). */
  positiveWeight?: number;
}

/** Full-batch gradient descent with L2 (bias unregularised). Deterministic. */
export function trainLogistic(
  xs: FeatureVector[],
  ys: number[],
  opts: TrainOptions,
  sampleWeights?: number[],
  /** L2 pulls each weight towards its prior (lexicon knowledge), not towards 0. */
  priors: Record<string, number> = {},
  /** Run after each step on the weights (an experiment's extra penalty, scripts/ablate/model-grid.ts); none in training. */
  afterStep?: (step: { w: Float64Array; lr: number; l2: readonly number[]; feats: readonly string[] }) => void,
): { bias: number; weights: Record<string, number> } {
  const { feats, l2, toRow } = indexFeatures(xs, [priors], opts);
  const rows = xs.map(toRow);
  const prior = Float64Array.from(feats.map((f) => priors[f] ?? 0));
  const w = Float64Array.from(prior);
  let b = 0;
  const { sw, swSum } = weighSamples(ys, opts, sampleWeights);
  // Adam-free simple GD with a decaying step: stable and reproducible.
  const g = new Float64Array(feats.length);
  for (let it = 0; it < opts.iterations; it++) {
    g.fill(0);
    const gb = addLogLossGradient(rows, ys, sw, w, b, g);
    const lr = stepSize(opts, it);
    b -= (lr * gb) / swSum;
    stepTowardsPrior(w, g, swSum, lr, l2, prior);
    afterStep?.({ w, lr, l2, feats });
  }
  return roundFit(feats, w, b);
}

// The steps of trainLogistic, shared with the ablation harness's variants of it (scripts/ablate/*-logistic.ts), so a
// variant that should reduce to trainLogistic does so exactly, float for float.

/** A feature vector as (feature index, value) pairs in feature order. */
export interface SparseRow {
  idx: number[];
  val: number[];
}

/**
 * The parameters of a fit: every feature of `xs` and of the priors, sorted (the result must not depend on Map order),
 * each one's L2 strength (`l2ByPrefix`), and the vectors as rows over them.
 */
export function indexFeatures(
  xs: readonly FeatureVector[],
  priors: ReadonlyArray<Record<string, number>>,
  opts: TrainOptions,
): { feats: string[]; l2: number[]; toRow: (x: FeatureVector) => SparseRow } {
  const names = new Set<string>();
  for (const x of xs) for (const f of x.keys()) names.add(f);
  for (const p of priors) for (const f of Object.keys(p)) names.add(f);
  const feats = [...names].sort();
  const index = new Map(feats.map((f, i) => [f, i]));
  const toRow = (x: FeatureVector): SparseRow => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of [...x.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      idx.push(index.get(f)!);
      val.push(v);
    }
    return { idx, val };
  };
  const l2 = feats.map((f) => {
    let mult = 1;
    for (const [p, m] of Object.entries(opts.l2ByPrefix ?? {})) if (f.startsWith(p)) mult = m;
    return opts.l2 * mult;
  });
  return { feats, l2, toRow };
}

/** Each example's weight in the loss (positives × positiveWeight, × its sample weight) and their sum, which the data term is divided by. */
export function weighSamples(ys: readonly number[], opts: TrainOptions, sampleWeights?: readonly number[]): { sw: number[]; swSum: number } {
  const pw = opts.positiveWeight ?? 1;
  const sw = ys.map((y, i) => (y === 1 ? pw : 1) * (sampleWeights?.[i] ?? 1));
  return { sw, swSum: sw.reduce((a, c) => a + c, 0) };
}

/** Adds the weighted log-loss gradient of `rows` at (w, b) into `g`; returns the bias's. */
export function addLogLossGradient(rows: readonly SparseRow[], ys: readonly number[], sw: readonly number[], w: Float64Array, b: number, g: Float64Array): number {
  let gb = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let z = b;
    for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!;
    const err = (sigmoid(z) - ys[i]!) * sw[i]!;
    gb += err;
    for (let k = 0; k < r.idx.length; k++) g[r.idx[k]!]! += err * r.val[k]!;
  }
  return gb;
}

/** The step of iteration `it`, decaying so a fixed iteration count settles. */
export function stepSize(opts: TrainOptions, it: number): number {
  return opts.learningRate / (1 + it / 400);
}

/** A gradient step on `w` (data gradient `g` over `swSum`), then the proximal step for L2 towards the prior: stable for any strength. */
export function stepTowardsPrior(w: Float64Array, g: Float64Array, swSum: number, lr: number, l2: readonly number[], prior: Float64Array): void {
  for (let j = 0; j < w.length; j++) w[j] = (w[j]! - (lr * g[j]!) / swSum + lr * l2[j]! * prior[j]!) / (1 + lr * l2[j]!);
}

/** What a fit returns: bias and weights to 4 decimals, weights that round to 0 (or are not finite) left out. */
export function roundFit(feats: readonly string[], w: Float64Array, b: number): { bias: number; weights: Record<string, number> } {
  const weights: Record<string, number> = {};
  feats.forEach((f, j) => {
    const v = Math.round(w[j]! * 1e4) / 1e4;
    if (v !== 0 && Number.isFinite(v)) weights[f] = v;
  });
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}

/**
 * Fit Platt scaling (a, b) on out-of-fold logits. `repeats`: how many times each example occurs in `zs`
 * (repeated inner CV); Platt's smoothed targets depend on the number of distinct examples, not of logits.
 */
export function fitPlatt(zs: number[], ys: number[], repeats = 1): { a: number; b: number } {
  // Platt's target smoothing
  const pos = ys.filter((y) => y === 1).length / repeats;
  const neg = ys.length / repeats - pos;
  const tPos = (pos + 1) / (pos + 2);
  const tNeg = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < zs.length; i++) {
      const p = sigmoid(a * zs[i]! + b);
      const t = ys[i] === 1 ? tPos : tNeg;
      ga += (p - t) * zs[i]!;
      gb += p - t;
    }
    a -= (0.5 * ga) / zs.length;
    b -= (0.5 * gb) / zs.length;
  }
  return { a: Math.round(a * 1e4) / 1e4, b: Math.round(b * 1e4) / 1e4 };
}

/** F1 of predicting label 1 where the probability is ≥ `t`. */
function f1At(ps: number[], ys: number[], t: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ps.length; i++) {
    const pred = ps[i]! >= t;
    if (pred && ys[i] === 1) tp++;
    else if (pred) fp++;
    else if (ys[i] === 1) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Threshold maximising F1 on (probability, label) pairs; ties → the middle of the best plateau. */
export function bestF1Threshold(ps: number[], ys: number[]): { threshold: number; f1: number } {
  const cands = [...new Set(ps.map((p) => Math.round(p * 1000) / 1000))].sort((a, b) => a - b);
  let best = { threshold: 0.5, f1: -1 };
  const scores: { t: number; f1: number }[] = [];
  for (const t of cands) {
    const f1 = f1At(ps, ys, t);
    scores.push({ t, f1 });
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  // smooth: among thresholds within 0.01 F1 of the best, take the median one
  const near = scores.filter((s) => s.f1 >= best.f1 - 0.01).map((s) => s.t);
  const mid = near[Math.floor(near.length / 2)];
  return { threshold: Math.round((mid ?? best.threshold) * 1000) / 1000, f1: best.f1 };
}

/**
 * Threshold maximising F1 averaged over a window of ±`halfWidth` around it (grid step 0.005 on
 * [0.05, 0.95]): a broad good region, not a lucky spike of the out-of-fold F1 curve.
 */
export function smoothedF1Threshold(ps: number[], ys: number[], halfWidth: number): { threshold: number; f1: number } {
  const STEP = 0.005;
  const half = Math.round(halfWidth / STEP);
  const f1s: number[] = [];
  // F1 at grid points -half … 180+half (the window reaches past the ends of the grid)
  for (let k = -half; k <= 180 + half; k++) f1s.push(f1At(ps, ys, 0.05 + k * STEP));
  let best = { threshold: 0.5, f1: -1 };
  for (let k = 0; k <= 180; k++) {
    let sum = 0;
    for (let d = -half; d <= half; d++) sum += f1s[k + d + half]!;
    const f1 = sum / (2 * half + 1);
    if (f1 > best.f1) best = { threshold: Math.round((0.05 + k * STEP) * 1000) / 1000, f1 };
  }
  return best;
}

export function isTagName(s: string): s is TagName {
  return (TAG_NAMES as readonly string[]).includes(s);
}
