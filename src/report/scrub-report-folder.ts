import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { toFileError } from '../errors/to-file-error.js';
import { findReferencedCommentIds } from './find-referenced-comment-ids.js';
import { removeQuotedComments } from './remove-quoted-comments.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { describeOutput, REPORT_FORMATS, type ManifestOutput, type ManifestScrub } from './write-report.js';

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
 * still live is not even opened; a manifest from before that list has its files read once and gains it.
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
  let raw: unknown;
  try {
    raw = JSON.parse(readText(manifestPath));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    result.unreadable.push(manifestPath);
    return;
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    result.unreadable.push(manifestPath);
    return;
  }
  const indexed = parsed.data.quotedCommentIds;
  if (indexed !== undefined && !indexed.some(isGone)) return;

  const manifest = raw as RawManifest;
  const dir = dirname(manifestPath);
  const quoted = new Set<string>();
  let removed = 0;
  let complete = true;
  parsed.data.outputs.forEach((output, i) => {
    const format = REPORT_FORMATS.find((f) => f === output.format);
    // a manifest names files beside it, never a path elsewhere
    if (format === undefined || basename(output.file) !== output.file) return;
    const path = join(dir, output.file);
    if (!existsSync(path)) return;
    const scrubbed = removeQuotedComments(format, readText(path), isGone);
    if (scrubbed === null) {
      result.unreadable.push(path);
      complete = false;
      return;
    }
    for (const id of scrubbed.quoted) quoted.add(id);
    // what the removers did not recognise as a quote still names the comment: kept in the manifest so it is retried
    const referenced = findReferencedCommentIds(format, scrubbed.content);
    for (const id of referenced) quoted.add(id);
    if ([...referenced].some(isGone)) result.stillQuoting.push(path);
    if (scrubbed.removed === 0) return;
    writeFileAtomic(path, scrubbed.content);
    result.files.push(path);
    removed += scrubbed.removed;
    const entry = manifest.outputs[i];
    if (entry !== undefined) Object.assign(entry, pickHashes(describeOutput(output.file, format, scrubbed.content)));
  });
  result.quotesRemoved += removed;
  // an unreadable file may still quote what was removed elsewhere: its night keeps being checked
  if (removed === 0 && (indexed !== undefined || !complete)) return;
  if (complete) manifest.quotedCommentIds = [...quoted].sort();
  if (removed > 0) manifest.scrubs = [...(manifest.scrubs ?? []), { at: new Date(now * 1000).toISOString(), quotesRemoved: removed }];
  writeFileAtomic(manifestPath, `${JSON.stringify(raw, null, 2)}\n`);
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
