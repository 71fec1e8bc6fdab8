import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { FileError, LockError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';
import { pauseSync } from '../util/pause-sync.js';
import { takeLockFile, type LockFileOptions } from '../util/take-lock-file.js';

/** The lock file inside an event's reports folder (a dotfile: not served as a report, not taken for an event folder). */
export const REPORT_FOLDER_LOCK = '.reactionlens.lock';

/**
 * How long the short holders of a folder's lock (the comparison scrub, `compare --out`) wait for one another before
 * giving up busy. Their holds last milliseconds to a few seconds, and two nightly runs on different stores sharing one
 * `--out` must not make each other partial for that.
 */
export const SHORT_HOLD_WAIT_MS = 2_000;

/** How often a waiting run tries the lock again. */
const LOCK_POLL_MS = 50;

export interface ReportFolderLockOptions extends LockFileOptions {
  /** How long to go on trying while another run holds the lock, polling, before the LockError (default 0: at once). */
  waitMs?: number;
  /** Blocks between two tries (default pauseSync: the holders work synchronously); injected for tests. */
  pause?: (ms: number) => void;
}

/**
 * The store lock keeps two runs off one store, but runs on different stores may write the same reports folder (one
 * `--out` shared by two stores of an event): its history.json is read, changed and written back, and the scrub
 * rewrites earlier nights in place, so one of two such writers at once would lose the other's work. Takes
 * `<real path of dir>/.reactionlens.lock` (the folder must exist) or throws LockError naming the holder (exit 5, as for
 * the store); a lock whose process is gone on this host, or whose holder elsewhere stopped refreshing it, is taken over.
 * Returns the release function. Its holders hold it only through synchronous work (scrub, report), during which the
 * heartbeat's timer cannot fire: its mtime stays the time it was taken, and LOCK_STALE_AFTER_MS is well above such work.
 */
export function acquireReportFolderLock(dir: string, options: ReportFolderLockOptions = {}): () => void {
  let realDir: string;
  try {
    // the same folder named through a symlink must take the same lock
    realDir = realpathSync(dir);
  } catch (cause) {
    throw toFileError(cause, 'cannot use the reports folder', dir);
  }
  const lockPath = join(realDir, REPORT_FOLDER_LOCK);
  let failedVerb: 'create' | 'write' | undefined;
  try {
    const take = (): (() => void) =>
      takeLockFile(
        lockPath,
        {
          resource: `The reports folder ${dir}`,
          busy: (who) =>
            `The reports folder ${dir} is being written by another reactionlens run (${who}). Wait for it to finish, ` +
            `or remove ${lockPath} if that process is gone.`,
          cannotCreate: (verb, detail, cause) => {
            failedVerb = verb;
            const error = toFileError(cause, `cannot ${verb} the reports folder lock`, lockPath);
            return error instanceof FileError ? error : new FileError(`cannot ${verb} the reports folder lock ${lockPath}: ${detail}`, lockPath, { cause });
          },
        },
        options,
      );
    return retryWhileBusy(take, options);
  } catch (error) {
    // a folder this run cannot create files in (a read-only file system, or one the user may read but not write: no
    // permission): this run writes nothing there, so there is nothing to keep apart from it. A scrub that finds nothing
    // to take out still passes; one that must rewrite a file fails on that file, naming it. Only on the create: a lock
    // created and then not written is another matter (a full disk)
    const code = (error instanceof FileError ? (error.cause as NodeJS.ErrnoException | undefined)?.code : undefined) ?? '';
    if (failedVerb === 'create' && CANNOT_CREATE_HERE.has(code)) return () => {};
    throw error;
  }
}

/** Errors on creating the lock that say this run cannot create files in the folder at all. */
const CANNOT_CREATE_HERE = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * Calls `take` until it returns or throws anything but a LockError, for up to `waitMs`; the LockError of the last try
 * once that has passed. The polls are counted, not timed: a clock stepped meanwhile neither ends the wait early nor
 * stretches it.
 */
function retryWhileBusy<T>(take: () => T, options: ReportFolderLockOptions): T {
  const waitMs = options.waitMs ?? 0;
  const pause = options.pause ?? pauseSync;
  for (let waited = 0; ; waited += LOCK_POLL_MS) {
    try {
      return take();
    } catch (error) {
      if (!(error instanceof LockError) || waited >= waitMs) throw error;
    }
    pause(Math.min(LOCK_POLL_MS, waitMs - waited));
  }
}

/** Runs `work` holding the reports folder's lock; released however it ends. */
export function withReportFolderLock<T>(dir: string, work: () => T, options: ReportFolderLockOptions = {}): T {
  const release = acquireReportFolderLock(dir, options);
  try {
    return work();
  } finally {
    release();
  }
}
