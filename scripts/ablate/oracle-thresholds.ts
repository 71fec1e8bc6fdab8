// How much per-tag thresholds chosen with hindsight on the held-out folds would add to CV F1 (an upper bound for any
// calibration or threshold change): `npx tsx scripts/ablate/oracle-thresholds.ts`.
import { readFileSync } from 'node:fs';
import { crossValidate, toExamples } from '../../src/tag/cross-validate.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { DEFAULT_TRAIN_CONFIG } from '../../src/tag/train-model.js';
import { TAG_NAMES } from '../../src/types.js';
const { items } = parseLabeledJsonl(readFileSync('training/labeled-dev.jsonl', 'utf8'));
const ex = toExamples(items);
for (const seed of [20250101, 7]) {
  const cv = crossValidate(ex, 5, { ...DEFAULT_TRAIN_CONFIG, seed });
  const out: string[] = [];
  for (const t of TAG_NAMES) {
    const ps = cv.predictions.map((p) => [p.scores[t], p.labels[t]] as const);
    let best = 0, bt = 0;
    for (let th = 0.02; th < 0.98; th += 0.005) {
      let tp = 0, fp = 0, fn = 0;
      for (const [p, y] of ps) { if (p >= th && y) tp++; else if (p >= th) fp++; else if (y) fn++; }
      const f = (2 * tp) / (2 * tp + fp + fn);
      if (f > best) { best = f; bt = th; }
    }
    // AUC
    const pos = ps.filter((x) => x[1]).map((x) => x[0]), neg = ps.filter((x) => !x[1]).map((x) => x[0]);
    let auc = 0; for (const a of pos) for (const b of neg) auc += a > b ? 1 : a === b ? 0.5 : 0;
    out.push(`${t} actual ${cv.summary.tags[t].f1.toFixed(3)} oracle-thr ${best.toFixed(3)}@${bt.toFixed(3)} AUC ${(auc / pos.length / neg.length).toFixed(3)}`);
  }
  console.log(seed, out.join(' | '));
}
