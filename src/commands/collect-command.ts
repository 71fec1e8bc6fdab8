import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli/cli-context.js';
import { collectFlagsSchema, dbOption, eventsDirOption, fixturesOption, jsonOption, sourceOption } from '../cli/common-options.js';
import { createProgressReporter } from '../cli/progress-reporter.js';
import { createSource } from '../cli/create-source.js';
import { parseOptions } from '../cli/parse-options.js';
import { summariseRun } from '../cli/summarise-run.js';
import { withStoreLock } from '../cli/with-store-lock.js';
import { loadEvent } from '../events/load-events.js';
import { runEvent } from '../pipeline/run-event.js';
import { loadTagger } from '../tag/load-tagger.js';

export function registerCollectCommand(program: Command, ctx: CliContext): void {
  program
    .command('collect')
    .description("fetch an event's threads and full comment trees into the store (incremental; re-checks deletions)")
    .requiredOption('--event <id>', 'event id (a file in the events folder)')
    .option(...sourceOption)
    .option(...fixturesOption)
    .option(...dbOption)
    .option(...eventsDirOption)
    .option('--concurrency <n>', 'threads fetched at once (they share one rate-limit budget)', '4')
    .option('--no-recheck', 'skip re-checking stored comments for deletion')
    .option('--quiet', 'no progress on stderr')
    .option(...jsonOption)
    .action(async (raw: unknown) => {
      const flags = parseOptions('collect', collectFlagsSchema, raw);
      const event = loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
      const source = await createSource({ name: flags.source, eventId: event.id, fixturesDir: flags.fixtures, env: ctx.env, cwd: ctx.cwd });
      const store = ctx.openStore(flags.db);
      const progress = createProgressReporter(ctx.stderr, { isTTY: ctx.isTTY, now: ctx.now, quiet: flags.quiet || flags.json });
      const result = await withStoreLock(store.path, () =>
        runEvent({
          event,
          source,
          store,
          tagger: loadTagger,
          ctx: { now: ctx.now, progress: progress.onEvent, ...(ctx.signal === undefined ? {} : { signal: ctx.signal }) },
          runId: `${event.id}-collect-${randomUUID().slice(0, 8)}`,
          reportsDir: '',
          formats: [],
          withAuthors: false,
          collect: { concurrency: flags.concurrency, recheck: flags.recheck },
          stopAfterCollect: true,
        }),
      );
      progress.done();
      summariseRun(ctx, result.run);
      if (flags.json) ctx.stdout(`${JSON.stringify(result.run, null, 2)}\n`);
    });
}
