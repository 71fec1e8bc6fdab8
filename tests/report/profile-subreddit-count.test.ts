import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { buildFixtureInput, makeComment } from './report-fixture.js';

/** The fixture with its wallstreetbets thread and a new one posted on two different users' profiles. */
function buildProfileInput() {
  const input = buildFixtureInput();
  const onProfile = (name: string) => (t: (typeof input.threads)[number]) => ({
    ...t,
    subreddit: `u_${name}`,
    permalink: t.permalink.replace(`/r/${t.subreddit}/`, `/r/u_${name}/`),
  });
  input.threads = input.threads.map((t) => (t.subreddit === 'wallstreetbets' ? onProfile('DeepValue_99')(t) : t));
  const second = onProfile('OtherPoster')({ ...input.threads[0]!, id: 't9', permalink: 'https://www.reddit.com/r/technology/comments/t9/slug/' });
  input.threads.push(second);
  input.screened.push({ comment: makeComment('p9', second, 'Circular financing again, nothing new here.'), excluded: null });
  return input;
}

describe("the subreddit count with posts on users' profiles", () => {
  it('counts the profiles as the rows show them: one u_[user], so "across N subreddits" is the number of rows', () => {
    const report = buildReport(buildProfileInput());
    expect(report.subreddits.map((s) => s.subreddit).sort()).toEqual(['stocks', 'technology', 'u_[user]']);
    expect(report.counts.subreddits).toBe(report.subreddits.length);
    expect(renderMarkdown(report)).toContain('across 3 subreddits');
  });

  it('with --with-authors, each profile is its own subreddit, in the count and the rows alike', () => {
    const input = buildProfileInput();
    const report = buildReport({ ...input, options: { ...input.options, withAuthors: true } });
    expect(report.subreddits).toHaveLength(4);
    expect(report.counts.subreddits).toBe(4);
  });
});
