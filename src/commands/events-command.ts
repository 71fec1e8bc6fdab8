import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, eventsDirOption, jsonOption, pathFlagSchema } from '../cli/common-options.js';
import { parseOptions } from '../cli/parse-options.js';
import { listEvents } from '../events/load-events.js';
import { formatCount, pluralise } from '../report/format-values.js';

const flagsSchema = z.object({
  eventsDir: pathFlagSchema,
  db: pathFlagSchema.optional(),
  json: z.boolean().optional().default(false),
  counts: z.boolean().optional().default(false),
});

export function registerEventsCommand(program: Command, ctx: CliContext): void {
  program
    .command('events')
    .description('list the configured events (validates every event file)')
    .option(...eventsDirOption)
    .option(...dbOption)
    .option('--counts', 'also show what the store holds for each event')
    .option(...jsonOption)
    .action((raw: unknown) => {
      const flags = parseOptions('events', flagsSchema, raw);
      const { events, errors } = listEvents(resolve(ctx.cwd, flags.eventsDir));
      const store = flags.counts ? ctx.openStore(flags.db, { readonly: true }) : null;
      const rows = events.map((e) => ({
        id: e.id,
        title: e.title,
        description: e.description,
        window: { from: new Date(e.window.from * 1000).toISOString(), to: new Date(e.window.to * 1000).toISOString() },
        queries: e.queries,
        subreddits: e.subreddits,
        seedThreads: e.seedThreads,
        configHash: e.configHash,
        ...(store === null ? {} : { stored: store.countEvent(e.id) }),
      }));
      for (const error of errors) ctx.stderr(`reactionlens: ${error.message}\n`);
      if (errors.length > 0) ctx.markInvalidInput(`${errors.length} event file(s) are invalid`);
      if (flags.json) {
        ctx.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) {
        const stored = r.stored === undefined ? '' : `  [${describeStored(r.stored)}]`;
        ctx.stdout(`${r.id}\t${r.window.from.slice(0, 10)} → ${r.window.to.slice(0, 10)}\t${r.title}${stored}\n`);
      }
    });
}

/**
 * The stored count includes comments since deleted or removed on Reddit (their rows stay, text purged, to keep trees
 * whole), which no report analyses or quotes: a bare count would not say how many of them are still there, so
 * the text names both, as the JSON's `stored.comments` and `stored.live` do.
 */
function describeStored(stored: { threads: number; comments: number; live: number }): string {
  const gone = stored.comments - stored.live;
  const split = stored.comments === 0 ? '' : gone === 0 ? ' (all live)' : ` (${formatCount(stored.live)} live, ${formatCount(gone)} deleted or removed on Reddit)`;
  return `${pluralise(stored.threads, 'thread')}, ${pluralise(stored.comments, 'comment')} stored${split}`;
}
