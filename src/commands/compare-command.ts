import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, eventsDirOption, pathFlagSchema } from '../cli/common-options.js';
import { formatListSchema, parseOptions } from '../cli/parse-options.js';
import { warnUnreadableRuns } from '../cli/warn-unreadable-runs.js';
import { ConfigError, StoreError } from '../errors/errors.js';
import { loadEvent } from '../events/load-events.js';
import { buildTalliedReport } from '../report/build-report.js';
import { compareReports, type Comparison } from '../report/compare-reports.js';
import { pluralise } from '../report/format-values.js';
import { loadReportTally } from '../report/load-report-tally.js';
import { nameComparisonFile } from '../report/name-comparison-file.js';
import { COMPARISON_FORMATS, describeSharedThreads, describeSingleThread, renderComparison } from '../report/render-comparison.js';
import { countSharedThreads, toTalliedThreadMembership, type ThreadMembership } from '../report/count-shared-threads.js';
import { addCsvBom } from '../report/render-csv.js';
import { SHORT_HOLD_WAIT_MS, withReportFolderLock } from '../report/acquire-report-folder-lock.js';
import { ensureWritableDir } from '../report/ensure-writable-dir.js';
import { writeFileAtomic } from '../report/write-file-atomic.js';
import { toStoreError, type Store } from '../store/store.js';
import { loadTagger } from '../tag/load-tagger.js';
import type { ReportCommandDeps } from './report-command.js';

const flagsSchema = z.object({
  format: formatListSchema(['md', 'json', 'csv']),
  weight: z.enum(['comment', 'score'], { error: '--weight must be comment or score' }),
  out: pathFlagSchema.optional(),
  db: pathFlagSchema.optional(),
  eventsDir: pathFlagSchema,
});

/** `deps` lets tests swap the model for a fake tagger; the CLI uses the committed model. */
export function registerCompareCommand(program: Command, ctx: CliContext, deps: ReportCommandDeps = { loadTagger }): void {
  program
    .command('compare')
    .description('tag shares of two or more events side by side, with intervals and significance tests')
    .argument('<events...>', 'event ids (at least two)')
    .option('--format <list>', `comma-separated: ${COMPARISON_FORMATS.join(',')} (stdout gets the first unless --out)`, 'md')
    .option('--weight <w>', 'comment (each comment counts once) | score (weighted by score at fetch)', 'comment')
    .option('--out <dir>', 'write compare-<a>-vs-<b>.<format> files here instead of printing (many or long ids: the first ones, then -and-<n>-more-<hash>); created if missing inside an existing folder')
    .option(...dbOption)
    .option(...eventsDirOption)
    .action((ids: string[], raw: unknown) => {
      const flags = parseOptions('compare', flagsSchema, raw);
      if (ids.length < 2) throw new ConfigError('compare: give at least two event ids');
      if (new Set(ids).size !== ids.length) throw new ConfigError('compare: the same event is listed twice');
      const eventsDir = resolve(ctx.cwd, flags.eventsDir);
      const events = ids.map((id) => loadEvent(eventsDir, id));
      // with --out it records where it writes (one row), but like a reader it never upgrades the store: an older one is
      // refused, since the cron job's older reactionlens would refuse the store from then on
      const store = ctx.openStore(flags.db, flags.out === undefined ? { readonly: true } : { upgrade: false });
      const tagger = deps.loadTagger();
      const compareEvents = (): Comparison => {
        const memberships: ThreadMembership[] = [];
        const reports = events.map((event) => {
          // read a page at a time and tallied: each event costs a page of comments and its few quote candidates, and
          // only its report (a few KB) is kept for the comparison
          const { input, taggedNow, unreadableRuns } = loadReportTally(store, event, tagger, { withAuthors: false });
          warnUnreadableRuns(ctx, store.path, unreadableRuns);
          if (taggedNow > 0) ctx.stderr(`reactionlens compare: tagged ${pluralise(taggedNow, 'comment')} of ${event.id} in memory\n`);
          if (input.tally.stored === 0) ctx.stderr(`reactionlens compare: the store holds no comments for ${event.id}; its shares read n/a\n`);
          memberships.push(toTalliedThreadMembership(input));
          return buildTalliedReport(input);
        });
        const sharedThreads = countSharedThreads(memberships);
        for (const shared of sharedThreads) ctx.stderr(`reactionlens compare: warning: ${describeSharedThreads(shared)}\n`);
        const comparison = compareReports(reports, flags.weight, sharedThreads);
        for (const id of comparison.singleThreadEvents) ctx.stderr(`reactionlens compare: warning: ${describeSingleThread(id)}\n`);
        return comparison;
      };
      if (flags.out === undefined) {
        const [format, ...dropped] = flags.format;
        // stdout holds one document; the other formats asked for would be missing without a word
        if (format !== undefined && dropped.length > 0) {
          ctx.stderr(`reactionlens compare: warning: without --out only the first format (${format}) is printed; ${dropped.join(', ')} not written: give --out DIR to write every format\n`);
        }
        if (format !== undefined) ctx.stdout(renderComparison(compareEvents(), format));
        return;
      }
      const dir = resolve(ctx.cwd, flags.out);
      ensureWritableDir(dir);
      // A scrub of this folder (run, report, scrub) rewrites comparison files and removes their temp files: never beside
      // this write, or it could put back an older comparison or remove this one's temp file mid-write. The store is read
      // under the lock too: a comment a scrub has just taken out (deleted since this read) must not be written back after it.
      // A scrub holds the lock for milliseconds: waited for, as the scrub waits for this
      const paths = withReportFolderLock(
        dir,
        () => {
          recordComparisonFolder(store, dir, ctx.now());
          const comparison = compareEvents();
          return flags.format.map((format) => {
            const path = join(dir, `${nameComparisonFile(ids)}.${format}`);
            const content = renderComparison(comparison, format);
            writeFileAtomic(path, format === 'csv' ? addCsvBom(content) : content);
            return path;
          });
        },
        { warn: ctx.stderr, waitMs: SHORT_HOLD_WAIT_MS },
      );
      for (const path of paths) ctx.stdout(`${path}\n`);
    });
}

/**
 * The scrub finds comparisons written outside its own reports folder only by the store's record of where they went, so
 * the folder is recorded before anything is written there: a comparison the record missed would go on quoting comments
 * deleted since. A store that cannot take the row (a read-only file) stops the write.
 */
function recordComparisonFolder(store: Store, dir: string, now: number): void {
  try {
    store.recordComparisonFolder(dir, now);
  } catch (error) {
    const cause = toStoreError(error, store.path);
    throw new StoreError(
      `compare --out records ${dir} in the store, so that the scrub of deleted comments finds the files written there, and could not: ` +
        `${cause instanceof Error ? cause.message : String(cause)}. Nothing was written; without --out the comparison is printed instead`,
      { cause },
    );
  }
}
