import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvent } from '../../src/pipeline/run-event.js';
import { buildReport } from '../../src/report/build-report.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { readReportHistory } from '../../src/report/read-report-history.js';
import { repairReportHistory } from '../../src/report/repair-report-history.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import type { Report, TrendPoint } from '../../src/report/report.js';
import { writeReport } from '../../src/report/write-report.js';
import type { Source } from '../../src/sources/source.js';
import { Store } from '../../src/store/store.js';
import { taggerOf } from '../../src/tag/tagger-of.js';
import type { RunRecord, RunStatus } from '../../src/types.js';
import { makeComment, makeEvent, makeThread } from '../helpers/make-domain.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';
import { buildFixtureInput } from './report-fixture.js';

// A night whose run was partial (threads not fetched, a listing capped at ~1000 items, stopped part way) or failed
// looked the same in the trend as a complete night, so a night with half its threads missing read as a real drop. Each
// point now records how its run ended (history.json's `runStatus`, stored with the point, since the store that knows
// the run may not be the one reading the history later); the report's trend gives it for every point (JSON), marks a
// night that did not end ok beside its date (Markdown) or hollow (HTML chart), and says under the trend what that means.
// A point written before the status was kept reads as `unknown` (not as ok) unless this store still holds its run.

const makeDir = useTempDirs('reactionlens-trend-status-');

const baseInput = buildFixtureInput();
const baseRun = baseInput.runs[0]!;

/** The fixture's night (2025-12-18) as its run `status` left it. */
function nightOf(status: RunStatus): Report {
  return buildReport(buildFixtureInput({ runs: [{ ...baseRun, status }] }));
}

/** The point the fixture's night makes, moved to another date and run. */
function earlierPoint(date: string, fields: Partial<TrendPoint>): TrendPoint {
  const { runStatus: _status, ...point } = nightOf('ok').trend[0]!;
  return { ...point, date, runId: `run-${date}`, ...fields };
}

function trendRows(markdown: string): string[] {
  const trend = markdown.slice(markdown.indexOf('**Trend across nightly runs**'));
  return trend.split('\n').filter((line) => /^\| \d{4}-/.test(line));
}

function trendSection(html: string): string {
  return /<section id="trend">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
}

