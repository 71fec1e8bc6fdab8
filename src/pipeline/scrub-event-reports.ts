import { realpathSync, statSync } from 'node:fs';
import { FileError, LockError } from '../errors/errors.js';
import { isFileSystemError } from '../errors/to-file-error.js';
import { SHORT_HOLD_WAIT_MS, withReportFolderLock } from '../report/acquire-report-folder-lock.js';
import { scrubComparisonFiles } from '../report/scrub-comparison-files.js';
import { addScrubResult, emptyScrubResult, scrubReportFolder, type GoneContent, type ScrubResult } from '../report/scrub-report-folder.js';
import type { Store } from '../store/store.js';
import type { ContentStatus } from '../types.js';
import { noteFoundComparisonFolder, noteMissingComparisonFolder } from './note-comparison-folder.js';

/**
 * Scrub a reports folder against the store: a quoted comment the store holds as deleted or removed is taken out of
 * every report file there, and so is the title of a submission it holds as deleted or removed. A comment or thread
 * the store does not hold (another store wrote the folder) is left alone: nothing says it is gone.
 */
export function scrubEventReports(store: Store, dir: string, now: number): ScrubResult {
  return scrubReportFolder(dir, findGoneContent(store), now);
}

export interface ComparisonScrubOptions {
  /** A log line (stderr): a dead run's lock taken over, a recorded comparison folder not found. */
  warn: (line: string) => void;
  /** Now, in seconds: when a recorded folder not found was first missed (see noteMissingComparisonFolder). */
  now: number;
  /**
   * A folder whose lock the caller holds already (the event folder a run is writing): when `compare --out` wrote into
   * it, its comparisons are scrubbed without taking the lock again, which this process's own hold would refuse.
   */
  heldFolder?: string;
  /** Blocks while waiting for a folder's lock (default: a synchronous sleep); injected for tests. */
  pause?: (ms: number) => void;
}

/**
 * Scrub the `compare --out` files (`compare-*.{md,json,csv}`) against the store, as scrubEventReports does an event's
 * folder: those at the top of the reports folder `dir`, and those in every other folder the store records `compare
 * --out` writing into (a folder named twice, or the same as `dir` through a symlink, is scrubbed once). Each folder
 * under its own lock (`compare --out` writes under it); another run holding it (its own comparison scrub, a `compare
 * --out`) is waited for up to SHORT_HOLD_WAIT_MS, and past that the folder is named in `busyFolders`, not checked this
 * time. A recorded folder not found is said on stderr and forgotten only once missing for long (see
 * noteMissingComparisonFolder); one that cannot be read is named in `unreadableFolders`. `dir` that cannot be read or
 * written is thrown, as the caller's own reports folder, but only after the recorded folders are scrubbed.
 */
export function scrubComparisonReports(store: Store, dir: string, options: ComparisonScrubOptions): ScrubResult {
  const gone = findGoneContent(store);
  let total: ScrubResult;
  let dirError: unknown;
  const seen = new Set<string | undefined>();
  try {
    seen.add(findRealFolder(dir));
    total = scrubComparisonFolder(dir, gone, options);
  } catch (error) {
    // the other folders' deleted quotes must not stay published because this one failed; anything but a file error
    // (a store that cannot be read) would fail them all alike
    if (!(error instanceof FileError) && !isFileSystemError(error)) throw error;
    dirError = error;
    total = emptyScrubResult();
  }
  const held = options.heldFolder === undefined ? undefined : findRealFolder(options.heldFolder);
  for (const recorded of store.listComparisonFolders()) {
    const folder = recorded.path;
    try {
      const real = findRealFolder(folder);
      if (real === undefined) {
        noteMissingComparisonFolder(store, recorded, options.now, options.warn);
        continue;
      }
      noteFoundComparisonFolder(store, recorded, options.warn);
      if (seen.has(real)) continue;
      seen.add(real);
      const one = real === held ? scrubComparisonFiles(folder, gone) : scrubComparisonFolder(folder, gone, options);
      addScrubResult(total, one);
      if (one.busyFolders.length === 0) total.comparisonFolders.push(folder);
    } catch (error) {
      // a folder elsewhere that cannot be read or written (another user's) is named as not checked (exit 4), as an
      // unreadable comparison file is: it must not fail the night's report of an event it may not even be about
      if (!(error instanceof FileError) && !isFileSystemError(error)) throw error;
      total.unreadableFolders.push(folder);
    }
  }
  if (dirError !== undefined) throw dirError;
  return total;
}

function scrubComparisonFolder(dir: string, gone: GoneContent, options: ComparisonScrubOptions): ScrubResult {
  const lock = { warn: options.warn, waitMs: SHORT_HOLD_WAIT_MS, ...(options.pause === undefined ? {} : { pause: options.pause }) };
  try {
    return withReportFolderLock(dir, () => scrubComparisonFiles(dir, gone), lock);
  } catch (error) {
    if (!(error instanceof LockError)) throw error;
    return { ...emptyScrubResult(), busyFolders: [dir] };
  }
}

/** The folder's real path, or undefined when there is no folder there any more; throws when that cannot be told (EACCES). */
function findRealFolder(dir: string): string | undefined {
  try {
    const real = realpathSync(dir);
    return statSync(real).isDirectory() ? real : undefined;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw cause;
  }
}

function findGoneContent(store: Store): GoneContent {
  return {
    comment: remember((id) => isKnownGone(store.getComment(id)?.status)),
    thread: remember((id) => isKnownGone(store.getThread(id)?.status)),
  };
}

/** Gone as far as the store knows: held as deleted or removed. One it does not hold (undefined) is not known to be gone. */
function isKnownGone(status: ContentStatus | undefined): boolean {
  return status !== undefined && status !== 'live';
}

/** One store lookup per id however many nights name it. */
function remember(isGone: (id: string) => boolean): (id: string) => boolean {
  const answers = new Map<string, boolean>();
  return (id) => {
    let answer = answers.get(id);
    if (answer === undefined) answers.set(id, (answer = isGone(id)));
    return answer;
  };
}
