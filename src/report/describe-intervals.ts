import type { TagShare } from '../types.js';
import { TAG_LABELS } from './format-values.js';
import type { TrendPoint } from './report.js';

/**
 * The footnote clause saying what a report's intervals cover: sampling error, widened for comments of one thread being
 * alike by each tag's design effect and for measuring that from few threads (computeEffectiveSize), and not the
 * tagger's own errors. Plain text.
 */
export function describeIntervals(shares: readonly TagShare[]): string {
  // every tag's share counts the same tagged comments, so the same threads
  const threads = shares[0]?.threads ?? 0;
  const effects = shares.map((s) => `×${(s.designEffect ?? 1).toFixed(1)} for ${TAG_LABELS[s.tag].toLowerCase()}`).join(', ');
  const clustering =
    threads < 2
      ? 'taking the comments as independent: they come from one thread, so how alike they are cannot be measured, and the intervals are too narrow by an unknown amount'
      : `widened for comments of one thread being alike (their variance ${effects}; ×1.0: no likeness measurable) and for ` +
        `measuring that from ${threads} threads (Student's t, ${threads - 1} degree${threads === 2 ? '' : 's'} of freedom)`;
  return (
    `intervals are 95% Wilson intervals of sampling error only, ${clustering}, not of the tagger's own errors ` +
    '(its measured precision and recall are in the reactionlens README, The tagger)'
  );
}

/**
 * For a trend whose earlier nights were written before intervals allowed for threads (no effectiveTotal in their
 * points) and whose later ones after: their bands differ in method, not only in data. Empty when the method is one.
 */
export function describeIntervalMethodChange(trend: readonly TrendPoint[]): string {
  const older = trend.filter((p) => p.tagged > 0 && p.shares.cynicism.effectiveTotal === undefined);
  if (older.length === 0 || older.length === trend.filter((p) => p.tagged > 0).length) return '';
  const last = older.at(-1)!.date;
  return (
    `The bands of nights up to ${last} were computed before intervals allowed for comments of one thread being alike: ` +
    'they take the comments as independent, so they are narrower than later nights\' for that reason alone.'
  );
}
