import { describe, expect, it } from 'vitest';
import { statusFromArchiveBody, toArchiveComment } from '../../src/archive/archive-to-domain.js';
import type { SubmissionData } from '../../src/reddit/reddit-schemas.js';
import { isRemovedPlaceholder, statusFromBody, toAbsolutePermalink, toThread } from '../../src/reddit/to-domain.js';

describe("Reddit's placeholders for removed text", () => {
  it("counts Reddit's own removals as removed, like a moderator's, from the API and from archives", () => {
    for (const body of ['[removed]', '[ Removed by Reddit ]', '[ Removed by Reddit on account of violating the content policy. ]', '[Removed by Reddit]']) {
      expect(statusFromBody(body, 'someone'), body).toBe('removed');
      expect(statusFromArchiveBody(body), body).toBe('removed');
    }
  });

  it('leaves real comments that merely mention removal alone', () => {
    for (const body of ['[removed] lol, the mods again', 'They removed it. [removed]?', 'removed by reddit, apparently', '[deleted by the CEO]']) {
      expect(isRemovedPlaceholder(body), body).toBe(false);
      expect(statusFromBody(body, 'someone'), body).toBe('live');
    }
  });
});

describe('permalinks from archives and dumps', () => {
  it("keeps an absolute permalink only on Reddit's hosts: another host keeps its path, on www.reddit.com", () => {
    expect(toAbsolutePermalink('/r/stocks/comments/p1/slug/c1/')).toBe('https://www.reddit.com/r/stocks/comments/p1/slug/c1/');
    expect(toAbsolutePermalink('http://old.reddit.com/r/stocks/comments/p1/slug/c1/')).toBe('https://old.reddit.com/r/stocks/comments/p1/slug/c1/');
    expect(toAbsolutePermalink('https://reddit.com/r/stocks/comments/p1/')).toBe('https://reddit.com/r/stocks/comments/p1/');
    expect(toAbsolutePermalink('https://evil.example/r/stocks/comments/p1/login/')).toBe('https://www.reddit.com/r/stocks/comments/p1/login/');
    expect(toAbsolutePermalink('https://www.reddit.com@evil.example/x/')).toBe('https://www.reddit.com/x/');
    expect(toAbsolutePermalink('https://www.reddit.com.evil.example/r/x/')).toBe('https://www.reddit.com/r/x/');
    expect(toAbsolutePermalink('HTTPS://evil.example/phish')).toBe('https://www.reddit.com/phish');
  });

  it('links a dump comment whose permalink names another host to reddit.com, not to that host', () => {
    const comment = toArchiveComment(
      { id: 'c1', parent_id: 't3_p1', link_id: 't3_p1', subreddit: 'stocks', body: 'lol', score: 1, created_utc: 1_765_900_000, permalink: 'https://evil.example/phish/c1' },
      0,
      1_765_900_100,
    );
    expect(new URL(comment.permalink).hostname).toBe('www.reddit.com');
  });
});

describe("a submission whose author reads [deleted] (README, Where data lives)", () => {
  const post = (fields: Record<string, unknown>) =>
    toThread(
      { id: 'p1', subreddit: 'stocks', title: 'AMZN to put $10B into OpenAI', selftext: 'Thoughts? Feels like the Nvidia deal again.', permalink: '/r/stocks/comments/p1/amzn_to_put/', created_utc: 1_765_900_000, score: 10, num_comments: 3, author: 'DeepValue_99', stickied: false, ...fields } as SubmissionData,
      1_765_900_100,
    );

  it('is live, title and text kept, with no name, when its text is intact: the account was deleted, not the post', () => {
    expect(post({ author: '[deleted]' })).toMatchObject({ status: 'live', title: 'AMZN to put $10B into OpenAI', selftext: 'Thoughts? Feels like the Nvidia deal again.', author: '[deleted]' });
  });

  it('is deleted when its text reads [deleted], and when it has no text to tell an account deletion from a withdrawn post', () => {
    expect(post({ author: '[deleted]', selftext: '[deleted]' })).toMatchObject({ status: 'deleted', selftext: '', author: null });
    // a link post (or a title alone): nothing tells them apart, so its title is not kept
    expect(post({ author: '[deleted]', selftext: '' })).toMatchObject({ status: 'deleted', author: null });
    expect(post({ author: '[deleted]', selftext: '[removed]' })).toMatchObject({ status: 'removed', author: null });
    expect(post({})).toMatchObject({ status: 'live', author: 'DeepValue_99' });
  });
});
