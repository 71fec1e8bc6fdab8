import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReportHistory } from '../../src/report/read-report-history.js';
import { cli } from '../helpers/run-cli.js';

const EVENT = 'amazon-openai-2025-12';
const DAY = 86_400;

describe('a night whose point history.json lacks, beside its JSON report and its stored outcome', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-recover-history-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 's.db');
  const out = join(dir, 'rep');
  const eventDir = join(out, EVENT);
  const history = join(eventDir, 'history.json');
  /** history.json as a run killed before writing it left it: without the first night's point. Returns that point's date and run. */
  const dropFirstPoint = (): { date: string; runId: string } => {
    const parsed = JSON.parse(readFileSync(history, 'utf8')) as { points: Array<{ date: string; runId: string }> };
    const [first, ...rest] = parsed.points;
    writeFileSync(history, JSON.stringify({ ...parsed, points: rest }));
    return first!;
  };
  const taken = (prefix: string, night: { date: string; runId: string }): string =>
    `${prefix}: warning: ${history} had no point of ${night.date}, whose run ${night.runId} the store records as ok: ` +
    `its point was taken back from ${join(eventDir, `${night.date}.json`)} (a run killed after storing its outcome, before writing ${history}, ` +
    'leaves its night so; to keep a night out of the trend, take its JSON report out of the folder as well)\n';

  it('report and run take it back from the JSON report and say so on stderr; a JSON report that cannot be read is named', async () => {
    const now = Date.now() / 1000;
    const yesterday = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet'], { now: () => now - DAY });
    expect(yesterday.code, yesterday.stderr).toBe(0);
    const tonight = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet', '--no-recheck'], { now: () => now });
    expect(tonight.code, tonight.stderr).toBe(0);
    const dates = readReportHistory(eventDir).map((p) => p.date);
    expect(dates.length).toBe(2);

    const killed = dropFirstPoint();
    const report = await cli(['report', '--event', EVENT, '--db', db, '--out', out], { now: () => now });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toContain(taken('reactionlens report', killed));
    expect(readReportHistory(eventDir).map((p) => p.date)).toEqual(dates);

    dropFirstPoint();
    writeFileSync(join(eventDir, '2025-01-01.json'), 'not a report');
    const rerun = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet', '--no-recheck'], { now: () => now });
    expect(rerun.stderr).toContain(taken('reactionlens run', killed));
    expect(rerun.stderr).toContain(
      `reactionlens run: warning: ${join(eventDir, '2025-01-01.json')} cannot be read as a report (not JSON): skipped; ${history} has no point of 2025-01-01, and none is taken from that file until it reads\n`,
    );
    expect(readReportHistory(eventDir).map((p) => p.date)).toEqual(dates);

    // a report that is not written (an empty store's, which would replace tonight's files) writes no history.json
    // either, so it takes nothing back and says nothing of it
    const emptied = join(dir, 'emptied.db');
    copyFileSync(db, emptied);
    const sql = new Database(emptied);
    sql.exec('DELETE FROM event_threads');
    sql.close();
    const before = dropFirstPoint();
    const empty = await cli(['report', '--event', EVENT, '--db', emptied, '--out', out], { now: () => now });
    expect(empty.stderr).toContain('not written');
    expect(empty.stderr).not.toContain('taken back');
    expect(readReportHistory(eventDir).map((p) => p.date)).not.toContain(before.date);
  }, 60_000);
});
