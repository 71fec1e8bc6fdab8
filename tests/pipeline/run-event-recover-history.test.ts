import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileError, StoreError } from '../../src/errors/errors.js';
import { runEvent } from '../../src/pipeline/run-event.js';
import { buildTalliedReport } from '../../src/report/build-report.js';
import { loadReportTally } from '../../src/report/load-report-tally.js';
import type { HistoryRecovery } from '../../src/report/recover-report-history.js';
import type { Report, TrendPoint } from '../../src/report/report.js';
import { writeReport } from '../../src/report/write-report.js';
import { Store } from '../../src/store/store.js';
import { openTwoCommentStore } from '../helpers/two-comment-store.js';
import { wordTagger } from '../helpers/word-tagger.js';
import type { Tagger } from '../../src/types.js';
import { makeEvent } from '../helpers/make-domain.js';
import { nightInput } from '../helpers/night-input.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

// A night killed (SIGKILL, power loss) at a given write: from then on nothing of it happens, no file written and no
// record saved, as for a process that is gone. `at` names the write it dies at: history.json (after the outcome was
// stored) or the outcome itself (beforeHistory's saveRun). `refuseOutcome` (the store refuses the outcome once) and
// `historyFull` (a full disk at history.json) fail the night instead, which then records that it failed.
const stop = vi.hoisted(() => ({ at: null as 'history' | 'outcome' | null, killed: false, refuseOutcome: false, historyFull: false }));
class Killed extends Error {}
vi.mock('../../src/report/write-file-atomic.js', async (importOriginal) => {
  const atomic = await importOriginal<typeof import('../../src/report/write-file-atomic.js')>();
  return {
    ...atomic,
    writeFileAtomic: (path: string, content: string | Uint8Array) => {
      if (stop.killed) throw new Killed(`killed before writing ${path}`);
      if (stop.at === 'history' && path.endsWith('/history.json')) {
        stop.killed = true;
        throw new Killed(`killed before writing ${path}`);
      }
      if (stop.historyFull && path.endsWith('/history.json')) throw new FileError(`cannot write ${path}: no space left on device (ENOSPC)`, path);
      atomic.writeFileAtomic(path, content);
    },
  };
});

const EVENT = makeEvent();
const tagger: Tagger = wordTagger('fake-1');

const DAY = 86_400;
const makeDir = useTempDirs('reactionlens-recover-history-');

