/**
 * Holm's step-down adjustment of a family of p-values: the i-th smallest of m is multiplied by (m − i + 1), kept at
 * least as large as the one before it and capped at 1. A difference whose adjusted p-value is below alpha stays
 * significant with the chance of any false "significant" in the whole family held to alpha, whatever the dependence
 * between the tests, and it never rejects less than Bonferroni does. Nulls (no p-value) are not in the family and stay
 * null; the result is in the input's order.
 */
export function adjustPValuesHolm(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues.flatMap((p, index) => (p === null ? [] : [{ p, index }])).sort((a, b) => a.p - b.p || a.index - b.index);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let floor = 0;
  tested.forEach(({ p, index }, rank) => {
    floor = Math.max(floor, Math.min(1, (tested.length - rank) * p));
    adjusted[index] = floor;
  });
  return adjusted;
}
