import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFileError } from '../errors/to-file-error.js';
import type { RunRecord, RunStatus } from '../types.js';
import { formatUtcDay } from './format-values.js';
import { HISTORY_FILE } from './read-report-history.js';
import { findNightPoint, NIGHT_JSON, readNightTrend } from './read-night-point.js';
import type { Report, TrendPoint } from './report.js';

export interface HistoryRecovery {
  /** The history file the points were missing from. */
  path: string;
  /** history.json's points with the ones taken back, in date order. */
  points: TrendPoint[];
  /** Each point taken back: its night, the JSON report it came from and the run the store records for it. */
  recovered: Array<{ date: string; file: string; runId: string; runStatus: RunStatus }>;
  /** JSON reports of nights history.json has no point of that cannot be read as reports: skipped, with why. */
  unreadable: Array<{ date: string; file: string; reason: string }>;
}

/**
 * history.json is written last, after the night's files and after `run` stores its outcome (writeReport's
 * beforeHistory), and a night's point is read from nowhere else: a run killed between the two (SIGKILL, power loss)
 * leaves a complete night, recorded as such, with no point, and the next night, finding history.json fine, would build
 * on it without that night for ever. So when history.json is read for writing, a night's JSON report (`<date>.json`)
 * whose date it has no point of gives its own point back, when the store holds the run that point names, of the
 * event and of that date, ended as the point says it did: that point is the one history.json would hold had the write
 * not been cut short. Nothing else comes back: a night whose run failed or was killed before storing its outcome
 * (stored `failed` or `abandoned` while its report says `ok`: such a night adds no point by design), a run still
 * `running`, a run this store does not hold (another store's, or one whose record was deleted or cannot be read), a
 * point with no run (a `report` on a day no run started), a report with no point of its date (nothing measured). A
 * point history.json has wins over a report's. A JSON report that cannot be read is skipped and named, never stopping
 * the night nor costing history.json a point. `runs` are the event's runs as this store records them; the caller
 * holds the folder's lock and writes the points back (history.json is not written here: a night that then fails
 * leaves it as it was, and the next one takes the point back again).
 */
export function recoverReportHistory(dir: string, points: readonly TrendPoint[], runs: readonly RunRecord[]): HistoryRecovery {
  const path = join(dir, HISTORY_FILE);
  const held = new Set(points.map((p) => p.date));
  const byId = new Map(runs.map((r) => [r.id, r]));
  const recovery: HistoryRecovery = { path, points: [...points], recovered: [], unreadable: [] };
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => NIGHT_JSON.test(n) && !held.has(n.slice(0, 10))).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return recovery;
    throw toFileError(cause, 'cannot read', dir);
  }
  for (const name of names) {
    const file = join(dir, name);
    const date = name.slice(0, 10);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      const error = toFileError(cause, 'cannot read', file);
      recovery.unreadable.push({ date, file, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const read = readNightTrend(text);
    if ('problem' in read) {
      recovery.unreadable.push({ date, file, reason: read.problem });
      continue;
    }
    const point = findNightPoint(read.trend, date);
    if (point === 'invalid') {
      recovery.unreadable.push({ date, file, reason: `its point of ${date} does not read as a trend point` });
      continue;
    }
    if (point === null || point.runId === null) continue;
    const run = byId.get(point.runId);
    if (run === undefined || !endedAsRecorded(run, point, date)) continue;
    recovery.points.push(point);
    recovery.recovered.push({ date, file, runId: run.id, runStatus: run.status });
  }
  recovery.points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return recovery;
}

/** The run settled, on the point's date, with the status the point was written with. */
function endedAsRecorded(run: RunRecord, point: TrendPoint, date: string): boolean {
  return run.status !== 'running' && run.status === point.runStatus && formatUtcDay(run.startedAt) === date;
}

/**
 * The recovery as it stands once tonight's report is built: a point of tonight's date that it took back (a run of the
 * same night killed before this re-run) is replaced by tonight's own, so there is nothing to say of it; when tonight's
 * report has no point (nothing measured), the one taken back stays and is named.
 */
export function omitReplacedPoints(recovery: HistoryRecovery, report: Report): HistoryRecovery {
  if (report.counts.stored === 0) return recovery;
  return { ...recovery, recovered: recovery.recovered.filter((r) => r.date !== report.date) };
}
