import { historyPointSchema } from './read-report-history.js';
import type { TrendPoint } from './report.js';

/** A night's JSON report: `<date>.json`. */
export const NIGHT_JSON = /^\d{4}-\d{2}-\d{2}\.json$/;

/** The trend a night's JSON report carries (its own point and the history as it stood that night), or why it has none. */
export function readNightTrend(text: string): { trend: unknown[] } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: 'not JSON' };
  }
  const trend = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).trend : undefined;
  return Array.isArray(trend) ? { trend } : { problem: 'no trend in it' };
}

/**
 * A night's own point as its JSON report published it (the first point of the report's date that reads as a
 * history.json point): null when the trend has none of that date (a report of a store with no comment of the event
 * measured nothing and has no point), 'invalid' when it has one that does not read as a point.
 */
export function findNightPoint(trend: readonly unknown[], date: string): TrendPoint | null | 'invalid' {
  const candidates = trend.filter((p) => typeof p === 'object' && p !== null && (p as { date?: unknown }).date === date);
  for (const candidate of candidates) {
    const point = historyPointSchema.safeParse(candidate);
    if (point.success) return point.data;
  }
  return candidates.length === 0 ? null : 'invalid';
}
