import type { Comment, EventConfig, Thread } from '../../src/types.js';

// Small builders for domain objects; each test states only the fields it cares about.

export function makeThread(overrides: Partial<Thread> = {}): Thread {
  const id = overrides.id ?? 'th1';
  return {
    id,
    subreddit: 'stocks',
    title: 'Amazon in talks to invest in OpenAI',
    selftext: '',
    url: `https://www.reddit.com/r/stocks/comments/${id}/amazon/`,
    permalink: `https://www.reddit.com/r/stocks/comments/${id}/amazon/`,
    createdUtc: 1_765_900_000,
    score: 100,
    numComments: 2,
    author: 'op_author',
    status: 'live',
    fetchedAt: 1_766_000_000,
    ...overrides,
  };
}

export function makeComment(overrides: Partial<Comment> = {}): Comment {
  const id = overrides.id ?? 'c1';
  const threadId = overrides.threadId ?? 'th1';
  return {
    id,
    threadId,
    parentId: null,
    depth: 0,
    body: 'More circular financing.',
    score: 10,
    createdUtc: 1_765_900_100,
    permalink: `https://www.reddit.com/r/stocks/comments/${threadId}/amazon/${id}/`,
    editedUtc: null,
    status: 'live',
    stickied: false,
    distinguished: null,
    author: 'some_author',
    fetchedAt: 1_766_000_000,
    ...overrides,
  };
}

/** An event searched for "ev" across all of Reddit, with a window that holds every test's times. */
export function makeEvent(overrides: Partial<EventConfig> = {}): EventConfig {
  return {
    id: 'ev',
    title: 'An event',
    description: 'What happened.',
    window: { from: 0, to: 2_000_000_000 },
    queries: ['ev'],
    subreddits: [],
    seedThreads: [],
    bots: [],
    configHash: 'c0ffee',
    ...overrides,
  };
}
