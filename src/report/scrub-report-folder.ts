import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { toFileError } from '../errors/to-file-error.js';
import { findReferencedCommentIds } from './find-referenced-comment-ids.js';
import { findTitledThreadIds } from './find-titled-thread-ids.js';
import { HISTORY_FILE } from './read-report-history.js';
import { removeQuotedComments } from './remove-quoted-comments.js';
import { removeThreadTitles } from './remove-thread-titles.js';
import { readTempTarget, writeFileAtomic } from './write-file-atomic.js';
import { describeOutput, MANIFEST_INDEX_VERSION, REPORT_FORMATS, type ManifestOutput, type ManifestScrub, type ReportFormat } from './write-report.js';

export interface ScrubResult {
  /** Report files rewritten without quotes of deleted or removed comments or titles of deleted or removed submissions. */
  files: string[];
  quotesRemoved: number;
  /** Titles of deleted or removed submissions taken out (thread lists and quote attributions), and their slugs in links. */
  titlesRemoved: number;
  /** Manifests or report files that could not be read as ours: not checked, so they may still quote such comments. */
  unreadable: string[];
  /**
   * Report files that still name a deleted or removed comment after the scrub (edited by hand past what it can take
   * apart): whatever could be taken out was, and their night keeps the id so the next scrub tries again.
   */
  stillQuoting: string[];
  /** Report files that still show the title of a deleted or removed submission (or its slug in a link) after the scrub (edited by hand), likewise. */
  stillTitled: string[];
  /** Temp files of a write killed midway (report text no manifest lists), removed. */
  staleTempFiles: string[];
  /** Folders another reactionlens run was writing, so their files were not checked (the next scrub checks them). */
  busyFolders: string[];
  /** Folders `compare --out` wrote into that could not be read or written, so their comparison files were not checked. */
  unreadableFolders: string[];
  /** Folders besides the reports folder, recorded as `compare --out` targets, whose comparison files were checked. */
  comparisonFolders: string[];
}

export function emptyScrubResult(): ScrubResult {
  return { files: [], quotesRemoved: 0, titlesRemoved: 0, unreadable: [], stillQuoting: [], stillTitled: [], staleTempFiles: [], busyFolders: [], unreadableFolders: [], comparisonFolders: [] };
}

/** Adds what `one` scrub did to `total` (several folders scrubbed by one command). */
export function addScrubResult(total: ScrubResult, one: ScrubResult): void {
  total.files.push(...one.files);
  total.quotesRemoved += one.quotesRemoved;
  total.titlesRemoved += one.titlesRemoved;
  total.unreadable.push(...one.unreadable);
  total.stillQuoting.push(...one.stillQuoting);
  total.stillTitled.push(...one.stillTitled);
  total.staleTempFiles.push(...one.staleTempFiles);
  total.busyFolders.push(...one.busyFolders);
  total.unreadableFolders.push(...one.unreadableFolders);
  total.comparisonFolders.push(...one.comparisonFolders);
}

/** What is gone on Reddit: comments whose quotes, and submissions whose titles, come out of earlier reports. */
export interface GoneContent {
  comment: (commentId: string) => boolean;
  thread: (threadId: string) => boolean;
}

const MANIFEST_SUFFIX = '.manifest.json';
/** `<night>.<format>`: a report file's name. */
const REPORT_FILE = /^(.+)\.(md|json|csv|html)$/;
/** The names reactionlens gives a night's files (the report's date). */
const NIGHT_NAME = /^\d{4}-\d{2}-\d{2}$/;

const manifestSchema = z.looseObject({
  outputs: z.array(z.looseObject({ file: z.string(), format: z.string(), bytes: z.number().optional().catch(undefined) })),
  quotedCommentIds: z.array(z.string()).optional(),
  titledThreadIds: z.array(z.string()).optional(),
  // a hand-edited value is no reason to leave the night unscrubbed: it only makes the lists untrusted
  indexVersion: z.number().optional().catch(undefined),
});
/** The raw parsed manifest once manifestSchema accepted it, edited in place so its other keys keep their order. */
type RawManifest = {
  outputs: Array<Partial<ManifestOutput>>;
  quotedCommentIds?: string[];
  titledThreadIds?: string[];
  indexVersion?: unknown;
  scrubs?: ManifestScrub[];
};

