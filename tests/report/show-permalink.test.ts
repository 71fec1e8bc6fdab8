import { describe, expect, it } from 'vitest';
import { showPermalink } from '../../src/report/show-permalink.js';

const live = { status: 'live' as const, title: 'Amazon in talks to invest in OpenAI' };

describe('showPermalink', () => {
  it('shows a stored link to another host on Reddit, with its path: reports label it "Reddit, r/…"', () => {
    expect(showPermalink('https://evil.example/r/stocks/comments/1ab/x/c9/', live, { withAuthors: false })).toBe('https://www.reddit.com/r/stocks/comments/1ab/x/c9/');
    expect(showPermalink('https://www.reddit.com@evil.example/r/stocks/comments/1ab/x/', live, { withAuthors: false })).toBe('https://www.reddit.com/r/stocks/comments/1ab/x/');
  });

  it("keeps Reddit's own links as they are, and a purged thread's without its slug", () => {
    expect(showPermalink('https://www.reddit.com/r/stocks/comments/1ab/amazon_in_talks/c9/', live, { withAuthors: false })).toBe('https://www.reddit.com/r/stocks/comments/1ab/amazon_in_talks/c9/');
    expect(showPermalink('https://old.reddit.com/r/stocks/comments/1ab/amazon_in_talks/', live, { withAuthors: false })).toBe('https://old.reddit.com/r/stocks/comments/1ab/amazon_in_talks/');
    expect(showPermalink('https://www.reddit.com/r/stocks/comments/1ab/amazon_in_talks/c9/', { status: 'removed', title: '' }, { withAuthors: false })).toBe('https://www.reddit.com/r/stocks/comments/1ab/_/c9/');
  });
});
