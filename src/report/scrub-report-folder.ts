import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { toFileError } from '../errors/to-file-error.js';
import { findReferencedCommentIds } from './find-referenced-comment-ids.js';
import { removeQuotedComments } from './remove-quoted-comments.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { describeOutput, REPORT_FORMATS, type ManifestOutput, type ManifestScrub, type ReportFormat } from './write-report.js';

export interface ScrubResult {
  /** Report files rewritten without quotes of deleted or removed comments. */
  files: string[];
  quotesRemoved: number;
  /** Manifests or report files that could not be read as ours: not checked, so they may still quote such comments. */
  unreadable: string[];
  /**
   * Report files that still name a deleted or removed comment after the scrub (edited by hand past what it can take
   * apart): whatever could be taken out was, and their night keeps the id so the next scrub tries again.
   */
  stillQuoting: string[];
}

export function emptyScrubResult(): ScrubResult {
  return { files: [], quotesRemoved: 0, unreadable: [], stillQuoting: [] };
}

const MANIFEST_SUFFIX = '.manifest.json';

const manifestSchema = z.looseObject({
  outputs: z.array(z.looseObject({ file: z.string(), format: z.string() })),
  quotedCommentIds: z.array(z.string()).optional(),
});
/** The raw parsed manifest once manifestSchema accepted it, edited in place so its other keys keep their order. */
type RawManifest = { outputs: Array<Partial<ManifestOutput>>; quotedCommentIds?: string[]; scrubs?: ManifestScrub[] };

/**
 * Nightly reports stay in their folder (and are often served from it): a quote published on a night when its comment
 * was live must not stay there once Reddit says it was deleted or removed. For every report reactionlens wrote into
 * `dir` (the files a `*.manifest.json` lists), take out the quotes of comments `isGone` names, atomically, and update
 * the manifest's hashes and its scrub log. The manifest lists the quoted comment ids, so a night whose quotes are all
 * still live is not even opened; a manifest from before that list has its files read once and gains it. A manifest
 * that cannot be read has the `<date>.{md,json,csv,html}` files beside it scrubbed, and is named as unreadable.
 */
export function scrubReportFolder(dir: string, isGone: (commentId: string) => boolean, now: number): ScrubResult {
  const result = emptyScrubResult();
  if (!existsSync(dir)) return result;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(MANIFEST_SUFFIX)).sort();
  } catch (cause) {
    throw toFileError(cause, 'cannot read', dir);
  }
  for (const name of names) scrubNight(join(dir, name), isGone, now, result);
  return result;
}

function scrubNight(manifestPath: string, isGone: (id: string) => boolean, now: number, result: ScrubResult): void {
  const manifest = readManifest(manifestPath);
  const dir = dirname(manifestPath);
  if (manifest === null) {
    // a damaged manifest cannot say what its night quotes: the files reactionlens names after the night are scrubbed
    // without it, and it is named so someone repairs it (it keeps no hashes of what was rewritten)
    result.unreadable.push(manifestPath);
    const date = basename(manifestPath).slice(0, -MANIFEST_SUFFIX.length);
    for (const format of REPORT_FORMATS) scrubFile(join(dir, `${date}.${format}`), format, isGone, result);
    return;
  }
  const { raw, parsed } = manifest;
  const indexed = parsed.quotedCommentIds;
  if (indexed !== undefined && !indexed.some(isGone)) return;

  const quoted = new Set<string>();
  let removed = 0;
  let complete = true;
  parsed.outputs.forEach((output, i) => {
    const format = REPORT_FORMATS.find((f) => f === output.format);
    // a manifest names files beside it, never a path elsewhere
    if (format === undefined || basename(output.file) !== output.file) return;
    const scrubbed = scrubFile(join(dir, output.file), format, isGone, result);
    if (scrubbed === 'missing') return;
    if (scrubbed === 'unreadable') {
      complete = false;
      return;
    }
    for (const id of scrubbed.quoted) quoted.add(id);
    if (scrubbed.removed === 0) return;
    removed += scrubbed.removed;
    const entry = raw.outputs[i];
    if (entry !== undefined) Object.assign(entry, pickHashes(describeOutput(output.file, format, scrubbed.content)));
  });
  // an unreadable file may still quote what was removed elsewhere: its night keeps being checked
  if (removed === 0 && (indexed !== undefined || !complete)) return;
  if (complete) raw.quotedCommentIds = [...quoted].sort();
  if (removed > 0) raw.scrubs = [...(raw.scrubs ?? []), { at: new Date(now * 1000).toISOString(), quotesRemoved: removed }];
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
 * Scrub one report file in place and record it in `result`. Returns the ids it still names (the removers' quotes and
 * every other mention), or why it could not be scrubbed.
 */
function scrubFile(
  path: string,
  format: ReportFormat,
  isGone: (id: string) => boolean,
  result: ScrubResult,
): { quoted: Set<string>; removed: number; content: string } | 'missing' | 'unreadable' {
  if (!existsSync(path)) return 'missing';
  const scrubbed = removeQuotedComments(format, readText(path), isGone);
  if (scrubbed === null) {
    result.unreadable.push(path);
    return 'unreadable';
  }
  // what the removers did not recognise as a quote still names the comment: kept in the manifest so it is retried
  const referenced = findReferencedCommentIds(format, scrubbed.content);
  const quoted = new Set([...scrubbed.quoted, ...referenced]);
  if ([...referenced].some(isGone)) result.stillQuoting.push(path);
  if (scrubbed.removed > 0) {
    // a report published through a symlink is scrubbed where it lives: renaming over the link would leave the target quoting
    writeFileAtomic(resolveRealPath(path), scrubbed.content);
    result.files.push(path);
    result.quotesRemoved += scrubbed.removed;
  }
  return { quoted, removed: scrubbed.removed, content: scrubbed.content };
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
