import { hasTitleSlug } from '../reddit/has-title-slug.js';
import { stripBom } from '../util/strip-bom.js';
import { HTML_ATTRIBUTE_VALUE, htmlAttributeName, htmlAttributePattern } from './html-attribute-pattern.js';
import { toWordsLinkTarget } from './escape-markdown.js';
import { splitCsvRecords } from './split-csv-records.js';
import { visitJsonObjects } from './visit-json-objects.js';
import type { ReportFormat } from './write-report.js';

// Where the renderers show a submission's title: the "Most active threads" list (Markdown and HTML: the link's label,
// the thread id when there is no title; JSON: threads[].title) and each quote's "in “title”" (Markdown and HTML: in
// the attribution, before the date; JSON: threadTitle; CSV: the thread_title column). The slug Reddit makes from the
// title shows it too, in every link the renderers write to the thread or one of its comments (Markdown and HTML: the
// thread list's and the attributions' links; JSON: any `permalink`; CSV: the permalink column). The patterns are shared
// with the title remover; the finder reads wider than it (any link to a thread labelled with more than its id, a title
// after any attribution link; a slug in any URL outside a quote's words: Markdown text, any HTML tag's attributes, any
// JSON field or CSV column named for a link), so a title the remover could not take apart in a file edited by hand is
// caught, not trusted. Links in a quote's words are the commenter's words, not a title the report shows: a
// Markdown quote writes them as `<url>`, `[www.…](https://www.…)` or `[https://…\|…](https://…%7C…)`, an HTML quote as
// escaped text.

