export interface TwoProportionTest {
  /** share b − share a. */
  difference: number;
  z: number;
  /** Two-sided p-value under the pooled null hypothesis p_a = p_b. */
  pValue: number;
  significant: boolean;
}

/**
 * Pooled two-proportion z-test. Totals may be fractional (effective sample
 * sizes of score-weighted shares). alpha defaults to 0.05. Null when a side
 * has no comments: there is no share to compare, and a difference of 0 with
 * p = 1 would read as a real "no difference".
 */
export function testTwoProportions(
  a: { count: number; total: number },
  b: { count: number; total: number },
  alpha = 0.05,
): TwoProportionTest | null {
  if (!(a.total > 0) || !(b.total > 0)) return null;
  const pa = a.count / a.total;
  const pb = b.count / b.total;
  const pooled = (a.count + b.count) / (a.total + b.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.total + 1 / b.total));
  const difference = pb - pa;
  // Both samples all-yes or all-no: no variance, so no evidence of a difference.
  if (se === 0) return { difference, z: 0, pValue: 1, significant: false };
  const z = difference / se;
  const pValue = Math.min(1, 2 * (1 - computeNormalCdf(Math.abs(z))));
  return { difference, z, pValue, significant: pValue < alpha };
}

/** Standard normal CDF via the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
export function computeNormalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
