import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { loadEvent } from '../events/load-events.js';
import { runEvent, type RunEventResult } from '../pipeline/run-event.js';
import { ensureWritableDir } from '../report/ensure-writable-dir.js';
import type { HistoryRepair } from '../report/repair-report-history.js';
import type { ReportFormat } from '../report/write-report.js';
import type { Store } from '../store/store.js';
import { loadTagger } from '../tag/load-tagger.js';
import type { CliContext } from './cli-context.js';
import { collectFlagsSchema, dbOption, eventsDirOption, fixturesOption, jsonOption, sourceOption } from './common-options.js';
import { createProgressReporter } from './progress-reporter.js';
import { createSource } from './create-source.js';
import { summariseRun } from './summarise-run.js';
import { warnRecoveredHistory } from './warn-recovered-history.js';
import { warnRepairedHistory } from './warn-repaired-history.js';
import { warnUnreadableRuns } from './warn-unreadable-runs.js';
import { withStoreLock } from './with-store-lock.js';

/** The options `collect` and `run` share, declared once so their help and checks agree. */
export function addCollectOptions(command: Command): Command {
  return command
    .requiredOption('--event <id>', 'event id (a file in the events folder)')
    .option(...sourceOption)
    .option(...fixturesOption)
    .option(...dbOption)
    .option(...eventsDirOption)
    .option('--concurrency <n>', 'threads fetched at once, 1–8 (they share one rate-limit budget)', '4')
    .option('--no-recheck', 'skip re-checking stored comments for deletion')
    .option('--quiet', 'no progress on stderr')
    .option(...jsonOption);
}

export type CollectionFlags = z.output<typeof collectFlagsSchema>;

/**
 * What `collect` and `run` do once flags are parsed: load the event, build the
 * source (credentials checked before any request), check that `run` can write
 * its reports folder, open the store, and run the
 * pipeline under the store lock with progress on stderr. Without `report`, the
 * run stops after collecting.
 */
export async function executeCollection(
  ctx: CliContext,
  flags: CollectionFlags,
  report?: { reportsDir: string; formats: ReportFormat[]; withAuthors: boolean },
): Promise<RunEventResult> {
  const kind = report === undefined ? 'collect' : 'run';
  const event = loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
  const source = await createSource({ name: flags.source, eventId: event.id, fixturesDir: flags.fixtures, env: ctx.env, cwd: ctx.cwd });
  // a reports folder that cannot be written (read-only, a file in the way, a mistyped parent) fails the night now, not
  // after collecting, and before the store is opened: a night refused for its --out leaves no new empty store behind;
  // and one refused for its store leaves no new empty reports folder
  const undoReportsDir = report === undefined ? () => {} : ensureWritableDir(join(report.reportsDir, event.id), 'reports folder', report.reportsDir);
  let store: Store;
  try {
    store = ctx.openStore(flags.db);
  } catch (error) {
    undoReportsDir();
    throw error;
  }
  if (flags.recheck && source.archived === true && source.checkStatus === undefined) warnNoRecheck(ctx, kind);
  const progress = createProgressReporter(ctx.stderr, { isTTY: ctx.isTTY, now: ctx.now, quiet: flags.quiet || flags.json });
  progress.note(`reactionlens ${kind}: ${event.id} from ${source.name} into ${store.path}`);
  const stamp = new Date(ctx.now() * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15);
  const onHistoryRepaired = (repair: HistoryRepair): void => warnRepairedHistory(ctx, repair, `reactionlens ${kind}`);
  const runId = `${event.id}-${kind}-${stamp}-${randomUUID().slice(0, 8)}`;
  // done() also when the run is stopped or fails: under cron the last line printed may be seconds old, and the
  // state it was in when it stopped is what the log should end with
  const result = await withStoreLock(store, ctx, `run ${runId}`, () =>
    runEvent({
      event,
      source,
      store,
      tagger: loadTagger,
      ctx: { now: ctx.now, progress: progress.onEvent, ...(ctx.signal === undefined ? {} : { signal: ctx.signal }) },
      runId,
      reportsDir: report?.reportsDir ?? '',
      formats: report?.formats ?? [],
      withAuthors: report?.withAuthors ?? false,
      collect: { concurrency: flags.concurrency, recheck: flags.recheck },
      stopAfterCollect: report === undefined,
      onHistoryRepaired,
      onHistoryRecovered: (recovery) => warnRecoveredHistory(ctx, recovery, `reactionlens ${kind}`),
      warn: ctx.stderr,
    }),
  )
    // a run refused for a busy store (or failing before its report) leaves no new empty reports folder either; one
    // the run wrote into is not empty, and the undo keeps it
    .catch((error: unknown) => {
      undoReportsDir();
      throw error;
    })
    .finally(() => progress.done());
  warnUnreadableRuns(ctx, store.path, result.unreadableRuns);
  summariseRun(ctx, result.run);
  return result;
}

/**
 * Once per run: without Reddit credentials the archive's copies are reported as first archived, so a comment deleted
 * on Reddit since could be quoted. Not an error (past windows without API keys is what the archive source is for).
 */
function warnNoRecheck(ctx: CliContext, kind: string): void {
  ctx.stderr(
    `reactionlens ${kind}: the archive source cannot re-check deletions without Reddit credentials; quotes may include ` +
      'comments deleted on Reddit since they were archived; set REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET and REDDIT_USER_AGENT ' +
      '(see README, Credentials) to re-check them with Reddit\n',
  );
}
