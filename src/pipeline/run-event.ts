import { join } from 'node:path';
import { isAbortError, LockError, type StoreError } from '../errors/errors.js';
import { collectEvent, emptyCollectSummary, type CollectOptions, type CollectSummary } from '../collect/collect-event.js';
import { acquireReportFolderLock, withReportFolderLock } from '../report/acquire-report-folder-lock.js';
import { buildTalliedReport } from '../report/build-report.js';
import { ensureWritableDir } from '../report/ensure-writable-dir.js';
import { formatUtcDay } from '../report/format-values.js';
import { loadReportTally } from '../report/load-report-tally.js';
import { omitReplacedPoints, recoverReportHistory, type HistoryRecovery } from '../report/recover-report-history.js';
import { findHistoryProblem, readOrRepairReportHistory, repairReportHistory, type HistoryRepair } from '../report/repair-report-history.js';
import { addScrubResult, emptyScrubResult, type ScrubResult } from '../report/scrub-report-folder.js';
import { writeReport, type ReportFormat } from '../report/write-report.js';
import type { Source, SourceContext } from '../sources/source.js';
import type { Store } from '../store/store.js';
import { startRunRecord, type EventConfig, type RunRecord, type RunStatus, type Tagger } from '../types.js';
import { scrubComparisonReports, scrubEventReports } from './scrub-event-reports.js';
import { emptyTagSummary, tagEvent } from './tag-event.js';

export interface RunEventInput {
  event: EventConfig;
  /** null: skip collection and report on what the store holds. */
  source: Source | null;
  store: Store;
  /** Loaded only when tagging: `collect` never pays the model's load time. */
  tagger: () => Tagger;
  ctx: SourceContext;
  runId: string;
  reportsDir: string;
  formats: ReportFormat[];
  withAuthors: boolean;
  botNames?: readonly string[];
  collect?: CollectOptions;
  /** `collect` stops after storing; `run` goes on to tag and report. */
  stopAfterCollect?: boolean;
  /** Told at once when a damaged history.json was set aside and rebuilt, so it is named even if the night then fails. */
  onHistoryRepaired?: (repair: HistoryRepair) => void;
  /**
   * Told what recoverReportHistory found when history.json was read for tonight's report: nights whose point it lacked,
   * taken back from their JSON reports, and JSON reports that could not be read for it.
   */
  onHistoryRecovered?: (recovery: HistoryRecovery) => void;
  /** A log line (stderr): a reports folder lock left by a dead run and taken over. Default: the process's stderr. */
  warn?: (line: string) => void;
}

export interface RunEventResult {
  run: RunRecord;
  /** Runs whose stored record cannot be read: left as they are and out of the report, one error naming each. */
  unreadableRuns: StoreError[];
  collect: CollectSummary | null;
  reportPaths: string[];
  /** Earlier report files of the event rewritten without quotes of comments deleted or removed since. */
  scrubbed: ScrubResult;
}

/**
 * The nightly job: collect → tag → screen → report, recorded as one run. The caller holds the store's lock and has
 * recorded the runs it found unfinished as abandoned (withStoreLock); runEvent only names the unfinished run records
 * that cannot be read (`unreadableRuns`).
 */
