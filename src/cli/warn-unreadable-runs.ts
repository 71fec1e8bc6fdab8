import type { StoreError } from '../errors/errors.js';
import type { CliContext } from './cli-context.js';

/**
 * Names each run whose stored record cannot be read, on stderr, with how to clear it, and marks the result partial
 * (exit 4): the report still comes out (its comments and tags are fine), but its run count and last run leave that run
 * out. Not invalid input (exit 2): that outranks partial, so one old damaged row would hide every partial night after
 * it, and there is nothing in the config to fix.
 */
export function warnUnreadableRuns(ctx: CliContext, storePath: string, errors: readonly StoreError[]): void {
  if (errors.length === 0) return;
  for (const error of errors) ctx.stderr(`reactionlens: the store at ${storePath}: ${error.message}; that run is left out of the run history\n`);
  ctx.markPartial(`${errors.length} stored run record(s) of ${storePath} cannot be read and were left out of the run history`);
}