describe('each trend point says how the run that produced it ended', () => {
  it('records the status with the night\'s point in history.json, and in the report\'s trend', () => {
    const dir = makeDir();
    const report = nightOf('partial');
    expect(report.trend.map((p) => [p.date, p.runId, p.runStatus])).toEqual([['2025-12-18', 'run-2025-12-18', 'partial']]);
    writeReport(report, { dir, basename: report.date, formats: ['json'], now: 1 });
    expect(readReportHistory(dir).map((p) => p.runStatus)).toEqual(['partial']);
    const json = JSON.parse(readFileSync(join(dir, '2025-12-18.json'), 'utf8')) as { trend: Array<Record<string, unknown>> };
    // beside the run it names
    expect(Object.keys(json.trend[0]!).slice(0, 4)).toEqual(['date', 'asOf', 'runId', 'runStatus']);
    expect(json.trend[0]!.runStatus).toBe('partial');
  });

  it('keeps a partial night\'s status when a later night adds its point', () => {
    const dir = makeDir();
    const partial = buildReport(buildFixtureInput({ asOf: Date.UTC(2025, 11, 17, 3) / 1000, runs: [{ ...baseRun, id: 'run-2025-12-17', startedAt: Date.UTC(2025, 11, 17, 2) / 1000, status: 'partial' }] }));
    writeReport(partial, { dir, basename: partial.date, formats: ['json'], now: 1 });
    // the next night's store no longer holds the partial run's record: the status comes from history.json
    const next = buildReport(buildFixtureInput({ history: readReportHistory(dir) }));
    writeReport(next, { dir, basename: next.date, formats: ['json'], now: 2 });
    expect(next.trend.map((p) => [p.date, p.runStatus])).toEqual([['2025-12-17', 'partial'], ['2025-12-18', 'ok']]);
    expect(readReportHistory(dir).map((p) => [p.date, p.runStatus])).toEqual([['2025-12-17', 'partial'], ['2025-12-18', 'ok']]);
  });

  it('marks a night that did not end ok beside its date in the Markdown trend, and says what it means under it', () => {
    const report = buildReport(buildFixtureInput({ history: [earlierPoint('2025-12-16', { runStatus: 'failed' }), earlierPoint('2025-12-17', { runStatus: 'partial' })] }));
    const rows = trendRows(renderMarkdown(report));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| 2025-12-16 (failed run)', '| 2025-12-17 (partial run)', '| 2025-12-18']);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("Not every night comes from a run known to have ended ok (2025-12-16: failed run; 2025-12-17: partial run).");
    expect(markdown).toContain("so that night's shares may lack comments a complete night counts");
    expect(markdown).not.toContain('Run status unknown');
  });

  it('draws such a night hollow on the HTML chart, names it under the chart, and gives its status in the point\'s title', () => {
    const report = buildReport(buildFixtureInput({ history: [earlierPoint('2025-12-17', { runStatus: 'partial' })] }));
    const section = trendSection(renderHtml(report));
    expect(section.match(/<circle [^>]*data-run-status="partial"/g)).toHaveLength(3);
    expect(section.match(/<circle [^>]*data-run-status=/g)).toHaveLength(3);
    expect(section).toContain('2025-12-17 Cynicism: 30.0% (3 of 10), partial run</title>');
    expect(section).toContain(`<p class="foot">${escapeHtml("Not every night comes from a run known to have ended ok (2025-12-17: partial run). A partial, failed or abandoned run")}`);
    expect(section).toContain('On the chart their points are drawn hollow.</p>');
  });

  it('says nothing of it when every night\'s run ended ok', () => {
    const report = buildReport(buildFixtureInput({ history: [earlierPoint('2025-12-17', { runStatus: 'ok' })] }));
    expect(report.trend.map((p) => p.runStatus)).toEqual(['ok', 'ok']);
    expect(trendRows(renderMarkdown(report)).map((r) => r.split(' | ')[0])).toEqual(['| 2025-12-17', '| 2025-12-18']);
    expect(renderMarkdown(report)).not.toContain('known to have ended ok');
    expect(trendSection(renderHtml(report))).not.toContain('data-run-status');
    expect(renderHtml(report)).not.toContain('known to have ended ok');
  });
});

