import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';
import { hasTitleSlug } from '../reddit/has-title-slug.js';
import { HISTORY_FILE, readReportHistory } from './read-report-history.js';
import type { ReportHistory } from './read-report-history.js';
import { addCsvBom, renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import type { Report, TrendPoint } from './report.js';
import type { ReportQuote } from './pick-quotes.js';
import { ensureWritableDir } from './ensure-writable-dir.js';
import { indexReportFile } from './index-report-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

export type ReportFormat = 'md' | 'json' | 'csv' | 'html';
/**
 * The rules a manifest's quotedCommentIds and titledThreadIds are listed by (RunManifest.indexVersion). 2: a title's
 * slug in a link counts as showing the title. A manifest listed by older rules (no indexVersion: titles in words only)
 * is not trusted to name every thread a night shows: the scrub reads its files once and lists them again.
 */
export const MANIFEST_INDEX_VERSION = 2;
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'csv', 'html'];

export interface ReportTarget {
  dir: string;
  /** File name without extension, e.g. the run date 2025-12-17. */
  basename: string;
  formats: ReportFormat[];
  /** Seconds; only the manifest records it. Default: the clock (this is the I/O edge). */
  now?: number;
  /** Default: package.json's version. */
  toolVersion?: string;
  /** Update <dir>/history.json with this report's trend point (default true). */
  updateHistory?: boolean;
  /** The points <dir>/history.json holds, when the caller has read them already under the folder's lock. Default: read here. */
  history?: readonly TrendPoint[];
  /**
   * Called once the report files and the manifest are written, just before history.json: a run records its outcome
   * here, so that a night whose recording fails has no point in the trend (history.json is written last). A run killed
   * between the two has its point taken back from its JSON report by the next read for writing (recoverReportHistory).
   */
  beforeHistory?: () => void;
}

export interface ManifestOutput {
  file: string;
  format: ReportFormat | 'history';
  bytes: number;
  sha256: string;
}

export interface RunManifest {
  schema: 'reactionlens/manifest@1';
  tool: { name: 'reactionlens'; version: string };
  generatedAt: string;
  event: { id: string; configHash: string; window: { from: number; to: number } };
  tagger: string;
  asOf: number;
  date: string;
  counts: Report['counts'];
  runs: Report['runs'];
  inputHashes: Report['inputs']['hashes'];
  withAuthors: boolean;
  /**
   * Comments the report quotes (ids only, no words): a later run compares them with what Reddit deleted or removed
   * since, without opening the report files, and scrubs the files that quote one (scrubReportFolder).
   */
  quotedCommentIds: string[];
  /**
   * Submissions whose titles the report shows, in words (thread list, quote attributions) or as the slug in a link to
   * the thread or one of its comments: scrubbed likewise once deleted or removed.
   */
  titledThreadIds: string[];
  /** The rules the two lists above were made by (MANIFEST_INDEX_VERSION). */
  indexVersion: number;
  outputs: ManifestOutput[];
  /** Each later scrub of these files: when, and how many quotes of deleted or removed comments it took out. */
  scrubs?: ManifestScrub[];
}

export interface ManifestScrub {
  at: string;
  quotesRemoved: number;
  /** Titles of deleted or removed submissions taken out; absent when none were. */
  titlesRemoved?: number;
  /**
   * Files the manifest did not describe as they were on disk (not listed, or of other bytes: a write that did not
   * finish, a hand edit), read in full and listed as found; absent when none were.
   */
  reindexed?: string[];
}

const RENDERERS: Record<ReportFormat, (report: Report) => string> = {
  md: renderMarkdown,
  json: renderJson,
  csv: (report) => addCsvBom(renderCsv(report)),
  html: renderHtml,
};

/**
 * Render and write the requested formats atomically, update the event's
 * trend history, and write a manifest beside them (tool and tagger version,
 * config and input hashes, output hashes) so the report can be audited and
 * reproduced. Returns every path written, manifest last (as listed, not as written).
 *
 * history.json is written after everything else of the night (and after target.beforeHistory): the trend is what later
 * nights' reports are drawn from, and a point written before a write that then fails would show a night that failed
 * as a complete one. A call that stops before it leaves history.json as it was.
 *
 * The manifest's id lists are how the scrub finds the nights to open, so they must cover every file of the night on
 * disk at every moment: files of formats this call does not write (an earlier call's) stay listed with what they
 * quote, and the manifest is written first with the lists of both what the files hold now and what replaces them, so
 * a call that stops midway (killed, disk full) leaves no file the lists miss. A file of the night that is no report
 * reactionlens can read is left out of the manifest, so each scrub reads it.
 */
