import type { SaveCounts, Store } from '../store/store.js';
import type { EventConfig, SkipRecord } from '../types.js';
import type { FilterReason } from './event-filter.js';

export interface ImportOptions {
  store: Store;
  /** With an event, only its window, subreddits and query matches (and their comments) are kept. */
  event: EventConfig | null;
  /** Seconds since the epoch: the rows' fetchedAt and the cursor times. */
  now: () => number;
  /** Monotonic milliseconds, for progress rates (default performance.now). */
  clockMs?: () => number;
  /** Rows per store transaction (default 2000). */
  batchSize?: number;
  /** Save a resume point at least this often even when little is kept (default 100 000 lines). */
  checkpointLines?: number;
  /** Ignore saved resume points and read every file from the start. */
  restart?: boolean;
  /** Bad lines reported one by one (the rest are counted; default 100). */
  maxSkipRecords?: number;
  /** A line longer than this is reported and dropped (default 64 MiB). */
  maxLineBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Called with what each batch changed, inside the transaction that stores it: its writes commit with the batch, and a throw rolls the batch back. */
  onSaved?: (counts: SaveCounts) => void;
  progressEveryMs?: number;
  signal?: AbortSignal;
}

export interface ImportProgress {
  path: string;
  /** File bytes read (compressed bytes for .zst) and the file's size. */
  bytesRead: number;
  totalBytes: number;
  lines: number;
  threadsKept: number;
  commentsKept: number;
  badLines: number;
  elapsedMs: number;
  /** Bytes already done before this run (resume), not counted in the rate. */
  resumedBytes: number;
}

export type FileStatus = 'imported' | 'already imported' | 'truncated';

export interface FileImportSummary {
  path: string;
  compressed: boolean;
  status: FileStatus;
  /** Lines already imported by an earlier run and passed over. */
  resumedFromLine: number;
  /** Lines read in this run. */
  lines: number;
  /** File bytes read in this run (compressed bytes for .zst). */
  bytesRead: number;
  threadsKept: number;
  commentsKept: number;
  saved: SaveCounts;
  /** Items left out by the event filter, per reason. */
  filtered: Record<FilterReason, number>;
  /** Comments whose thread is neither in the store nor in this import (only without --event). */
  commentsWithoutThread: number;
  /** Comments whose parent was not seen, so their depth fell back to 0. */
  depthUnknown: number;
  badLines: number;
  /** The first bad lines with their numbers and reasons (see badLines for the count). */
  skipped: SkipRecord[];
  /** Why a truncated/corrupt compressed file stopped early. */
  error: string | null;
  seconds: number;
}

export interface ImportSummary {
  eventId: string | null;
  files: FileImportSummary[];
  totals: {
    lines: number;
    bytesRead: number;
    threadsKept: number;
    commentsKept: number;
    badLines: number;
    saved: SaveCounts;
    seconds: number;
  };
}

export function emptyFilterCounts(): Record<FilterReason, number> {
  return { 'outside window': 0, 'other subreddit': 0, 'no query match': 0, 'thread not kept': 0 };
}
