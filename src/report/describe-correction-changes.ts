import type { TrendPoint } from './report.js';
import { pluralise } from './format-values.js';

/**
 * One sentence for the md/html trend when nights differ in how many comments a reviewer's correction decided, or ''
 * when they do not: a share can move across such a change because of the corrections, not the comments (as across a
 * tagger change). Nights are listed as runs of consecutive points with the same number; points written before the
 * number was recorded are left out, since nothing is known of them.
 */
export function formatCorrectionChanges(trend: readonly TrendPoint[]): string {
  const known = trend.filter((p): p is TrendPoint & { overrides: number } => p.overrides !== undefined);
  if (new Set(known.map((p) => p.overrides)).size < 2) return '';
  const runs: { from: string; to: string; overrides: number }[] = [];
  for (const p of known) {
    const last = runs.at(-1);
    if (last !== undefined && last.overrides === p.overrides) last.to = p.date;
    else runs.push({ from: p.date, to: p.date, overrides: p.overrides });
  }
  const parts = runs.map((r) => `${r.from === r.to ? r.from : `${r.from} to ${r.to}`}: ${r.overrides === 0 ? 'none' : pluralise(r.overrides, 'comment')}`);
  return `Reviewer corrections (reactionlens label) decide the tags of a different number of comments across these nights (${parts.join('; ')}); a change in share across them may come from the corrections, not from the comments.`;
}
