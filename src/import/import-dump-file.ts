import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { toArchiveComment, toArchiveThread } from '../archive/archive-to-domain.js';
import { FileError, SourceError } from '../errors/errors.js';
import { stripFullnamePrefix } from '../reddit/to-domain.js';
import { addSaveCounts, emptySaveCounts, type Store } from '../store/store.js';
import type { Comment, Thread } from '../types.js';
import { type EventFilter, filterThread } from './event-filter.js';
import { extractItems } from './extract-items.js';
import { emptyFilterCounts, type FileImportSummary, type ImportOptions } from './import-types.js';
import { LineSplitter } from './line-splitter.js';
import type { BoundedMap, BoundedSet } from './bounded-cache.js';
import { type DumpFile, openDumpStream } from './open-dump.js';
import { prefilterLine } from './prefilter-line.js';
import { stripBomBytes } from '../util/strip-bom.js';

/** State shared by the files of one import run, bounded whatever the files' size. */
export interface ImportSession {
  filter: EventFilter | null;
  /** With --event: the event's threads (from the store, then from this run). Bounded by the event's size. */
  keptThreads: Set<string>;
  /** Without --event: threads known to exist, a cache in front of the store. */
  knownThreads: BoundedSet;
  /** Depth of recently seen comments, for children that arrive later in the same dump. */
  depths: BoundedMap;
}

const cursorSchema = z.object({ lines: z.number().int().min(0), bytes: z.number().int().min(0), done: z.boolean() });
type Cursor = z.infer<typeof cursorSchema>;

/** A whole-document JSON file (pretty-printed API answer) is read at once; it must stay small. */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

