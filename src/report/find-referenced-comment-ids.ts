import { stripBom } from '../util/strip-bom.js';
import { splitCsvRecords } from './split-csv-records.js';
import type { ReportFormat } from './write-report.js';

// Deliberately wider than the removers: they take a report apart by its layout, this reads every way a comment can
// still be named in the file, so a quote the removers missed (a file edited by hand) is caught instead of trusted.
const PERMALINK_COMMENT = /\/comments\/[A-Za-z0-9_]+\/[^/\s)"'<>]*\/([A-Za-z0-9_]+)/g;
/** renderHtml's `data-comment-id` attribute, in any quoting; the id is group 1, 2 or 3. Shared with the HTML remover. */
export const DATA_COMMENT_ID = /\bdata-comment-id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const COMMENT_ID_FIELD = /\bcomment_?id["']?\s*[:=]\s*["']?([A-Za-z0-9_]+)/gi;

/** Every comment id a report file names: permalink path segments, `data-comment-id`, `commentId` / `comment_id` fields and the CSV column. */
export function findReferencedCommentIds(format: ReportFormat, content: string): Set<string> {
  const ids = new Set<string>();
  for (const m of content.matchAll(PERMALINK_COMMENT)) if (m[1] !== undefined) ids.add(m[1]);
  for (const m of content.matchAll(DATA_COMMENT_ID)) {
    const id = m[1] ?? m[2] ?? m[3];
    if (id !== undefined && id !== '') ids.add(id);
  }
  for (const m of content.matchAll(COMMENT_ID_FIELD)) if (m[1] !== undefined) ids.add(m[1]);
  if (format === 'csv') {
    const records = splitCsvRecords(stripBom(content));
    const column = records[0]?.fields.indexOf('comment_id') ?? -1;
    if (column >= 0) {
      for (const record of records.slice(1)) {
        const id = record.fields[column];
        if (id !== undefined && id !== '') ids.add(id);
      }
    }
  }
  return ids;
}
