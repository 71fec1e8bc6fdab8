import { z } from 'zod';
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
  if (!parsed.success) return null;
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

function removeFromCsv(content: string, isGone: (id: string) => boolean): RemovedQuotes | null {
  const bom = content.startsWith('\uFEFF') ? '\uFEFF' : '';
  const records = splitCsvRecords(content.slice(bom.length));
  const header = records[0];
  if (header === undefined) return null;
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

/** RFC 4180 records, each with its raw text (line end included) so kept rows are written back byte for byte. */
function splitCsvRecords(text: string): Array<{ raw: string; fields: string[] }> {
  const records: Array<{ raw: string; fields: string[] }> = [];
  let start = 0;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      fields.push(field);
      records.push({ raw: text.slice(start, i + 1), fields });
      start = i + 1;
      fields = [];
      field = '';
    } else field += ch;
  }
  if (start < text.length) records.push({ raw: text.slice(start), fields: [...fields, field] });
  return records;
}

// renderHtml writes each quote as one <figure> carrying its comment id; the quote's own text is escaped, so it
// cannot hold a `</figure>` that would end the match early.
const HTML_QUOTE = /<figure class="quote" data-comment-id="([^"]*)"[\s\S]*?<\/figure>\n?/g;

function removeFromHtml(content: string, isGone: (id: string) => boolean): RemovedQuotes | null {
  if (!content.startsWith('<!doctype html>')) return null;
  let removed = 0;
  const quoted = new Set<string>();
  const out = content.replace(HTML_QUOTE, (figure, id: string) => {
    if (isGone(id)) {
      removed++;
      return '';
    }
    quoted.add(id);
    return figure;
  });
  return { content: removed === 0 ? content : out, removed, quoted: [...quoted] };
}

/**
 * renderMarkdown writes a quote as a run of `>` lines whose last line is the attribution, `> — [Reddit, r/…](permalink)…`,
 * then a blank line, the `*Our paraphrase:*` line and a blank line. Every line of the quoted text starts with `>`, so the
 * run cannot end inside it, and the comment id is the permalink's last path segment.
 */
const ATTRIBUTION = /^> — \[[^\]]*\]\((https?:\/\/[^)\s]+)\)/;

function removeFromMarkdown(content: string, isGone: (id: string) => boolean): RemovedQuotes | null {
  const lines = content.split('\n');
  const out: string[] = [];
  let removed = 0;
  const quoted = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('>') || (i > 0 && lines[i - 1] !== '')) {
      out.push(line);
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && (lines[end + 1] ?? '').startsWith('>')) end++;
    const url = ATTRIBUTION.exec(lines[end] ?? '')?.[1];
    const id = url === undefined ? undefined : commentIdOf(url);
    const isQuote = id !== undefined && lines[end + 1] === '' && (lines[end + 2] ?? '').startsWith('*Our paraphrase:*');
    if (!isQuote) {
      out.push(...lines.slice(i, end + 1));
      i = end;
      continue;
    }
    if (isGone(id)) {
      removed++;
      // the quote, the blank line, the paraphrase and the blank line after it
      i = lines[end + 3] === '' ? end + 3 : end + 2;
      continue;
    }
    quoted.add(id);
    out.push(...lines.slice(i, end + 1));
    i = end;
  }
  return { content: removed === 0 ? content : out.join('\n'), removed, quoted: [...quoted] };
}

function commentIdOf(permalink: string): string | undefined {
  try {
    const parts = new URL(permalink).pathname.split('/').filter((p) => p !== '');
    // /r/<sub>/comments/<thread>/<slug>/<comment>
    return parts[2] === 'comments' && parts.length >= 6 ? parts[5] : undefined;
  } catch {
    return undefined;
  }
}
