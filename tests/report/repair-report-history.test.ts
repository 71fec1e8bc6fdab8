import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { readReportHistory } from '../../src/report/read-report-history.js';
import { readOrRepairReportHistory, repairReportHistory } from '../../src/report/repair-report-history.js';
import { writeReport } from '../../src/report/write-report.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';
import { buildFixtureInput } from './report-fixture.js';

const makeDir = useTempDirs('reactionlens-history-');
const NOW = Date.UTC(2025, 11, 19, 3, 15) / 1000;

/** Two nights written as run writes them: each report's trend holds the history before it. */
function writeTwoNights(dir: string, formats: Array<'md' | 'json'> = ['json']): void {
  const day1 = buildReport(buildFixtureInput({ asOf: Date.UTC(2025, 11, 17, 3) / 1000 }));
  writeReport(day1, { dir, basename: day1.date, formats, now: 1 });
  const day2 = buildReport(buildFixtureInput({ history: readReportHistory(dir) }));
  writeReport(day2, { dir, basename: day2.date, formats, now: 2 });
}

describe('repairReportHistory', () => {
  it('leaves a readable history, or none, alone', () => {
    const dir = makeDir();
    expect(repairReportHistory(dir, 'amazon-openai-2025-12', NOW)).toBeNull();
    writeTwoNights(dir);
    const before = readFileSync(join(dir, 'history.json'), 'utf8');
    expect(repairReportHistory(dir, 'amazon-openai-2025-12', NOW)).toBeNull();
    expect(readFileSync(join(dir, 'history.json'), 'utf8')).toBe(before);
  });

  it('keeps a truncated history byte for byte and rebuilds every point from the nights\' JSON reports', () => {
    const dir = makeDir();
    writeTwoNights(dir);
    const path = join(dir, 'history.json');
    const points = readReportHistory(dir);
    const damaged = readFileSync(path, 'utf8').slice(0, 120);
    writeFileSync(path, damaged);
    const repair = repairReportHistory(dir, 'amazon-openai-2025-12', NOW);
    expect(repair).toEqual({
      path,
      reason: expect.stringMatching(/^Cannot read the report history .*history\.json: not JSON$/) as string,
      keptAs: `${path}.damaged-20251219T031500Z`,
      points: 2,
    });
    expect(readFileSync(repair!.keptAs!, 'utf8')).toBe(damaged);
    expect(readReportHistory(dir)).toEqual(points);
  });

  it('keeps the points of a damaged history that still read as points, and a second damage gets its own copy', () => {
    const dir = makeDir();
    // Markdown only: no JSON report to rebuild from, so what survives is what the damaged file still holds
    writeTwoNights(dir, ['md']);
    const path = join(dir, 'history.json');
    const [day1, day2] = readReportHistory(dir);
    writeFileSync(path, JSON.stringify({ schema: 'reactionlens/history@1', eventId: 'amazon-openai-2025-12', points: [day1, { ...day2, date: 'yesterday' }] }));
    const repair = repairReportHistory(dir, 'amazon-openai-2025-12', NOW);
    expect(repair?.reason).toMatch(/history\.json is invalid at points\.1\.date/);
    expect(readReportHistory(dir)).toEqual([day1]);
    writeFileSync(path, '');
    const again = repairReportHistory(dir, 'amazon-openai-2025-12', NOW);
    expect(again?.keptAs).toBe(`${path}.damaged-20251219T031500Z-2`);
    expect(existsSync(repair!.keptAs!)).toBe(true);
  });

  it('rebuilds a missing history.json from the JSON reports beside it; with no night there yet (a first run) it stays silent', () => {
    const first = makeDir();
    expect(readOrRepairReportHistory(first, 'amazon-openai-2025-12', NOW)).toEqual({ points: [], repair: null });
    expect(existsSync(join(first, 'history.json'))).toBe(false);
    expect(readOrRepairReportHistory(join(first, 'not-made-yet'), 'amazon-openai-2025-12', NOW)).toEqual({ points: [], repair: null });

    const dir = makeDir();
    writeTwoNights(dir);
    const path = join(dir, 'history.json');
    const points = readReportHistory(dir);
    rmSync(path);
    const rebuilt = readOrRepairReportHistory(dir, 'amazon-openai-2025-12', NOW);
    expect(rebuilt.repair).toEqual({ path, reason: `The report history ${path} is missing, while 2 earlier night(s) of reports are beside it`, keptAs: null, points: 2 });
    expect(rebuilt.points).toEqual(points);
    expect(readReportHistory(dir)).toEqual(points);
    expect(readdirSync(dir).filter((n) => n.includes('damaged'))).toEqual([]);

    // Markdown only: nothing to rebuild from, but the loss is still named
    const md = makeDir();
    writeTwoNights(md, ['md']);
    rmSync(join(md, 'history.json'));
    expect(repairReportHistory(md, 'amazon-openai-2025-12', NOW)?.points).toBe(0);

    // only tonight's own files (a re-run of the same night) or a manifest alone (a first run that failed while writing)
    // are no earlier night: nothing was lost, so nothing is said
    const rerun = makeDir();
    const today = new Date(NOW * 1000).toISOString().slice(0, 10);
    writeFileSync(join(rerun, `${today}.md`), '# tonight\n');
    writeFileSync(join(rerun, '2025-12-01.manifest.json'), '{}');
    expect(readOrRepairReportHistory(rerun, 'amazon-openai-2025-12', NOW)).toEqual({ points: [], repair: null });
  });

  it('returns the points it read, or those it rebuilt, as history.json then holds them', () => {
    const dir = makeDir();
    writeTwoNights(dir);
    const points = readReportHistory(dir);
    expect(readOrRepairReportHistory(dir, 'amazon-openai-2025-12', NOW)).toEqual({ points, repair: null });
    writeFileSync(join(dir, 'history.json'), '{');
    const rebuilt = readOrRepairReportHistory(dir, 'amazon-openai-2025-12', NOW);
    expect(rebuilt.repair?.points).toBe(2);
    expect(rebuilt.points).toEqual(points);
    expect(readReportHistory(dir)).toEqual(rebuilt.points);
  });
});
