import { TAG_NAMES } from '../types.js';
import type { ReportQuote } from './pick-quotes.js';
import type { Report } from './report.js';
import { sanitiseDisplayText } from './sanitise-display-text.js';
import { toSafeUrl } from './to-safe-url.js';

type Cell = string | number | null;

/** The report's quotes (highlights, then per tag), one row per quote per section. */
export function renderCsv(report: Report): string {
  const rows: Array<{ section: string; quote: ReportQuote }> = [
    ...report.quotes.highlights.map((quote) => ({ section: 'highlight', quote })),
    ...TAG_NAMES.flatMap((tag) => report.quotes.byTag[tag].map((quote) => ({ section: `tag:${tag}`, quote }))),
  ];
  return renderQuotesCsv(rows, report.inputs.withAuthors);
}

/**
 * Quotes as CSV for spreadsheets: RFC 4180 quoting, CRLF rows, and text cells
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * prefixed with '. No BOM: that is for .csv files only (addCsvBom).
 */
export function renderQuotesCsv(rows: ReadonlyArray<{ section: string; quote: ReportQuote }>, withAuthors: boolean): string {
  const header = [
    'section', 'id', 'comment_id', 'primary_tag', 'text', 'gloss_our_paraphrase',
    ...TAG_NAMES.map((t) => `score_${t}`),
    ...TAG_NAMES.map((t) => `label_${t}`),
    'subreddit', 'attribution', 'permalink', 'thread_id', 'thread_title', 'created_utc', 'score_at_fetch', 'status_checked_at',
    ...(withAuthors ? ['author'] : []),
    // added after the others, author included: a reader going by position still finds every earlier column in its place
    'fetched_at',
  ];
  const lines = [header.map(formatCell).join(',')];
  for (const { section, quote } of rows) {
    const cells: Cell[] = [
      section, quote.id, quote.commentId, quote.primaryTag, quote.text, quote.gloss,
      ...TAG_NAMES.map((t) => quote.tags[t]),
      ...TAG_NAMES.map((t) => String(quote.labels[t])),
      quote.subreddit, quote.attribution, toSafeUrl(quote.permalink), quote.threadId, quote.threadTitle,
      new Date(quote.createdUtc * 1000).toISOString(), quote.score,
      quote.statusCheckedAt === null ? null : new Date(quote.statusCheckedAt * 1000).toISOString(),
      ...(withAuthors ? [quote.author ?? null] : []),
      new Date(quote.fetchedAt * 1000).toISOString(),
    ];
    lines.push(cells.map(formatCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A .csv file starts with a UTF-8 BOM so Excel reads accents and emoji as
 * UTF-8. Only files: on stdout the BOM would glue itself to the first header
 * ("\uFEFFsection") for cut, csvkit and every other reader in a pipeline.
 */
export function addCsvBom(csv: string): string {
  return `\uFEFF${csv}`;
}

export function formatCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = sanitiseDisplayText(value);
  if (/^[\s]*[=+\-@]/.test(text) || /^[\t\r]/.test(text)) text = `'${text}`;
  return quoteCsvCell(text);
}

/** RFC 4180 quoting only: for a cell already sanitised and guarded, such as one read back from our own file. */
export function quoteCsvCell(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
