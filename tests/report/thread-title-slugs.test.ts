import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubEventReports } from '../../src/pipeline/scrub-event-reports.js';
import { stripTitleSlug } from '../../src/reddit/strip-title-slug.js';
import { buildReport, type ReportInput } from '../../src/report/build-report.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { addCsvBom, renderCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import type { Report } from '../../src/report/report.js';
import { scrubReportFolder } from '../../src/report/scrub-report-folder.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { writeReport, type RunManifest } from '../../src/report/write-report.js';
import { Store } from '../../src/store/store.js';
import { TAG_NAMES, type Thread } from '../../src/types.js';
import { buildFixtureInput, makeThread } from './report-fixture.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

// The slug Reddit makes from a title is the title's words in the links to the thread and to each of its comments
// ("/comments/t1/amazon_in_talks_…/c1/"): once the submission is deleted or removed, no report, feed or earlier night
// may keep it, while the links still open the comment ("/comments/t1/_/c1/").

const makeDir = useTempDirs('reactionlens-slugs-');

const FORMATS = ['md', 'json', 'csv', 'html'] as const;
const GONE = 't1';
const SLUG = 'amazon_in_talks_to_invest_10b_in_openai';
const render = { md: renderMarkdown, json: renderJson, csv: (r: Report) => addCsvBom(renderCsv(r)), html: renderHtml };

/** The fixture with t1's links carrying a real-looking slug; `removed` marks t1 removed without touching its rows' links. */
function inputWithSlugs(removed: boolean): ReportInput {
  const fixture = buildFixtureInput();
  const slugged = (link: string): string => link.replace(`/comments/${GONE}/slug/`, `/comments/${GONE}/${SLUG}/`);
  const threads = fixture.threads.map((t): Thread => {
    if (t.id !== GONE) return t;
    const link = slugged(t.permalink);
    return removed ? makeThread(t.id, t.subreddit, '', { status: 'removed', selftext: '', author: null, url: link, permalink: link }) : { ...t, url: link, permalink: link };
  });
  const screened = fixture.screened.map((s) => ({ ...s, comment: { ...s.comment, permalink: slugged(s.comment.permalink) } }));
  return { ...fixture, threads, screened };
}

function quotesOf(report: Report): ReportQuote[] {
  return [...report.quotes.highlights, ...TAG_NAMES.flatMap((t) => report.quotes.byTag[t])];
}

/** What the renderers write now for t1 gone: no title, no slug. */
function goneOf(report: Report): Report {
  const strip = (qs: ReportQuote[]): ReportQuote[] =>
    qs.map((q) => (q.threadId === GONE ? { ...q, threadTitle: '', permalink: stripTitleSlug(q.permalink) } : q));
  const byTag = Object.fromEntries(TAG_NAMES.map((t) => [t, strip(report.quotes.byTag[t])])) as Report['quotes']['byTag'];
  return {
    ...report,
    threads: report.threads.map((t) => (t.id === GONE ? { ...t, title: '', permalink: stripTitleSlug(t.permalink) } : t)),
    quotes: { highlights: strip(report.quotes.highlights), byTag },
  };
}

