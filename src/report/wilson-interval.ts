import type { Interval } from '../types.js';

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for count/total. Chosen over the normal (Wald)
 * interval because tag shares are often near 0 and samples can be small,
 * where Wald collapses to [0, 0] or spills outside [0, 1].
 * `total` may be fractional (effective sample size of a weighted share).
 */
export function computeWilsonInterval(count: number, total: number, z: number = Z_95): Interval {
  // no data says nothing: the share could be anything (a [0, 0] interval would claim it is surely 0)
  if (!(total > 0)) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, count / total));
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  // Clamp away floating-point dust so 0/n starts exactly at 0 and n/n ends exactly at 1.
  return { low: count <= 0 ? 0 : Math.max(0, centre - half), high: count >= total ? 1 : Math.min(1, centre + half) };
}
