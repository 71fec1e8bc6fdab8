import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReportHistory } from '../../src/report/read-report-history.js';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';

const EVENT = 'amazon-openai-2025-12';

describe('a damaged history.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-damaged-history-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 's.db');
  const out = join(dir, 'rep');
  const eventDir = join(out, EVENT);
  const history = join(eventDir, 'history.json');

  it('run: named before collecting, kept aside, history rebuilt, the report still written; exit 4', async () => {
    const first = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const points = readReportHistory(eventDir);
    writeFileSync(history, '{"schema": "reactionlens/history@1", "eventId": "amazon-openai-2025-12", "poi');
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet', '--no-recheck']);
    expect(result.code, result.stderr).toBe(4);
    const kept = readdirSync(eventDir).filter((n) => n.startsWith('history.json.damaged-'));
    expect(kept.length).toBe(1);
    expect(result.stderr).toContain(`warning: Cannot read the report history ${history}: not JSON. It was kept as ${join(eventDir, kept[0]!)}`);
    expect(result.stderr).toMatch(/partial result: the report history .* was damaged: set aside and rebuilt/);
    expect(readReportHistory(eventDir).map((p) => p.date)).toEqual(points.map((p) => p.date));
    expect(result.stdout.split('\n').filter((l) => l !== '').length).toBe(6);
    expect(result.stderr).not.toContain('0 record(s) could not be fetched');
    // the stored record says what the exit code says
    const store = Store.open(db);
    try {
      const last = store.listRuns(EVENT).runs.at(-1);
      expect(last?.status).toBe('partial');
      expect(last?.errors).toContainEqual(expect.stringMatching(new RegExp(`^the report history ${history.replace(/[.]/g, '\\.')} was damaged \\(.*not JSON\\): kept as .*history\\.json\\.damaged-`)));
    } finally {
      store.close();
    }
  }, 60_000);

  it('a missing history.json beside earlier nights is rebuilt from their JSON reports, named, and makes the night partial', async () => {
    const points = readReportHistory(eventDir);
    expect(points.length).toBeGreaterThan(0);
    rmSync(history);
    // the files of an earlier night (tonight's own are what a re-run replaces, no loss: see the test after this one)
    for (const name of readdirSync(eventDir).filter((n) => /^\d{4}-\d{2}-\d{2}\./.test(n))) renameSync(join(eventDir, name), join(eventDir, `2025-01-01${name.slice(10)}`));
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet', '--no-recheck']);
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toContain(`reactionlens run: warning: The report history ${history} is missing, while 1 earlier night(s) of reports are beside it. It was rebuilt with 1 point(s)`);
    expect(result.stderr).toMatch(/partial result: the report history .* was missing: rebuilt from the JSON reports/);
    expect(readReportHistory(eventDir)).toEqual(points.map((p) => expect.objectContaining({ date: p.date }) as unknown));
    const store = Store.open(db);
    try {
      const last = store.listRuns(EVENT).runs.at(-1);
      expect(last?.status).toBe('partial');
      expect(last?.errors).toContainEqual(`the report history ${history} was missing beside earlier nights' reports: rebuilt with 1 point(s) from their JSON reports`);
    } finally {
      store.close();
    }
    rmSync(history);
    const report = await cli(['report', '--event', EVENT, '--db', db, '--out', out]);
    expect(report.code, report.stderr).toBe(4);
    expect(report.stderr).toContain(`reactionlens report: warning: The report history ${history} is missing`);
    expect(readReportHistory(eventDir).map((p) => p.date)).toEqual(points.map((p) => p.date));
    // found fine the next time, and a first run into a new folder says nothing
    expect((await cli(['report', '--event', EVENT, '--db', db, '--out', out])).code).toBe(0);
    const fresh = await cli(['report', '--event', EVENT, '--db', db, '--out', join(dir, 'fresh')]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).not.toContain('history');
  }, 60_000);

  it('a missing history.json beside tonight\'s own files only (a re-run of the same night) is no loss: nothing is said, exit 0', async () => {
    // the earlier night the test before this one made goes, so only tonight's files are left beside it
    for (const name of readdirSync(eventDir).filter((n) => n.startsWith('2025-01-01.'))) rmSync(join(eventDir, name));
    rmSync(history);
    const rerun = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet', '--no-recheck']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).not.toContain('history');
    expect(readReportHistory(eventDir).length).toBe(1);
  }, 60_000);

  it('report: the same, and the next call finds the history fine', async () => {
    writeFileSync(history, 'not json at all');
    const result = await cli(['report', '--event', EVENT, '--db', db, '--out', out]);
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr).toContain(`Cannot read the report history ${history}: not JSON`);
    expect(existsSync(history)).toBe(true);
    expect(readFileSync(history, 'utf8')).toContain('"points"');
    const again = await cli(['report', '--event', EVENT, '--db', db, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
  }, 60_000);
});
