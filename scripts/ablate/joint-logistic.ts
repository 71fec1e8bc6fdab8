// Multi-task logistic regression across the three tags, for the ablation harness (Evgeniou & Pontil 2004;
// equivalently Daumé's feature augmentation across tasks): tag t's weight on feature f is
// w_t[f] = v_t[f] + s_t · u[f], with u shared by all tags (L2 × `shared` of the feature's own L2, pulled towards 0)
// and v_t tag-specific (the usual per-feature L2, pulled towards the tag's lexicon prior). s_t = ±1 (sign-flipped
// sharing for a tag whose evidence should run the other way; default +1). Objective:
//   Σ_t [ Σ_i sw_ti ℓ(y_ti, b_t + w_t·x_i) / S_t + ½ Σ_f l2_f (v_tf − prior_tf)² ] + ½ Σ_f shared·l2_f u_f²
// i.e. each tag's data term is normalised by its own sample-weight sum exactly as in trainLogistic, so as
// shared → ∞ (u ≡ 0) it is three independent trainLogistic fits. Same deterministic full-batch proximal GD,
// fixed iteration count and decaying step as trainLogistic (its steps); u is only created for features `sharedOf(f)` accepts.
import type { FeatureVector } from '../../src/tag/extract-features.js';
import {
  addLogLossGradient,
  indexFeatures,
  roundFit,
  stepSize,
  stepTowardsPrior,
  weighSamples,
  type TrainOptions,
} from '../../src/tag/logistic-model.js';

export function trainLogisticJoint(
  xs: FeatureVector[],
  /** ys[t][i] */
  ys: number[][],
  opts: TrainOptions,
  sampleWeights: number[],
  priors: Record<string, number>[],
  joint: { shared: number; sharedOf: (f: string) => boolean; sign?: number[] },
  /** If given, receives the shared component u (rounded, non-zero entries) for inspection. */
  sharedOut?: Record<string, number>,
): { bias: number; weights: Record<string, number> }[] {
  const T = ys.length;
  const { feats, l2, toRow } = indexFeatures(xs, priors, opts);
  const F = feats.length;
  const rows = xs.map(toRow);
  const hasU = Uint8Array.from(feats.map((f) => (joint.sharedOf(f) ? 1 : 0)));
  const l2u = l2.map((l) => l * joint.shared);
  const sign = joint.sign ?? new Array<number>(T).fill(1);
  const prior = priors.map((p) => Float64Array.from(feats.map((f) => p[f] ?? 0)));
  const v = prior.map((p) => Float64Array.from(p));
  const u = new Float64Array(F);
  const b = new Float64Array(T);
  const weighed = ys.map((y) => weighSamples(y, opts, sampleWeights));
  const g = ys.map(() => new Float64Array(F));
  const w = ys.map(() => new Float64Array(F));
  for (let it = 0; it < opts.iterations; it++) {
    const lr = stepSize(opts, it);
    for (let t = 0; t < T; t++) {
      const wt = w[t]!, vt = v[t]!, st = sign[t]!;
      for (let j = 0; j < F; j++) wt[j] = vt[j]! + st * u[j]!;
      g[t]!.fill(0);
      const gb = addLogLossGradient(rows, ys[t]!, weighed[t]!.sw, wt, b[t]!, g[t]!);
      b[t]! -= (lr * gb) / weighed[t]!.swSum;
    }
    // proximal steps: u towards 0, each v_t towards its prior; u's data gradient is the signed sum of the tags'
    for (let j = 0; j < F; j++) {
      if (!hasU[j]) continue;
      let gu = 0;
      for (let t = 0; t < T; t++) gu += (sign[t]! * g[t]![j]!) / weighed[t]!.swSum;
      u[j] = (u[j]! - lr * gu) / (1 + lr * l2u[j]!);
    }
    for (let t = 0; t < T; t++) stepTowardsPrior(v[t]!, g[t]!, weighed[t]!.swSum, lr, l2, prior[t]!);
  }
  if (sharedOut) feats.forEach((f, j) => { const x = Math.round(u[j]! * 1e4) / 1e4; if (x !== 0) sharedOut[f] = x; });
  return ys.map((_, t) => roundFit(feats, Float64Array.from(v[t]!, (vj, j) => vj + sign[t]! * u[j]!), b[t]!));
}
