import { findReferencedCommentIds } from './find-referenced-comment-ids.js';
import { findTitledThreadIds } from './find-titled-thread-ids.js';
import { removeQuotedComments } from './remove-quoted-comments.js';
import { removeThreadTitles } from './remove-thread-titles.js';
import type { ReportFormat } from './write-report.js';

/**
 * What a report file names, as a manifest lists it: the comments it quotes or otherwise names as a quote's source,
 * and the threads whose titles it shows (in words or as a link's slug). The same reading the scrub makes of a file it
 * opens, so a list made here is one the scrub trusts. null: not a report reactionlens can read (truncated, edited
 * past recognition), so what it names is unknown.
 */
export function indexReportFile(format: ReportFormat, content: string): { quoted: Set<string>; titled: Set<string> } | null {
  const quotes = removeQuotedComments(format, content, () => false);
  if (quotes === null || removeThreadTitles(format, content, () => false) === null) return null;
  return {
    quoted: new Set([...quotes.quoted, ...findReferencedCommentIds(format, content)]),
    titled: findTitledThreadIds(format, content),
  };
}
