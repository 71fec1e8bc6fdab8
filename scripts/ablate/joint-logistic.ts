// Multi-task logistic regression across the three tags, for the ablation harness (Evgeniou & Pontil 2004;
// equivalently Daumé's feature augmentation across tasks): tag t's weight on feature f is
// w_t[f] = v_t[f] + s_t · u[f], with u shared by all tags (L2 × `shared` of the feature's own L2, pulled towards 0)
// and v_t tag-specific (the usual per-feature L2, pulled towards the tag's lexicon prior). s_t = ±1 (sign-flipped
// sharing for a tag whose evidence should run the other way; default +1). Objective:
//   Σ_t [ Σ_i sw_ti ℓ(y_ti, b_t + w_t·x_i) / S_t + ½ Σ_f l2_f (v_tf − prior_tf)² ] + ½ Σ_f shared·l2_f u_f²
// i.e. each tag's data term is normalised by its own sample-weight sum exactly as in trainLogistic, so as
// shared → ∞ (u ≡ 0) it is three independent trainLogistic fits. Same deterministic full-batch proximal GD,
// fixed iteration count and decaying step as trainLogistic; u is only created for features `sharedOf(f)` accepts.
import type { FeatureVector } from '../../src/tag/extract-features.js';
import { sigmoid, type TrainOptions } from '../../src/tag/logistic-model.js';

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
  const names = new Set<string>();
  for (const x of xs) for (const f of x.keys()) names.add(f);
  for (const p of priors) for (const f of Object.keys(p)) names.add(f);
  const feats = [...names].sort();
  const F = feats.length;
  const index = new Map(feats.map((f, i) => [f, i]));
  const rows = xs.map((x) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of [...x.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) { idx.push(index.get(f)!); val.push(v); }
    return { idx, val };
  });
  const l2 = feats.map((f) => {
    let mult = 1;
    for (const [p, m] of Object.entries(opts.l2ByPrefix ?? {})) if (f.startsWith(p)) mult = m;
    return opts.l2 * mult;
  });
  const hasU = Uint8Array.from(feats.map((f) => (joint.sharedOf(f) ? 1 : 0)));
  const l2u = l2.map((l) => l * joint.shared);
  const sign = joint.sign ?? new Array<number>(T).fill(1);
  const prior = priors.map((p) => Float64Array.from(feats.map((f) => p[f] ?? 0)));
  const v = prior.map((p) => Float64Array.from(p));
  const u = new Float64Array(F);
  const b = new Float64Array(T);
  const n = xs.length;
  const pw = opts.positiveWeight ?? 1;
  const sw = ys.map((y) => y.map((yy, i) => (yy === 1 ? pw : 1) * (sampleWeights[i] ?? 1)));
  const swSum = sw.map((s) => s.reduce((a, c) => a + c, 0));
  const g = ys.map(() => new Float64Array(F));
  const w = ys.map(() => new Float64Array(F));
  const gb = new Float64Array(T);
  for (let it = 0; it < opts.iterations; it++) {
    for (let t = 0; t < T; t++) {
      g[t]!.fill(0);
      const wt = w[t]!, vt = v[t]!, st = sign[t]!;
      for (let j = 0; j < F; j++) wt[j] = vt[j]! + st * u[j]!;
    }
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      for (let t = 0; t < T; t++) {
        const wt = w[t]!;
        let z = b[t]!;
        for (let k = 0; k < r.idx.length; k++) z += wt[r.idx[k]!]! * r.val[k]!;
        const err = (sigmoid(z) - ys[t]![i]!) * sw[t]![i]!;
        gb[t]! += err;
        const gt = g[t]!;
        for (let k = 0; k < r.idx.length; k++) gt[r.idx[k]!]! += err * r.val[k]!;
      }
    }
    const lr = opts.learningRate / (1 + it / 400);
    for (let t = 0; t < T; t++) b[t]! -= (lr * gb[t]!) / swSum[t]!;
    // proximal steps: v_t towards its prior, u towards 0; u's data gradient is the signed sum of the tags'
    for (let j = 0; j < F; j++) {
      if (hasU[j]) {
        let gu = 0;
        for (let t = 0; t < T; t++) gu += (sign[t]! * g[t]![j]!) / swSum[t]!;
        u[j] = (u[j]! - lr * gu) / (1 + lr * l2u[j]!);
      }
      for (let t = 0; t < T; t++) v[t]![j] = (v[t]![j]! - (lr * g[t]![j]!) / swSum[t]! + lr * l2[j]! * prior[t]![j]!) / (1 + lr * l2[j]!);
    }
  }
  if (sharedOut) feats.forEach((f, j) => { const x = Math.round(u[j]! * 1e4) / 1e4; if (x !== 0) sharedOut[f] = x; });
  return ys.map((_, t) => {
    const weights: Record<string, number> = {};
    feats.forEach((f, j) => {
      const x = Math.round((v[t]![j]! + sign[t]! * u[j]!) * 1e4) / 1e4;
      if (x !== 0 && Number.isFinite(x)) weights[f] = x;
    });
    return { bias: Math.round(b[t]! * 1e4) / 1e4, weights };
  });
}
