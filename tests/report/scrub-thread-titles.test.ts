import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubEventReports } from '../../src/pipeline/scrub-event-reports.js';
import { stripTitleSlug } from '../../src/reddit/strip-title-slug.js';
import { buildReport } from '../../src/report/build-report.js';
import { findTitledThreadIds } from '../../src/report/find-titled-thread-ids.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { addCsvBom, renderCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import type { Report } from '../../src/report/report.js';
import { scrubReportFolder } from '../../src/report/scrub-report-folder.js';
import { writeReport, type RunManifest } from '../../src/report/write-report.js';
import { Store } from '../../src/store/store.js';
import { TAG_NAMES } from '../../src/types.js';
import { buildFixtureInput, makeThread } from './report-fixture.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('reactionlens-titles-');

const FORMATS = ['md', 'json', 'csv', 'html'] as const;
const TITLE = 'Amazon in talks to invest $10B in OpenAI';
const GONE = 't1';

/** The report as the renderers write it for a thread without a title (nor its slug in links): what a scrubbed file must read like. */
function withoutTitleOf(report: Report, threadId: string): Report {
  const untitle = (qs: ReportQuote[]): ReportQuote[] =>
    qs.map((q) => (q.threadId === threadId ? { ...q, threadTitle: '', permalink: stripTitleSlug(q.permalink) } : q));
  const byTag = Object.fromEntries(TAG_NAMES.map((t) => [t, untitle(report.quotes.byTag[t])])) as Report['quotes']['byTag'];
  return {
    ...report,
    threads: report.threads.map((t) => (t.id === threadId ? { ...t, title: '', permalink: stripTitleSlug(t.permalink) } : t)),
    quotes: { highlights: untitle(report.quotes.highlights), byTag },
  };
}

const render = { md: renderMarkdown, json: renderJson, csv: (r: Report) => addCsvBom(renderCsv(r)), html: renderHtml };

