// Grouped k-fold cross-validation of the whole training procedure (weights,
// calibration and thresholds are all refit inside each training split), plus
// the baselines the README compares against.

import { TAG_NAMES, type TagName } from '../types.js';
import { analyseText } from './analyse-text.js';
import { summarize, type EvalSummary, type Prediction } from './evaluate-tags.js';
import { groupFolds } from './group-folds.js';
import type { LabeledItem } from './labeled-data.js';
import { calibrated, rawLogit } from './logistic-model.js';
import { getNlp, nlpPipe } from './nlp-doc.js';
import { DEFAULT_TRAIN_CONFIG, trainModel, type Example, type TrainConfig } from './train-model.js';

/** Calibrated scores and thresholded labels of one held-out example. */
export function predictExample(model: ReturnType<typeof trainModel>, e: Example): Prediction {
  const scores = {} as Record<TagName, number>;
  const predicted = {} as Record<TagName, boolean>;
  for (const t of TAG_NAMES) {
    const m = model.tags[t];
    scores[t] = calibrated(m, rawLogit(m, e.features));
    predicted[t] = scores[t] >= m.threshold;
  }
  return { id: e.id, labels: e.labels, predicted, scores, ...(e.unlabeled !== undefined ? { unlabeled: e.unlabeled } : {}) };
}

export function toExamples(items: LabeledItem[]): Example[] {
  return items.map((it) => ({
    id: it.id,
    group: it.group,
    features: analyseText(it.text).extracted.features,
    labels: it.labels,
    ambiguous: it.ambiguous,
    ...(it.unlabeled !== undefined ? { unlabeled: it.unlabeled } : {}),
  }));
}

export interface CvResult {
  summary: EvalSummary;
  predictions: Prediction[];
  thresholds: Record<TagName, number[]>;
}

export function crossValidate(ex: Example[], k: number, cfg: TrainConfig = DEFAULT_TRAIN_CONFIG): CvResult {
  const folds = groupFolds(ex.map((e) => e.group), k, cfg.seed);
  const predictions: Prediction[] = new Array(ex.length);
  const thresholds = { cynicism: [], distrust: [], bubble_caution: [] } as Record<TagName, number[]>;
  for (let f = 0; f < k; f++) {
    const train = ex.filter((_, i) => folds[i] !== f);
    const model = trainModel(train, cfg);
    for (const t of TAG_NAMES) thresholds[t].push(model.tags[t].threshold);
    ex.forEach((e, i) => {
      if (folds[i] !== f) return;
      predictions[i] = predictExample(model, e);
    });
  }
  return { summary: summarize(predictions), predictions, thresholds };
}

// ---- baselines ---------------------------------------------------------------

const NAIVE_KEYWORDS: Record<TagName, RegExp> = {
  cynicism: /\/s\b|\blol\b|\byeah,? right\b|\bsure\b|\bof course\b|\bgenius\b|🙄|🤡|💀|\bclowns?\b|\bjoke\b/iu,
  distrust: /\bfraud\w*|\bscam\w*|\bponzi\b|\bpyramid\b|\benron\b|\billegal\b|\bcrook\w*|\blie[sd]?\b|\blying\b/iu,
  bubble_caution: /\bbubble\w*|\bpop\w*|\bburst\w*|\bcrash\w*|\bcollaps\w*|\bdot-?com\b|\bunsustainable\b/iu,
};

function baselinePreds(items: LabeledItem[], decide: (it: LabeledItem, tag: TagName) => boolean): Prediction[] {
  return items.map((it) => {
    const predicted = {} as Record<TagName, boolean>;
    const scores = {} as Record<TagName, number>;
    for (const t of TAG_NAMES) {
      predicted[t] = decide(it, t);
      scores[t] = predicted[t] ? 1 : 0;
    }
    return { id: it.id, labels: it.labels, predicted, scores, ...(it.unlabeled !== undefined ? { unlabeled: it.unlabeled } : {}) };
  });
}

export function baselines(items: LabeledItem[]): Record<string, EvalSummary> {
  // Needs 'sentiment' in the process-wide pipe: call extendNlpPipe(['sentiment']) before any analysis
  // (scripts/eval-cv.ts does); the tagger itself runs sbd+negation only.
  if (!nlpPipe().includes('sentiment')) throw new Error("baselines(): call extendNlpPipe(['sentiment']) first");
  const senti = getNlp();
  const sentiment = new Map(items.map((it) => [it.id, senti.readDoc(it.text).out(senti.its.sentiment) as unknown as number]));
  return {
    'negative sentiment (wink) => tag': summarize(baselinePreds(items, (it) => (sentiment.get(it.id) ?? 0) < 0)),
    'naive keyword list': summarize(baselinePreds(items, (it, t) => NAIVE_KEYWORDS[t].test(it.text))),
    'tag everything': summarize(baselinePreds(items, () => true)),
  };
}
