import { acquireStoreLock } from '../store/store-lock.js';
import { isReadOnlyFailure, type Store } from '../store/store.js';
import type { RunRecord } from '../types.js';
import type { CliContext } from './cli-context.js';

/**
 * Runs work while holding the store's lock, so two runs on one store never interleave; released however work ends.
 * Holding the lock, no other run is in flight: a run still unfinished in the store was killed or crashed (its lock,
 * stale, has just been taken over), so it is recorded as abandoned here, whichever command took the lock, and named on
 * stderr; otherwise `report` would publish a dead run as running. `foundBy` says who found it ("run <id>",
 * "reactionlens report at <time>"), in the abandoned run's record.
 */
export async function withStoreLock<T>(store: Store, ctx: Pick<CliContext, 'stderr'>, foundBy: string, work: () => Promise<T>): Promise<T> {
  const release = acquireStoreLock(store.path, { warn: ctx.stderr });
  // A run stalled past the lock's stale limit (suspended, paused) may find that a run on another host or in another
  // container took its lock over meanwhile. It must not write on beside that run: every store write checks the lock
  // first and, once it is someone else's, fails with a LockError (exit 5) naming why, before anything is written (the
  // failed write's transaction rolls back). Checked at the write, not through the abort signal, so that no command's
  // write between two signal checks slips through, and no command needs to pass a signal along for it.
  store.checkBeforeEachWrite(release.throwIfLost);
  try {
    // a record that cannot be read is left as it is; the commands that list runs name it (warnUnreadableRuns)
    recordAbandonedRuns(store, ctx, foundBy);
    const result = await work();
    // a run that wrote nothing after its lock was taken over still overlapped another one: not an ok night
    release.throwIfLost();
    return result;
  } finally {
    // The check stays on the store after the release: with the lock kept to the end, it lets every write through;
    // with a lock taken over, it goes on refusing them, also those of a stage's tasks still in flight (a fetch
    // answered after the stage failed). The next withStoreLock on this store sets its own.
    release();
  }
}

/**
 * Records the runs that never finished as abandoned, naming each on stderr. `report` and `scrub` work on a store they
 * cannot write (Store.open's `writesInPassing`), such as a read-only copy taken while a run was writing: there a dead
 * run is named but not recorded, rather than the report failing on it (the other commands refuse such a store at open).
 */
function recordAbandonedRuns(store: Store, ctx: Pick<CliContext, 'stderr'>, foundBy: string): void {
  const describe = (run: RunRecord): string => `reactionlens: run ${run.id} (started ${new Date(run.startedAt * 1000).toISOString()}) never finished (killed or crashed)`;
  try {
    for (const run of store.abandonUnfinishedRuns(foundBy).abandoned) ctx.stderr(`${describe(run)}: recorded as abandoned\n`);
  } catch (error) {
    if (!isReadOnlyFailure(error)) throw error;
    for (const run of store.listUnfinishedRuns().runs) ctx.stderr(`${describe(run)}; the store cannot be written, so it is not recorded as abandoned\n`);
  }
}

/** `foundBy` for a command that records no run of its own: the command and when it ran. */
export function describeLockTaker(command: string, nowSeconds: number): string {
  return `reactionlens ${command} at ${new Date(nowSeconds * 1000).toISOString()}`;
}
