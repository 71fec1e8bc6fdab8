/** Round to a fixed number of decimals, so JSON output does not carry float dust. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
