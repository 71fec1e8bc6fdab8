import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';
import { HISTORY_FILE, historyPointSchema, readReportHistory, type ReportHistory } from './read-report-history.js';
import type { TrendPoint } from './report.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface HistoryRepair {
  /** The history file that could not be read. */
  path: string;
  /** Why (the SchemaError's message: not JSON, or the field that is wrong). */
  reason: string;
  /** Where its bytes were kept, untouched. */
  keptAs: string;
  /** Points in the rebuilt history.json. */
  points: number;
}

/** A night's JSON report: `<date>.json`. */
const NIGHT_JSON = /^\d{4}-\d{2}-\d{2}\.json$/;

/**
 * history.json is the only record of the trend across nights, so a damaged one (truncated, a bad hand edit) must
 * neither stop every night's report (the collection already ran) nor be overwritten with tonight's point alone. When
 * `<dir>/history.json` cannot be read: keep it as `history.json.damaged-<UTC stamp>`, byte for byte, and write a
 * history rebuilt from what was published: the points of the damaged file that still read as points, then each
 * night's point from that night's JSON report, then the points of the trend the JSON reports carry (the history as it
 * stood on their night, latest report first). Nothing is made up: a night none of these hold is missing from the trend
 * until someone merges it from the kept copy. Returns what it did, or null when the history is fine or absent.
 * The caller holds the folder's lock.
 */
export function repairReportHistory(dir: string, eventId: string, now: number): HistoryRepair | null {
  return readOrRepairReportHistory(dir, eventId, now).repair;
}

/**
 * repairReportHistory that also returns the history's points as they now stand (read, or rebuilt): the report stage
 * reads the file once under the folder's lock and hands these to the report and to the history it writes back.
 */
export function readOrRepairReportHistory(dir: string, eventId: string, now: number): { points: TrendPoint[]; repair: HistoryRepair | null } {
  let reason: string;
  try {
    return { points: readReportHistory(dir), repair: null };
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    reason = error.message;
  }
  const path = join(dir, HISTORY_FILE);
  const points = rebuildPoints(dir, readText(path));
  const keptAs = nameKeptCopy(path, now);
  try {
    renameSync(path, keptAs);
  } catch (cause) {
    throw toFileError(cause, 'cannot set aside', path);
  }
  const history: ReportHistory = { schema: 'reactionlens/history@1', eventId, points };
  writeFileAtomic(path, `${JSON.stringify(history, null, 2)}\n`);
  return { points, repair: { path, reason, keptAs, points: points.length } };
}

function rebuildPoints(dir: string, damaged: string): TrendPoint[] {
  const byDate = new Map<string, TrendPoint>();
  const add = (candidates: unknown): void => {
    if (!Array.isArray(candidates)) return;
    for (const candidate of candidates) {
      const point = historyPointSchema.safeParse(candidate);
      if (point.success && !byDate.has(point.data.date)) byDate.set(point.data.date, point.data);
    }
  };
  add(readPoints(damaged, 'points'));
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => NIGHT_JSON.test(n)).sort().reverse();
  } catch (cause) {
    throw toFileError(cause, 'cannot read', dir);
  }
  const trends = names.map((name) => ({ date: name.slice(0, -'.json'.length), trend: readPoints(readText(join(dir, name)), 'trend') }));
  // a night's own point, as its report published it
  for (const { date, trend } of trends) add(Array.isArray(trend) ? trend.filter((p: unknown) => isPointOf(p, date)) : []);
  for (const { trend } of trends) add(trend);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The array under `key` of a JSON object, or undefined when the text is not one. */
function readPoints(text: string, key: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

function isPointOf(candidate: unknown, date: string): boolean {
  return typeof candidate === 'object' && candidate !== null && (candidate as { date?: unknown }).date === date;
}

function nameKeptCopy(path: string, now: number): string {
  const stamp = new Date(now * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let keptAs = `${path}.damaged-${stamp}`;
  for (let n = 2; existsSync(keptAs); n++) keptAs = `${path}.damaged-${stamp}-${n}`;
  return keptAs;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw toFileError(cause, 'cannot read', path);
  }
}
