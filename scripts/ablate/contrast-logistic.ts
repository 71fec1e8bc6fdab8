// trainLogistic (src/tag/logistic-model.ts) plus Zaidan-style contrast pseudo-examples, for the ablation harness:
// each contrast row d = x − x_contrast adds weight · log(1 + exp(−w·d / margin)) to the loss (no bias term), so the
// rationale's features together should lift the logit by about `margin`. trainLogistic's steps, with that term's
// gradient added to the data gradient.
import type { FeatureVector } from '../../src/tag/extract-features.js';
import {
  addLogLossGradient,
  indexFeatures,
  roundFit,
  sigmoid,
  stepSize,
  stepTowardsPrior,
  weighSamples,
  type TrainOptions,
} from '../../src/tag/logistic-model.js';

export function trainLogisticContrast(
  xs: FeatureVector[],
  ys: number[],
  opts: TrainOptions,
  sampleWeights: number[],
  priors: Record<string, number>,
  contrast: { rows: FeatureVector[]; weight: number; margin: number },
): { bias: number; weights: Record<string, number> } {
  const { feats, l2, toRow } = indexFeatures([...xs, ...contrast.rows], [priors], opts);
  const rows = xs.map(toRow);
  const crows = contrast.rows.map(toRow);
  const prior = Float64Array.from(feats.map((f) => priors[f] ?? 0));
  const w = Float64Array.from(prior);
  let b = 0;
  const { sw, swSum } = weighSamples(ys, opts, sampleWeights);
  const cw = contrast.weight * (opts.positiveWeight ?? 1);
  const g = new Float64Array(feats.length);
  for (let it = 0; it < opts.iterations; it++) {
    g.fill(0);
    const gb = addLogLossGradient(rows, ys, sw, w, b, g);
    for (const r of crows) {
      let z = 0;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!;
      const err = (sigmoid(z / contrast.margin) - 1) * cw;
      for (let k = 0; k < r.idx.length; k++) g[r.idx[k]!]! += (err * r.val[k]!) / contrast.margin;
    }
    const lr = stepSize(opts, it);
    b -= (lr * gb) / swSum;
    stepTowardsPrior(w, g, swSum, lr, l2, prior);
  }
  return roundFit(feats, w, b);
}
