import { Z_95 } from './wilson-interval.js';

// Two-sided 95% quantiles of Student's t (the 0.975 point) for 1 … 30 degrees of freedom, from the standard tables.
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * Student's t 0.975 quantile for `df` degrees of freedom (df ≥ 1; fractional df are rounded down, the wider side):
 * the table up to 30, then the Cornish–Fisher expansion around the normal quantile, within 0.001 of the exact value.
 */
export function computeT975(df: number): number {
  const d = Math.max(1, Math.floor(df));
  if (d <= T_975.length) return T_975[d - 1]!;
  const z = Z_95;
  return z + (z ** 3 + z) / (4 * d) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * d * d);
}
