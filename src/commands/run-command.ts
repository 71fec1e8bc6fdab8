import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { collectFlagsSchema, dbOption, eventsDirOption, fixturesOption, jsonOption, sourceOption } from '../cli/common-options.js';
import { createProgressReporter } from '../cli/progress-reporter.js';
import { createSource } from '../cli/create-source.js';
import { formatListSchema, parseOptions } from '../cli/parse-options.js';
import { summariseRun } from '../cli/summarise-run.js';
import { withStoreLock } from '../cli/with-store-lock.js';
import { loadEvent } from '../events/load-events.js';
import { runEvent } from '../pipeline/run-event.js';
import { REPORT_FORMATS } from '../report/write-report.js';
import { loadTagger } from '../tag/load-tagger.js';

const runFlagsSchema = collectFlagsSchema.extend({
  out: z.string(),
  format: formatListSchema(['md', 'json', 'csv', 'html']),
  withAuthors: z.boolean().optional().default(false),
});

export function registerRunCommand(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('the nightly job: collect → tag → report for one event, recorded as a run')
    .requiredOption('--event <id>', 'event id (a file in the events folder)')
    .option(...sourceOption)
    .option(...fixturesOption)
    .option(...dbOption)
    .option(...eventsDirOption)
    .option('--out <dir>', 'reports folder; the report goes to <dir>/<event>/<YYYY-MM-DD>.*', 'reports')
    .option('--format <list>', `report formats, comma-separated: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .option('--with-authors', 'show usernames in quotes (off by default: attribution is subreddit + permalink)')
    .option('--concurrency <n>', 'threads fetched at once (they share one rate-limit budget)', '4')
    .option('--no-recheck', 'skip re-checking stored comments for deletion')
    .option('--quiet', 'no progress on stderr')
    .option(...jsonOption)
    .action(async (raw: unknown) => {
      const flags = parseOptions('run', runFlagsSchema, raw);
      const event = loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
      const source = await createSource({ name: flags.source, eventId: event.id, fixturesDir: flags.fixtures, env: ctx.env, cwd: ctx.cwd });
      const store = ctx.openStore(flags.db);
      const progress = createProgressReporter(ctx.stderr, { isTTY: ctx.isTTY, now: ctx.now, quiet: flags.quiet || flags.json });
      progress.note(`reactionlens run: ${event.id} from ${source.name} into ${store.path}`);
      const result = await withStoreLock(store.path, () =>
        runEvent({
          event,
          source,
          store,
          tagger: loadTagger,
          ctx: { now: ctx.now, progress: progress.onEvent, ...(ctx.signal === undefined ? {} : { signal: ctx.signal }) },
          runId: `${event.id}-${new Date(ctx.now() * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`,
          reportsDir: resolve(ctx.cwd, flags.out),
          formats: flags.format,
          withAuthors: flags.withAuthors,
          collect: { concurrency: flags.concurrency, recheck: flags.recheck },
        }),
      );
      progress.done();
      summariseRun(ctx, result.run);
      if (flags.json) {
        ctx.stdout(`${JSON.stringify({ run: result.run, reports: result.reportPaths }, null, 2)}\n`);
      } else {
        ctx.stderr(`report written:\n`);
        for (const path of result.reportPaths) ctx.stdout(`${path}\n`);
      }
    });
}