// A damaged resume point (edited by hand, or from another version) costs only reading the dump again from its
// first line: records are upserted, as with --restart, so starting over loses and duplicates nothing.
function readResumePoint(store: Store, key: string): Cursor | undefined {
  const text = store.getCursorText(key);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function cursorKey(file: DumpFile, eventId: string | null): string {
  return `import:${file.identity}:${eventId ?? '*'}`;
}

/**
 * Imports one dump: stream → lines → (prefilter) → parse → filter → batches of
 * store.saveItems, with a resume point after each batch. Bad lines are counted
 * and reported by number; a truncated/corrupt .zst ends the file early with
 * everything before it kept (status "truncated").
 */
export async function importDumpFile(file: DumpFile, session: ImportSession, options: ImportOptions): Promise<FileImportSummary> {
  const { store } = options;
  const eventId = options.event?.id ?? null;
  const batchSize = options.batchSize ?? 2000;
  const checkpointLines = options.checkpointLines ?? 100_000;
  const maxSkipRecords = options.maxSkipRecords ?? 100;
  const clockMs = options.clockMs ?? (() => performance.now());
  const startedMs = clockMs();
  const key = cursorKey(file, eventId);
  const cursor: Cursor = (options.restart ? undefined : readResumePoint(store, key)) ?? { lines: 0, bytes: 0, done: false };

  const summary: FileImportSummary = {
    path: file.path,
    compressed: file.compressed,
    status: 'imported',
    resumedFromLine: cursor.lines,
    lines: 0,
    bytesRead: 0,
    threadsKept: 0,
    commentsKept: 0,
    saved: emptySaveCounts(),
    filtered: emptyFilterCounts(),
    commentsWithoutThread: 0,
    depthUnknown: 0,
    badLines: 0,
    skipped: [],
    error: null,
    seconds: 0,
  };
  if (cursor.done) {
    summary.status = 'already imported';
    return summary;
  }

  // Plain files restart at the saved byte offset; zstd frames must be decoded from the start, then lines are passed over.
  const startOffset = file.compressed ? 0 : cursor.bytes;
  const lineBase = file.compressed ? 0 : cursor.lines;
  const threads: Thread[] = [];
  const comments: Comment[] = [];
  // Threads of the batch in hand: not in the store yet, and the bounded cache may have just been emptied.
  const pendingThreadIds = new Set<string>();
  let lastCheckpoint = cursor.lines;
  // Set when the file turns out to be one pretty-printed JSON document rather than NDJSON.
  // `ends` are the lines' end offsets, for checkpoints should the lines turn out to be NDJSON after all (see readHeldLines).
  const document: { lines: string[] | null; ends: number[]; bytes: number; ruledOut: boolean } = { lines: null, ends: [], bytes: 0, ruledOut: false };
  const filter = session.filter;

  const bad = (lineNumber: number, reason: string): void => {
    summary.badLines++;
    if (summary.skipped.length < maxSkipRecords) summary.skipped.push({ source: file.path, record: `line ${lineNumber}`, reason, kind: 'invalid' });
  };

  const checkpoint = (lines: number, bytes: number, done: boolean): void => {
    // The batch's rows, what onSaved records of them (the import run's counts) and the resume point after them are
    // one transaction: a kill between them would leave rows that the record does not count and the resumed import
    // reads again and counts as updated, so the records of a killed import and its resumption would not add up.
    store.db.transaction(() => {
      if (threads.length + comments.length > 0) {
        // a dump (or saved JSON) is a copy from some earlier day: it confirms no comment live on Reddit now
        const saved = store.saveItems(eventId, { threads, comments }, { confirmsLive: false });
        options.onSaved?.(saved);
        addSaveCounts(summary.saved, saved);
      }
      store.setCursor(key, { lines, bytes, done } satisfies Cursor, options.now());
    })();
    threads.length = 0;
    comments.length = 0;
    pendingThreadIds.clear();
    lastCheckpoint = lines;
  };

  const depthOf = (comment: { parent_id: string }): number => {
    if (comment.parent_id.startsWith('t3_')) return 0;
    const parentId = stripFullnamePrefix(comment.parent_id);
    const cached = session.depths.get(parentId);
    if (cached !== undefined) return cached + 1;
    const stored = store.getComment(parentId);
    if (stored !== undefined) return stored.depth + 1;
    summary.depthUnknown++;
    return 0;
  };

  const threadExists = (id: string): boolean => {
    if (session.knownThreads.has(id) || pendingThreadIds.has(id)) return true;
    if (store.getThreadState(id) === undefined) return false;
    session.knownThreads.add(id);
    return true;
  };

  const handleValue = (value: unknown, lineNumber: number): void => {
    const items = extractItems(value);
    if (items.problems.length > 0) bad(lineNumber, items.problems.slice(0, 3).join('; '));
    const now = options.now();
    for (const submission of items.submissions) {
      const thread = toArchiveThread(submission, now);
      if (filter !== null) {
        const reason = filterThread(filter, thread);
        if (reason !== null) {
          summary.filtered[reason]++;
          continue;
        }
        session.keptThreads.add(thread.id);
      } else session.knownThreads.add(thread.id);
      pendingThreadIds.add(thread.id);
      threads.push(thread);
      summary.threadsKept++;
    }
    for (const { data, depth } of items.comments) {
      const threadId = stripFullnamePrefix(data.link_id);
      if (filter !== null) {
        if (!session.keptThreads.has(threadId)) {
          summary.filtered['thread not kept']++;
          continue;
        }
      } else if (!threadExists(threadId)) {
        summary.commentsWithoutThread++;
        continue;
      }
      const d = depth ?? depthOf(data);
      session.depths.set(data.id, d);
      comments.push(toArchiveComment(data, d, now));
      summary.commentsKept++;
    }
  };

  const handleLine = (line: Buffer, splitLine: number, endOffset: number): void => {
    const lineNumber = lineBase + splitLine;
    // a BOM at the start of the file (a JSON answer saved on Windows) is not part of the first record
    const bytes = startOffset === 0 && splitLine === 1 ? stripBomBytes(line) : line;
    if (document.lines !== null) {
      document.bytes += bytes.length;
      document.lines.push(bytes.toString('utf8'));
      document.ends.push(endOffset);
      if (document.bytes > MAX_DOCUMENT_BYTES) {
        // NDJSON whose first line is broken: each line is its own record, not part of one document
        if (holdsNdjsonLines(document.lines)) readHeldLines();
        else throw new SourceError(`${file.path}: a multi-line JSON document larger than 256 MiB; convert it to NDJSON (one object per line) first`);
      }
      return;
    }
    if (lineNumber === 1 && !document.ruledOut && startsMultiLineDocument(bytes)) {
      document.lines = [bytes.toString('utf8')];
      document.ends = [endOffset];
      document.bytes = bytes.length;
      return;
    }
    if (isBlank(bytes)) return;
    // Most lines of a filtered import end here, before being decoded at all.
    const reason = filter === null ? null : prefilterLine(bytes, filter, session.keptThreads);
    if (reason !== null) summary.filtered[reason]++;
    else {
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        bad(lineNumber, `not valid JSON (${(error as Error).message})`);
        value = undefined;
      }
      if (value !== undefined) handleValue(value, lineNumber);
    }
    if (threads.length + comments.length >= batchSize || lineNumber - lastCheckpoint >= checkpointLines) {
      checkpoint(lineNumber, startOffset + endOffset, false);
    }
  };

  /** The lines held as a document were NDJSON after all (a first line cut short or corrupt): read each as a line. */
  const readHeldLines = (): void => {
    const lines = document.lines ?? [];
    const ends = document.ends;
    document.lines = null;
    document.ends = [];
    document.ruledOut = true;
    lines.forEach((line, i) => handleLine(Buffer.from(line, 'utf8'), i + 1, ends[i] ?? 0));
  };

  const splitter = new LineSplitter(handleLine, (n) => bad(lineBase + n, `line longer than ${Math.round((options.maxLineBytes ?? 64 * 1024 * 1024) / 1024 / 1024)} MiB`), {
    skipLines: file.compressed ? cursor.lines : 0,
    ...(options.maxLineBytes !== undefined ? { maxLineBytes: options.maxLineBytes } : {}),
  });
  const stream = openDumpStream(file, startOffset);
  const progressEveryMs = options.progressEveryMs ?? 250;
  let lastProgress = startedMs;
  // 1 once a last line without a final newline has been read: the splitter counts only lines that end in one
  let unterminatedLines = 0;
  const report = (): void => {
    summary.lines = splitter.lines + unterminatedLines - (file.compressed ? cursor.lines : 0);
    summary.bytesRead = stream.fileBytesRead() - startOffset;
    options.onProgress?.({
      path: file.path,
      bytesRead: stream.fileBytesRead(),
      totalBytes: file.size,
      lines: lineBase + splitter.lines + unterminatedLines,
      threadsKept: summary.threadsKept,
      commentsKept: summary.commentsKept,
      badLines: summary.badLines,
      elapsedMs: clockMs() - startedMs,
      resumedBytes: startOffset,
    });
  };

  // Errors of the stream itself (a truncated or corrupt .zst, a read error) end the file with what was read;
  // errors of our own processing (the store, a document too large) are thrown as they are.
  let streamError: unknown = null;
  try {
    for await (const chunk of stream.chunks) {
      try {
        splitter.push(chunk);
      } catch (error) {
        throw new ProcessingFailure(error);
      }
      const t = clockMs();
      if (t - lastProgress >= progressEveryMs) {
        lastProgress = t;
        report();
      }
      if (options.signal?.aborted) {
        // Between chunks every line read so far has been handled: save them and where to resume. Not so the lines of
        // a multi-line JSON document still being read: none of them is handled yet, and a resume point after them
        // would have the next import read the rest of the document line by line (every line a bad one, the file then
        // marked done with nothing stored), so the resume point stays where it was.
        if (document.lines === null) checkpoint(lineBase + splitter.lines, startOffset + splitter.completedOffset, false);
        options.signal.throwIfAborted();
      }
    }
  } catch (error) {
    if (error instanceof ProcessingFailure) throw error.cause;
    if (options.signal?.aborted) throw error;
    streamError = error;
  } finally {
    stream.close();
  }

  const unterminated = splitter.unfinished;
  const tail = splitter.finish();
  if (streamError !== null) {
    // Keep everything read before the break; the cut-off last line is not trusted. It is part of the
    // truncation (a partial file, exit 4), not a bad record (exit 2), so it is named in the error, not counted.
    const cutOff = tail === null ? '' : ` Line ${lineBase + tail.lineNumber} was cut off and not imported.`;
    // lines held as a document that are NDJSON with a broken first line: their records are read, as at the end of a whole file
    if (document.lines !== null && holdsNdjsonLines(document.lines)) readHeldLines();
    const done = lineBase + splitter.lines;
    // As when stopped (above): the lines of a multi-line JSON document are not handled until its end, which never
    // came, so the resume point stays where it was. One after them would have the next import of a file with this
    // identity (a corrupt copy and its re-download can share size and first MiB) read the document's rest line by line.
    if (document.lines === null) checkpoint(done, startOffset + splitter.completedOffset, false);
    report();
    summary.seconds = (clockMs() - startedMs) / 1000;
    const message = (streamError as Error).message;
    if (!file.compressed || (streamError as NodeJS.ErrnoException).code !== undefined) {
      throw new FileError(`Cannot read ${file.path} after line ${done}: ${message}`, file.path, { cause: streamError });
    }
    // The file is whole; the machine is short: a frame's window (2 GiB in Arctic Shift's dumps) is memory the decoder
    // must hold. Taken for a cut-off file, it would be "re-download it", which changes nothing.
    if (/allocation error|not enough memory/i.test(message)) {
      throw new FileError(
        `Cannot decompress ${file.path} after line ${done}: zstd could not get the memory its frame window needs (${message}). ` +
          'A dump compressed with --long=31, as Arctic Shift\'s are, needs up to 2 GiB for it: run the import where that much ' +
          'memory is free (the next import resumes after the lines stored), or recompress the file there with a smaller window ' +
          `(zstd -d --long=31 -c ${file.path} | zstd -o smaller.zst: decoding it needs the same window) and import the smaller file here`,
        file.path,
        { cause: streamError },
      );
    }
    summary.status = 'truncated';
    const broken = `${file.path}: the zstd data ends early or is corrupt after line ${done} (${message}). `;
    summary.error =
      document.lines === null
        ? `${broken}Everything before it was kept.${cutOff} Re-download the file and import it again to add the rest.`
        : `${broken}It holds one JSON document, which cannot be read cut short: nothing of it was imported. Re-download the file and import it again.`;
    return summary;
  }
  // the last line counts whether it was handled or dropped as too long
  if (unterminated) unterminatedLines = 1;
  if (tail !== null) handleLine(tail.line, tail.lineNumber, splitter.completedOffset + tail.line.length);
  if (document.lines !== null) {
    let value: unknown;
    try {
      value = JSON.parse(document.lines.join('\n'));
    } catch (error) {
      // NDJSON whose first line is broken: that line is the bad one, and the records after it are read
      if (holdsNdjsonLines(document.lines)) readHeldLines();
      else bad(1, `not valid JSON (${(error as Error).message})`);
    }
    if (value !== undefined) handleValue(value, 1);
  }
  checkpoint(lineBase + splitter.lines + unterminatedLines, file.size, true);
  report();
  summary.seconds = (clockMs() - startedMs) / 1000;
  return summary;
}

