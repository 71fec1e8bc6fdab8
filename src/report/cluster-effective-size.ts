import { computeT975 } from './student-t-quantile.js';
import { Z_95 } from './wilson-interval.js';

/**
 * Below this many threads with tagged comments the allowance for threads is itself rough (its variance has so few degrees
 * of freedom that the interval can come out at the independent size by chance): the reports call their intervals, and
 * compare its verdicts, indicative.
 */
export const FEW_THREADS = 10;

/** One thread's part of a share: the weight of its tagged comments, and the weight of those carrying the tag. */
export interface ClusterTotals {
  weight: number;
  tagged: number;
}

/** The sample size a share's interval and test can honestly use, and what went into it. */
export interface EffectiveSize {
  /** The size the Wilson interval and the z-test use (fractional, at most `independent`): see computeEffectiveSize. */
  effective: number;
  /**
   * How much larger the share's variance is than if its comments were independent (≥ 1; 1 when no clustering could be
   * measured: the estimate was at or below 1, or the share is 0 or 1). Null with fewer than two threads: not measurable.
   */
  designEffect: number | null;
  /** Threads with tagged comments: the clustering is measured from these, with threads − 1 degrees of freedom. */
  threads: number;
}

/**
 * Comments in one thread answer each other and the same headline, so they are alike more often than comments drawn at
 * random: an interval that treats them as independent is too narrow (with a handful of threads, much too narrow).
 * The share is a ratio estimate over threads (p = Σ tagged / Σ weight); its variance is estimated from how far each
 * thread's tagged weight lies from p × its weight, the standard between-cluster (linearisation) estimator with the
 * k/(k − 1) small-sample factor; `independent` is the size without clustering (the comment count, or Kish's size for
 * score weights). That variance, measured from k threads, is itself uncertain (k − 1 degrees of freedom), so the size it
 * implies, p(1 − p)/variance, is shrunk by (z / t)², z and t the 95% points of the normal and of Student's t: a Wilson
 * interval or z-test on it is about as wide as a t-based one. The result is never above `independent`: threads that
 * look more alike than chance do not narrow anything, and then the independent size stands. The design effect reported
 * is the measured variance over p(1 − p)/`independent`, floored at 1. A share of 0 or 1 has no variance to measure:
 * `independent` stands, with design effect 1. With fewer than two threads nothing can be measured: `independent`
 * stands, with no design effect.
 */
export function computeEffectiveSize(clusters: Iterable<ClusterTotals>, independent: number): EffectiveSize {
  let weight = 0;
  let tagged = 0;
  const list: ClusterTotals[] = [];
  for (const c of clusters) {
    if (!(c.weight > 0)) continue;
    list.push(c);
    weight += c.weight;
    tagged += c.tagged;
  }
  const k = list.length;
  if (k < 2 || !(independent > 0)) return { effective: independent, designEffect: null, threads: k };
  const p = tagged / weight;
  if (p <= 0 || p >= 1) return { effective: independent, designEffect: 1, threads: k };
  let squares = 0;
  for (const c of list) {
    const residual = c.tagged - p * c.weight;
    squares += residual * residual;
  }
  const variance = ((k / (k - 1)) * squares) / (weight * weight);
  if (!(variance > 0)) return { effective: independent, designEffect: 1, threads: k };
  const shrink = (Z_95 / computeT975(k - 1)) ** 2;
  const effective = Math.min(independent, ((p * (1 - p)) / variance) * shrink);
  return { effective, designEffect: Math.max(1, (variance * independent) / (p * (1 - p))), threads: k };
}