describe('titles of deleted or removed submissions', () => {
  const report = buildReport(buildFixtureInput());
  const write = (dir: string, r: Report = report): void => {
    writeReport(r, { dir, basename: r.date, formats: [...FORMATS], now: 1_766_100_000, toolVersion: '9.9.9' });
  };
  const read = (dir: string, ext: string): string => readFileSync(join(dir, `${report.date}.${ext}`), 'utf8');
  const manifestOf = (dir: string): RunManifest => JSON.parse(read(dir, 'manifest.json')) as RunManifest;

  it('a new report does not show the title of a submission the store holds as removed, and still quotes its live comments', () => {
    const fixture = buildFixtureInput();
    const threads = fixture.threads.map((t) => (t.id === GONE ? makeThread(t.id, t.subreddit, t.title, { status: 'removed', selftext: '', author: null }) : t));
    const removed = buildReport({ ...fixture, threads });
    expect(removed.threads.find((t) => t.id === GONE)?.title).toBe('');
    const quotes = [...removed.quotes.highlights, ...TAG_NAMES.flatMap((t) => removed.quotes.byTag[t])];
    expect(quotes.some((q) => q.threadId === GONE)).toBe(true);
    for (const q of quotes) expect(q.threadTitle === '').toBe(q.threadId === GONE);
    for (const format of FORMATS) expect(render[format](removed)).not.toContain(TITLE.slice(0, 25));
  });

  it('the manifest lists the threads whose titles a night shows', () => {
    const dir = makeDir();
    write(dir);
    expect(manifestOf(dir).titledThreadIds).toEqual(['t1', 't2', 't3']);
  });

  it("a later scrub takes the title out of every format of an earlier night, leaving the file as if it had none", () => {
    const dir = makeDir();
    write(dir);
    for (const format of FORMATS) expect(read(dir, format)).toContain(TITLE.slice(0, 25));
    const result = scrubReportFolder(dir, { comment: () => false, thread: (id) => id === GONE }, 1_766_200_000);
    const expected = withoutTitleOf(report, GONE);
    for (const format of FORMATS) {
      expect(read(dir, format)).toBe(render[format](expected));
      expect(read(dir, format)).not.toContain(TITLE.slice(0, 25));
    }
    expect([result.files.length, result.quotesRemoved, result.stillTitled, result.stillQuoting, result.unreadable]).toEqual([4, 0, [], [], []]);
    expect(result.titlesRemoved).toBeGreaterThanOrEqual(4);
    const manifest = manifestOf(dir);
    expect(manifest.titledThreadIds).toEqual(['t2', 't3']);
    expect(manifest.scrubs).toEqual([{ at: new Date(1_766_200_000_000).toISOString(), quotesRemoved: 0, titlesRemoved: result.titlesRemoved }]);
    // nothing left to do: the night is not even opened again
    expect(scrubReportFolder(dir, { comment: () => false, thread: (id) => id === GONE }, 1_766_300_000).files).toEqual([]);
  });

  it('a manifest from before the list has its files read once and gains it', () => {
    const dir = makeDir();
    write(dir);
    const path = join(dir, `${report.date}.manifest.json`);
    const old = manifestOf(dir) as Partial<RunManifest>;
    delete old.titledThreadIds;
    writeFileSync(path, `${JSON.stringify(old, null, 2)}\n`);
    const before = read(dir, 'md');
    const result = scrubReportFolder(dir, { comment: () => false, thread: () => false }, 5);
    expect([result.files, result.stillTitled]).toEqual([[], []]);
    expect(read(dir, 'md')).toBe(before);
    expect(manifestOf(dir).titledThreadIds).toEqual(['t1', 't2', 't3']);
  });

  it('scrubEventReports takes the titles of threads the store holds as removed', () => {
    const dir = makeDir();
    write(dir);
    const store = Store.open(':memory:');
    try {
      const thread = makeThread(GONE, 'technology', TITLE, { status: 'removed', selftext: '', author: null });
      store.saveThreadBundle(null, { thread, comments: [], expected: 0, collected: 0 });
      const result = scrubEventReports(store, dir, 1_766_200_000);
      expect(result.files.length).toBe(4);
      for (const format of FORMATS) expect(read(dir, format)).not.toContain(TITLE.slice(0, 25));
      // a thread the store does not hold (t2, t3) is left alone: nothing says it is gone
      expect(read(dir, 'md')).toContain('AMZN to put');
    } finally {
      store.close();
    }
  });

  it('names a hand-edited file that still shows the title after the scrub', () => {
    const dir = makeDir();
    write(dir);
    const md = join(dir, `${report.date}.md`);
    // the thread list turned into bullets: no longer the renderer's list item, but still a link to the thread labelled with its title
    writeFileSync(md, read(dir, 'md').replace(/^\d+\. (\[.*?\]\(.*?\)) — (r\/\w+)/gm, '- $1 ($2)'));
    const result = scrubReportFolder(dir, { comment: () => false, thread: (id) => id === GONE }, 5);
    expect(result.stillTitled).toEqual([md]);
    expect(manifestOf(dir).titledThreadIds).toContain(GONE);
  });

  it("a quote's words that link to the thread are not its title", () => {
    const thread = `www.reddit.com/r/technology/comments/${GONE}/slug/`;
    // how renderMarkdown writes the quoted words "see www.… and https://www.…": a www. link and an autolink
    const md = `> see [${thread}](https://${thread}) and <https://${thread}>\n>\n> — [Reddit, r/technology](https://www.reddit.com/r/technology/comments/${GONE}/_/c1/), 2025-12-16 14:10 UTC, score 3 at fetch\n`;
    expect(findTitledThreadIds('md', md)).toEqual(new Set());
    expect(findTitledThreadIds('md', md.replace(', 2025-', ', in “A title”, 2025-'))).toEqual(new Set([GONE]));
    // the attribution's own link with the slug does show it
    expect(findTitledThreadIds('md', md.replace('/_/c1/', '/slug/c1/'))).toEqual(new Set([GONE]));
  });
});
