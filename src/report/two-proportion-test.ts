export interface TwoProportionTest {
  /** share b − share a. */
  difference: number;
  /** Null, like pValue and significant, when the normal approximation does not hold (see `untestedReason`). */
  z: number | null;
  /** Two-sided p-value under the pooled null hypothesis p_a = p_b. */
  pValue: number | null;
  significant: boolean | null;
  /** Why there is no p-value although both sides have comments: an expected count below MIN_EXPECTED_COUNT. */
  untestedReason?: string;
}

/**
 * The usual rule for the z-test's normal approximation: every expected count (tagged and untagged, in each sample)
 * at least 5. Below it the z-test's p-value can be far too small: 2 of 3 against 34 of 546 reads p < 0.0001 on the
 * z-test, where Fisher's exact test gives about 0.012 (two-sided).
 */
export const MIN_EXPECTED_COUNT = 5;

/**
 * Pooled two-proportion z-test. Totals may be fractional (effective sample
 * sizes of score-weighted shares). alpha defaults to 0.05. Null when a side
 * has no comments: there is no share to compare, and a difference of 0 with
 * p = 1 would read as a real "no difference". When an expected count is below
 * MIN_EXPECTED_COUNT the difference is given without a p-value or verdict: an
 * exact test would need whole counts, and the effective sizes the test runs on
 * are fractional, so no p-value is better than one that overstates significance.
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
  // Both samples all-yes or all-no: no variance, so no evidence of a difference (an exact test gives p = 1 as well).
  if (se === 0) return { difference, z: 0, pValue: 1, significant: false };
  const expected = Math.min(a.total, b.total) * Math.min(pooled, 1 - pooled);
  if (expected < MIN_EXPECTED_COUNT) {
    return { difference, z: null, pValue: null, significant: null, untestedReason: describeSmallExpectedCount(expected) };
  }
  const z = difference / se;
  const pValue = Math.min(1, 2 * (1 - computeNormalCdf(Math.abs(z))));
  return { difference, z, pValue, significant: pValue < alpha };
}

/** The reason a comparison gives in place of a p-value (JSON, CSV, and shortened in the Markdown). */
function describeSmallExpectedCount(expected: number): string {
  // Rounded, 4.96 would read "5.0 < 5", a withheld test that seems to pass the rule: just under 5 it is cut instead.
  const rounded = expected.toFixed(1);
  const shown = Number(rounded) < MIN_EXPECTED_COUNT ? rounded : (Math.floor(expected * 10) / 10).toFixed(1);
  return `expected count ${shown} < ${MIN_EXPECTED_COUNT}: too few comments for the z-test`;
}

/** Standard normal CDF via the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
export function computeNormalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