/**
 * Nightly reports stay in their folder (and are often served from it): a quote published on a night when its comment
 * was live must not stay there once Reddit says it was deleted or removed. For every report file of `dir` (the files a
 * `*.manifest.json` lists, the other `<name>.{md,json,csv,html}` beside it, and `<date>.{md,json,csv,html}` with no
 * manifest at all), take out the quotes of comments `gone` names, and the titles of submissions it names (a removed
 * post's title is its author's words as much as a comment is; so is the slug made from it in the links to the thread
 * and its comments), atomically, and update the manifest's hashes and its scrub log. The manifest lists the quoted
 * comment ids and the titled thread ids, so a night whose quotes and titles are all still live, and whose files on
 * disk are the ones the manifest lists at the sizes it records (a stat, no read), is not even opened. Any other night
 * has its files read: a manifest from before those lists, or listed by older rules (indexVersion), one that misses a
 * file of its night or records other bytes for it (a write that stopped midway, a hand edit), gains the lists of what
 * is on disk once every file could be read; a night with no manifest is read on every scrub. A manifest that cannot be
 * read has the files of its night scrubbed, and is named as unreadable. Temp files a killed write left (report text)
 * are removed first: the caller holds the folder's lock.
 */
export function scrubReportFolder(dir: string, gone: GoneContent, now: number): ScrubResult {
  const result = emptyScrubResult();
  if (!existsSync(dir)) return result;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (cause) {
    throw toFileError(cause, 'cannot read', dir);
  }
  const present = new Set(names);
  const nights = listNights(names);
  result.staleTempFiles = removeStaleTempFiles(dir, names, (target) => {
    const night = target.endsWith(MANIFEST_SUFFIX) ? target.slice(0, -MANIFEST_SUFFIX.length) : REPORT_FILE.exec(target)?.[1];
    return target === HISTORY_FILE || (night !== undefined && (nights.has(night) || NIGHT_NAME.test(night)));
  });
  for (const [night, files] of nights) {
    const manifestPath = join(dir, `${night}${MANIFEST_SUFFIX}`);
    if (present.has(`${night}${MANIFEST_SUFFIX}`)) {
      scrubNight(manifestPath, files, gone, now, result);
      continue;
    }
    // no manifest (a first write of the night killed before it, or files copied in): nothing says what they quote, so
    // each scrub reads them in full
    for (const [format, file] of files) scrubFile(join(dir, file), format, gone, result);
  }
  return result;
}

/**
 * The nights of a folder and their report files on disk: every `<name>.manifest.json`, and every
 * `<date>.{md,json,csv,html}` (the names reactionlens gives a night) or `<name>.{md,json,csv,html}` beside a manifest.
 */
function listNights(names: readonly string[]): Map<string, Map<ReportFormat, string>> {
  const nights = new Map<string, Map<ReportFormat, string>>();
  for (const name of names) if (name.endsWith(MANIFEST_SUFFIX)) nights.set(name.slice(0, -MANIFEST_SUFFIX.length), new Map());
  for (const name of names) {
    const match = REPORT_FILE.exec(name);
    const format = REPORT_FORMATS.find((f) => f === match?.[2]);
    if (match === null || format === undefined || name === HISTORY_FILE || name.endsWith(MANIFEST_SUFFIX)) continue;
    const night = match[1]!;
    if (!nights.has(night) && !NIGHT_NAME.test(night)) continue;
    const files = nights.get(night) ?? new Map<ReportFormat, string>();
    files.set(format, name);
    nights.set(night, files);
  }
  return nights;
}

/**
 * writeFileAtomic's temp files (`.<name>.<pid>.<hex>.tmp`) among `names` whose target `isOurs` says reactionlens writes
 * here (a report, a manifest, history.json, a comparison), left by a process killed mid-write: whole or partial report
 * text no manifest lists, which would stay published and never be scrubbed. The caller holds the folder's lock, so no
 * live run is writing them. Returns the paths removed.
 */
