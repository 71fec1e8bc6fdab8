import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { toFileError } from '../errors/to-file-error.js';
import { findReferencedCommentIds } from './find-referenced-comment-ids.js';
import { findTitledThreadIds } from './find-titled-thread-ids.js';
import { HISTORY_FILE } from './read-report-history.js';
import { removeQuotedComments } from './remove-quoted-comments.js';
import { removeThreadTitles } from './remove-thread-titles.js';
import { writeFileAtomic } from './write-file-atomic.js';
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
}

export function emptyScrubResult(): ScrubResult {
  return { files: [], quotesRemoved: 0, titlesRemoved: 0, unreadable: [], stillQuoting: [], stillTitled: [] };
}

/** What is gone on Reddit: comments whose quotes, and submissions whose titles, come out of earlier reports. */
export interface GoneContent {
  comment: (commentId: string) => boolean;
  thread: (threadId: string) => boolean;
}

const MANIFEST_SUFFIX = '.manifest.json';
/** `<night>.<format>`: a report file's name. */
const REPORT_FILE = /^(.+)\.(md|json|csv|html)$/;


const manifestSchema = z.looseObject({
  outputs: z.array(z.looseObject({ file: z.string(), format: z.string() })),
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
 * was live must not stay there once Reddit says it was deleted or removed. For every report reactionlens wrote into
 * `dir` (the files a `*.manifest.json` lists, and the other `<name>.{md,json,csv,html}` beside it), take out the
 * quotes of comments `gone` names, and the titles of submissions it names (a removed post's title is its author's
 * words as much as a comment is; so is the slug made from it in the links to the thread and its comments), atomically,
 * and update the manifest's hashes and its scrub log. The manifest lists the quoted comment ids and the titled thread
 * ids, so a night whose quotes and titles are all still live, and whose files on disk the manifest all lists, is not
 * even opened; a manifest from before those lists, or listed by older rules (indexVersion), or one that misses a file
 * of its night on disk (left by a call that wrote fewer formats), has its files read and gains the lists once every
 * file could be read. A manifest that cannot be read has the files of its night scrubbed, and is named as unreadable.
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
  for (const [night, files] of listNights(names)) scrubNight(join(dir, `${night}${MANIFEST_SUFFIX}`), files, gone, now, result);
  return result;
}

/** The nights of a folder (every `<name>.manifest.json`) and their report files on disk, `<name>.{md,json,csv,html}`. */
function listNights(names: readonly string[]): Map<string, Map<ReportFormat, string>> {
  const nights = new Map<string, Map<ReportFormat, string>>();
  for (const name of names) if (name.endsWith(MANIFEST_SUFFIX)) nights.set(name.slice(0, -MANIFEST_SUFFIX.length), new Map());
  for (const name of names) {
    const match = REPORT_FILE.exec(name);
    const format = REPORT_FORMATS.find((f) => f === match?.[2]);
    if (match === null || format === undefined || name === HISTORY_FILE || name.endsWith(MANIFEST_SUFFIX)) continue;
    const night = match[1]!;
    nights.get(night)?.set(format, name);
  }
  return nights;
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
  const described = listed.every((l) => l.index !== null);
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
    } else if (entry === null) {
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

/**
 * Scrub one report file in place and record it in `result`. Returns the comment ids it still names (the removers'
 * quotes and every other mention) and the threads whose titles it still shows, or why it could not be scrubbed.
 */
function scrubFile(
  path: string,
  format: ReportFormat,
  gone: GoneContent,
  result: ScrubResult,
): { quoted: Set<string>; titled: Set<string>; removed: number; titlesRemoved: number; content: string } | 'missing' | 'unreadable' {
  if (!existsSync(path)) return 'missing';
  const scrubbed = removeQuotedComments(format, readText(path), gone.comment);
  const untitled = scrubbed === null ? null : removeThreadTitles(format, scrubbed.content, gone.thread);
  if (scrubbed === null || untitled === null) {
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
