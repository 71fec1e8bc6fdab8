import { z } from 'zod';
import { splitCsvRecords } from './split-csv-records.js';
import { DATA_COMMENT_ID } from './find-referenced-comment-ids.js';
import { COMPARISON_SCHEMA } from './compare-reports.js';
import { COMPARISON_MD_HEADING, isComparisonCsvHeader } from './render-comparison.js';
import type { ReportFormat } from './write-report.js';

export interface RemovedQuotes {
  /** The file's content without the quotes of gone comments (the same string when none were quoted). */
  content: string;
  /** Quotes taken out (a comment quoted as a highlight and under its tag counts twice). */
  removed: number;
  /** Comment ids still quoted in the content. */
  quoted: string[];
}

/**
 * Take the quotes of comments that are gone (deleted or removed on Reddit) out of a report file that
 * reactionlens wrote, in the file's own format, and leave every other byte as it was. Working on the
 * file rather than re-rendering it keeps a past night's numbers and layout exactly as published: the
 * store no longer holds that night's state, and an older release may have rendered it differently.
 * Returns null when the content is not one of our reports (it is then left alone by the caller).
 */
export function removeQuotedComments(format: ReportFormat, content: string, isGone: (commentId: string) => boolean): RemovedQuotes | null {
  switch (format) {
    case 'json':
      return removeFromJson(content, isGone);
    case 'csv':
      return removeFromCsv(content, isGone);
    case 'html':
      return removeFromHtml(content, isGone);
    case 'md':
      return removeFromMarkdown(content, isGone);
  }
}

const quoteRef = z.looseObject({ commentId: z.string() });
const reportQuotes = z.looseObject({
  quotes: z.looseObject({ highlights: z.array(quoteRef), byTag: z.record(z.string(), z.array(quoteRef)) }),
});
/** The raw parsed report, once reportQuotes accepted it: edited in place so every other key keeps its order. */
type RawReportQuotes = { quotes: { highlights: unknown[]; byTag: Record<string, unknown[]> } };

function removeFromJson(content: string, isGone: (id: string) => boolean): RemovedQuotes | null {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return null;
  }
  const parsed = reportQuotes.safeParse(raw);
  if (!parsed.success) return removeFromComparisonJson(content, raw, isGone);
  // zod's output reorders keys; the kept entries are picked from the raw arrays by index so the file stays byte-stable
  const view = raw as RawReportQuotes;
  let removed = 0;
  const quoted = new Set<string>();
  const filter = (rawList: unknown[], checked: ReadonlyArray<{ commentId: string }>): unknown[] =>
    rawList.filter((_, i) => {
      const id = checked[i]?.commentId ?? '';
      if (isGone(id)) {
        removed++;
        return false;
      }
      quoted.add(id);
      return true;
    });
  const highlights = filter(view.quotes.highlights, parsed.data.quotes.highlights);
  const byTag: Record<string, unknown[]> = {};
  for (const [tag, list] of Object.entries(view.quotes.byTag)) byTag[tag] = filter(list, parsed.data.quotes.byTag[tag] ?? []);
  if (removed === 0) return { content, removed, quoted: [...quoted] };
  view.quotes.highlights = highlights;
  for (const tag of Object.keys(byTag)) view.quotes.byTag[tag] = byTag[tag] ?? [];
  // renderJson's form: two-space indent and a trailing newline
  return { content: `${JSON.stringify(raw, null, 2)}\n`, removed, quoted: [...quoted] };
}

// `compare --out` JSON: each tag's top quote per event, `{eventId, quote}`; a quote taken out leaves `quote: null` (as
// for an event with no quotable comment) and `quoteRemoved: true`, which says why
const comparisonQuotes = z.looseObject({
  schema: z.literal(COMPARISON_SCHEMA),
  tags: z.array(z.looseObject({ topQuotes: z.array(z.looseObject({ quote: quoteRef.nullable() })) })),
});
type RawComparisonQuotes = { tags: Array<{ topQuotes: Array<{ quote: unknown; quoteRemoved?: true }> }> };

