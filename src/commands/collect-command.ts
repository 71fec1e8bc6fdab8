import type { Command } from 'commander';
import type { CliContext } from '../cli/cli-context.js';
import { addCollectOptions, prepareCollection } from '../cli/collect-run-options.js';
import { collectFlagsSchema } from '../cli/common-options.js';
import { parseOptions } from '../cli/parse-options.js';
import { summariseRun } from '../cli/summarise-run.js';
import { withStoreLock } from '../cli/with-store-lock.js';
import { runEvent } from '../pipeline/run-event.js';
import { loadTagger } from '../tag/load-tagger.js';

export function registerCollectCommand(program: Command, ctx: CliContext): void {
  addCollectOptions(
    program
      .command('collect')
      .description("fetch an event's threads and full comment trees into the store (incremental; re-checks deletions)"),
  ).action(async (raw: unknown) => {
    const flags = parseOptions('collect', collectFlagsSchema, raw);
    const { event, source, store, progress, sourceContext, runId } = await prepareCollection(ctx, flags, 'collect');
    const result = await withStoreLock(store.path, () =>
      runEvent({
        event,
        source,
        store,
        tagger: loadTagger,
        ctx: sourceContext,
        runId,
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