describe('a night killed after storing its outcome, before history.json: the next night takes its point back', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  let recoveries: HistoryRecovery[];
  beforeEach(() => {
    dir = makeDir();
    store = openTwoCommentStore();
    clock = 1_766_000_000; // 2025-12-17
    recoveries = [];
    // a dead process saves nothing either
    const saveRun = store.saveRun.bind(store);
    vi.spyOn(store, 'saveRun').mockImplementation((run) => {
      if (stop.killed) throw new Killed(`killed before saving ${run.id}`);
      if (stop.at === 'outcome' && run.finishedAt !== null) {
        stop.killed = true;
        throw new Killed(`killed before saving ${run.id}`);
      }
      if (stop.refuseOutcome && run.finishedAt !== null) {
        stop.refuseOutcome = false;
        throw new StoreError('database or disk is full');
      }
      saveRun(run);
    });
  });
  afterEach(() => {
    stop.at = null;
    stop.killed = false;
    stop.refuseOutcome = false;
    stop.historyFull = false;
    vi.restoreAllMocks();
    store.close();
  });

  const eventDir = (): string => join(dir, 'reports', 'ev');
  const historyText = (): string => readFileSync(join(eventDir(), 'history.json'), 'utf8');
  const historyPoints = (): TrendPoint[] => (JSON.parse(historyText()) as { points: TrendPoint[] }).points;
  const summary = (): Array<[string, string | null, string | undefined]> => historyPoints().map((p) => [p.date, p.runId, p.runStatus]);
  const night = (runId: string, { sameDay = false } = {}): Promise<unknown> => {
    clock += sameDay ? 100 : DAY;
    return runEvent({ ...nightInput(store, dir, tagger, runId, () => (clock += 1)), onHistoryRecovered: (recovery) => recoveries.push(recovery) });
  };
  /** Runs night `runId` killed at `at` (history.json, or the stored outcome): it throws, and the next night is alive again. */
  async function killNight(runId: string, at: 'history' | 'outcome'): Promise<void> {
    stop.at = at;
    await expect(night(runId)).rejects.toThrow(Killed);
    stop.at = null;
    stop.killed = false;
  }
  /** Two ok nights, 2025-12-18 and 2025-12-19. */
  async function twoNights(): Promise<void> {
    await night('run-1');
    await night('run-2');
    expect(summary()).toEqual([
      ['2025-12-18', 'run-1', 'ok'],
      ['2025-12-19', 'run-2', 'ok'],
    ]);
  }
  const statusOf = (runId: string): string | undefined => store.listRuns('ev').runs.find((r) => r.id === runId)?.status;

  it('killed between the stored outcome and history.json: the next night\'s history.json holds both nights', async () => {
    await twoNights();
    const before = historyText();
    await killNight('run-3', 'history');
    // what the kill left: tonight's report and its recorded outcome, and history.json as it was
    expect(statusOf('run-3')).toBe('ok');
    expect(historyText()).toBe(before);
    const killedReport = JSON.parse(readFileSync(join(eventDir(), '2025-12-20.json'), 'utf8')) as Report;

    await night('run-4');
    expect(summary()).toEqual([
      ['2025-12-18', 'run-1', 'ok'],
      ['2025-12-19', 'run-2', 'ok'],
      ['2025-12-20', 'run-3', 'ok'],
      ['2025-12-21', 'run-4', 'ok'],
    ]);
    // the point as the killed night's report published it: built once, not again from what the store holds now
    expect(historyPoints()[2]).toEqual(killedReport.trend.find((p) => p.date === '2025-12-20'));
    expect(recoveries.at(-1)?.recovered).toEqual([{ date: '2025-12-20', file: join(eventDir(), '2025-12-20.json'), runId: 'run-3', runStatus: 'ok' }]);
    // and tonight's report's trend has it too
    const tonight = JSON.parse(readFileSync(join(eventDir(), '2025-12-21.json'), 'utf8')) as Report;
    expect(tonight.trend.map((p) => p.date)).toEqual(['2025-12-18', '2025-12-19', '2025-12-20', '2025-12-21']);
    // found once: the night after says nothing of it
    await night('run-5');
    expect(recoveries.at(-1)?.recovered).toEqual([]);
  });

  it('killed, then re-run the same night: the re-run\'s point replaces the one taken back, with nothing said of it', async () => {
    await twoNights();
    await killNight('run-3', 'history');
    await night('run-4', { sameDay: true });
    expect(summary().at(-1)).toEqual(['2025-12-20', 'run-4', 'ok']);
    expect(summary().length).toBe(3);
    expect(recoveries.at(-1)?.recovered).toEqual([]);
  });

  it('killed before its outcome was stored: the night is abandoned and gets no point, as a failed night gets none', async () => {
    await twoNights();
    await killNight('run-3', 'outcome');
    expect(statusOf('run-3')).toBe('running');
    await night('run-4');
    expect(statusOf('run-3')).toBe('abandoned');
    expect(summary().map(([date]) => date)).toEqual(['2025-12-18', '2025-12-19', '2025-12-21']);
    expect(recoveries.at(-1)?.recovered).toEqual([]);
  });

  it('a night that failed after writing its JSON report (the store refusing its outcome, or a full disk at history.json): recorded failed, and still no point the next night', async () => {
    await twoNights();
    stop.refuseOutcome = true;
    await expect(night('run-3')).rejects.toThrow(/database or disk is full/);
    expect(statusOf('run-3')).toBe('failed');
    stop.historyFull = true;
    await expect(night('run-4')).rejects.toThrow(/history\.json: no space left on device/);
    stop.historyFull = false;
    expect(statusOf('run-4')).toBe('failed');
    await night('run-5');
    expect(summary().map(([date]) => date)).toEqual(['2025-12-18', '2025-12-19', '2025-12-22']);
    expect(recoveries.at(-1)?.recovered).toEqual([]);
  });

  it('a killed night whose run record was deleted from the store since does not come back', async () => {
    await twoNights();
    await killNight('run-3', 'history');
    store.db.prepare("DELETE FROM runs WHERE id = 'run-3'").run();
    await night('run-4');
    expect(summary().map(([date]) => date)).toEqual(['2025-12-18', '2025-12-19', '2025-12-21']);
  });

  it('a report written without a history point and with no run of its date (runId null) is not merged in', async () => {
    await twoNights();
    // as `report` on a day no run started, with history.json left alone
    const { input } = loadReportTally(store, EVENT, tagger, { withAuthors: false, history: historyPoints() });
    const report = buildTalliedReport({ ...input, date: '2025-12-17' });
    expect(report.trend.find((p) => p.date === '2025-12-17')?.runId).toBeNull();
    writeReport(report, { dir: eventDir(), basename: report.date, formats: ['json'], now: clock, updateHistory: false });
    await night('run-3');
    expect(summary().map(([date]) => date)).toEqual(['2025-12-18', '2025-12-19', '2025-12-20']);
  });

  it('history.json wins over a report of a date it holds; a report that cannot be read is named and skipped, the history kept', async () => {
    await twoNights();
    const held = historyPoints()[0];
    // a hand-edited report of a night history.json holds, and a damaged one of a night it does not
    const path = join(eventDir(), '2025-12-18.json');
    const edited = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const p of edited.trend) p.tagged = 999;
    writeFileSync(path, JSON.stringify(edited));
    writeFileSync(join(eventDir(), '2025-12-16.json'), '{"schema": "reactionlens/report@');
    await night('run-3');
    expect(historyPoints()[0]).toEqual(held);
    expect(summary().map(([date]) => date)).toEqual(['2025-12-18', '2025-12-19', '2025-12-20']);
    expect(recoveries.at(-1)?.unreadable).toEqual([{ date: '2025-12-16', file: join(eventDir(), '2025-12-16.json'), reason: 'not JSON' }]);
  });
});
