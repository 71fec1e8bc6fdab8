import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, eventsDirOption, jsonOption, pathFlagSchema } from '../cli/common-options.js';
import { numberFlagSchema } from '../cli/number-flag-schema.js';
import { parseOptions } from '../cli/parse-options.js';
import { describeLockTaker, withStoreLock } from '../cli/with-store-lock.js';
import { isAbortError } from '../errors/errors.js';
import { loadEvent } from '../events/load-events.js';
import { formatCount, formatCountOf, formatImportProgress } from '../import/format-import-progress.js';
import { importDumps } from '../import/import-dumps.js';
import { inspectDump } from '../import/open-dump.js';
import type { FileImportSummary, ImportProgress, ImportSummary } from '../import/import-types.js';
import { addSaveCounts, type SaveCounts, type Store } from '../store/store.js';
import { type EventConfig, type RunRecord, startRunRecord } from '../types.js';

const flagsSchema = z.object({
  event: z.string().min(1).optional(),
  eventsDir: pathFlagSchema,
  db: pathFlagSchema.optional(),
  restart: z.boolean().optional().default(false),
  batchSize: numberFlagSchema({ min: 1, max: 100_000, whole: true }).optional().default(2000),
  json: z.boolean().optional().default(false),
  quiet: z.boolean().optional().default(false),
});

/** Bad lines printed one by one on stderr; the rest are in --json. */
const BAD_LINES_SHOWN = 20;

export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import Arctic Shift / Pushshift dumps (RS_*/RC_* NDJSON, plain or .zst) and saved Reddit API JSON into the store')
    .argument('<files...>', 'dump files; submissions (RS_*, *_submissions, *_posts) are read before comments (RC_*, *_comments)')
    .option('--event <id>', "keep only the event's window, subreddits and query matches, and their comments")
    .option(...eventsDirOption)
    .option(...dbOption)
    .option('--restart', 'ignore saved resume points and read the files from the start')
    .option('--batch-size <n>', 'rows per store transaction, 1–100000', '2000')
    .option('--quiet', 'no progress on stderr')
    .option(...jsonOption)
    .action(async (files: string[], raw: unknown) => {
      const flags = parseOptions('import', flagsSchema, raw);
      const event = flags.event === undefined ? null : loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
      const paths = files.map((f) => resolve(ctx.cwd, f));
      // Every file is checked (exists, is a file, can be read) before the store is opened, as `run` checks --out: a
      // mistyped name is a file error that leaves no new empty store at --db and records no run. One bad file among
      // good ones stops the import before any is read, as it always has: nothing is half imported.
      const dumps = await Promise.all(paths.map((p) => inspectDump(p)));
      const store = ctx.openStore(flags.db);
      const progress = createImportProgress(ctx, flags.quiet || flags.json);
      // an import into an event is a run like a collect: recorded as running from its start, so a stop or a kill
      // leaves a record (partial, or abandoned by the next command that takes the lock) instead of none
      const run = event === null ? null : startImportRun(event, paths, ctx.now());
      const summary = await withStoreLock(store, ctx, run === null ? describeLockTaker('import', ctx.now()) : `run ${run.id}`, async () => {
        if (run !== null) store.saveRun(run);
        let result: ImportSummary;
        try {
          result = await importDumps(dumps, {
            store,
            event,
            now: ctx.now,
            batchSize: flags.batchSize,
            restart: flags.restart,
            onProgress: progress.update,
            // the record counts what this import has stored, batch by batch: a killed import's record keeps its count
            // up to its last committed batch, and the import resuming it counts only what it adds
            ...(run === null ? {} : { onSaved: (counts: SaveCounts) => countImportBatch(store, run, counts) }),
            progressEveryMs: ctx.isTTY ? 250 : 5000,
            // Ctrl-C: the batch in hand is saved with its resume point, so the next run picks up there.
            ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
          });
        } catch (error) {
          if (run !== null) saveStoppedImportRun(store, run, ctx.now(), error);
          throw error;
        } finally {
          progress.done();
        }
        if (run !== null) saveFinishedImportRun(store, run, result, ctx.now());
        return result;
      });
      reportProblems(ctx, summary);
      if (flags.json) ctx.stdout(`${JSON.stringify({ ...summary, partial: ctx.partialReasons() }, null, 2)}\n`);
      else ctx.stdout(formatImportSummary(summary));
    });
}

function createImportProgress(ctx: CliContext, quiet: boolean): { update: (p: ImportProgress) => void; done: () => void } {
  let drawn = false;
  return {
    update(p) {
      if (quiet) return;
      // On a terminal the line is redrawn in place; in a log, each report is its own line (already throttled).
      if (ctx.isTTY) {
        ctx.stderr(`\r\x1b[2K${formatImportProgress(p)}`);
        drawn = true;
      } else ctx.stderr(`${formatImportProgress(p)}\n`);
    },
    done() {
      if (drawn) ctx.stderr('\n');
      drawn = false;
    },
  };
}

