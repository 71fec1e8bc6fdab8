import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { readReportHistory } from '../../src/report/read-report-history.js';
import { writeReport } from '../../src/report/write-report.js';
import type { RunManifest } from '../../src/report/write-report.js';
import { buildFixtureInput } from './report-fixture.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('reactionlens-report-');

describe('writeReport', () => {
  it('writes every format, the history and a manifest whose hashes match the files', () => {
    const dir = makeDir();
    const report = buildReport(buildFixtureInput());
    const paths = writeReport(report, { dir, basename: report.date, formats: ['md', 'json', 'csv', 'html'], now: 1_766_100_000, toolVersion: '9.9.9' });
    expect(paths.map((p) => basename(p))).toEqual([
      '2025-12-18.md', '2025-12-18.json', '2025-12-18.csv', '2025-12-18.html', 'history.json', '2025-12-18.manifest.json',
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, '2025-12-18.manifest.json'), 'utf8')) as RunManifest;
    expect(manifest).toMatchObject({
      tool: { name: 'reactionlens', version: '9.9.9' },
      generatedAt: new Date(1_766_100_000_000).toISOString(),
      tagger: 'tagger-test-1',
      event: { id: 'amazon-openai-2025-12', configHash: report.event.configHash },
      counts: { stored: 14, analysed: 10 },
      inputHashes: report.inputs.hashes,
    });
    for (const output of manifest.outputs) {
      const bytes = readFileSync(join(dir, output.file));
      expect(output.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(output.bytes).toBe(bytes.length);
    }
  });

  it('is reproducible: md/json are byte-identical across runs; only the manifest carries the clock', () => {
    const a = makeDir();
    const b = makeDir();
    writeReport(buildReport(buildFixtureInput()), { dir: a, basename: 'r', formats: ['md', 'json'], now: 1 });
    writeReport(buildReport(buildFixtureInput()), { dir: b, basename: 'r', formats: ['md', 'json'], now: 2 });
    for (const file of ['r.md', 'r.json', 'history.json']) expect(readFileSync(join(b, file))).toEqual(readFileSync(join(a, file)));
    expect(readFileSync(join(b, 'r.manifest.json'), 'utf8')).not.toBe(readFileSync(join(a, 'r.manifest.json'), 'utf8'));
  });

  it('accumulates nightly points in history.json, replacing a re-run of the same date', () => {
    const dir = makeDir();
    const day1 = buildReport(buildFixtureInput({ asOf: Date.UTC(2025, 11, 17, 3) / 1000 }));
    writeReport(day1, { dir, basename: day1.date, formats: ['json'], now: 1 });
    const day2 = buildReport(buildFixtureInput({ history: readReportHistory(dir) }));
    writeReport(day2, { dir, basename: day2.date, formats: ['json'], now: 2 });
    writeReport(day2, { dir, basename: day2.date, formats: ['json'], now: 3 }); // idempotent re-run
    expect(readReportHistory(dir).map((p) => p.date)).toEqual(['2025-12-17', '2025-12-18']);
    expect(day2.trend.map((p) => p.date)).toEqual(['2025-12-17', '2025-12-18']);
  });

  it('writes the history back from the points the caller read, without reading history.json again', () => {
    const dir = makeDir();
    const day1 = buildReport(buildFixtureInput({ asOf: Date.UTC(2025, 11, 17, 3) / 1000 }));
    writeReport(day1, { dir, basename: day1.date, formats: ['json'], now: 1 });
    const day2 = buildReport(buildFixtureInput());
    writeReport(day2, { dir, basename: day2.date, formats: ['json'], now: 2, history: [] });
    expect(readReportHistory(dir).map((p) => p.date)).toEqual(['2025-12-18']);
  });

  it('rejects a basename that could escape the directory', () => {
    const report = buildReport(buildFixtureInput());
    expect(() => writeReport(report, { dir: makeDir(), basename: '../x', formats: ['md'] })).toThrow(/Invalid report name/);
  });
});

describe('readReportHistory', () => {
  it('returns no points when there is no history yet, and names the file and field when it is invalid', async () => {
    const dir = makeDir();
    expect(readReportHistory(dir)).toEqual([]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'history.json'), JSON.stringify({ schema: 'reactionlens/history@1', eventId: 'x', points: [{ date: 'yesterday' }] }));
    expect(() => readReportHistory(dir)).toThrow(/history\.json is invalid at points\.0\.date/);
  });
});
