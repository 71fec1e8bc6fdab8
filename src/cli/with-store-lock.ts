import { acquireStoreLock } from '../store/store-lock.js';
import type { Store } from '../store/store.js';
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
    const { abandoned } = store.abandonUnfinishedRuns(foundBy);
    for (const run of abandoned) {
      ctx.stderr(`reactionlens: run ${run.id} (started ${new Date(run.startedAt * 1000).toISOString()}) never finished (killed or crashed): recorded as abandoned\n`);
    }
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

/** `foundBy` for a command that records no run of its own: the command and when it ran. */
export function describeLockTaker(command: string, nowSeconds: number): string {
  return `reactionlens ${command} at ${new Date(nowSeconds * 1000).toISOString()}`;
}