/** The thread a permalink (of the thread or of one of its comments) belongs to. */
export const THREAD_OF_PERMALINK = /\/comments\/([A-Za-z0-9_]+)(?:\/|$)/;
/** renderMarkdown's thread list item: `1. [label](permalink) — r/…`; groups: prefix, label, permalink. */
export const MARKDOWN_THREAD_ITEM = /^(\d+\. )\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)(?= — r\/)/gm;
/** renderMarkdown's attribution with a title: `— [label](permalink), in “title”, 2025-…`; groups: attribution, permalink. */
export const MARKDOWN_TITLE_IN_ATTRIBUTION = /^((?:>[ \t]*)?— \[(?:\\.|[^\]\\])*\]\(([^)\s]+)\)), in “.*”(?=, \d{4}-\d\d-\d\d \d\d:\d\d UTC)/gm;
/** renderHtml's thread list item: `<li><a href="permalink" …>label</a> — r/…`; groups: opening tag, its attributes, label. */
export const HTML_THREAD_ITEM = /(<li>\s*(<a\b[^>]*>))([^<]*)(?=<\/a> — r\/)/gi;
/** renderHtml's quote attribution with a title (the title is escaped: no `<`); groups: the link up to `</a>`, its attributes. */
export const HTML_TITLE_IN_ATTRIBUTION = /(<div class="meta">— (<a\b[^>]*>)[^<]*<\/a>), in “[^<]*”(?=, \d{4}-\d\d-\d\d \d\d:\d\d UTC)/gi;
const HREF = htmlAttributePattern('href', 'i');
/** Any Markdown link not escaped as text; groups: label, target. */
export const MARKDOWN_LINK = /(?<!\\)\[((?:\\.|[^\]\\\n])*)\]\(([^)\s]+)\)/g;
/** The target of any link in HTML markup, in any quoting; groups: up to the value, then the value in "…", '…' or bare. */
export const HTML_LINK_TARGET = new RegExp(String.raw`(<a\b[^>]*?${htmlAttributeName('href')})${HTML_ATTRIBUTE_VALUE}`, 'gi');
/** Any Markdown attribution line (in or out of the blockquote) followed by a title, wherever the date went; group: permalink. */
const MARKDOWN_ANY_TITLE_IN_ATTRIBUTION = /^(?:>[ \t]*)?— \[(?:\\.|[^\]\\])*\]\(([^)\s]+)\),? in “/gm;
/** Any HTML link; groups: opening tag, label. Quoted text is escaped, so it holds none. */
const HTML_LINK = /(<a\b[^>]*>)([^<]*)<\/a>/gi;
/** Any HTML link followed by a title; group: opening tag. */
const HTML_ANY_TITLE_AFTER_LINK = /(<a\b[^>]*>)[^<]*<\/a>,? in “/gi;
/** A URL in text: where one starts, up to what ends it in Markdown, HTML or a CSV cell. */
const ANY_URL = /https?:\/\/[^\s<>()"'`\]|]+/gi;
/** What renderMarkdown makes of a URL in a quote's words: an autolink `<https://…>`. */
const MARKDOWN_AUTOLINK = /<https?:\/\/[^<>\s]*>/gi;
/** An HTML tag, with its attributes (quoted text is escaped: it holds none). */
const HTML_TAG = /<[a-z][^>]*>/gi;
/** JSON fields and CSV columns that hold a link, however named (a hand edit may rename renderJson's `permalink`). */
const LINK_KEY = /permalink|url|link|href/i;
/** A thread's own permalink (no comment after the slug). */
const THREAD_PERMALINK = /\/comments\/([A-Za-z0-9_]+)(?:\/[^/\s)"'<>]*)?\/?$/;

/** The thread a link's permalink belongs to, from an opening `<a …>` tag or a plain URL. */
export function threadOfLink(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  const href = link.startsWith('<') ? hrefOf(link) : link;
  return href === undefined ? undefined : THREAD_OF_PERMALINK.exec(href)?.[1];
}

function hrefOf(tag: string): string | undefined {
  const m = HREF.exec(tag);
  return m?.[1] ?? m?.[2] ?? m?.[3];
}

/**
 * True when a Markdown link is how renderMarkdown writes a URL in a quote's words as a link (a scheme-less www. one, or
 * one holding a `|`; see toWordsLinkTarget): the words, not a title.
 */
export function isWordsLink(label: string, target: string): boolean {
  return toWordsLinkTarget(label.replace(/\\(.)/g, '$1')) === target;
}

/** The thread whose title's slug a link shows, if it shows one. */
export function threadOfSluggedLink(link: string | undefined): string | undefined {
  return link !== undefined && hasTitleSlug(link) ? threadOfLink(link) : undefined;
}

/** The threads whose title a report file shows, in words or as a link's slug, in the places the renderers put them (see above). */
export function findTitledThreadIds(format: ReportFormat, content: string): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | undefined): void => {
    if (id !== undefined && id !== '') ids.add(id);
  };
  switch (format) {
    case 'md':
      for (const m of content.matchAll(MARKDOWN_LINK)) {
        const [, label = '', target = ''] = m;
        if (isWordsLink(label, target)) continue;
        const id = THREAD_PERMALINK.exec(target)?.[1];
        if (id !== undefined && label !== id) add(id);
      }
      // any URL left once the quotes' words (autolinks and www. links) are taken away: a link the renderers wrote, or one
      // written by hand in any form (with a title, in <…>, bare)
      for (const m of content.replace(MARKDOWN_AUTOLINK, '').replace(MARKDOWN_LINK, (link, label: string, target: string) => (isWordsLink(label, target) ? '' : link)).matchAll(ANY_URL)) {
        add(threadOfSluggedLink(m[0]));
      }
      for (const m of content.matchAll(MARKDOWN_ANY_TITLE_IN_ATTRIBUTION)) add(threadOfLink(m[1]));
      break;
    case 'html':
      for (const m of content.matchAll(HTML_LINK)) {
        const id = THREAD_PERMALINK.exec(hrefOf(m[1] ?? '') ?? '')?.[1];
        if (id !== undefined && m[2] !== id) add(id);
      }
      for (const m of content.matchAll(HTML_ANY_TITLE_AFTER_LINK)) add(threadOfLink(m[1]));
      for (const tag of content.matchAll(HTML_TAG)) for (const m of tag[0].matchAll(ANY_URL)) add(threadOfSluggedLink(m[0]));
      break;
    case 'json': {
      let raw: unknown;
      try {
        raw = JSON.parse(stripBom(content));
      } catch {
        break; // not ours to read: the quote remover already named the file as unreadable
      }
      visitJsonObjects(raw, (node) => {
        add(typeof node.threadId === 'string' && typeof node.threadTitle === 'string' && node.threadTitle !== '' ? node.threadId : undefined);
        add(isThreadSummary(node) && node.title !== '' ? node.id : undefined);
        for (const [key, value] of Object.entries(node)) if (typeof value === 'string' && LINK_KEY.test(key)) add(threadOfSluggedLink(value));
      });
      break;
    }
    case 'csv': {
      const records = splitCsvRecords(stripBom(content));
      const header = records[0]?.fields ?? [];
      const idColumn = header.indexOf('thread_id');
      const titleColumn = header.indexOf('thread_title');
      const linkColumns = header.flatMap((name, i) => (LINK_KEY.test(name) ? [i] : []));
      for (const record of records.slice(1)) {
        if (idColumn >= 0 && titleColumn >= 0 && (record.fields[titleColumn] ?? '') !== '') add(record.fields[idColumn]);
        for (const i of linkColumns) add(threadOfSluggedLink(record.fields[i]));
      }
      break;
    }
  }
  return ids;
}

/** A `threads[]` entry (ThreadActivity): its id, title and the thread's own permalink. */
export function isThreadSummary(node: Record<string, unknown>): node is { id: string; title: string; permalink: string } {
  return typeof node.id === 'string' && typeof node.title === 'string' && typeof node.permalink === 'string' && THREAD_OF_PERMALINK.exec(node.permalink)?.[1] === node.id;
}