function removeFromComparisonJson(content: string, raw: unknown, isGone: (id: string) => boolean): RemovedQuotes | null {
  const parsed = comparisonQuotes.safeParse(raw);
  if (!parsed.success) return null;
  const view = raw as RawComparisonQuotes;
  let removed = 0;
  const quoted = new Set<string>();
  parsed.data.tags.forEach((tag, i) =>
    tag.topQuotes.forEach((entry, j) => {
      const id = entry.quote?.commentId;
      if (id === undefined) return;
      const rawEntry = view.tags[i]?.topQuotes[j];
      if (!isGone(id) || rawEntry === undefined) {
        quoted.add(id);
        return;
      }
      rawEntry.quote = null;
      rawEntry.quoteRemoved = true;
      removed++;
    }),
  );
  if (removed === 0) return { content, removed, quoted: [...quoted] };
  return { content: `${JSON.stringify(raw, null, 2)}\n`, removed, quoted: [...quoted] };
}

function removeFromCsv(content: string, isGone: (id: string) => boolean): RemovedQuotes | null {
  const bom = content.startsWith('\uFEFF') ? '\uFEFF' : '';
  const records = splitCsvRecords(content.slice(bom.length));
  const header = records[0];
  if (header === undefined) return null;
  // a `compare --out` CSV holds shares and tests only, never a quote
  if (isComparisonCsvHeader(header.fields)) return { content, removed: 0, quoted: [] };
  const column = header.fields.indexOf('comment_id');
  if (column < 0) return null;
  let removed = 0;
  const quoted = new Set<string>();
  const kept = [header];
  for (const record of records.slice(1)) {
    const id = record.fields[column] ?? '';
    if (isGone(id)) removed++;
    else {
      kept.push(record);
      if (id !== '') quoted.add(id);
    }
  }
  if (removed === 0) return { content, removed, quoted: [...quoted] };
  return { content: `${bom}${kept.map((r) => r.raw).join('')}`, removed, quoted: [...quoted] };
}

// renderHtml writes each quote as one <figure> carrying its comment id; the quote's own text is escaped, so it
// cannot hold a `</figure>` that would end the match early. The attributes are matched in any order and either
// line ending, so a file edited by hand (or saved by an editor that rewrites them) is still taken apart.
const HTML_FIGURE = /<figure\b([^>]*)>[\s\S]*?<\/figure>(?:\r?\n)?/gi;
/** What a report says where every quote of a list was taken out. */
export const QUOTES_REMOVED = 'Quotes removed: the quoted comments were deleted or removed on Reddit after this report was written.';
// stands for a removed figure until the lists left empty are found; a NUL never appears in a rendered report
const REMOVED_MARK = '\u0000removed-quote\u0000';
// a list heading (and the note renderHtml may put under the highlights heading) followed only by removed figures
const EMPTIED_HTML_LIST = /(<\/h[23]>(?:\r?\n<p class="foot">[^<]*<\/p>)?\r?\n)(?:\u0000removed-quote\u0000)+(?=<\/section>|<h3>)/g;
// one figure's attributes hold one id: the shared pattern, without the global flag's lastIndex state
const HTML_COMMENT_ID = new RegExp(DATA_COMMENT_ID.source, 'i');

function removeFromHtml(content: string, isGone: (id: string) => boolean): RemovedQuotes | null {
  if (!/^(?:\uFEFF)?\s*<!doctype html>/i.test(content)) return null;
  let removed = 0;
  const quoted = new Set<string>();
  const marked = content.replace(HTML_FIGURE, (figure, attributes: string) => {
    const match = HTML_COMMENT_ID.exec(attributes);
    const id = match?.[1] ?? match?.[2] ?? match?.[3];
    if (id === undefined) return figure;
    if (isGone(id)) {
      removed++;
      return REMOVED_MARK;
    }
    quoted.add(id);
    return figure;
  });
  if (removed === 0) return { content, removed, quoted: [...quoted] };
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  // a list left with no quote at all says why, instead of a heading over nothing
  const out = marked
    .replace(EMPTIED_HTML_LIST, (_, head: string) => `${head}<p>${QUOTES_REMOVED}</p>${eol}`)
    .replaceAll(REMOVED_MARK, '');
  return { content: out, removed, quoted: [...quoted] };
}