function reportProblems(ctx: CliContext, summary: ImportSummary): void {
  for (const file of summary.files) {
    for (const skip of file.skipped.slice(0, BAD_LINES_SHOWN)) ctx.stderr(`reactionlens: ${file.path}: ${skip.record}: ${skip.reason}\n`);
    const more = file.badLines - Math.min(file.skipped.length, BAD_LINES_SHOWN);
    if (more > 0) ctx.stderr(`reactionlens: ${file.path}: ${more} more bad line(s)${file.skipped.length > BAD_LINES_SHOWN ? ' (see --json)' : ''}\n`);
    if (file.commentsWithoutThread > 0) {
      ctx.stderr(
        `reactionlens: ${file.path}: ${file.commentsWithoutThread} comment(s) skipped: their thread is not in the store. ` +
          'Import the matching RS_ file first (or in the same command), then re-run with --restart.\n',
      );
    }
    if (file.error !== null) ctx.stderr(`reactionlens: ${file.error}\n`);
  }
  const bad = summary.totals.badLines;
  if (bad > 0) ctx.markInvalidInput(`${bad} bad line(s) skipped`);
  const truncated = summary.files.filter((f) => f.status === 'truncated');
  if (truncated.length > 0) ctx.markPartial(`${truncated.map((f) => basename(f.path)).join(', ')} ended early (truncated or corrupt)`);
}

export function formatImportSummary(summary: ImportSummary): string {
  const lines = summary.files.map(formatFileLine);
  const t = summary.totals;
  const rate = t.seconds > 0 ? ` (${formatCount(t.lines / t.seconds)} lines/s)` : '';
  lines.push(
    `total: ${formatCountOf(t.lines, 'line')} in ${t.seconds.toFixed(1)} s${rate} · kept ${formatCountOf(t.threadsKept, 'thread', String)}, ${formatCountOf(t.commentsKept, 'comment', String)}` +
      ` · new ${formatCountOf(t.saved.threadsNew, 'thread', String)}, ${formatCountOf(t.saved.commentsNew, 'comment', String)} · updated ${t.saved.threadsUpdated + t.saved.commentsUpdated}` +
      ` · purged ${t.saved.commentsPurged}${t.badLines > 0 ? ` · ${formatCountOf(t.badLines, 'bad line', String)}` : ''}` +
      `${summary.eventId === null ? '' : ` · event ${summary.eventId}`}`,
  );
  return `${lines.join('\n')}\n`;
}

function formatFileLine(f: FileImportSummary): string {
  if (f.status === 'already imported') return `${f.path}: already imported (nothing to add; --restart reads it again)`;
  const filtered = Object.entries(f.filtered)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${formatCount(n)}`)
    .join(', ');
  const parts = [
    `${f.path}: ${f.status}${f.resumedFromLine > 0 ? ` (resumed after line ${f.resumedFromLine})` : ''}`,
    formatCountOf(f.lines, 'line'),
    `kept ${formatCountOf(f.threadsKept, 'thread', String)}, ${formatCountOf(f.commentsKept, 'comment', String)}`,
  ];
  if (filtered !== '') parts.push(`filtered out: ${filtered}`);
  if (f.badLines > 0) parts.push(formatCountOf(f.badLines, 'bad line', String));
  if (f.depthUnknown > 0) parts.push(`${formatCountOf(f.depthUnknown, 'comment', String)} with an unseen parent (depth 0)`);
  return parts.join(' · ');
}

/** An import into an event is a run like a collect: it leaves the same record, saved as running first. */
function startImportRun(event: EventConfig, paths: string[], startedAt: number): RunRecord {
  return startRunRecord(`${event.id}-import-${randomUUID().slice(0, 8)}`, event, `import:${paths.map((p) => basename(p)).join(',')}`, startedAt);
}

/** Adds a committed batch to the running record and saves it. */
function countImportBatch(store: Store, run: RunRecord, saved: SaveCounts): void {
  addSaveCounts(run.counts, saved);
  store.saveRun(run);
}

/** Ctrl-C: partial, counting the batches stored before the stop (the next import resumes after them); any other error: failed. */
function saveStoppedImportRun(store: Store, run: RunRecord, finishedAt: number, error: unknown): void {
  // Each batch is counted inside its own transaction (see importDumpFile's checkpoint): a failure that rolled the last
  // one back (a full disk at its commit) took its count out of the stored record but not out of this copy, so the
  // counts are the stored record's, which count exactly the batches stored.
  const stored = store.listRuns(run.eventId).runs.find((r) => r.id === run.id);
  if (stored !== undefined) run.counts = stored.counts;
  const interrupted = isAbortError(error);
  run.status = interrupted ? 'partial' : 'failed';
  run.errors.push(
    interrupted
      ? 'interrupted while importing; the next import of these files resumes after the last stored batch'
      : `import failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  run.finishedAt = finishedAt;
  store.saveRun(run);
}

function saveFinishedImportRun(store: Store, run: RunRecord, summary: ImportSummary, finishedAt: number): void {
  // the saved counts are in already: summary.totals.saved sums the same batches countImportBatch added one by one
  run.counts.skipped = summary.totals.badLines;
  const truncated = summary.files.filter((f) => f.error !== null);
  run.skipped = summary.files.flatMap((f) => f.skipped);
  run.errors = truncated.map((f) => f.error ?? '');
  run.status = truncated.length > 0 || summary.totals.badLines > 0 ? 'partial' : 'ok';
  run.finishedAt = finishedAt;
  store.saveRun(run);
}
