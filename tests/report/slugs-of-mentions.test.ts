import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { redactUserMentions } from '../../src/report/redact-user-mentions.js';
import { renderEveryFormat } from '../helpers/render-every-format.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

// Reddit makes a slug from a title's words, lowercased and joined by `_`, dropping every other character without a
// separator: real links read `is_nvidias_valuation_justified` ("Nvidia's") and `daily_discussion_friday_20250328`
// ("2025-03-28"). So a title mentioning u/DeepValue_99 gives `udeepvalue_99_…`, /user/name `username_…`, @handle
// `handle_…` (words like any other), r/u_name `ru_name_…` and a profile link reddit.com/u/name `redditcomuname_…`.

describe('thread-link slugs made from a title that names a user', () => {
  it.each([
    ['r/u_DeepValue_99 posts his position', 'https://www.reddit.com/r/stocks/comments/1abc/ru_deepvalue_99_posts_his_position/', 'https://www.reddit.com/r/stocks/comments/1abc/'],
    ['See reddit.com/user/DeepValue_99', 'https://www.reddit.com/r/stocks/comments/1abc/see_redditcomuserdeepvalue_99/c1/', 'https://www.reddit.com/r/stocks/comments/1abc/_/c1/'],
    ['https://www.reddit.com/u/DeepValue_99 is back', '/r/stocks/comments/1abc/httpswwwredditcomudeepvalue_99_is_back/', '/r/stocks/comments/1abc/'],
    ['old.reddit.com/r/u_DeepValue_99 posted', 'reddit.com/comments/1abc/oldredditcomru_deepvalue_99_posted/', 'reddit.com/comments/1abc/'],
  ])('drops the slug of a title like %j, whatever thread it is', (_title, text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
  });

  it.each([
    ['words starting with u or user', 'https://www.reddit.com/r/stocks/comments/1abc/update_uber_users_and_username_rules/'],
    ['a subreddit link in the title', 'https://www.reddit.com/r/stocks/comments/1abc/see_redditcomrstocks_and_russia/'],
    ['reddit.com as a word', 'https://www.reddit.com/r/stocks/comments/1abc/redditcom_is_down_again/'],
  ])('keeps %s', (_name, text) => {
    expect(redactUserMentions(text)).toBe(text);
  });

  it('drops the slug of a link to a thread whose title, as the report holds it, names a user, and only that one', () => {
    const titleNamesUser = (id: string): boolean => id === '1abc';
    const text = 'see reddit.com/r/stocks/comments/1ABC/udeepvalue_99_posts_his_position/c1/ and reddit.com/r/stocks/comments/1xyz/update_on_the_deal/';
    expect(redactUserMentions(text, { titleNamesUser })).toBe('see reddit.com/r/stocks/comments/1ABC/_/c1/ and reddit.com/r/stocks/comments/1xyz/update_on_the_deal/');
    // a @handle's slug is words; no one is named without the thread's title to tell it
    expect(redactUserMentions('reddit.com/r/stocks/comments/1abc/nixcraft_says_it_is_a_bubble/', { titleNamesUser })).toBe('reddit.com/r/stocks/comments/1abc/');
  });
});

const WORDS =
  'Same circular financing as https://www.reddit.com/r/stocks/comments/tnamed/udeepvalue_99_posts_his_position/ and www.reddit.com/r/stocks/comments/tnamed/nixcraft_says_udeepvalue_99_is_right/c7z/ said.';

function buildInput(withAuthors: boolean): ReportInput {
  const input = buildFixtureInput({ options: { withAuthors, maxQuotes: 6 } });
  input.threads.push(makeThread('tnamed', 'stocks', '@nixCraft says u/DeepValue_99 is right', { permalink: 'https://www.reddit.com/r/stocks/comments/tnamed/nixcraft_says_udeepvalue_99_is_right/' }));
  const thread = makeThread('tlinks', 'stocks', 'Links thread');
  input.threads.push(thread);
  const comment = makeComment('sl1', thread, WORDS, { score: 9900, author: 'linker' });
  input.screened.push({ comment, excluded: null });
  input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
  return input;
}

const allQuotes = (report: ReturnType<typeof buildReport>): ReportQuote[] => [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];

describe('a quote linking to a thread the report holds, whose title names a user', () => {
  it('shows the links without the slug in every format, the feed and comparisons, without --with-authors', () => {
    const input = buildInput(false);
    const report = buildReport(input);
    const feed = pickFeedQuotes(input, { limit: 50 });
    const shown = 'Same circular financing as https://www.reddit.com/r/stocks/comments/tnamed/ and www.reddit.com/r/stocks/comments/tnamed/_/c7z/ said.';
    expect(allQuotes(report).find((q) => q.commentId === 'sl1')?.text).toBe(shown);
    expect(feed.find((q) => q.commentId === 'sl1')?.text).toBe(shown);
    // the thread's own link loses the slug the same way
    expect(report.threads.find((t) => t.id === 'tnamed')?.permalink).toBe('https://www.reddit.com/r/stocks/comments/tnamed/');
    const comparison = compareReports([report, buildReport(buildInput(false))]);
    for (const [format, out] of Object.entries(renderEveryFormat(report, feed, { withAuthors: false, comparison }))) {
      expect(out, `${format} spells the name`).not.toMatch(/deepvalue|nixcraft/i);
    }
  });

  it('keeps the links as written with --with-authors', () => {
    expect(allQuotes(buildReport(buildInput(true))).find((q) => q.commentId === 'sl1')?.text).toBe(WORDS);
  });
});
