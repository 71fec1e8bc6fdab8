import type { TagShare } from '../types.js';
import { TAG_LABELS } from './format-values.js';

/**
 * The footnote clause saying what a report's intervals cover: sampling error, widened for comments of one thread being
 * alike by each tag's design effect (computeEffectiveSize), and not the tagger's own errors. Plain text.
 */
export function describeIntervals(shares: readonly TagShare[], threads: number): string {
  const effects = shares.map((s) => `${s.designEffect.toFixed(1)} for ${TAG_LABELS[s.tag].toLowerCase()}`).join(', ');
  const clustering =
    threads < 2
      ? 'with comments of one thread taken as independent (there is one thread: how alike they are cannot be measured)'
      : `widened for comments of one thread being alike (design effect ${effects})`;
  return (
    `intervals are 95% Wilson intervals of sampling error only, ${clustering}, not of the tagger's own errors ` +
    '(its measured precision and recall are in the reactionlens README, The tagger)'
  );
}