export async function runEvent(input: RunEventInput): Promise<RunEventResult> {
  const { event, source, store, ctx } = input;
  const warn = input.warn ?? ((line: string) => void process.stderr.write(line));
  const run = startRunRecord(input.runId, event, source?.name ?? 'store', ctx.now());
  // withStoreLock has marked every readable unfinished run abandoned already: what is left to learn here is which
  // unfinished records cannot be read (a call outside that lock, as in tests, also marks the readable ones)
  const { unreadable } = store.abandonUnfinishedRuns(`run ${run.id}`);
  const unreadableRuns = new Map(unreadable.map((e) => [e.message, e]));
  store.saveRun(run); // visible as running if the process dies; the next run marks it abandoned

  // a damaged history.json set aside and rebuilt, or a missing one rebuilt beside earlier nights' reports, makes the
  // night partial: the trend may have lost points (the caller's onHistoryRepaired names it on stderr; the record says it too)
  let historyRepaired = false;
  const noteRepair = (repair: HistoryRepair | null): void => {
    if (repair === null) return;
    historyRepaired = true;
    run.errors.push(
      repair.keptAs === null
        ? `the report history ${repair.path} was missing beside earlier nights' reports: rebuilt with ${repair.points} point(s) from their JSON reports`
        : `the report history ${repair.path} was damaged (${repair.reason}): kept as ${repair.keptAs} and rebuilt with ${repair.points} point(s)`,
    );
    input.onHistoryRepaired?.(repair);
  };
  const eventDir = join(input.reportsDir, event.id);
  if (input.stopAfterCollect !== true) {
    try {
      // a damaged or lost history.json is rebuilt now, and named before the collection, not after it
      noteRepair(repairHistoryUnlessBusy(eventDir, event.id, ctx.now(), warn));
    } catch (error) {
      // the folder cannot be written (the rename or the rebuilt file failed): the night fails now, recorded
      saveStoppedRun(store, run, ctx.now(), error, { failed: 'report not written' });
      throw error;
    }
  }

  let collected: CollectSummary | null = null;
  if (source !== null) {
    // filled in as the stage stores: a stopped or failed collection is recorded with the counts of what it stored
    const summary = emptyCollectSummary();
    try {
      collected = await collectEvent(event, source, store, ctx, input.collect, summary);
    } catch (error) {
      // the run record must not stay "in flight": what was stored stays, and the next run resumes from it
      applyCollectSummary(run, summary, source);
      saveStoppedRun(store, run, ctx.now(), error, { interrupted: 'interrupted while collecting; the next run resumes', failed: 'collection failed' });
      throw error;
    }
    applyCollectSummary(run, collected, source);
  }

  if (input.stopAfterCollect === true) {
    run.status = decideStatus(run);
    run.finishedAt = ctx.now();
    store.saveRun(run);
    return { run, unreadableRuns: [...unreadableRuns.values()], collect: collected, reportPaths: [], scrubbed: emptyScrubResult() };
  }

  // filled in as the stage stores: a stopped or failed tag stage is recorded with the count of the tags it stored
  const tagged = emptyTagSummary();
  let tagger: Tagger;
  try {
    // a model that cannot be loaded (unreadable, trained for another lexicon) fails the night here, after the
    // collection: recorded as failed with its reason, not left running for the next run to call killed
    tagger = input.tagger();
    await tagEvent(store, event.id, tagger, ctx.now(), { signal: ctx.signal }, tagged);
  } catch (error) {
    // keep the collection's counts: the run is recorded as partial (interrupted) or failed, and the next one tags the rest
    run.counts.commentsTagged = tagged.tagged;
    saveStoppedRun(store, run, ctx.now(), error, { interrupted: 'interrupted while tagging; the next run tags the rest', failed: 'tagging failed' });
    throw error;
  }
  run.counts.commentsTagged = tagged.tagged;

  let releaseFolder: () => void;
  try {
    // runs on other stores may write this folder too: the scrub and tonight's files (history.json above all) one at a time
    ensureWritableDir(eventDir, 'reports folder', input.reportsDir);
    releaseFolder = acquireReportFolderLock(eventDir, { warn });
  } catch (error) {
    saveStoppedRun(store, run, ctx.now(), error, { failed: 'report not written' });
    throw error;
  }
  let scrubbed: ScrubResult;
  let reportPaths: string[];
  try {
    try {
      // before tonight's report, so a report that cannot be written still leaves no deleted words in earlier ones
      scrubbed = scrubEventReports(store, eventDir, ctx.now());
      // the comparisons `compare --out` wrote, beside the event folders or wherever the store records, quote comments too
      addScrubResult(scrubbed, scrubComparisonReports(store, input.reportsDir, { warn, now: ctx.now(), heldFolder: eventDir }));
    } catch (error) {
      saveStoppedRun(store, run, ctx.now(), error, { failed: 'earlier reports not scrubbed' });
      throw error;
    }

    try {
      // read once under the lock: the trend of tonight's report and the history.json written back start from the same points
      const history = readOrRepairReportHistory(eventDir, event.id, ctx.now());
      noteRepair(history.repair);
      // a night killed after storing its outcome, before writing history.json, gets its point back from its JSON report
      const recovery = recoverReportHistory(eventDir, history.points, store.listRuns(event.id).runs);
      const { input: reportInput, unreadableRuns: unreadableOfEvent } = loadReportTally(store, event, tagger, {
        withAuthors: input.withAuthors,
        history: recovery.points,
        ...(input.botNames === undefined ? {} : { botNames: input.botNames }),
      });
      // an unfinished run of this event that cannot be read was found above already: named once
      for (const e of unreadableOfEvent) unreadableRuns.set(e.message, e);
      run.counts.commentsExcluded = reportInput.tally.stored - reportInput.tally.analysed;
      run.status = historyRepaired ? 'partial' : decideStatus(run);
      run.finishedAt = ctx.now();
      // The report lists this run too, with the outcome it is saved with once the report is written.
      const runs = reportInput.runs.map((r) => (r.id === run.id ? run : r));
      // filed under the UTC date the run started on (README, Nightly from cron), not the date of its last fetch
      const report = buildTalliedReport({ ...reportInput, runs, date: formatUtcDay(run.startedAt) });
      input.onHistoryRecovered?.(omitReplacedPoints(recovery, report));
      // the outcome is stored before history.json is written, the last file: a night that fails on the way (the
      // manifest, the store) is recorded failed with no point in the trend, rather than a point saying it was ok
      reportPaths = writeReport(report, {
        dir: eventDir,
        basename: report.date,
        formats: input.formats,
        now: ctx.now(),
        history: recovery.points,
        beforeHistory: () => store.saveRun(run),
      });
    } catch (error) {
      // a night whose report could not be written (disk full, read-only folder) failed, whatever was collected
      saveStoppedRun(store, run, ctx.now(), error, { failed: 'report not written' });
      throw error;
    }
  } finally {
    releaseFolder();
  }
  return { run, unreadableRuns: [...unreadableRuns.values()], collect: collected, reportPaths, scrubbed };
}