/**
 * Whether lines held as one pretty-printed document are NDJSON instead (a first line cut short or corrupt): most lines
 * after the first are whole JSON objects by themselves. One such line is not enough: a pretty-printer that keeps short
 * objects on one line (prettier, "one element per line" arrays) writes the last element of every array as a whole
 * object with no comma after it (`{"kind": "t3", "data": {…}}` before `]`); every other line of an array (its opening,
 * its closing, the elements followed by a comma) is no whole object, so in such a document they are at most a third
 * of the lines, while in NDJSON every line but a broken one is.
 */
function holdsNdjsonLines(lines: readonly string[]): boolean {
  let whole = 0;
  let other = 0;
  for (let i = 1; i < lines.length; i++) {
    const text = (lines[i] as string).trim();
    if (text === '') continue;
    if (isWholeObject(text)) whole++;
    else other++;
  }
  return whole > other;
}

function isWholeObject(text: string): boolean {
  if (!text.startsWith('{') || !text.endsWith('}')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  } catch {
    return false;
  }
}

function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x20) return false;
  return true;
}

/** Marks an error thrown while handling lines, so it is not taken for a broken stream. */
class ProcessingFailure {
  constructor(readonly cause: unknown) {}
}

/** A first line like `[` or `{` that is not JSON by itself: a pretty-printed saved answer. */
function startsMultiLineDocument(bytes: Buffer): boolean {
  const first = bytes.find((b) => b > 0x20);
  if (first !== 0x5b /* [ */ && first !== 0x7b /* { */) return false;
  const trimmed = bytes.toString('utf8').trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return false;
  try {
    JSON.parse(trimmed);
    return false;
  } catch {
    return true;
  }
}
