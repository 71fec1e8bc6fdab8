import type { TrendPoint, TrendRunStatus } from './report.js';

/**
 * The words the md trend puts after a night's date when its run did not end ok, or '' for an ok night: without them a
 * night with half its threads missing reads as a real drop.
 */
export function labelRunStatus(status: TrendRunStatus | undefined): string {
  switch (status ?? 'unknown') {
    case 'ok':
      return '';
    case 'unknown':
      return 'run status unknown';
    case 'running':
      return 'run unfinished';
    default:
      return `${status} run`;
  }
}

/**
 * One paragraph for the md/html trend naming the nights whose run did not end ok, and what that means for their
 * shares; '' when every night's did. Nights are listed as runs of consecutive points with the same status.
 */
export function formatRunStatuses(trend: readonly TrendPoint[]): string {
  const runs: { from: string; to: string; status: TrendRunStatus }[] = [];
  trend.forEach((p, i) => {
    const status = p.runStatus ?? 'unknown';
    if (status === 'ok') return;
    const last = runs.at(-1);
    // extend the last run only when the point before this one belongs to it
    if (last !== undefined && last.status === status && trend[i - 1]?.date === last.to) last.to = p.date;
    else runs.push({ from: p.date, to: p.date, status });
  });
  if (runs.length === 0) return '';
  const parts = runs.map((r) => `${r.from === r.to ? r.from : `${r.from} to ${r.to}`}: ${labelRunStatus(r.status)}`);
  const notOk = runs.some((r) => r.status !== 'unknown');
  const unknown = runs.some((r) => r.status === 'unknown');
  return [
    `Not every night comes from a run known to have ended ok (${parts.join('; ')}).`,
    ...(notOk
      ? [
          "A partial, failed or abandoned run may not have collected everything (threads it could not fetch, a search listing cut at Reddit's ~1000-item cap, a run stopped or killed part way; its run record says which), so that night's shares may lack comments a complete night counts, and a change on that night may come from what is missing, not from the comments.",
        ]
      : []),
    ...(unknown ? ['Run status unknown: the point was recorded before run statuses were kept and this store holds no record of its run, or no run of its date is on record.'] : []),
  ].join(' ');
}