export function removeStaleTempFiles(dir: string, names: readonly string[], isOurs: (target: string) => boolean): string[] {
  const removed: string[] = [];
  for (const name of names) {
    const target = readTempTarget(name);
    if (target === undefined || !isOurs(target)) continue;
    const path = join(dir, name);
    try {
      rmSync(path, { force: true });
    } catch (cause) {
      throw toFileError(cause, 'cannot remove', path);
    }
    removed.push(path);
  }
  return removed;
}

function scrubNight(manifestPath: string, onDisk: ReadonlyMap<ReportFormat, string>, gone: GoneContent, now: number, result: ScrubResult): void {
  const manifest = readManifest(manifestPath);
  const dir = dirname(manifestPath);
  if (manifest === null) {
    // a damaged manifest cannot say what its night quotes: the files reactionlens names after the night are scrubbed
    // without it, and it is named so someone repairs it (it keeps no hashes of what was rewritten)
    result.unreadable.push(manifestPath);
    for (const [format, file] of onDisk) scrubFile(join(dir, file), format, gone, result);
    return;
  }
  const { raw, parsed } = manifest;
  const indexed =
    parsed.quotedCommentIds !== undefined && parsed.titledThreadIds !== undefined && (parsed.indexVersion ?? 1) >= MANIFEST_INDEX_VERSION;
  // the files the manifest lists, and those of the night on disk it does not list (written by a call that did not
  // finish, or left by an older reactionlens that listed only the formats of its last call): read and adopted
  const listed: Array<{ file: string; format: ReportFormat; index: number | null }> = [];
  parsed.outputs.forEach((output, index) => {
    const format = REPORT_FORMATS.find((f) => f === output.format);
    // a manifest names files beside it, never a path elsewhere
    if (format !== undefined && basename(output.file) === output.file) listed.push({ file: output.file, format, index });
  });
  for (const [format, file] of onDisk) if (!listed.some((l) => l.file === file)) listed.push({ file, format, index: null });
  // the id lists cover a file only as the manifest describes it: one of another size was written or edited since
  const described = listed.every((l) => l.index !== null && matchesSize(join(dir, l.file), parsed.outputs[l.index]?.bytes));
  if (indexed && described && !(parsed.quotedCommentIds ?? []).some(gone.comment) && !(parsed.titledThreadIds ?? []).some(gone.thread)) return;

  const quoted = new Set<string>();
  const titled = new Set<string>();
  let removed = 0;
  let titlesRemoved = 0;
  let complete = true;
  const refreshed: Array<{ entry: Partial<ManifestOutput> | null; output: ManifestOutput }> = [];
  for (const { file, format, index } of listed) {
    const scrubbed = scrubFile(join(dir, file), format, gone, result);
    if (scrubbed === 'missing') continue;
    if (scrubbed === 'unreadable') {
      complete = false;
      continue;
    }
    for (const id of scrubbed.quoted) quoted.add(id);
    for (const id of scrubbed.titled) titled.add(id);
    removed += scrubbed.removed;
    titlesRemoved += scrubbed.titlesRemoved;
    const entry = index === null ? null : (raw.outputs[index] ?? null);
    const output = describeOutput(file, format, scrubbed.content);
    if (scrubbed.removed + scrubbed.titlesRemoved > 0) {
      if (entry !== null) Object.assign(entry, pickHashes(output));
      else refreshed.push({ entry, output });
    } else if (entry === null || entry.sha256 !== output.sha256 || entry.bytes !== output.bytes) {
      refreshed.push({ entry, output });
    }
  }
  // an unreadable file may still quote what was removed elsewhere: its night keeps being checked, and the manifest
  // describes no file it did not fully read (a file adopted or re-hashed now would be trusted by lists that miss it)
  const relist = complete && (!indexed || refreshed.length > 0);
  if (removed + titlesRemoved === 0 && !relist) return;
  if (complete) {
    raw.quotedCommentIds = [...quoted].sort();
    raw.titledThreadIds = [...titled].sort();
    raw.indexVersion = MANIFEST_INDEX_VERSION;
    for (const { entry, output } of refreshed) {
      if (entry !== null) Object.assign(entry, pickHashes(output));
      else raw.outputs.push(output);
    }
  }
  const reindexed = complete ? refreshed.map((r) => r.output.file) : [];
  if (removed + titlesRemoved > 0 || reindexed.length > 0) {
    const scrub: ManifestScrub = { at: new Date(now * 1000).toISOString(), quotesRemoved: removed };
    if (titlesRemoved > 0) scrub.titlesRemoved = titlesRemoved;
    if (reindexed.length > 0) scrub.reindexed = reindexed;
    raw.scrubs = [...(raw.scrubs ?? []), scrub];
  }
  writeFileAtomic(resolveRealPath(manifestPath), `${JSON.stringify(raw, null, 2)}\n`);
}

