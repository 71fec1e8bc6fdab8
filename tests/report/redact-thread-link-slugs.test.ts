import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { findReferencedCommentIds } from '../../src/report/find-referenced-comment-ids.js';
import { findTitledThreadIds } from '../../src/report/find-titled-thread-ids.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { redactUserMentions } from '../../src/report/redact-user-mentions.js';
import { scrubReportFolder } from '../../src/report/scrub-report-folder.js';
import { writeReport } from '../../src/report/write-report.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';
import { renderEveryFormat } from '../helpers/render-every-format.js';

// A link in a quote to another Reddit thread carries the slug Reddit makes from that thread's title: a post titled
// "u/DeepValue_99 posts his position" has links under /comments/1abc/u_deepvalue_99_posts_his_position/, which spell
// the name the title's mention is redacted for. Without --with-authors such a link loses the slug, as a permalink does.

const makeDir = useTempDirs('reactionlens-link-slugs-');

describe('redactUserMentions on links to other Reddit threads', () => {
  it.each([
    ['see https://www.reddit.com/r/stocks/comments/1abc/u_deepvalue_99_posts_his_position/ for it', 'see https://www.reddit.com/r/stocks/comments/1abc/ for it'],
    ['https://www.reddit.com/r/stocks/comments/1abc/u_deepvalue_99_posts_his_position/xyz9/.', 'https://www.reddit.com/r/stocks/comments/1abc/_/xyz9/.'],
    ['(old.reddit.com/r/stocks/comments/1abc/u_deepvalue_99_posts_his_position)', '(old.reddit.com/r/stocks/comments/1abc/)'],
    ['https://www.reddit.com/r/stocks/comments/1abc/u_deepvalue_99_posts/?utm_source=share', 'https://www.reddit.com/r/stocks/comments/1abc/?utm_source=share'],
    // a relative link, and the rich-text editor's escaped underscores
    ['see /r/stocks/comments/1abc/u\\_deepvalue\\_99\\_posts/ too', 'see /r/stocks/comments/1abc/ too'],
    // "cc r/u_DeepValue_99" and "why u/x is right" make slugs with the name after another word
    ['https://www.reddit.com/comments/1abc/cc_r_u_deepvalue_99/c1/', 'https://www.reddit.com/comments/1abc/_/c1/'],
    ['r/stocks/comments/1abc/why_u_deepvalue_is_right/', 'r/stocks/comments/1abc/'],
    // a post on a profile: the profile part goes, as from a permalink (see profile-post-links-in-quotes), and the slug too
    ['https://www.reddit.com/r/u_DeepValue_99/comments/1abc/u_deepvalue_99_here/', 'https://www.reddit.com/comments/1abc/'],
    ['https://www.reddit.com/user/DeepValue_99/comments/1abc/my_position/', 'https://www.reddit.com/comments/1abc/my_position/'],
    // an invisible character inside the slug does not keep it
    ['https://www.reddit.com/r/stocks/comments/1abc/u\u200B_deepvalue_99_posts/c1/ ok', 'https://www.reddit.com/r/stocks/comments/1abc/_/c1/ ok'],
  ])('takes the name out of %j', (text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
  });

  it.each([
    ['a slug that names no one', 'https://www.reddit.com/r/stocks/comments/1abc/amazon_in_talks_to_invest/c1/'],
    ['a word ending in u', 'https://www.reddit.com/r/stocks/comments/1abc/menu_update/'],
    ['another host', 'https://example.com/r/stocks/comments/1abc/u_deepvalue_99_posts/'],
  ])('keeps %s', (_name, text) => {
    expect(redactUserMentions(text)).toBe(text);
  });

  it('takes linear time on long runs (it runs on every quote shown)', () => {
    const t0 = performance.now();
    for (const text of ['reddit.com/comments/1/'.repeat(20_000), 'r/a/comments/'.repeat(30_000), `reddit.com/r/${'a'.repeat(100_000)}`, `reddit.com/comments/1/u_${'a'.repeat(100_000)}!`, 'reddit.com/comments/1/u_x/'.repeat(20_000)]) redactUserMentions(text);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

const LINKS =
  'Same circular financing as https://www.reddit.com/r/stocks/comments/1abc/u_deepvalue_99_posts_his_position/ and www.reddit.com/r/stocks/comments/1abc/u_deepvalue_99_posts_his_position/c9z/ said.';

function buildLinkInput(withAuthors: boolean): ReportInput {
  const input = buildFixtureInput({ options: { withAuthors, maxQuotes: 6 } });
  const thread = makeThread('tlink', 'stocks', 'Links thread');
  input.threads.push(thread);
  const comment = makeComment('lk1', thread, LINKS, { score: 9900, author: 'linker' });
  input.screened.push({ comment, excluded: null });
  input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
  return input;
}

const allQuotes = (report: ReturnType<typeof buildReport>): ReportQuote[] => [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];

describe('a quote linking to a thread whose slug spells a user name', () => {
  it('shows the links without the slug in every format, the feed and comparisons, without --with-authors', () => {
    const input = buildLinkInput(false);
    const report = buildReport(input);
    const feed = pickFeedQuotes(input, { limit: 50 });
    const quote = allQuotes(report).find((q) => q.commentId === 'lk1');
    expect(quote?.text).toBe(
      'Same circular financing as https://www.reddit.com/r/stocks/comments/1abc/ and www.reddit.com/r/stocks/comments/1abc/_/c9z/ said.',
    );
    const comparison = compareReports([report, buildReport(buildLinkInput(false))]);
    const outputs = renderEveryFormat(report, feed, { withAuthors: false, comparison });
    expect(outputs.md).toContain('<https://www.reddit.com/r/stocks/comments/1abc/>');
    for (const [format, out] of Object.entries(outputs)) {
      if (!format.startsWith('compare')) expect(out, format).toContain('Same circular financing as');
      expect(out, `${format} spells the name`).not.toMatch(/deepvalue/i);
    }
  });

  it('keeps the links as written with --with-authors', () => {
    const report = buildReport(buildLinkInput(true));
    expect(allQuotes(report).find((q) => q.commentId === 'lk1')?.text).toBe(LINKS);
  });

  it('leaves the scrub reading such a link as the commenter\'s words, not as a quote source or a thread title', () => {
    const dir = makeDir();
    const report = buildReport(buildLinkInput(false));
    const quote = report.quotes.highlights.find((q) => q.commentId === 'lk1')!;
    expect(quote).toBeDefined();
    writeReport(report, { dir, basename: report.date, formats: ['md', 'json', 'csv', 'html'], now: 1_766_100_000, toolVersion: '9.9.9' });
    const read = (ext: string): string => readFileSync(join(dir, `${report.date}.${ext}`), 'utf8');
    const before = Object.fromEntries(['md', 'json', 'csv', 'html'].map((ext) => [ext, read(ext)]));
    for (const format of ['md', 'json', 'csv', 'html'] as const) {
      expect(findTitledThreadIds(format, before[format]!), format).not.toContain('1abc');
      expect(findReferencedCommentIds(format, before[format]!), format).not.toContain('c9z');
      expect(findReferencedCommentIds(format, before[format]!), format).toContain('lk1');
    }
    // the linked thread and comment gone: nothing of this report is theirs
    const untouched = scrubReportFolder(dir, { comment: (id) => id === 'c9z', thread: (id) => id === '1abc' }, 1_766_200_000);
    expect(untouched).toMatchObject({ quotesRemoved: 0, titlesRemoved: 0, stillQuoting: [], stillTitled: [], unreadable: [] });
    for (const ext of ['md', 'json', 'csv', 'html']) expect(read(ext), ext).toBe(before[ext]);
    // the quoting comment gone: its quote, links and all, comes out
    const scrubbed = scrubReportFolder(dir, { comment: (id) => id === 'lk1', thread: () => false }, 1_766_300_000);
    expect(scrubbed.quotesRemoved).toBeGreaterThan(0);
    expect(scrubbed.stillQuoting).toEqual([]);
    for (const ext of ['md', 'json', 'csv', 'html']) expect(read(ext), ext).not.toContain('Same circular financing as');
  });
});