describe('a point recorded before the status was kept', () => {
  it('reads as unknown, not as ok, unless the store still holds its run, whose status it then gives', () => {
    const held: RunRecord = { ...baseRun, id: 'run-2025-12-16', startedAt: Date.UTC(2025, 11, 16, 2) / 1000, status: 'partial' };
    const report = buildReport(
      buildFixtureInput({
        runs: [held, baseRun],
        history: [earlierPoint('2025-12-15', { runId: 'run-gone' }), earlierPoint('2025-12-16', {}), earlierPoint('2025-12-17', { runId: null })],
      }),
    );
    expect(report.trend.map((p) => [p.date, p.runStatus])).toEqual([
      ['2025-12-15', 'unknown'],
      ['2025-12-16', 'partial'],
      ['2025-12-17', 'unknown'],
      ['2025-12-18', 'ok'],
    ]);
    const json = JSON.parse(renderJson(report)) as { trend: Array<{ runStatus?: string }> };
    expect(json.trend.map((p) => p.runStatus)).toEqual(['unknown', 'partial', 'unknown', 'ok']);
    const markdown = renderMarkdown(report);
    expect(trendRows(markdown).map((r) => r.split(' | ')[0])).toEqual([
      '| 2025-12-15 (run status unknown)',
      '| 2025-12-16 (partial run)',
      '| 2025-12-17 (run status unknown)',
      '| 2025-12-18',
    ]);
    expect(markdown).toContain('Run status unknown: the point was recorded before run statuses were kept');
  });

  it('gives a point recorded while its run was still running the outcome this store later records for that run', () => {
    // a `report` of a store it cannot write (a read-only copy taken mid-run) sees the killed run as still running and
    // cannot mark it abandoned: the night's point is recorded so, and the next run marks the run abandoned in the store
    const dir = makeDir();
    const night = buildReport(buildFixtureInput({ runs: [{ ...baseRun, status: 'running' }] }));
    expect(night.trend.map((p) => p.runStatus)).toEqual(['running']);
    writeReport(night, { dir, basename: night.date, formats: ['json'], now: 1 });
    const history = readReportHistory(dir);
    expect(history.map((p) => p.runStatus)).toEqual(['running']);
    const later: RunRecord = { ...baseRun, id: 'run-2025-12-19', startedAt: Date.UTC(2025, 11, 19, 2) / 1000, status: 'ok' };
    const next = buildReport(buildFixtureInput({ asOf: Date.UTC(2025, 11, 19, 3) / 1000, history, runs: [{ ...baseRun, status: 'abandoned' }, later] }));
    expect(next.trend.map((p) => [p.date, p.runStatus])).toEqual([['2025-12-18', 'abandoned'], ['2025-12-19', 'ok']]);
    expect(trendRows(renderMarkdown(next))[0]).toMatch(/^\| 2025-12-18 \(abandoned run\) \|/);
    // while the store still says running, or no longer holds the run, the recorded status stands
    for (const runs of [[{ ...baseRun, status: 'running' as const }, later], [later]]) {
      const trend = buildReport(buildFixtureInput({ asOf: Date.UTC(2025, 11, 19, 3) / 1000, history, runs })).trend;
      expect(trend.map((p) => [p.date, p.runStatus])).toEqual([['2025-12-18', 'running'], ['2025-12-19', 'ok']]);
    }
  });

  it("gives a point recorded ok the failure this store records for its run (a night that failed after its JSON report was written)", () => {
    // the JSON report's trend says ok (written as the run would be saved); a history.json rebuilt from it took that
    // back, while the run was saved as failed (a manifest that could not be written, a store that refused the record)
    const history = [earlierPoint('2025-12-17', { runStatus: 'ok' })];
    const failed: RunRecord = { ...baseRun, id: 'run-2025-12-17', startedAt: Date.UTC(2025, 11, 17, 2) / 1000, status: 'failed' };
    const trend = buildReport(buildFixtureInput({ history, runs: [failed, baseRun] })).trend;
    expect(trend.map((p) => [p.date, p.runStatus])).toEqual([['2025-12-17', 'failed'], ['2025-12-18', 'ok']]);
    // a store that does not hold the run, or holds it still running, leaves the recorded status
    expect(buildReport(buildFixtureInput({ history, runs: [baseRun] })).trend[0]?.runStatus).toBe('ok');
    expect(buildReport(buildFixtureInput({ history, runs: [{ ...failed, status: 'running' }, baseRun] })).trend[0]?.runStatus).toBe('ok');
  });

  it('reads from a history.json written before it was kept, which is left as it was', () => {
    const dir = makeDir();
    const old = earlierPoint('2025-12-17', {});
    const text = `${JSON.stringify({ schema: 'reactionlens/history@1', eventId: baseInput.event.id, points: [old] }, null, 2)}\n`;
    writeFileSync(join(dir, 'history.json'), text);
    expect(repairReportHistory(dir, baseInput.event.id, 1)).toBeNull();
    const points = readReportHistory(dir);
    expect(points[0]?.runStatus).toBeUndefined();
    const report = buildReport(buildFixtureInput({ history: points }));
    writeReport(report, { dir, basename: report.date, formats: ['json'], now: 1, history: points });
    const written = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as { points: Array<Record<string, unknown>> };
    // the old point is written back as it was read: no status made up for it
    expect(written.points[0]).toEqual(JSON.parse(JSON.stringify(old)));
    expect(written.points[1]?.runStatus).toBe('ok');
  });

  it('reads a status it does not know as unknown, without setting the history aside as damaged', () => {
    const dir = makeDir();
    const text = JSON.stringify({ schema: 'reactionlens/history@1', eventId: baseInput.event.id, points: [{ ...earlierPoint('2025-12-17', {}), runStatus: 'half-done' }] });
    writeFileSync(join(dir, 'history.json'), text);
    expect(repairReportHistory(dir, baseInput.event.id, 1)).toBeNull();
    const report = buildReport(buildFixtureInput({ history: readReportHistory(dir) }));
    expect(report.trend.map((p) => p.runStatus)).toEqual(['unknown', 'ok']);
  });

  it('keeps the statuses when a lost history.json is rebuilt from the JSON reports', () => {
    const dir = makeDir();
    const partial = buildReport(buildFixtureInput({ asOf: Date.UTC(2025, 11, 17, 3) / 1000, runs: [{ ...baseRun, id: 'run-2025-12-17', startedAt: Date.UTC(2025, 11, 17, 2) / 1000, status: 'partial' }] }));
    writeReport(partial, { dir, basename: partial.date, formats: ['json'], now: 1 });
    const next = buildReport(buildFixtureInput({ history: readReportHistory(dir) }));
    writeReport(next, { dir, basename: next.date, formats: ['json'], now: 2 });
    rmSync(join(dir, 'history.json'));
    expect(repairReportHistory(dir, baseInput.event.id, Date.UTC(2025, 11, 19) / 1000)).not.toBeNull();
    expect(readReportHistory(dir).map((p) => [p.date, p.runStatus])).toEqual([['2025-12-17', 'partial'], ['2025-12-18', 'ok']]);
  });
});

