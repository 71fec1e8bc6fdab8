import { describe, expect, it } from 'vitest';
import { bestF1Threshold, fitPlatt, smoothedF1Threshold } from '../../src/tag/logistic-model.js';

// Out-of-fold scores with a narrow lucky spike and a broad good region:
// - at 0.30 two borderline positives (0.30, 0.31) are in and one negative (0.32): F1 20/21 ≈ 0.95;
// - from 0.325 to 0.70 only the 8 clear positives are in: F1 16/18 ≈ 0.89, over a wide range;
// - just below 0.30 ten negatives (0.250 … 0.295) come in, so the spike has steep sides.
const ps: number[] = [];
const ys: number[] = [];
const add = (p: number, y: number): void => {
  ps.push(p);
  ys.push(y);
};
for (let k = 0; k < 8; k++) add(0.7 + k * 0.03, 1);
add(0.3, 1);
add(0.31, 1);
add(0.32, 0);
for (let k = 0; k < 10; k++) add(0.25 + k * 0.005, 0);
for (let k = 0; k < 20; k++) add(0.05 + k * 0.0075, 0);

describe('threshold choice', () => {
  it('the plain argmax takes the narrow spike', () => {
    expect(bestF1Threshold(ps, ys).threshold).toBeLessThan(0.31);
  });

  it('the smoothed choice (±0.05) moves off the spike into the broad region', () => {
    const { threshold, f1 } = smoothedF1Threshold(ps, ys, 0.05);
    expect(threshold).toBeGreaterThan(0.32);
    expect(threshold).toBeLessThanOrEqual(0.65);
    // the reported F1 is the window's average: between the region's 0.889 and the spike's 0.952
    expect(f1).toBeGreaterThan(16 / 18 - 1e-9);
    expect(f1).toBeLessThan(20 / 21);
  });

  it('a window narrower than the spike keeps it; no window is the grid argmax', () => {
    // ±0.005 averages 0.295, 0.300 and 0.305 (≈ 0.92), still above the broad region's 0.889
    expect(smoothedF1Threshold(ps, ys, 0.005).threshold).toBeLessThanOrEqual(0.305);
    expect(smoothedF1Threshold(ps, ys, 0).threshold).toBe(0.3);
  });
});

describe('Platt calibration over repeated out-of-fold logits', () => {
  const zs = [-2.1, -1.4, -0.9, -0.2, 0.1, 0.4, 1.2, 2.5, -1.1, 0.8];
  const ys = [0, 0, 0, 1, 0, 1, 1, 1, 0, 0];
  const times = <T>(xs: T[], n: number): T[] => Array.from({ length: n }, () => xs).flat();

  it('five repeats of the same logits fit the same (a, b) as one, when told they are repeats', () => {
    expect(fitPlatt(times(zs, 5), times(ys, 5), 5)).toEqual(fitPlatt(zs, ys));
  });

  it('counted as distinct examples, the repeats would weaken the target smoothing', () => {
    expect(fitPlatt(times(zs, 5), times(ys, 5))).not.toEqual(fitPlatt(zs, ys));
  });
});
