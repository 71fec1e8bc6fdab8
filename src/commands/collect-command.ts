import type { Command } from 'commander';
import type { CliContext } from '../cli/cli-context.js';
import { addCollectOptions, executeCollection } from '../cli/execute-collection.js';
import { collectFlagsSchema } from '../cli/common-options.js';
import { parseOptions } from '../cli/parse-options.js';
import { redactRun } from '../errors/redact-secrets.js';

export function registerCollectCommand(program: Command, ctx: CliContext): void {
  addCollectOptions(
    program
      .command('collect')
      .description("fetch an event's threads and full comment trees into the store (incremental; re-checks deletions)"),
  ).action(async (raw: unknown) => {
    const flags = parseOptions('collect', collectFlagsSchema, raw);
    const result = await executeCollection(ctx, flags);
    // the record stays the top-level object (consumers read its fields there); why the exit is 4 sits beside them
    if (flags.json) ctx.stdout(`${JSON.stringify({ ...redactRun(result.run), partial: ctx.partialReasons() }, null, 2)}\n`);
  });
}
