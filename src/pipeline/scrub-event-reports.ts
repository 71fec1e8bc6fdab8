import { LockError } from '../errors/errors.js';
import { SHORT_HOLD_WAIT_MS, withReportFolderLock } from '../report/acquire-report-folder-lock.js';
import { scrubComparisonFiles } from '../report/scrub-comparison-files.js';
import { emptyScrubResult, scrubReportFolder, type GoneContent, type ScrubResult } from '../report/scrub-report-folder.js';
import type { Store } from '../store/store.js';
import type { ContentStatus } from '../types.js';

/**
 * Scrub a reports folder against the store: a quoted comment the store holds as deleted or removed is taken out of
 * every report file there, and so is the title of a submission it holds as deleted or removed. A comment or thread
 * the store does not hold (another store wrote the folder) is left alone: nothing says it is gone.
 */
export function scrubEventReports(store: Store, dir: string, now: number): ScrubResult {
  return scrubReportFolder(dir, findGoneContent(store), now);
}

export interface ComparisonScrubOptions {
  /** A log line (stderr): a dead run's lock taken over. */
  warn: (line: string) => void;
  /** Blocks while waiting for the folder's lock (default: a synchronous sleep); injected for tests. */
  pause?: (ms: number) => void;
}

/**
 * Scrub the `compare --out` files at the top of a reports folder (`<out>/compare-*.{md,json,csv}`) against the store,
 * as scrubEventReports does an event's folder, under the folder's own lock (`compare --out` writes under it). Another
 * run holding it briefly (its own comparison scrub, a `compare --out`) is waited for up to SHORT_HOLD_WAIT_MS; past
 * that, the folder is named in `busyFolders`, not checked this time.
 */
export function scrubComparisonReports(store: Store, dir: string, options: ComparisonScrubOptions): ScrubResult {
  const lock = { warn: options.warn, waitMs: SHORT_HOLD_WAIT_MS, ...(options.pause === undefined ? {} : { pause: options.pause }) };
  try {
    return withReportFolderLock(dir, () => scrubComparisonFiles(dir, findGoneContent(store)), lock);
  } catch (error) {
    if (!(error instanceof LockError)) throw error;
    return { ...emptyScrubResult(), busyFolders: [dir] };
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
