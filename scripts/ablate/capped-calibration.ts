// Does the ceiling on the probability (src/tag/fit-capped-platt.ts, the tagger's calibration since lex42-3b38d3f9e7b6)
// make it more honest than plain Platt, at every fold seed? Out of fold, plain Platt scaling says cynicism 0.95–0.97
// for comments labeled cynical only 43–50 % of the time, and understates the middle (0.35 → 0.6). This refits, inside every
// training split of the grouped 5-fold CV, p = cap * sigmoid(a z + b) on the same inner out-of-fold logits Platt is fit
// on, and moves each threshold to the same logit on the new scale, so every label (and so every F1) stays the plain
// fit's; only the published probability changes. Prints, per fold seed, Brier and ECE of both (bins of 0.1), and F1 to
// show the labels did not move. See training/README.md, "Calibration".
// Usage: npx tsx scripts/ablate/capped-calibration.ts   (about 2 minutes on a 2-core machine)
import { readFileSync } from 'node:fs';
import { fitCappedPlatt } from '../../src/tag/fit-capped-platt.js';
import { toExamples } from '../../src/tag/cross-validate.js';
import { summarize, type Prediction } from '../../src/tag/evaluate-tags.js';
import { NGRAM_PREFIX, type FeatureVector } from '../../src/tag/extract-features.js';
import { groupFolds } from '../../src/tag/group-folds.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { fitPlatt, rawLogit, sigmoid, smoothedF1Threshold, trainLogistic, type TagModel } from '../../src/tag/logistic-model.js';
import { measureAllCalibration } from '../../src/tag/measure-calibration.js';
import { DEFAULT_TRAIN_CONFIG, innerFoldLogits, lexiconPriors, wordVocabulary, type Example, type TrainConfig } from '../../src/tag/train-model.js';
import { TAG_NAMES, type TagName } from '../../src/types.js';

const SEEDS = [20250101, 7, 99, 1234];

/** trainModel's weight fit (train-model.ts fitWeights), for the logits both calibrations share. */
function fitWeights(ex: readonly Example[], tag: TagName, cfg: TrainConfig): TagModel {
  const vocab = wordVocabulary([...ex], cfg.minWordDf);
  const keep = (x: FeatureVector): FeatureVector => new Map([...x].filter(([f]) => !f.startsWith(NGRAM_PREFIX) || vocab.has(f)));
  const fit = trainLogistic(
    ex.map((e) => keep(e.features)),
    ex.map((e) => e.labels[tag]),
    cfg,
    ex.map((e) => (e.ambiguous ? cfg.ambiguousWeight : 1)),
    lexiconPriors(tag),
  );
  return { ...fit, platt: { a: 1, b: 0 }, threshold: 0.5 };
}

/** The fitted ceiling as a function of the logit. */
function cappedOf(zs: readonly number[], ys: readonly number[], repeats: number, start: { a: number; b: number }): (z: number) => number {
  const { a, b, cap } = fitCappedPlatt(zs, ys, repeats, start);
  return (z) => cap * sigmoid(a * z + b);
}

const examples = toExamples(parseLabeledJsonl(readFileSync(new URL('../../training/labeled-dev.jsonl', import.meta.url), 'utf8')).items);
const blank = (e: Example): Prediction => ({ id: e.id, labels: e.labels, predicted: {} as Record<TagName, boolean>, scores: {} as Record<TagName, number> });
for (const seed of SEEDS) {
  const cfg = { ...DEFAULT_TRAIN_CONFIG, seed };
  const folds = groupFolds(examples.map((e) => e.group), 5, seed);
  const plain = examples.map(blank);
  const capped = examples.map(blank);
  for (let f = 0; f < 5; f++) {
    const train = examples.filter((_, i) => folds[i] !== f);
    for (const tag of TAG_NAMES) {
      const zr = innerFoldLogits(train.map((e) => e.group), cfg, (trainIdx, testIdx) => {
        const m = fitWeights(trainIdx.map((i) => train[i]!), tag, cfg);
        return testIdx.map((i) => rawLogit(m, train[i]!.features));
      });
      const zs = zr.flat();
      const ys = zr.flatMap(() => train.map((e) => e.labels[tag]));
      const platt = fitPlatt(zs, ys, cfg.innerRepeats);
      const toPlain = (z: number): number => sigmoid(platt.a * z + platt.b);
      const { threshold } = smoothedF1Threshold(zs.map(toPlain), ys, cfg.thresholdWindow);
      const toCapped = cappedOf(zs, ys, cfg.innerRepeats, platt);
      // the same logit on the capped scale: labels cannot move
      const cappedThreshold = toCapped((Math.log(threshold / (1 - threshold)) - platt.b) / platt.a);
      const full = fitWeights(train, tag, cfg);
      examples.forEach((e, i) => {
        if (folds[i] !== f) return;
        const z = rawLogit(full, e.features);
        plain[i]!.scores[tag] = toPlain(z);
        plain[i]!.predicted[tag] = toPlain(z) >= threshold;
        capped[i]!.scores[tag] = toCapped(z);
        capped[i]!.predicted[tag] = toCapped(z) >= cappedThreshold;
      });
    }
  }
  for (const [name, preds] of [['plain Platt', plain], ['with ceiling', capped]] as const) {
    const s = summarize(preds);
    const c = measureAllCalibration(preds);
    console.log(
      `seed ${seed} ${name.padEnd(12)} F1 ${TAG_NAMES.map((t) => s.tags[t].f1.toFixed(3)).join('/')} macro ${s.macroF1.toFixed(3)}` +
        ` | Brier ${TAG_NAMES.map((t) => c[t].brier.toFixed(3)).join('/')} | ECE ${TAG_NAMES.map((t) => c[t].ece.toFixed(3)).join('/')}`,
    );
  }
}
