import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { DELETED_AUTHOR } from '../../src/types.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';
import { renderEveryFormat } from '../helpers/render-every-format.js';

// With --with-authors a post on a user's profile is attributed to r/u_<name>. A deleted account's name is never shown
// (README, What a report looks like), so neither is the profile its post or comment is on.

/** With --with-authors: a thread on GoneOwner_7's profile, posted by an account since deleted (Reddit shows it deleted);
 *  a live thread on LiveOwner_3's profile holding a comment by a deleted account and one by a live account. */
function buildInput(): ReportInput {
  const input = buildFixtureInput({ options: { withAuthors: true, maxQuotes: 8 } });
  // as the sources store a deleted account's link post (no text to tell it from one its author deleted): deleted, no title, no author, its link without the slug
  const gone = makeThread('tgone', 'u_GoneOwner_7', '', {
    status: 'deleted',
    author: null,
    permalink: 'https://www.reddit.com/r/u_GoneOwner_7/comments/tgone/',
    url: 'https://www.reddit.com/r/u_GoneOwner_7/comments/tgone/',
  });
  const live = makeThread('tlive', 'u_LiveOwner_3', 'My take on the deal', { author: 'LiveOwner_3' });
  input.threads.push(gone, live);
  const add = (id: string, thread: typeof gone, body: string, author: string, score: number): void => {
    const comment = { ...makeComment(id, thread, body, { score, author }), permalink: `https://www.reddit.com/r/${thread.subreddit}/comments/${thread.id}/_/${id}/` };
    input.screened.push({ comment, excluded: null });
    input.tags.set(id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
  };
  add('g1', gone, 'Circular financing with a bow on it, and everyone claps.', 'still_here_1', 9900);
  add('d1', live, 'Pure circular financing, the same dollars counted three times over.', DELETED_AUTHOR, 9800);
  add('l1', live, 'Textbook circular financing, and the analysts call it synergy.', 'still_here_2', 9700);
  return input;
}

const allQuotes = (report: ReturnType<typeof buildReport>): ReportQuote[] => [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];

describe("a deleted account's profile with --with-authors", () => {
  const input = buildInput();
  const report = buildReport(input);
  const feed = pickFeedQuotes(input, { limit: 50 });
  const byId = (id: string): ReportQuote | undefined => allQuotes(report).find((q) => q.commentId === id);

  it('is not named by a quote of its post, nor by the thread list or subreddit rows', () => {
    expect(byId('g1')).toMatchObject({ subreddit: 'u_[user]', attribution: 'Reddit, r/u_[user]', permalink: 'https://www.reddit.com/comments/tgone/_/g1/' });
    expect(report.threads.find((t) => t.id === 'tgone')).toMatchObject({ subreddit: 'u_[user]', permalink: 'https://www.reddit.com/comments/tgone/' });
    expect(report.subreddits.map((s) => s.subreddit)).toContain('u_[user]');
    const comparison = compareReports([report, buildReport(buildInput())]);
    const outputs = renderEveryFormat(report, feed, { withAuthors: true, comparison });
    for (const [format, out] of Object.entries(outputs)) expect(out, `${format} names the deleted account's profile`).not.toMatch(/GoneOwner/i);
  });

  // The profile is its post's poster's: a deleted account commenting there is not its owner (an owner whose account is
  // gone has a post Reddit shows deleted, as tgone's). Reading r/u_[user] beside a thread row naming the profile hid
  // nothing, and made the one thread two places in the report.
  it('names a live account\'s profile for a deleted account\'s comment on it as for its post and other comments', () => {
    const thread = report.threads.find((t) => t.id === 'tlive');
    expect(byId('d1')).toMatchObject({ subreddit: thread?.subreddit, attribution: 'Reddit, r/u_LiveOwner_3' });
    expect(byId('d1')?.permalink).toBe('https://www.reddit.com/r/u_LiveOwner_3/comments/tlive/_/d1/');
    expect(byId('d1')).not.toHaveProperty('author');
    expect(feed.find((q) => q.commentId === 'd1')).toMatchObject({ subreddit: 'u_LiveOwner_3', permalink: byId('d1')?.permalink });
    // its row counts both comments under the one name the thread list gives
    expect(report.subreddits.find((s) => s.subreddit === 'u_LiveOwner_3')?.analysed).toBe(2);
    const outputs = renderEveryFormat(report, feed, { withAuthors: true });
    for (const [format, out] of Object.entries(outputs)) expect(out, `${format} shows the profile two ways`).not.toContain('u_[user]/comments/tlive');
  });

  it('hides the profile of a deleted account\'s comment whose thread the report does not hold (it may be the owner\'s)', () => {
    const orphanInput = buildInput();
    const orphan = { ...makeComment('o1', makeThread('tnone', 'u_Unknown_9', 'x'), 'Circular financing, all of it, round and round it goes.', { score: 9950, author: DELETED_AUTHOR }), permalink: 'https://www.reddit.com/r/u_Unknown_9/comments/tnone/_/o1/' };
    orphanInput.screened.push({ comment: orphan, excluded: null });
    orphanInput.tags.set('o1', makeTags(orphan, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
    const orphanReport = buildReport(orphanInput);
    const quote = allQuotes(orphanReport).find((q) => q.commentId === 'o1');
    expect(quote).toMatchObject({ subreddit: 'u_[user]', permalink: 'https://www.reddit.com/comments/tnone/_/o1/' });
    expect(orphanReport.subreddits.map((s) => s.subreddit)).not.toContain('u_Unknown_9');
  });

  it('leaves a live account\'s profile named, as --with-authors asks', () => {
    expect(byId('l1')).toMatchObject({ subreddit: 'u_LiveOwner_3', attribution: 'Reddit, r/u_LiveOwner_3', author: 'still_here_2' });
    expect(byId('l1')?.permalink).toContain('/r/u_LiveOwner_3/comments/tlive/');
    expect(report.threads.find((t) => t.id === 'tlive')?.subreddit).toBe('u_LiveOwner_3');
    expect(report.subreddits.map((s) => s.subreddit)).toContain('u_LiveOwner_3');
  });
});
