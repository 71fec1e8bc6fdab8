import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../errors/errors.js';
import { takeLockFile, type LockFileOptions, type ReleaseLock } from '../util/take-lock-file.js';

// SQLite keeps one write from tearing another, but two collect runs on one
// store would fetch the same threads twice and interleave purges: one run at a
// time. The lock is a file beside the database, created atomically (O_EXCL).

export type StoreLockOptions = LockFileOptions;

/**
 * Takes `<real path of dbPath>.lock` or throws LockError naming the holder. A lock whose holder is gone from this host,
 * or whose holder elsewhere has stopped refreshing it, is stale and taken over (see takeLockFile). Returns the release
 * function (idempotent; removes the file only while it is still ours) with `throwIfLost`, for the holder to call
 * before it writes.
 */
export function acquireStoreLock(dbPath: string, options: StoreLockOptions = {}): ReleaseLock {
  if (dbPath === ':memory:') return Object.assign(() => {}, { throwIfLost: () => {} });
  const lockPath = `${resolveRealPath(dbPath)}.lock`;
  return takeLockFile(
    lockPath,
    {
      resource: `The store ${dbPath}`,
      busy: (who) =>
        `The store ${dbPath} is in use by another reactionlens run (${who}). Wait for it to finish, ` +
        `or remove ${lockPath} if that process is gone.`,
      // a read-only or full folder, no permission: nobody holds the store, it cannot be used (not busy: exit 3, not 5)
      cannotCreate: (verb, detail, cause) => new StoreError(`Cannot ${verb} the store lock ${lockPath}: ${detail}`, { cause }),
    },
    options,
  );
}

/**
 * The store's path with symlinks resolved: the same store named through a symlink (`ln -s k.db kl.db`, or a
 * symlinked folder) must take the same lock, or two runs would write it at once.
 */
function resolveRealPath(dbPath: string): string {
  try {
    return realpathSync(dbPath);
  } catch {
    // no store file yet: resolve its folder
  }
  try {
    return join(realpathSync(dirname(dbPath)), basename(dbPath));
  } catch {
    return dbPath;
  }
}
