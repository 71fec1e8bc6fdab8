import { stripTitleSlug } from '../reddit/strip-title-slug.js';
import { quoteCsvCell } from './render-csv.js';
import { splitCsvRecords } from './split-csv-records.js';
import { visitJsonObjects } from './visit-json-objects.js';
import {
  HTML_LINK_TARGET,
  HTML_THREAD_ITEM,
  HTML_TITLE_IN_ATTRIBUTION,
  isThreadSummary,
  isWordsLink,
  MARKDOWN_LINK,
  MARKDOWN_THREAD_ITEM,
  MARKDOWN_TITLE_IN_ATTRIBUTION,
  threadOfLink,
  threadOfSluggedLink,
} from './find-titled-thread-ids.js';
import type { ReportFormat } from './write-report.js';

export interface RemovedTitles {
  /** The file's content without the titles of gone submissions (the same string when it shows none). */
  content: string;
  /**
   * Titles taken out, in words or as the slug in a link (a thread listed and named in two quotes counts three times,
   * and three more for the slugs in those three links).
   */
  removed: number;
}

/**
 * Take the titles of submissions that are gone (deleted or removed on Reddit) out of a report file reactionlens wrote,
 * leaving it as the renderers write a thread without a title: its id as the thread list's label, no "in “…”" in a
 * quote's attribution, an empty `title` / `threadTitle` / `thread_title`, and links to the thread and its comments
 * without the title's slug (showPermalink's form). Every other byte stays as it was. Returns null when the content is
 * not one of our reports.
 */
export function removeThreadTitles(format: ReportFormat, content: string, isGone: (threadId: string) => boolean): RemovedTitles | null {
  switch (format) {
    case 'md':
      return removeFromText(content, [
        [MARKDOWN_THREAD_ITEM, (m) => (isGoneTitled(threadOfLink(m[3]), m[2], isGone) ? `${m[1]}[${threadOfLink(m[3])}](${m[3]})` : undefined)],
        [MARKDOWN_TITLE_IN_ATTRIBUTION, (m) => (isGoneTitled(threadOfLink(m[2]), undefined, isGone) ? m[1] : undefined)],
        [MARKDOWN_LINK, (m) => (!isWordsLink(m[1] ?? '', m[2] ?? '') && isGoneSlugged(m[2], isGone) ? `[${m[1]}](${stripTitleSlug(m[2] ?? '')})` : undefined)],
      ]);
    case 'html':
      return removeFromText(content, [
        [HTML_THREAD_ITEM, (m) => (isGoneTitled(threadOfLink(m[2]), m[3], isGone) ? `${m[1]}${threadOfLink(m[2])}` : undefined)],
        [HTML_TITLE_IN_ATTRIBUTION, (m) => (isGoneTitled(threadOfLink(m[2]), undefined, isGone) ? m[1] : undefined)],
        [HTML_LINK_TARGET, (m) => {
          const [, start, double, single, bare] = m;
          const href = double ?? single ?? bare;
          if (!isGoneSlugged(href, isGone)) return undefined;
          const quote = double !== undefined ? '"' : single !== undefined ? "'" : '';
          return `${start}${quote}${stripTitleSlug(href ?? '')}${quote}`;
        }],
      ]);
    case 'json':
      return removeFromJson(content, isGone);
    case 'csv':
      return removeFromCsv(content, isGone);
  }
}

/** True when `threadId` is gone and its slot shows more than the bare id (`label`, when the slot is a list label). */
function isGoneTitled(threadId: string | undefined, label: string | undefined, isGone: (id: string) => boolean): boolean {
  return threadId !== undefined && isGone(threadId) && label !== threadId;
}

/** True when `link` goes to a gone thread (or one of its comments) and still shows the title's slug. */
function isGoneSlugged(link: string | undefined, isGone: (id: string) => boolean): boolean {
  const threadId = threadOfSluggedLink(link);
  return threadId !== undefined && isGone(threadId);
}

type Rewrite = [RegExp, (match: Array<string | undefined>) => string | undefined];

function removeFromText(content: string, rewrites: Rewrite[]): RemovedTitles {
  let removed = 0;
  let out = content;
  for (const [pattern, rewrite] of rewrites) {
    out = out.replace(pattern, (...args: unknown[]) => {
      // the whole match and its groups (these patterns have no named groups: offset and input come last)
      const match = args.slice(0, -2) as Array<string | undefined>;
      const replacement = rewrite(match);
      if (replacement === undefined) return match[0] ?? '';
      removed++;
      return replacement;
    });
  }
  return { content: removed === 0 ? content : out, removed };
}

function removeFromJson(content: string, isGone: (id: string) => boolean): RemovedTitles | null {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return null;
  }
  let removed = 0;
  // edited in place, so every other key keeps its order and the file is written back in renderJson's form
  visitJsonObjects(raw, (node) => {
    if (typeof node.threadId === 'string' && typeof node.threadTitle === 'string' && node.threadTitle !== '' && isGone(node.threadId)) {
      node.threadTitle = '';
      removed++;
    }
    if (isThreadSummary(node) && node.title !== '' && isGone(node.id)) {
      node.title = '';
      removed++;
    }
    if (typeof node.permalink === 'string' && isGoneSlugged(node.permalink, isGone)) {
      node.permalink = stripTitleSlug(node.permalink);
      removed++;
    }
  });
  return { content: removed === 0 ? content : `${JSON.stringify(raw, null, 2)}\n`, removed };
}

function removeFromCsv(content: string, isGone: (id: string) => boolean): RemovedTitles | null {
  const bom = content.startsWith('\uFEFF') ? '\uFEFF' : '';
  const records = splitCsvRecords(content.slice(bom.length));
  const header = records[0]?.fields ?? [];
  const idColumn = header.indexOf('thread_id');
  const titleColumn = header.indexOf('thread_title');
  const linkColumn = header.indexOf('permalink');
  if (records.length === 0) return null;
  let removed = 0;
  const rows = records.map((record, i) => {
    if (i === 0) return record.raw;
    // a report from before the thread columns shows no titles in words, only in its links' slugs
    const title = idColumn >= 0 && titleColumn >= 0 && (record.fields[titleColumn] ?? '') !== '' && isGone(record.fields[idColumn] ?? '');
    const slug = linkColumn >= 0 && isGoneSlugged(record.fields[linkColumn], isGone);
    if (!title && !slug) return record.raw;
    removed += (title ? 1 : 0) + (slug ? 1 : 0);
    const end = /\r?\n$/.exec(record.raw)?.[0] ?? '';
    // only the title and link cells change; the others are written back as they were read (their formula guard included)
    const cells = record.fields.map((field, j) => {
      if (title && j === titleColumn) return '';
      if (slug && j === linkColumn) return quoteCsvCell(stripTitleSlug(field));
      return quoteCsvCell(field);
    });
    return `${cells.join(',')}${end}`;
  });
  return { content: removed === 0 ? content : `${bom}${rows.join('')}`, removed };
}

