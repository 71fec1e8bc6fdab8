import { performance } from 'node:perf_hooks';
import { addSaveCounts, emptySaveCounts } from '../store/store.js';
import { BoundedMap, BoundedSet } from './bounded-cache.js';
import { createEventFilter } from './event-filter.js';
import { type ImportSession, importDumpFile } from './import-dump-file.js';
import type { ImportOptions, ImportSummary } from './import-types.js';
import { type DumpFile, inspectDump, orderDumps } from './open-dump.js';

/** Cache sizes: large enough for a month's reply chains, small enough for a flat ~100 MB. */
const KNOWN_THREADS_CACHE = 200_000;
const DEPTH_CACHE = 500_000;

/**
 * `reactionlens import`: Arctic Shift / Pushshift NDJSON dumps (plain or .zst)
 * and saved Reddit API JSON into the store. Submission files (RS_*) go first so
 * comment files (RC_*) find their threads. With an event, the event's threads
 * already in the store count as kept, so comments can be imported later on
 * their own. Every file is checked (exists, readable) before any is read; a caller that must check them before it
 * opens the store (the import command) passes them already inspected.
 */
export async function importDumps(paths: ReadonlyArray<string | DumpFile>, options: ImportOptions): Promise<ImportSummary> {
  const clockMs = options.clockMs ?? (() => performance.now());
  const started = clockMs();
  const files = orderDumps(await Promise.all(paths.map((p) => (typeof p === 'string' ? inspectDump(p) : p))));
  const session: ImportSession = {
    filter: options.event === null ? null : createEventFilter(options.event),
    keptThreads: new Set(options.event === null ? [] : options.store.listThreads(options.event.id).map((t) => t.id)),
    knownThreads: new BoundedSet(KNOWN_THREADS_CACHE),
    depths: new BoundedMap(DEPTH_CACHE),
  };
  const summary: ImportSummary = {
    eventId: options.event?.id ?? null,
    files: [],
    totals: { lines: 0, bytesRead: 0, threadsKept: 0, commentsKept: 0, badLines: 0, saved: emptySaveCounts(), seconds: 0 },
  };
  for (const file of files) {
    const result = await importDumpFile(file, session, { ...options, clockMs });
    summary.files.push(result);
    summary.totals.lines += result.lines;
    summary.totals.bytesRead += result.bytesRead;
    summary.totals.threadsKept += result.threadsKept;
    summary.totals.commentsKept += result.commentsKept;
    summary.totals.badLines += result.badLines;
    addSaveCounts(summary.totals.saved, result.saved);
  }
  summary.totals.seconds = (clockMs() - started) / 1000;
  return summary;
}
