import { describe, expect, it } from 'vitest';
import { statusFromArchiveBody, toArchiveComment } from '../../src/archive/archive-to-domain.js';
import { isRemovedPlaceholder, statusFromBody, toAbsolutePermalink } from '../../src/reddit/to-domain.js';

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
