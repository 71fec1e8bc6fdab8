// Would lower thresholds generalise better? The tagger's probabilities run low on the invented probe set B, where
// lower thresholds would raise F1; this checks the same on real data: the two half-to-half cross-checks of
// `npm run eval:cv` and its grouped 5-fold CV on four fold seeds, with every fitted threshold scaled by each factor.
// Usage: npx tsx scripts/ablate/threshold-shift.ts   (1–3 minutes on a 2-core machine)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crossValidate, predictExample, toExamples } from '../../src/tag/cross-validate.js';
import { summarize, type EvalSummary } from '../../src/tag/evaluate-tags.js';
import { groupFolds } from '../../src/tag/group-folds.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { DEFAULT_TRAIN_CONFIG, trainModel, type Example } from '../../src/tag/train-model.js';
import { TAG_NAMES, type TagName } from '../../src/types.js';

const FACTORS = [1, 0.9, 0.8, 0.7, 0.6];
const SEEDS = [20250101, 7, 99, 1234];

/** A held-out prediction with the threshold of the model that made it. */
interface Scored {
  labels: Record<TagName, 0 | 1>;
  scores: Record<TagName, number>;
  thresholds: Record<TagName, number>;
}

/** The held-out predictions with every threshold scaled by `factor`, summarised as `npm run eval:cv` does. */
function summarizeAt(scored: readonly Scored[], factor: number): EvalSummary {
  return summarize(
    scored.map((s, i) => ({
      id: String(i),
      labels: s.labels,
      scores: s.scores,
      predicted: Object.fromEntries(TAG_NAMES.map((t) => [t, s.scores[t] >= s.thresholds[t] * factor])) as Record<TagName, boolean>,
    })),
  );
}

function printRow(name: string, scored: readonly Scored[]): void {
  const cells = FACTORS.map((factor) => {
    const s = summarizeAt(scored, factor);
    return `×${factor}: ${TAG_NAMES.map((t) => s.tags[t].f1.toFixed(3)).join('/')} macro ${s.macroF1.toFixed(3)}`;
  });
  console.log(`${name.padEnd(16)} ${cells.join('  ')}`);
}

function thresholdsOf(model: ReturnType<typeof trainModel>): Record<TagName, number> {
  return Object.fromEntries(TAG_NAMES.map((t) => [t, model.tags[t].threshold])) as Record<TagName, number>;
}

function trainTest(train: Example[], test: Example[]): Scored[] {
  const model = trainModel(train, DEFAULT_TRAIN_CONFIG);
  const thresholds = thresholdsOf(model);
  return test.map((e) => ({ labels: e.labels, scores: predictExample(model, e).scores, thresholds }));
}

const data = fileURLToPath(new URL('../../training/labeled-dev.jsonl', import.meta.url));
const examples = toExamples(parseLabeledJsonl(readFileSync(data, 'utf8')).items);
const idNumber = (id: string): number => Number(id.replace(/\D/g, ''));
const comments = examples.filter((e) => idNumber(e.id) <= 197);
const essays = examples.filter((e) => idNumber(e.id) > 197);
console.log('F1 cynicism/distrust/bubble_caution and macro-F1, every fitted threshold scaled by the factor');
printRow('blogs→comments', trainTest(essays, comments));
printRow('comments→blogs', trainTest(comments, essays));
for (const seed of SEEDS) {
  const cv = crossValidate(examples, 5, { ...DEFAULT_TRAIN_CONFIG, seed });
  const folds = groupFolds(examples.map((e) => e.group), 5, seed);
  const scored = cv.predictions.map((p, i) => ({
    labels: examples[i]!.labels,
    scores: p.scores,
    thresholds: Object.fromEntries(TAG_NAMES.map((t) => [t, cv.thresholds[t][folds[i]!]!])) as Record<TagName, number>,
  }));
  printRow(`cv seed ${seed}`, scored);
}
