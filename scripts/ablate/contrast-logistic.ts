// trainLogistic (src/tag/logistic-model.ts) plus Zaidan-style contrast pseudo-examples, for the ablation harness:
// each contrast row d = x − x_contrast adds weight · log(1 + exp(−w·d / margin)) to the loss (no bias term), so the
// rationale's features together should lift the logit by about `margin`. Same deterministic full-batch proximal GD.
import type { FeatureVector } from '../../src/tag/extract-features.js';
import { sigmoid, type TrainOptions } from '../../src/tag/logistic-model.js';

export function trainLogisticContrast(
  xs: FeatureVector[],
  ys: number[],
  opts: TrainOptions,
  sampleWeights: number[],
  priors: Record<string, number>,
  contrast: { rows: FeatureVector[]; weight: number; margin: number },
): { bias: number; weights: Record<string, number> } {
  const names = new Set<string>();
  for (const x of xs) for (const f of x.keys()) names.add(f);
  for (const x of contrast.rows) for (const f of x.keys()) names.add(f);
  for (const f of Object.keys(priors)) names.add(f);
  const feats = [...names].sort();
  const index = new Map(feats.map((f, i) => [f, i]));
  const toRow = (x: FeatureVector): { idx: number[]; val: number[] } => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of [...x.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) { idx.push(index.get(f)!); val.push(v); }
    return { idx, val };
  };
  const rows = xs.map(toRow);
  const crows = contrast.rows.map(toRow);
  const l2 = feats.map((f) => {
    let mult = 1;
    for (const [p, m] of Object.entries(opts.l2ByPrefix ?? {})) if (f.startsWith(p)) mult = m;
    return opts.l2 * mult;
  });
  const prior = Float64Array.from(feats.map((f) => priors[f] ?? 0));
  const w = Float64Array.from(prior);
  let b = 0;
  const n = xs.length;
  const pw = opts.positiveWeight ?? 1;
  const sw = ys.map((y, i) => (y === 1 ? pw : 1) * (sampleWeights[i] ?? 1));
  const swSum = sw.reduce((a, c) => a + c, 0);
  const cw = contrast.weight * pw;
  const g = new Float64Array(feats.length);
  for (let it = 0; it < opts.iterations; it++) {
    g.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      let z = b;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!;
      const err = (sigmoid(z) - ys[i]!) * sw[i]!;
      gb += err;
      for (let k = 0; k < r.idx.length; k++) g[r.idx[k]!]! += err * r.val[k]!;
    }
    for (const r of crows) {
      let z = 0;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!;
      const err = (sigmoid(z / contrast.margin) - 1) * cw;
      for (let k = 0; k < r.idx.length; k++) g[r.idx[k]!]! += (err * r.val[k]!) / contrast.margin;
    }
    const lr = opts.learningRate / (1 + it / 400);
    b -= (lr * gb) / swSum;
    for (let j = 0; j < feats.length; j++) w[j] = (w[j]! - (lr * g[j]!) / swSum + lr * l2[j]! * prior[j]!) / (1 + lr * l2[j]!);
  }
  const weights: Record<string, number> = {};
  feats.forEach((f, j) => {
    const v = Math.round(w[j]! * 1e4) / 1e4;
    if (v !== 0 && Number.isFinite(v)) weights[f] = v;
  });
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}
