import type { TagShare } from '../types.js';
import { TAG_LABELS } from './format-values.js';

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
