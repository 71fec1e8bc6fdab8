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
import { writeReport } from '../../src/report/write-report.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';
import { renderEveryFormat } from '../helpers/render-every-format.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

// A link in a quote's words to a post on a user's profile (/r/u_<name>/comments/…, /user/<name>/comments/…) names the
// profile's owner. Giving the name a marker (/r/u_[user]/comments/…) made a link that opens nothing; without
// --with-authors the profile part goes, as it does from permalinks, and Reddit opens /comments/<post>/… the same way.

const makeDir = useTempDirs('reactionlens-profile-links-');

describe('redactUserMentions on links to posts on a profile', () => {
  it.each([
    ['see https://www.reddit.com/r/u_SomeName_7/comments/abc123/my_position/ now', 'see https://www.reddit.com/comments/abc123/my_position/ now'],
    ['https://www.reddit.com/user/SomeName_7/comments/abc123/my_position/c9z/', 'https://www.reddit.com/comments/abc123/my_position/c9z/'],
    ['(old.reddit.com/u/Some-Name/comments/abc123)', '(old.reddit.com/comments/abc123)'],
    ['https://www.reddit.com/r/u_Some\\_Name/comments/abc123/?utm_source=share', 'https://www.reddit.com/comments/abc123/?utm_source=share'],
    // relative links keep a path Reddit opens
    ['see /r/u_SomeName_7/comments/abc123/my_position/ and /user/SomeName_7/comments/abc124/', 'see /comments/abc123/my_position/ and /comments/abc124/'],
    ['r/u_SomeName_7/comments/abc123/ and u/SomeName_7/comments/abc124/x/', '/comments/abc123/ and /comments/abc124/x/'],
    // a slug that spells a name still goes, from a comment's link too
    ['https://www.reddit.com/r/u_DeepValue_99/comments/1abc/u_deepvalue_99_here/', 'https://www.reddit.com/comments/1abc/'],
    ['/user/DeepValue_99/comments/1abc/u_deepvalue_99_here/c1/', '/comments/1abc/_/c1/'],
    // an invisible character inside the name does not keep it, and a mention beside the link is still redacted
    ['https://www.reddit.com/user/Some\u200BName/comments/abc123/my_position/ by u/\u200BSomeName', 'https://www.reddit.com/comments/abc123/my_position/ by u/\u200B[user]'],
  ])('takes the profile part out of %j', (text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
  });

  it.each([
    ['a profile link that is no post', 'https://www.reddit.com/user/spez/ and reddit.com/r/u_spez/', 'https://www.reddit.com/user/[user]/ and reddit.com/r/u_[user]/'],
    ['a subreddit post', 'https://www.reddit.com/r/stocks/comments/abc123/my_position/', 'https://www.reddit.com/r/stocks/comments/abc123/my_position/'],
    ['another host', 'https://example.com/user/spez/comments/abc123/', 'https://example.com/user/spez/comments/abc123/'],
  ])('leaves %s as a mention or as written', (_name, text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
  });

  it('takes linear time on long runs (it runs on every quote shown)', () => {
    const t0 = performance.now();
    for (const text of [`reddit.com/user/${'a'.repeat(100_000)}/x`, 'u/a/comments/'.repeat(20_000), `r/u_${'a'.repeat(100_000)}`, 'reddit.com/r/u_a/comments/1/ u/b '.repeat(10_000)]) redactUserMentions(text);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

const WORDS =
  'Same circular financing as https://www.reddit.com/r/u_SomeName_7/comments/abc123/my_position/ and www.reddit.com/user/SomeName_7/comments/abc124/more_of_it/c9z/ said.';

function buildLinkInput(withAuthors: boolean): ReportInput {
  const input = buildFixtureInput({ options: { withAuthors, maxQuotes: 6 } });
  const thread = makeThread('tprof', 'stocks', 'Links thread');
  input.threads.push(thread);
  const comment = makeComment('pl1', thread, WORDS, { score: 9900, author: 'linker' });
  input.screened.push({ comment, excluded: null });
  input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
  return input;
}

const allQuotes = (report: ReturnType<typeof buildReport>): ReportQuote[] => [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];

describe('a quote linking to a post on a profile', () => {
  it('shows working links that name no one, in every format and the feed, without --with-authors', () => {
    const input = buildLinkInput(false);
    const report = buildReport(input);
    const feed = pickFeedQuotes(input, { limit: 50 });
    const shown = 'Same circular financing as https://www.reddit.com/comments/abc123/my_position/ and www.reddit.com/comments/abc124/more_of_it/c9z/ said.';
    expect(allQuotes(report).find((q) => q.commentId === 'pl1')?.text).toBe(shown);
    expect(feed.find((q) => q.commentId === 'pl1')?.text).toBe(shown);
    const comparison = compareReports([report, buildReport(buildLinkInput(false))]);
    for (const [format, out] of Object.entries(renderEveryFormat(report, feed, { withAuthors: false, comparison }))) {
      if (!format.startsWith('compare')) {
        expect(out, format).toContain('https://www.reddit.com/comments/abc123/my_position/');
        expect(out, format).toContain('www.reddit.com/comments/abc124/more_of_it/c9z/');
      }
      expect(out, `${format} shows a dead profile link`).not.toMatch(/\[user\]\/comments/);
      expect(out, `${format} spells the name`).not.toMatch(/SomeName/i);
    }
  });

  it('keeps the links as written with --with-authors', () => {
    expect(allQuotes(buildReport(buildLinkInput(true))).find((q) => q.commentId === 'pl1')?.text).toBe(WORDS);
  });
});

describe('the scrub reading such a link', () => {
  it('takes it as the commenter\'s words, not as a quote source or a thread title', () => {
    const dir = makeDir();
    const report = buildReport(buildLinkInput(false));
    writeReport(report, { dir, basename: report.date, formats: ['md', 'json', 'csv', 'html'], now: 1_766_100_000, toolVersion: '9.9.9' });
    for (const format of ['md', 'json', 'csv', 'html'] as const) {
      const content = readFileSync(join(dir, `${report.date}.${format}`), 'utf8');
      expect(content, format).toContain('www.reddit.com/comments/abc124/more_of_it/c9z/');
      expect(findReferencedCommentIds(format, content), format).not.toContain('c9z');
      expect(findReferencedCommentIds(format, content), format).toContain('pl1');
      expect(findTitledThreadIds(format, content), format).not.toEqual(expect.arrayContaining(['abc123']));
      expect(findTitledThreadIds(format, content), format).not.toEqual(expect.arrayContaining(['abc124']));
    }
  });
});