/** Whether the file on disk has the size its manifest entry records (a stat, not a read); a missing file matches. */
function matchesSize(path: string, bytes: number | undefined): boolean {
  try {
    return statSync(path).size === bytes;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw toFileError(cause, 'cannot read', path);
  }
}

function readManifest(path: string): { raw: RawManifest; parsed: z.infer<typeof manifestSchema> } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(path));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return null;
  }
  const parsed = manifestSchema.safeParse(raw);
  return parsed.success ? { raw: raw as RawManifest, parsed: parsed.data } : null;
}

interface ScrubbedFile {
  quoted: Set<string>;
  titled: Set<string>;
  removed: number;
  titlesRemoved: number;
  content: string;
}

/**
 * Scrub one report file in place and record it in `result`. Returns the comment ids it still names (the removers'
 * quotes and every other mention) and the threads whose titles it still shows, or why it could not be scrubbed
 * ('foreign': a file it cannot take apart that the caller's `isForeign` says is not one of ours).
 */
export function scrubFile(path: string, format: ReportFormat, gone: GoneContent, result: ScrubResult): ScrubbedFile | 'missing' | 'unreadable';
export function scrubFile(
  path: string,
  format: ReportFormat,
  gone: GoneContent,
  result: ScrubResult,
  isForeign: (content: string) => boolean,
): ScrubbedFile | 'missing' | 'unreadable' | 'foreign';
export function scrubFile(
  path: string,
  format: ReportFormat,
  gone: GoneContent,
  result: ScrubResult,
  isForeign?: (content: string) => boolean,
): ScrubbedFile | 'missing' | 'unreadable' | 'foreign' {
  if (!existsSync(path)) return 'missing';
  const text = readText(path);
  const scrubbed = removeQuotedComments(format, text, gone.comment);
  const untitled = scrubbed === null ? null : removeThreadTitles(format, scrubbed.content, gone.thread);
  if (scrubbed === null || untitled === null) {
    // `isForeign`: the caller scans a folder by file name, where a file not ours can match (scrubComparisonFiles)
    if (isForeign?.(text) === true) return 'foreign';
    result.unreadable.push(path);
    return 'unreadable';
  }
  const content = untitled.content;
  // what the removers did not recognise as a quote still names the comment: kept in the manifest so it is retried
  const referenced = findReferencedCommentIds(format, content);
  const quoted = new Set([...scrubbed.quoted, ...referenced]);
  if ([...referenced].some(gone.comment)) result.stillQuoting.push(path);
  // likewise a title the remover could not take apart (a hand-edited thread list or attribution)
  const titled = findTitledThreadIds(format, content);
  if ([...titled].some(gone.thread)) result.stillTitled.push(path);
  if (scrubbed.removed + untitled.removed > 0) {
    // a report published through a symlink is scrubbed where it lives: renaming over the link would leave the target quoting
    writeFileAtomic(resolveRealPath(path), content);
    result.files.push(path);
    result.quotesRemoved += scrubbed.removed;
    result.titlesRemoved += untitled.removed;
  }
  return { quoted, titled, removed: scrubbed.removed, titlesRemoved: untitled.removed, content };
}

function pickHashes(output: ManifestOutput): Pick<ManifestOutput, 'bytes' | 'sha256'> {
  return { bytes: output.bytes, sha256: output.sha256 };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw toFileError(cause, 'cannot read', path);
  }
}

function resolveRealPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (cause) {
    throw toFileError(cause, 'cannot resolve', path);
  }
}
