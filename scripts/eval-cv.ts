// npm run eval:cv — grouped k-fold CV on training/labeled-dev.jsonl (plus training/corrections/*.jsonl), with baselines.
// Also: per-fold macro-F1 (is a gain from one fold?) and the d001–d197 ↔ d198–d364 cross-check
// (train on one half, test on the other: forum comments vs. blogs/news/forum posts).
// Usage: tsx scripts/eval-cv.ts [--k 5] [--seed 20250101] [--json]
// --seed changes the fold assignment (outer and inner folds); the committed model uses the default.

import { TAG_NAMES } from '../src/types.js';
import { baselines, crossValidate, predictExample, toExamples } from '../src/tag/cross-validate.js';
import { formatTable, summarize, type EvalSummary, type Prediction } from '../src/tag/evaluate-tags.js';
import { groupFolds } from '../src/tag/group-folds.js';
import { formatCalibration, measureAllCalibration } from '../src/tag/measure-calibration.js';
import { extendNlpPipe } from '../src/tag/nlp-doc.js';
import { readRepoLabeledData } from '../src/tag/read-repo-labeled-data.js';
import { DEFAULT_TRAIN_CONFIG, trainModel, type Example } from '../src/tag/train-model.js';

const args = process.argv.slice(2);
const kArg = args.indexOf('--k');
const k = kArg >= 0 ? Number(args[kArg + 1]) : 5;
const json = args.includes('--json');
const seedArg = args.indexOf('--seed');
const cfg = seedArg >= 0 ? { ...DEFAULT_TRAIN_CONFIG, seed: Number(args[seedArg + 1]) } : DEFAULT_TRAIN_CONFIG;
if (!Number.isInteger(k) || k < 2 || !Number.isInteger(cfg.seed)) {
  process.stderr.write('usage: eval-cv [--k N>=2] [--seed INTEGER] [--json]\n');
  process.exit(2);
}

// one wink instance per process: add sentiment (for the baseline only) before the first analysis
extendNlpPipe(['sentiment']);
const { items, problems, corrections } = readRepoLabeledData();
for (const p of problems) process.stderr.write(`${p.file} line ${p.line}: ${p.message}\n`);
for (const c of corrections) process.stderr.write(`with ${c.items} corrected comment(s) from ${c.file}\n`);
const t0 = performance.now();
const ex = toExamples(items);
const cv = crossValidate(ex, k, cfg);
const base = baselines(items);

/** Train on `train`, predict `test` (calibration and thresholds fit inside `train`). */
function trainTest(train: Example[], test: Example[]): EvalSummary {
  const model = trainModel(train, cfg);
  const preds: Prediction[] = test.map((e) => predictExample(model, e));
  return summarize(preds);
}
// the two halves of the bundled data (d001–d364); reviewers' corrections take part in the CV, not in this check
const bundledNum = (id: string): number => (/^d\d{3}$/.test(id) ? Number(id.slice(1)) : NaN);
const firstHalf = ex.filter((e) => bundledNum(e.id) <= 197);
const secondHalf = ex.filter((e) => bundledNum(e.id) > 197);
const cross = { 'train d001-d197, test d198-d364': trainTest(firstHalf, secondHalf), 'train d198-d364, test d001-d197': trainTest(secondHalf, firstHalf) };
const folds = groupFolds(ex.map((e) => e.group), k, cfg.seed);
// the out-of-fold probabilities against the labels: does "0.8" come true 8 times in 10?
const calibration = measureAllCalibration(cv.predictions);
const perFold = Array.from({ length: k }, (_, f) => summarize(cv.predictions.filter((_, i) => folds[i] === f)));
if (json) {
  process.stdout.write(JSON.stringify({ k, seed: cfg.seed, ...cv.summary, calibration, perFold, crossCheck: cross, baselines: base }) + '\n');
} else {
  const out: string[] = [];
  out.push(formatTable(`Tagger, ${k}-fold CV grouped by thread (seed ${cfg.seed})`, cv.summary));
  out.push(`per-fold thresholds: ${TAG_NAMES.map((t) => `${t} ${cv.thresholds[t].map((x) => x.toFixed(2)).join('/')}`).join('; ')}`);
  out.push(
    `per-fold macro-F1 (n): ${perFold.map((s) => `${s.macroF1.toFixed(3)} (${s.n})`).join(', ')}`,
    `per-fold cynicism F1: ${perFold.map((s) => s.tags.cynicism.f1.toFixed(3)).join(', ')}`,
  );
  out.push('', formatCalibration('Calibration of the out-of-fold probabilities (bin: mean probability → share labeled with the tag (items))', calibration));
  for (const [name, s] of Object.entries(cross)) out.push('', formatTable(`Cross-check: ${name}`, s));
  for (const [name, s] of Object.entries(base)) out.push('', formatTable(`Baseline: ${name}`, s));
  out.push('', `(${items.length} items, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  process.stdout.write(out.join('\n') + '\n');
}
