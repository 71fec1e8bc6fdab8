import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';
import { HISTORY_FILE, historyPointSchema, readReportHistory, type ReportHistory } from './read-report-history.js';
import { formatUtcDay } from './format-values.js';
import { findNightPoint, NIGHT_JSON, readNightTrend } from './read-night-point.js';
import type { TrendPoint } from './report.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface HistoryRepair {
  /** The history file that could not be read, or was missing beside earlier nights' reports. */
  path: string;
  /** Why (the SchemaError's message: not JSON, or the field that is wrong; or that it is missing). */
  reason: string;
  /** Where its bytes were kept, untouched; null when there was no file to keep (it was missing). */
  keptAs: string | null;
  /** Points in the rebuilt history.json. */
  points: number;
}

/** A night's report file; a manifest alone is not one (written first, it may be all a first run that failed left). */
const NIGHT_FILE = /^\d{4}-\d{2}-\d{2}\.(?:md|json|csv|html)$/;

/**
 * history.json is the only record of the trend across nights, so a damaged one (truncated, a bad hand edit) must
 * neither stop every night's report (the collection already ran) nor be overwritten with tonight's point alone. When
 * `<dir>/history.json` cannot be read: keep it as `history.json.damaged-<UTC stamp>`, byte for byte, and write a
 * history rebuilt from what was published: the points of the damaged file that still read as points, then each
 * night's point from that night's JSON report, then the points of the trend the JSON reports carry (the history as it
 * stood on their night, latest report first). Nothing is made up: a night none of these hold is missing from the trend
 * until someone merges it from the kept copy. A history.json that is missing while earlier nights' files are beside it
 * (deleted, lost in a copy or a restore) was lost the same way and is rebuilt the same way, with nothing to keep. Returns
 * what it did, or null when the history is fine, or absent from a folder with no night in it yet (a first run).
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
  const path = join(dir, HISTORY_FILE);
  const { points: read, problem } = readHistoryState(dir, now);
  if (problem === null) return { points: read, repair: null };
  let keptAs: string | null = null;
  let points: TrendPoint[];
  if (problem.missing) {
    points = rebuildPoints(dir, '');
  } else {
    points = rebuildPoints(dir, readText(path));
    keptAs = nameKeptCopy(path, now);
    try {
      renameSync(path, keptAs);
    } catch (cause) {
      throw toFileError(cause, 'cannot set aside', path);
    }
  }
  const history: ReportHistory = { schema: 'reactionlens/history@1', eventId, points };
  writeFileAtomic(path, `${JSON.stringify(history, null, 2)}\n`);
  return { points, repair: { path, reason: problem.reason, keptAs, points: points.length } };
}

/**
 * Why `<dir>/history.json` needs rebuilding, or null when it reads, or is absent with no earlier night beside it (a
 * first run, or a folder not made yet). Reads the folder only; the rebuild is readOrRepairReportHistory's, under the lock.
 */
export function findHistoryProblem(dir: string, now: number): HistoryProblem | null {
  return readHistoryState(dir, now).problem;
}

interface HistoryProblem {
  reason: string;
  missing: boolean;
}

/** The history's points when it reads (none when absent), or why it needs rebuilding: one read of the file either way. */
function readHistoryState(dir: string, now: number): { points: TrendPoint[]; problem: null } | { points: null; problem: HistoryProblem } {
  const path = join(dir, HISTORY_FILE);
  if (existsSync(path)) {
    try {
      return { points: readReportHistory(dir), problem: null };
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      return { points: null, problem: { reason: error.message, missing: false } };
    }
  }
  // today's files are the ones a re-run of tonight replaces: without an earlier night beside them nothing was lost
  const today = formatUtcDay(now);
  const nights = new Set(listNames(dir).filter((n) => NIGHT_FILE.test(n)).map((n) => n.slice(0, 10)).filter((d) => d !== today));
  if (nights.size === 0) return { points: [], problem: null };
  return { points: null, problem: { reason: `The report history ${path} is missing, while ${nights.size} earlier night(s) of reports are beside it`, missing: true } };
}

/** The names in `dir`; none when it does not exist yet. */
function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw toFileError(cause, 'cannot read', dir);
  }
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
  const trends = names.map((name) => {
    const read = readNightTrend(readText(join(dir, name)));
    return { date: name.slice(0, -'.json'.length), trend: 'trend' in read ? read.trend : [] };
  });
  // a night's own point, as its report published it
  for (const { date, trend } of trends) {
    const own = findNightPoint(trend, date);
    if (own !== null && own !== 'invalid') add([own]);
  }
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
