import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadEvent } from '../events/load-events.js';
import type { SourceContext } from '../sources/source.js';
import type { CliContext } from './cli-context.js';
import { dbOption, eventsDirOption, fixturesOption, jsonOption, sourceOption } from './common-options.js';
import { createProgressReporter, type ProgressReporter } from './progress-reporter.js';
import { createSource } from './create-source.js';
import type { SourceName } from './parse-options.js';
import type { EventConfig } from '../types.js';
import type { Source } from '../sources/source.js';
import type { Store } from '../store/store.js';

/** The options `collect` and `run` share, declared once so their help and checks agree. */
export function addCollectOptions(command: Command): Command {
  return command
    .requiredOption('--event <id>', 'event id (a file in the events folder)')
    .option(...sourceOption)
    .option(...fixturesOption)
    .option(...dbOption)
    .option(...eventsDirOption)
    .option('--concurrency <n>', 'threads fetched at once (they share one rate-limit budget)', '4')
    .option('--no-recheck', 'skip re-checking stored comments for deletion')
    .option('--quiet', 'no progress on stderr')
    .option(...jsonOption);
}

export interface PreparedCollection {
  event: EventConfig;
  source: Source;
  store: Store;
  progress: ProgressReporter;
  sourceContext: SourceContext;
  runId: string;
}

/** Loads the event, builds the source (credentials checked before any request), opens the store. */
export async function prepareCollection(
  ctx: CliContext,
  flags: { event: string; source: SourceName; fixtures: string; db?: string | undefined; eventsDir: string; quiet: boolean; json: boolean },
  kind: 'run' | 'collect',
): Promise<PreparedCollection> {
  const event = loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
  const source = await createSource({ name: flags.source, eventId: event.id, fixturesDir: flags.fixtures, env: ctx.env, cwd: ctx.cwd });
  const store = ctx.openStore(flags.db);
  const progress = createProgressReporter(ctx.stderr, { isTTY: ctx.isTTY, now: ctx.now, quiet: flags.quiet || flags.json });
  progress.note(`reactionlens ${kind}: ${event.id} from ${source.name} into ${store.path}`);
  const stamp = new Date(ctx.now() * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15);
  return {
    event,
    source,
    store,
    progress,
    sourceContext: { now: ctx.now, progress: progress.onEvent, ...(ctx.signal === undefined ? {} : { signal: ctx.signal }) },
    runId: `${event.id}-${kind}-${stamp}-${randomUUID().slice(0, 8)}`,
  };
}
