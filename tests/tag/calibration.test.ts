// How far the published probabilities are from the rates they claim.
import { describe, expect, it } from 'vitest';
import type { Prediction } from '../../src/tag/evaluate-tags.js';
import { measureCalibration } from '../../src/tag/measure-calibration.js';

const pred = (score: number, label: 0 | 1, unlabeled?: Prediction['unlabeled']): Prediction => ({
  id: String(score),
  labels: { cynicism: label, distrust: 0, bubble_caution: 0 },
  predicted: { cynicism: score >= 0.5, distrust: false, bubble_caution: false },
  scores: { cynicism: score, distrust: 0, bubble_caution: 0 },
  ...(unlabeled !== undefined ? { unlabeled } : {}),
});

describe('measureCalibration', () => {
  it('bins scores, compares each bin with its labeled share, and gives Brier and ECE', () => {
    const c = measureCalibration([pred(0.05, 0), pred(0.15, 0), pred(0.95, 1), pred(0.95, 0), pred(1, 1), pred(0.9, 1, ['cynicism'])], 'cynicism');
    expect(c.n).toBe(5);
    expect(c.bins).toEqual([
      { from: 0, to: 0.1, n: 1, meanScore: 0.05, positiveRate: 0 },
      { from: 0.1, to: 0.2, n: 1, meanScore: 0.15, positiveRate: 0 },
      { from: 0.9, to: 1, n: 3, meanScore: 0.9667, positiveRate: 0.6667 },
    ]);
    // (0.05² + 0.15² + 0.05² + 0.95² + 0) / 5
    expect(c.brier).toBeCloseTo((0.0025 + 0.0225 + 0.0025 + 0.9025) / 5, 4);
    // (0.05 + 0.15 + 3 × 0.3) / 5
    expect(c.ece).toBeCloseTo((0.05 + 0.15 + 3 * (0.9667 - 0.6667)) / 5, 3);
  });
});
