import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, eventsDirOption, jsonOption, pathFlagSchema } from '../cli/common-options.js';
import { numberFlagSchema } from '../cli/number-flag-schema.js';
import { formatListSchema, parseOptions } from '../cli/parse-options.js';
import { summariseScrub, toScrubJson } from '../cli/summarise-scrub.js';
import { warnRecoveredHistory } from '../cli/warn-recovered-history.js';
import { warnRepairedHistory } from '../cli/warn-repaired-history.js';
import { warnUnreadableRuns } from '../cli/warn-unreadable-runs.js';
import { describeLockTaker, withStoreLock } from '../cli/with-store-lock.js';
import { loadEvent } from '../events/load-events.js';
import { scrubComparisonReports, scrubEventReports } from '../pipeline/scrub-event-reports.js';
import { withReportFolderLock } from '../report/acquire-report-folder-lock.js';
import { buildTalliedReport } from '../report/build-report.js';
import { ensureWritableDir } from '../report/ensure-writable-dir.js';
import { pluralise } from '../report/format-values.js';
import { loadReportTally } from '../report/load-report-tally.js';
import { omitReplacedPoints, recoverReportHistory } from '../report/recover-report-history.js';
import { readOrRepairReportHistory } from '../report/repair-report-history.js';
import { addScrubResult, emptyScrubResult } from '../report/scrub-report-folder.js';
import { REPORT_FORMATS, writeReport } from '../report/write-report.js';
import { loadTagger } from '../tag/load-tagger.js';
import type { Store } from '../store/store.js';
import type { EventConfig, Tagger } from '../types.js';

export interface ReportCommandDeps {
  loadTagger: () => Tagger;
}

const flagsSchema = z.object({
  event: z.string({ error: 'missing --event <id>' }).min(1),
  format: formatListSchema(['md', 'json', 'csv', 'html']),
  out: pathFlagSchema,
  db: pathFlagSchema.optional(),
  eventsDir: pathFlagSchema,
  withAuthors: z.boolean().optional().default(false),
  maxQuotes: numberFlagSchema({ min: 1, max: 6, whole: true }).optional(),
  json: z.boolean().optional().default(false),
});

/** `deps` lets tests swap the model for a fake tagger; the CLI uses the committed model. */
export function registerReportCommand(program: Command, ctx: CliContext, deps: ReportCommandDeps = { loadTagger }): void {
  program
    .command('report')
    .description('write the report of one event from what the store holds (no collection)')
    .requiredOption('--event <id>', 'event id (a file in the events folder)')
    .option('--format <list>', `comma-separated: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .option('--out <dir>', 'reports folder, created if missing inside an existing folder; files go to <dir>/<event>/<YYYY-MM-DD>.*', 'reports')
    .option(...dbOption)
    .option(...eventsDirOption)
    .option('--with-authors', 'show usernames in quotes, and the names of users they mention (off by default: they read u/[user], @[user])')
    .option('--max-quotes <n>', 'quote highlights, 1–6 (default 5)')
    .option(...jsonOption)
    .action(async (raw: unknown) => {
      const flags = parseOptions('report', flagsSchema, raw);
      const event = loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
      const reportsDir = resolve(ctx.cwd, flags.out);
      const store = ctx.openStore(flags.db, { mustExist: true, writesInPassing: true });
      // it rewrites the folder run and scrub write under the lock (earlier nights, manifests, history.json): never beside them
      await withStoreLock(store, ctx, describeLockTaker('report', ctx.now()), async () => writeEventReport(ctx, deps, flags, event, reportsDir, store));
    });
}

function writeEventReport(
  ctx: CliContext,
  deps: ReportCommandDeps,
  flags: z.infer<typeof flagsSchema>,
  event: EventConfig,
  reportsDir: string,
  store: Store,
): void {
  const tagger = deps.loadTagger();
  const eventDir = join(reportsDir, event.id);
  ensureWritableDir(eventDir, 'reports folder', reportsDir);
  // runs on other stores may write this folder too: its history is read and rewritten, earlier nights scrubbed and
  // tonight's files written, one run at a time
  const { report, scrubbed, paths } = withReportFolderLock(eventDir, () => {
    // read once: the trend of this report and the history.json written back start from the same points
    const read = readOrRepairReportHistory(eventDir, event.id, ctx.now());
    if (read.repair !== null) warnRepairedHistory(ctx, read.repair, 'reactionlens report');
    // a night killed after storing its outcome, before writing history.json, gets its point back from its JSON report
    const history = recoverReportHistory(eventDir, read.points, store.listRuns(event.id).runs);
    const { input, taggedNow, unreadableRuns } = loadReportTally(store, event, tagger, {
      withAuthors: flags.withAuthors,
      history: history.points,
      ...(flags.maxQuotes === undefined ? {} : { maxQuotes: flags.maxQuotes }),
    });
    warnUnreadableRuns(ctx, store.path, unreadableRuns);
    if (taggedNow > 0) ctx.stderr(`reactionlens report: tagged ${pluralise(taggedNow, 'comment')} in memory (run \`reactionlens run\` to cache tags)\n`);
    const empty = input.tally.stored === 0;
    if (empty) ctx.stderr(`reactionlens report: the store holds no comments for ${event.id}; the report is empty and adds no trend point\n`);
    // nothing stored tells the time: the files are dated the day they are written (as a run's are), not the window's
    // end, which may be a past night's files or a date still to come
    const built = buildTalliedReport(empty ? { ...input, asOf: ctx.now() } : input);
    // an empty report never replaces a night's report of the same date (one with a trend point: an earlier empty
    // report has none): a wrong --db after tonight's run would otherwise overwrite tonight's files with nothing
    const measured = empty && history.points.some((p) => p.date === built.date);
    const overwritten = measured ? REPORT_FORMATS.map((f) => join(eventDir, `${built.date}.${f}`)).filter((path) => existsSync(path)) : [];
    if (overwritten.length > 0) {
      ctx.stderr(`reactionlens report: not written: ${overwritten.join(', ')} already hold${overwritten.length === 1 ? 's' : ''} a report of ${built.date}, which this empty one would replace (is --db the store that collected ${event.id}?)\n`);
      ctx.markPartial(`the store holds no comments for ${event.id}; ${built.date}'s report was left as it was`);
      return { report: built, scrubbed: emptyScrubResult(), paths: [] };
    }
    // named only now: a report not written writes no history.json, and takes nothing back
    warnRecoveredHistory(ctx, omitReplacedPoints(history, built), 'reactionlens report');
    // the folder this writes into also holds earlier nights: they lose quotes of comments deleted since
    const scrubbedNow = scrubEventReports(store, eventDir, ctx.now());
    // and so do the comparisons `compare --out` wrote, beside the event folders or wherever the store records
    addScrubResult(scrubbedNow, scrubComparisonReports(store, reportsDir, { warn: ctx.stderr, now: ctx.now(), heldFolder: eventDir }));
    summariseScrub(ctx, scrubbedNow, 'reactionlens report');
    return { report: built, scrubbed: scrubbedNow, paths: writeReport(built, { dir: eventDir, basename: built.date, formats: flags.format, now: ctx.now(), history: history.points }) };
  }, { warn: ctx.stderr });
  if (flags.json) {
    ctx.stdout(`${JSON.stringify({ event: event.id, date: report.date, counts: report.counts, paths, scrubbed: toScrubJson(scrubbed), partial: ctx.partialReasons() }, null, 2)}\n`);
    return;
  }
  for (const path of paths) ctx.stdout(`${path}\n`);
}
