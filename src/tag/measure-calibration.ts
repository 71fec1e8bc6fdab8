// How far the tagger's probabilities are from the rates they claim: a score of 0.8 should come true about 8 times in 10.
// Measured on held-out predictions (out-of-fold CV, or a labeled file the model never saw).

import { TAG_NAMES, type TagName } from '../types.js';
import type { Prediction } from './evaluate-tags.js';

export interface CalibrationBin {
  /** Scores in [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  n: number;
  meanScore: number;
  /** The share of the bin's items labeled with the tag. */
  positiveRate: number;
}

export interface TagCalibration {
  n: number;
  /** Mean squared distance between score and label (0 is perfect; always answering the base rate scores p(1 − p)). */
  brier: number;
  /** Expected calibration error: the bins' |mean score − positive rate|, weighted by their size. */
  ece: number;
  /** Non-empty bins only. */
  bins: CalibrationBin[];
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Reliability of one tag's scores in `bins` equal-width bins; cells nobody labeled (`unlabeled`) are left out. */
export function measureCalibration(preds: readonly Prediction[], tag: TagName, bins = 10): TagCalibration {
  const acc = Array.from({ length: bins }, () => ({ n: 0, score: 0, pos: 0 }));
  let n = 0;
  let sq = 0;
  for (const p of preds) {
    if (p.unlabeled?.includes(tag) === true) continue;
    const s = p.scores[tag];
    const y = p.labels[tag];
    n++;
    sq += (s - y) ** 2;
    const b = acc[Math.min(bins - 1, Math.max(0, Math.floor(s * bins)))]!;
    b.n++;
    b.score += s;
    b.pos += y;
  }
  let gap = 0;
  const out: CalibrationBin[] = [];
  acc.forEach((b, i) => {
    if (b.n === 0) return;
    gap += b.n * Math.abs(b.score / b.n - b.pos / b.n);
    out.push({ from: i / bins, to: (i + 1) / bins, n: b.n, meanScore: r4(b.score / b.n), positiveRate: r4(b.pos / b.n) });
  });
  return { n, brier: n === 0 ? 0 : r4(sq / n), ece: n === 0 ? 0 : r4(gap / n), bins: out };
}

export function measureAllCalibration(preds: readonly Prediction[], bins = 10): Record<TagName, TagCalibration> {
  const out = {} as Record<TagName, TagCalibration>;
  for (const t of TAG_NAMES) out[t] = measureCalibration(preds, t, bins);
  return out;
}

/** One line per tag: Brier and ECE, then each non-empty bin as "range: mean score → positive rate (n)". */
export function formatCalibration(title: string, c: Record<TagName, TagCalibration>): string {
  const lines = [title];
  for (const t of TAG_NAMES) {
    const x = c[t];
    lines.push(`${t.padEnd(16)}Brier ${x.brier.toFixed(3)}  ECE ${x.ece.toFixed(3)}  (n=${x.n})`);
    lines.push(`  ${x.bins.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.meanScore.toFixed(2)}→${b.positiveRate.toFixed(2)} (${b.n})`).join('; ')}`);
  }
  return lines.join('\n');
}
