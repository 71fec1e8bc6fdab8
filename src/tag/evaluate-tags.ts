// Precision / recall / F1 per tag and macro-F1, plus the worst errors.

import { TAG_NAMES, type TagName } from '../types.js';

export interface TagMetrics {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalSummary {
  n: number;
  tags: Record<TagName, TagMetrics>;
  /** Mean F1 over `macroOver`. */
  macroF1: number;
  /**
   * The tags the macro-F1 averages: those with at least one labeled positive (all three when none has one). A tag
   * no item carries has no recall or F1 to speak of; its 0 would pull the mean down for nothing (a probe file of
   * cynicism items alone scored "macro-F1 0.244" at a cynicism F1 of 0.732).
   */
  macroOver: TagName[];
}

export interface Prediction {
  id: string;
  labels: Record<TagName, 0 | 1>;
  predicted: Record<TagName, boolean>;
  scores: Record<TagName, number>;
  /**
   * The evidence strength behind each score (TagScore.strength), where the tagger gives one: it orders the worst errors,
   * since under a tag's ceiling many confident errors share one probability.
   */
  strengths?: Record<TagName, number>;
  /** Tags whose label is no person's (the tagger filled them in): not counted for or against the tagger. */
  unlabeled?: readonly TagName[];
}

const isScored = (p: Prediction, tag: TagName): boolean => p.unlabeled?.includes(tag) !== true;

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export function metricsFor(preds: Prediction[], tag: TagName): TagMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of preds) {
    if (!isScored(p, tag)) continue;
    const y = p.labels[tag] === 1;
    const h = p.predicted[tag];
    if (h && y) tp++;
    else if (h) fp++;
    else if (y) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: r4(precision), recall: r4(recall), f1: r4(f1), tp, fp, fn };
}

export function summarize(preds: Prediction[]): EvalSummary {
  const tags = {} as Record<TagName, TagMetrics>;
  for (const t of TAG_NAMES) tags[t] = metricsFor(preds, t);
  const withPositives = TAG_NAMES.filter((t) => tags[t].tp + tags[t].fn > 0);
  const macroOver = withPositives.length > 0 ? withPositives : [...TAG_NAMES];
  const macroF1 = r4(macroOver.reduce((a, t) => a + tags[t].f1, 0) / macroOver.length);
  return { n: preds.length, tags, macroF1, macroOver };
}

export function formatTable(title: string, s: EvalSummary): string {
  const pad = (x: string, n: number): string => x.padEnd(n);
  const num = (x: number): string => x.toFixed(3).padStart(9);
  const lines = [`${title} (n=${s.n})`, `${pad('tag', 16)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}   tp   fp   fn`];
  const none = '—'.padStart(9);
  for (const t of TAG_NAMES) {
    const m = s.tags[t];
    const scored = s.macroOver.includes(t);
    lines.push(`${pad(t, 16)}${m.tp + m.fp === 0 && !scored ? none : num(m.precision)}${scored ? num(m.recall) : none}${scored ? num(m.f1) : none} ${String(m.tp).padStart(4)} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)}`);
  }
  lines.push(`${pad('macro-F1', 16)}${''.padStart(18)}${num(s.macroF1)}${s.macroOver.length < TAG_NAMES.length ? `   (over ${s.macroOver.join(', ')}: no item is labeled with the others)` : ''}`);
  return lines.join('\n');
}

/** The k most confident false positives and false negatives for a tag (the predictions themselves, with whatever else they carry). */
export function worstErrors<P extends Prediction>(preds: P[], tag: TagName, k: number): { fp: P[]; fn: P[] } {
  const scored = preds.filter((p) => isScored(p, tag));
  const strength = (p: P): number => p.strengths?.[tag] ?? p.scores[tag];
  const fp = scored.filter((p) => p.predicted[tag] && p.labels[tag] === 0).sort((a, b) => strength(b) - strength(a));
  const fn = scored.filter((p) => !p.predicted[tag] && p.labels[tag] === 1).sort((a, b) => strength(a) - strength(b));
  return { fp: fp.slice(0, k), fn: fn.slice(0, k) };
}