describe("the title's slug in links of a deleted or removed submission", () => {
  const live = buildReport(inputWithSlugs(false));
  const read = (dir: string, ext: string): string => readFileSync(join(dir, `${live.date}.${ext}`), 'utf8');
  const manifestOf = (dir: string): RunManifest => JSON.parse(read(dir, 'manifest.json')) as RunManifest;
  const write = (dir: string, r: Report): void => {
    writeReport(r, { dir, basename: r.date, formats: [...FORMATS], now: 1_766_100_000, toolVersion: '9.9.9' });
  };

  it('a new report and the quotes feed link a removed thread and its comments without the slug, even from rows that still have it', () => {
    const input = inputWithSlugs(true);
    const report = buildReport(input);
    const fromGone = quotesOf(report).filter((q) => q.threadId === GONE);
    expect(fromGone.length).toBeGreaterThan(0);
    for (const q of fromGone) expect(q.permalink).toBe(`https://www.reddit.com/r/technology/comments/${GONE}/_/${q.commentId}/`);
    expect(report.threads.find((t) => t.id === GONE)?.permalink).toBe(`https://www.reddit.com/r/technology/comments/${GONE}/`);
    for (const format of FORMATS) expect(render[format](report)).not.toContain(SLUG);
    // a live thread's links are left as Reddit gave them
    expect(quotesOf(report).find((q) => q.threadId === 't2')?.permalink).toContain('/comments/t2/slug/');

    const feed = pickFeedQuotes(input, { limit: 50 }).map(toFeedRecord);
    expect(feed.some((r) => r.thread_id === GONE)).toBe(true);
    expect(JSON.stringify(feed)).not.toContain(SLUG);
  });

  it('the manifest lists a thread whose slug a night shows in its links', () => {
    const dir = makeDir();
    // what the store gave before comments lost the slug: t1 removed, its title gone, its comments' links still slugged
    const input = inputWithSlugs(true);
    const report = buildReport(input);
    const slugged = { ...report, quotes: { highlights: report.quotes.highlights.map((q) => ({ ...q, permalink: q.permalink.replace('/_/', `/${SLUG}/`) })), byTag: report.quotes.byTag } };
    write(dir, slugged);
    expect(manifestOf(dir).titledThreadIds).toContain(GONE);
    expect(manifestOf(dir).indexVersion).toBe(2);
  });

  it("an earlier night's files lose the slug of a thread removed since, in every format, as the renderers write it now", () => {
    const dir = makeDir();
    write(dir, live);
    for (const format of FORMATS) expect(read(dir, format)).toContain(SLUG);
    const result = scrubReportFolder(dir, { comment: () => false, thread: (id) => id === GONE }, 1_766_200_000);
    for (const format of FORMATS) {
      expect(read(dir, format)).toBe(render[format](goneOf(live)));
      expect(read(dir, format)).not.toContain(SLUG);
    }
    expect([result.files.length, result.stillTitled, result.unreadable]).toEqual([4, [], []]);
    expect(manifestOf(dir).titledThreadIds).toEqual(['t2', 't3']);
  });

  it('a night written by an earlier reactionlens (title already gone, comment links still slugged, thread not listed) is read once and loses the slug', () => {
    const dir = makeDir();
    // that reactionlens left the title out but kept the slug in the quotes' links, and did not list t1 as titled
    const titleless = { ...goneOf(live), threads: goneOf(live).threads.map((t) => (t.id === GONE ? { ...t, permalink: live.threads.find((l) => l.id === GONE)?.permalink ?? '' } : t)) };
    const old = { ...titleless, quotes: live.quotes };
    const untitled = (qs: ReportQuote[]): ReportQuote[] => qs.map((q) => (q.threadId === GONE ? { ...q, threadTitle: '' } : q));
    old.quotes = { highlights: untitled(live.quotes.highlights), byTag: Object.fromEntries(TAG_NAMES.map((t) => [t, untitled(live.quotes.byTag[t])])) as Report['quotes']['byTag'] };
    write(dir, old);
    const path = join(dir, `${live.date}.manifest.json`);
    const manifest = manifestOf(dir) as Partial<RunManifest>;
    delete manifest.indexVersion;
    manifest.titledThreadIds = ['t2', 't3'];
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    for (const format of FORMATS) expect(read(dir, format)).toContain(SLUG);

    const result = scrubReportFolder(dir, { comment: () => false, thread: (id) => id === GONE }, 1_766_200_000);
    for (const format of FORMATS) expect(read(dir, format)).toBe(render[format](goneOf(live)));
    expect(result.files.length).toBe(4);
    expect(result.titlesRemoved).toBeGreaterThanOrEqual(4);
    expect(manifestOf(dir)).toMatchObject({ titledThreadIds: ['t2', 't3'], indexVersion: 2 });
  });

  it('scrubEventReports takes the slug of a thread the store holds as removed; a live thread keeps its own', () => {
    const dir = makeDir();
    write(dir, live);
    const store = Store.open(':memory:');
    try {
      store.saveThreadBundle(null, { thread: makeThread(GONE, 'technology', '', { status: 'removed', selftext: '', author: null }), comments: [], expected: 0, collected: 0 });
      expect(scrubEventReports(store, dir, 1_766_200_000).stillTitled).toEqual([]);
      for (const format of FORMATS) {
        expect(read(dir, format)).not.toContain(SLUG);
        expect(read(dir, format)).toContain('/comments/t2/slug/');
      }
    } finally {
      store.close();
    }
  });

  it("names a hand-edited file that still carries the gone thread's slug; a quote's own words are left alone", () => {
    const dir = makeDir();
    write(dir, live);
    const url = `https://www.reddit.com/r/technology/comments/${GONE}/${SLUG}/c1/`;
    const gone = { comment: () => false, thread: (id: string) => id === GONE };
    const path = (ext: string): string => join(dir, `${live.date}.${ext}`);
    // the quoted words may link to the thread: renderMarkdown writes that as an autolink, and the commenter's words stay
    writeFileSync(path('md'), read(dir, 'md').replace('> This is circular financing again.', `> This is circular financing again, see <${url}>.`));
    // links written by hand in forms no renderer writes: a Markdown link with a title, an HTML <img>, a JSON `url`
    writeFileSync(path('md'), `${read(dir, 'md')}\nCopied: [the thread](${url} "t1")\n`);
    writeFileSync(path('html'), read(dir, 'html').replace('</body>', `<img alt="" src="${url}"></body>`));
    const raw = JSON.parse(read(dir, 'json')) as Record<string, unknown>;
    writeFileSync(path('json'), `${JSON.stringify({ ...raw, copied: { url } }, null, 2)}\n`);
    const result = scrubReportFolder(dir, gone, 6);
    expect(result.stillTitled).toEqual([path('md'), path('json'), path('html')]);
    // what the remover could take apart it did: the attribution links lose the slug; the quoted words keep theirs
    expect(read(dir, 'md')).toContain(`(https://www.reddit.com/r/technology/comments/${GONE}/_/c1/)`);
    expect(read(dir, 'md')).toContain(`<${url}>`);
    // a night with only the quoted words' link is clean
    const clean = makeDir();
    write(clean, live);
    writeFileSync(join(clean, `${live.date}.md`), read(clean, 'md').replace('> This is circular financing again.', `> This is circular financing again, see <${url}>.`));
    expect(scrubReportFolder(clean, gone, 6).stillTitled).toEqual([]);
    expect(manifestOf(dir).titledThreadIds).toContain(GONE); // so the next scrub opens the night again
  });
});
