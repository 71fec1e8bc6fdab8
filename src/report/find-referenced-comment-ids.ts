import { stripBom } from '../util/strip-bom.js';
import { htmlAttributePattern } from './html-attribute-pattern.js';
import { splitCsvRecords } from './split-csv-records.js';
import { visitJsonObjects } from './visit-json-objects.js';
import type { ReportFormat } from './write-report.js';

// Reads the places where the renderers name the comment a quote is from — the attribution link, `data-comment-id`,
// the `commentId` / `permalink` fields and columns — wherever they sit in the file, so a quote the removers missed (a
// file edited by hand, its attribution moved out of the blockquote) is caught instead of trusted. Not the quoted text
// itself: a live comment that links to another one ("see https://www.reddit.com/r/…/comments/…/abc123/") names it in
// its words, not as the source of a quote, and must not make the night count as still quoting a deleted comment.

const COMMENT_PERMALINK = /\/comments\/[A-Za-z0-9_]+\/[^/\s)"'<>]*\/([A-Za-z0-9_]+)/;
/** renderHtml's `data-comment-id` attribute, in any quoting; the id is group 1, 2 or 3. Shared with the HTML remover. */
export const DATA_COMMENT_ID = htmlAttributePattern('data-comment-id', 'gi');
/** A link's target in markup (renderHtml's attribution); quoted text is escaped, so it never holds one. */
const HTML_HREF = htmlAttributePattern('href', 'gi');
/**
 * renderMarkdown's attribution line, `— [label](permalink)`, inside the blockquote or moved out of it; the label is
 * escaped text, so it holds no unescaped `]`. A link in the quoted words is an autolink `<url>`, or starts with `www.`.
 */
const MARKDOWN_ATTRIBUTION = /^(?:>[ \t]*)?— \[(?:\\.|[^\]\\])*\]\(([^)\s]+)\)/gm;

/** The comment ids a report file names as the source of a quote (see above): never the words of a quote. */
export function findReferencedCommentIds(format: ReportFormat, content: string): Set<string> {
  const ids = new Set<string>();
  const addPermalink = (url: string | undefined): void => {
    const id = url === undefined ? undefined : COMMENT_PERMALINK.exec(url)?.[1];
    if (id !== undefined) ids.add(id);
  };
  switch (format) {
    case 'html':
      for (const m of content.matchAll(DATA_COMMENT_ID)) {
        const id = m[1] ?? m[2] ?? m[3];
        if (id !== undefined && id !== '') ids.add(id);
      }
      for (const m of content.matchAll(HTML_HREF)) addPermalink(m[1] ?? m[2] ?? m[3]);
      break;
    case 'md':
      for (const m of content.matchAll(MARKDOWN_ATTRIBUTION)) addPermalink(m[1]);
      break;
    case 'json':
      collectJsonReferences(content, ids, addPermalink);
      break;
    case 'csv': {
      const records = splitCsvRecords(stripBom(content));
      const header = records[0]?.fields ?? [];
      const idColumn = header.indexOf('comment_id');
      const linkColumn = header.indexOf('permalink');
      for (const record of records.slice(1)) {
        const id = idColumn >= 0 ? record.fields[idColumn] : undefined;
        if (id !== undefined && id !== '') ids.add(id);
        if (linkColumn >= 0) addPermalink(record.fields[linkColumn]);
      }
      break;
    }
  }
  return ids;
}

/** Every `commentId` / `comment_id` value and comment `permalink` at any depth: a quote copied elsewhere in the file still counts. */
function collectJsonReferences(content: string, ids: Set<string>, addPermalink: (url: string) => void): void {
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(content));
  } catch {
    return; // not ours to read: the remover already named the file as unreadable
  }
  visitJsonObjects(raw, (node) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'string') continue;
      if ((key === 'commentId' || key === 'comment_id') && value !== '') ids.add(value);
      else if (key === 'permalink') addPermalink(value);
    }
  });
}