describe('the nightly run', () => {
  const EVENT = makeEvent();
  const tagger = taggerOf('fake-1', (text) => {
    const hit = text.includes('bubble');
    const score = { score: hit ? 0.9 : 0.1, label: hit, cues: [] };
    return { tags: { cynicism: score, distrust: score, bubble_caution: score } };
  });
  /** A source whose search listing hit Reddit's cap: the night is partial. */
  const capped: Source = {
    name: 'capped',
    findThreads: async () => ({ threads: [], capped: true, skipped: [] }),
    fetchThread: async () => {
      throw new Error('not asked');
    },
    stats: () => ({ requests: 0, rateLimited: 0, waitMs: 0 }),
  };

  it('records a partial night as partial in history.json and in the trend of its report', async () => {
    const dir = makeDir();
    const store = Store.open(':memory:');
    try {
      store.saveThreadBundle('ev', {
        thread: makeThread({ fetchedAt: 1_766_000_000 }),
        comments: [makeComment({ id: 'a', body: 'this is a bubble' }), makeComment({ id: 'b', body: 'fine deal' })],
        expected: 2,
        collected: 2,
      });
      let clock = 1_766_000_100;
      const result = await runEvent({
        event: EVENT,
        source: capped,
        store,
        tagger: () => tagger,
        ctx: { now: () => (clock += 1) },
        runId: 'run-partial',
        reportsDir: dir,
        formats: ['md', 'json'],
        withAuthors: false,
        collect: { concurrency: 1, recheck: false },
      });
      expect(result.run.status).toBe('partial');
      const history = readReportHistory(join(dir, 'ev'));
      expect(history.map((p) => [p.runId, p.runStatus])).toEqual([['run-partial', 'partial']]);
      const json = JSON.parse(readFileSync(join(dir, 'ev', `${history[0]!.date}.json`), 'utf8')) as { trend: Array<{ runStatus: string }> };
      expect(json.trend.map((p) => p.runStatus)).toEqual(['partial']);
    } finally {
      store.close();
    }
  });
});
