import type { TrendPoint } from './report.js';

/**
 * Which trend points were tagged by another tagger version than `current`, as runs of consecutive dates:
 * a share can move across a tagger change because the tagger changed, not the comments. Empty when every
 * point was tagged by `current`. A point without a recorded version (history written before versions were
 * kept) counts as another version, `tagger: null`.
 */
export function describeTaggerChanges(trend: readonly TrendPoint[], current: string): { from: string; to: string; tagger: string | null }[] {
  const runs: { from: string; to: string; tagger: string | null }[] = [];
  trend.forEach((p, i) => {
    if (p.tagger === current) return;
    const tagger = p.tagger ?? null;
    const last = runs.at(-1);
    // extend the last run only when the point before this one belongs to it
    if (last !== undefined && last.tagger === tagger && trend[i - 1]?.date === last.to) last.to = p.date;
    else runs.push({ from: p.date, to: p.date, tagger });
  });
  return runs;
}

/** One sentence for the md/html trend: which dates another tagger version produced, or '' when none did. */
export function formatTaggerChanges(trend: readonly TrendPoint[], current: string): string {
  const runs = describeTaggerChanges(trend, current);
  if (runs.length === 0) return '';
  const parts = runs.map((r) => `${r.from === r.to ? r.from : `${r.from} to ${r.to}`}: ${r.tagger ?? 'a tagger version not recorded'}`);
  return `Not all points come from tagger ${current} (${parts.join('; ')}); a change in share across a tagger change may come from the tagger, not from the comments.`;
}