/**
 * renderMarkdown writes a quote as a run of `>` lines whose last line is the attribution, `> — [Reddit, r/…](permalink)…`,
 * then a blank line, the `*Our paraphrase:*` line and a blank line. Every line of the quoted text starts with `>`, so the
 * run cannot end inside it, and the comment id is the permalink's last path segment. A file edited by hand may have
 * CRLF line ends, a reworded attribution or paraphrase: the permalink anywhere in the run names the comment, and the
 * italic or "paraphrase" line after it goes with the quote, since the paraphrase is built from the quoted words.
 */
const PERMALINK = /https?:\/\/[^)\s"'<>]+/g;

function removeFromMarkdown(content: string, isGone: (id: string) => boolean): RemovedQuotes | null {
  const raw = content.split('\n');
  // matched without the CR of a CRLF file, written back with it
  const lines = raw.map((l) => l.replace(/\r$/, ''));
  const out: string[] = [];
  let removed = 0;
  const quoted = new Set<string>();
  const cr = content.includes('\r\n') ? '\r' : '';
  const comparison = lines[0] === COMPARISON_MD_HEADING;
  // the highlights run from one heading to the next: one whose quotes were all taken out says so
  let removedInSection = false;
  let keptInSection = false;
  const closeSection = (): void => {
    if (removedInSection && !keptInSection) out.push(`_${QUOTES_REMOVED}_${cr}`, cr);
    removedInSection = false;
    keptInSection = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('#')) closeSection();
    if (!line.startsWith('>') || (i > 0 && lines[i - 1] !== '')) {
      out.push(raw[i] ?? '');
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && (lines[end + 1] ?? '').startsWith('>')) end++;
    const id = findQuotedCommentId(lines.slice(i, end + 1));
    if (id === undefined) {
      out.push(...raw.slice(i, end + 1));
      i = end;
      continue;
    }
    if (isGone(id)) {
      removed++;
      // the quote, the blank line, the paraphrase and the blank line after it
      let next = end + 1;
      if (lines[next] === '') next++;
      if (isParaphraseLine(lines[next] ?? '')) {
        next++;
        if (lines[next] === '') next++;
      }
      // a comparison shows one quote per event under each tag: the event whose quote went says so, in its place
      const eventId = comparison ? COMPARED_EVENT.exec(lines[end] ?? '')?.[1] : undefined;
      if (eventId !== undefined) {
        out.push(`_${eventId}: ${QUOTE_REMOVED}_${cr}`, cr);
        keptInSection = true;
      } else removedInSection = true;
      i = next - 1;
      continue;
    }
    quoted.add(id);
    keptInSection = true;
    out.push(...raw.slice(i, end + 1));
    i = end;
  }
  closeSection();
  return { content: removed === 0 ? content : out.join('\n'), removed, quoted: [...quoted] };
}

/** What a comparison says in place of one event's quote taken out. */
const QUOTE_REMOVED = 'quote removed: the quoted comment was deleted or removed on Reddit after this comparison was written.';
/** renderComparison's attribution line ends with the event id in parentheses (an id is a lowercase slug). */
const COMPARED_EVENT = /\) \(([a-z0-9]+(?:-[a-z0-9]+)*)\)$/;

function isParaphraseLine(line: string): boolean {
  return /paraphrase/i.test(line) || (line.startsWith('*') && !line.startsWith('**'));
}

/** The comment a `>` run quotes: the last comment permalink in it (the attribution is the run's last line). */
function findQuotedCommentId(run: readonly string[]): string | undefined {
  for (const line of [...run].reverse()) {
    for (const url of [...line.matchAll(PERMALINK)].reverse()) {
      const id = commentIdOf(url[0]);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

function commentIdOf(permalink: string): string | undefined {
  try {
    const parts = new URL(permalink).pathname.split('/').filter((p) => p !== '');
    // /r/<sub>/comments/<thread>/<slug>/<comment>, or /comments/<thread>/<slug>/<comment> where the subreddit is left out
    // (a post on a user's profile, see showPermalink; a dump's own link)
    const at = parts[2] === 'comments' ? 2 : parts[0] === 'comments' ? 0 : -1;
    return at >= 0 && parts.length >= at + 4 ? parts[at + 3] : undefined;
  } catch {
    return undefined;
  }
}