export function writeReport(report: Report, target: ReportTarget): string[] {
  if (!/^[\w.-]+$/.test(target.basename) || target.basename.startsWith('.')) {
    throw new ConfigError(`Invalid report name "${target.basename}": use letters, digits, dot, dash, underscore`);
  }
  ensureWritableDir(target.dir, 'reports folder');
  const formats = [...new Set(target.formats)];
  const files = formats.map((format) => ({ format, file: `${target.basename}.${format}`, content: RENDERERS[format](report) }));
  const earlier = readEarlierFiles(target.dir, target.basename);
  const kept = earlier.filter((e) => !formats.includes(e.format));
  const replaced = earlier.filter((e) => formats.includes(e.format));
  const history = (target.updateHistory ?? true) ? renderHistory(report, target.history ?? readReportHistory(target.dir)) : null;

  const outputs: ManifestOutput[] = [
    ...files.map((f) => describeOutput(f.file, f.format, f.content)),
    ...kept.filter((e) => e.index !== null).map((e) => describeOutput(e.file, e.format, e.content)),
    ...(history === null ? [] : [describeOutput(HISTORY_FILE, 'history', history)]),
  ];
  const manifest: RunManifest = {
    schema: 'reactionlens/manifest@1',
    tool: { name: 'reactionlens', version: target.toolVersion ?? readToolVersion() },
    generatedAt: new Date((target.now ?? Date.now() / 1000) * 1000).toISOString(),
    event: { id: report.event.id, configHash: report.event.configHash, window: report.event.window },
    tagger: report.tagger,
    asOf: report.asOf,
    date: report.date,
    counts: report.counts,
    runs: report.runs,
    inputHashes: report.inputs.hashes,
    withAuthors: report.inputs.withAuthors,
    quotedCommentIds: mergeIds(listQuotedCommentIds(report), kept.map((e) => e.index?.quoted)),
    titledThreadIds: mergeIds(listTitledThreadIds(report), kept.map((e) => e.index?.titled)),
    indexVersion: MANIFEST_INDEX_VERSION,
    outputs,
  };
  const manifestPath = join(target.dir, `${target.basename}.manifest.json`);
  // ahead of the files: until each is replaced, the lists also cover what it holds now; one whose content cannot be
  // read is not listed until then
  const unknown = new Set(replaced.filter((e) => e.index === null).map((e) => e.file));
  const ahead: RunManifest = {
    ...manifest,
    quotedCommentIds: mergeIds(manifest.quotedCommentIds, replaced.map((e) => e.index?.quoted)),
    titledThreadIds: mergeIds(manifest.titledThreadIds, replaced.map((e) => e.index?.titled)),
    outputs: outputs.filter((o) => !unknown.has(o.file)),
  };
  const aheadText = `${JSON.stringify(ahead, null, 2)}\n`;
  writeFileAtomic(manifestPath, aheadText);

  const written: string[] = [];
  for (const { file, content } of files) {
    const path = join(target.dir, file);
    writeFileAtomic(path, content);
    written.push(path);
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  if (manifestText !== aheadText) writeFileAtomic(manifestPath, manifestText);
  target.beforeHistory?.();
  if (history !== null) {
    const path = join(target.dir, HISTORY_FILE);
    writeFileAtomic(path, history);
    written.push(path);
  }
  written.push(manifestPath);
  return written;
}

interface EarlierFile {
  format: ReportFormat;
  file: string;
  content: string;
  /** What it quotes and titles; null when it is no report reactionlens can read. */
  index: ReturnType<typeof indexReportFile>;
}

/** The files of the night `basename` already in `dir` (an earlier call's), read and indexed. */
function readEarlierFiles(dir: string, basename: string): EarlierFile[] {
  const earlier: EarlierFile[] = [];
  for (const format of REPORT_FORMATS) {
    const file = `${basename}.${format}`;
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (cause) {
      throw toFileError(cause, 'cannot read', path);
    }
    earlier.push({ format, file, content, index: indexReportFile(format, content) });
  }
  return earlier;
}

function mergeIds(ids: readonly string[], more: ReadonlyArray<ReadonlySet<string> | undefined>): string[] {
  const all = new Set(ids);
  for (const set of more) for (const id of set ?? []) all.add(id);
  return [...all].sort();
}

/**
 * history.json with this report's point replacing any earlier point of the same date; a report with no point of its
 * own (no stored comment: buildReport) leaves the points as they were, that date's included.
 */
export function renderHistory(report: Report, previous: readonly TrendPoint[]): string {
  const current = report.trend.find((p) => p.date === report.date);
  const points = (current === undefined ? [...previous] : [...previous.filter((p) => p.date !== report.date), current]).sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  );
  const history: ReportHistory = { schema: 'reactionlens/history@1', eventId: report.event.id, points };
  return `${JSON.stringify(history, null, 2)}\n`;
}

/** Every quote the report shows, highlights and per-tag lists alike (one quote may be in both). */
function listShownQuotes(report: Report): ReportQuote[] {
  return [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];
}

function listQuotedCommentIds(report: Report): string[] {
  return [...new Set(listShownQuotes(report).map((q) => q.commentId))].sort();
}

function listTitledThreadIds(report: Report): string[] {
  const quotes = listShownQuotes(report);
  const ids = [
    ...report.threads.filter((t) => t.title !== '' || hasTitleSlug(t.permalink)).map((t) => t.id),
    ...quotes.filter((q) => q.threadTitle !== '' || hasTitleSlug(q.permalink)).map((q) => q.threadId),
  ];
  return [...new Set(ids)].sort();
}

export function describeOutput(file: string, format: ManifestOutput['format'], content: string): ManifestOutput {
  const bytes = Buffer.from(content, 'utf8');
  return { file, format, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

let toolVersion: string | undefined;
function readToolVersion(): string {
  if (toolVersion !== undefined) return toolVersion;
  try {
    // src/report/ and dist/report/ are both two levels below the package root.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    toolVersion = typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    toolVersion = 'unknown';
  }
  return toolVersion;
}