export function applyCollectSummary(run: RunRecord, summary: CollectSummary, source: Source): void {
  const stats = source.stats();
  run.counts.threadsNew = summary.threadsNew;
  run.counts.threadsUpdated = summary.threadsUpdated;
  run.counts.commentsNew = summary.commentsNew;
  run.counts.commentsUpdated = summary.commentsUpdated;
  run.counts.commentsPurged = summary.commentsPurged;
  run.counts.threadsNotFetched = summary.threadsNotFetched;
  run.counts.commentsUnconfirmed = summary.commentsUnconfirmed;
  run.counts.requests = stats.requests;
  run.counts.rateLimited = stats.rateLimited;
  run.counts.waitMs = stats.waitMs;
  run.counts.capsHit = summary.capped ? 1 : 0;
  run.counts.skipped = summary.skipped.length;
  run.skipped = summary.skipped;
  // threads finish in any order (concurrency): the biggest shortfall first, so the summary's first lines are the worst
  run.shortThreads = [...summary.shortThreads].sort((a, b) => b.expected - b.collected - (a.expected - a.collected) || a.threadId.localeCompare(b.threadId));
  // appended: a note made before the collection (a history.json repaired) stays
  run.errors.push(...summary.skipped.map((s) => `${s.source} ${s.record}: ${s.reason}`));
}

/**
 * Record a run that a stage stopped: partial when interrupted (Ctrl-C) and the stage has an `interrupted` message,
 * failed otherwise, with the error's message after `failed`.
 */
function saveStoppedRun(store: Store, run: RunRecord, now: number, error: unknown, messages: { interrupted?: string; failed: string }): void {
  const interrupted = isAbortError(error) ? messages.interrupted : undefined;
  run.status = interrupted === undefined ? 'failed' : 'partial';
  run.errors.push(interrupted ?? `${messages.failed}: ${error instanceof Error ? error.message : String(error)}`);
  run.finishedAt = now;
  store.saveRun(run);
}

/**
 * Before collecting, without taking the reports folder's lock unless it must: a history.json that reads (or is absent
 * from a folder with no night yet) needs nothing, and a run on another store may be writing the folder right now. Only
 * a damaged one, or one missing beside earlier nights, is repaired, under the lock; when the folder is busy the repair
 * is left to the report stage, which repairs again under its own lock (by then the other run may have left the history
 * fine). Returns what was repaired, or null.
 */
function repairHistoryUnlessBusy(eventDir: string, eventId: string, now: number, warn: (line: string) => void): HistoryRepair | null {
  if (findHistoryProblem(eventDir, now) === null) return null;
  try {
    return withReportFolderLock(eventDir, () => repairReportHistory(eventDir, eventId, now), { warn });
  } catch (error) {
    if (error instanceof LockError) return null;
    throw error;
  }
}

function decideStatus(run: RunRecord): RunStatus {
  return run.counts.skipped > 0 || run.counts.capsHit > 0 ? 'partial' : 'ok';
}
