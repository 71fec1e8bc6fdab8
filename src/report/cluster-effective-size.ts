/** One thread's part of a share: the weight of its tagged comments, and the weight of those carrying the tag. */
export interface ClusterTotals {
  weight: number;
  tagged: number;
}

/** The sample size a share's interval and test can honestly use, and how much thread clustering shrank it. */
export interface EffectiveSize {
  /** Effective number of independent comments (fractional). */
  effective: number;
  /** The independent-comments size over `effective` (≥ 1): how much wider than naive the interval is made. */
  designEffect: number;
}

/**
 * Comments in one thread answer each other and the same headline, so they are alike more often than comments drawn at
 * random: an interval that treats them as independent is too narrow (with a handful of threads, much too narrow).
 * The share is a ratio estimate over threads (p = Σ tagged / Σ weight); its variance is estimated from how far each
 * thread's tagged weight lies from p × its weight, the standard between-cluster (linearisation) estimator with the
 * k/(k − 1) small-sample factor. The effective size is the sample size at which an independent sample would have that
 * variance, p(1 − p)/var, so the usual Wilson interval and z-test can use it. `independent` is the size without
 * clustering (the comment count, or Kish's size for score weights); the result is never larger: a thread mix that
 * happens to look more even than chance does not narrow the interval. With fewer than two threads, or a share of 0 or
 * 1, there is nothing to estimate from, and `independent` is returned as is.
 */
export function computeEffectiveSize(clusters: Iterable<ClusterTotals>, independent: number): EffectiveSize {
  let weight = 0;
  let tagged = 0;
  let k = 0;
  const list: ClusterTotals[] = [];
  for (const c of clusters) {
    if (!(c.weight > 0)) continue;
    list.push(c);
    weight += c.weight;
    tagged += c.tagged;
    k++;
  }
  const p = weight > 0 ? tagged / weight : 0;
  if (k < 2 || !(independent > 0) || p <= 0 || p >= 1) return { effective: independent, designEffect: 1 };
  let squares = 0;
  for (const c of list) {
    const residual = c.tagged - p * c.weight;
    squares += residual * residual;
  }
  const variance = ((k / (k - 1)) * squares) / (weight * weight);
  const effective = variance > 0 ? Math.min(independent, (p * (1 - p)) / variance) : independent;
  return { effective, designEffect: independent / effective };
}
