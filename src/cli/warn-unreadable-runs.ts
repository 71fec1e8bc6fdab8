import type { StoreError } from '../errors/errors.js';
import type { CliContext } from './cli-context.js';

/**
 * Names each run whose stored record cannot be read, on stderr, and marks the input invalid (exit 2), as for any bad
 * record that was skipped: the report still comes out (its comments and tags are fine), but its run count and last
 * run leave that run out, and the user should know which row to look at.
 */
export function warnUnreadableRuns(ctx: CliContext, storePath: string, errors: readonly StoreError[]): void {
  if (errors.length === 0) return;
  for (const error of errors) ctx.stderr(`reactionlens: the store at ${storePath}: ${error.message}; that run is left out of the run history\n`);
  ctx.markInvalidInput(`${errors.length} stored run record(s) cannot be read and were left out`);
}
