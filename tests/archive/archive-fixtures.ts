import type { EventConfig } from '../../src/types.js';

// Synthetic archive objects in Arctic Shift's shape (Reddit fields + _meta).

export const BASE = 'https://arctic.test';
export const FROM = 1_765_843_200; // 2025-12-16T00:00:00Z
export const TO = FROM + 15 * 86_400;

export function makeEvent(overrides: Partial<EventConfig> = {}): EventConfig {
  return {
    id: 'test-event',
    title: 'Test event',
    description: 'A test event',
    window: { from: FROM, to: TO },
    queries: ['amazon openai'],
    subreddits: ['stocks'],
    seedThreads: [],
    bots: [],
    configHash: 'x',
    ...overrides,
  };
}

export function post(id: string, created: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `t3_${id}`,
    subreddit: 'stocks',
    title: `Amazon to invest in OpenAI (${id}) 🚀`,
    selftext: 'Trainium chips, apparently.',
    url: `https://example.com/${id}`,
    permalink: `/r/stocks/comments/${id}/amazon_openai/`,
    created_utc: created,
    score: 10,
    num_comments: 3,
    author: 'poster',
    retrieved_on: created + 60,
    _meta: { retrieved_2nd_on: created + 86_400 },
    ...extra,
  };
}

export function comment(id: string, threadId: string, parent: string, created: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `t1_${id}`,
    link_id: `t3_${threadId}`,
    parent_id: parent,
    subreddit: 'stocks',
    body: `comment ${id}: circular deals again… 🤔`,
    author: `user_${id}`,
    score: 2,
    created_utc: created,
    permalink: `/r/stocks/comments/${threadId}/_/${id}/`,
    edited: false,
    stickied: false,
    distinguished: null,
    retrieved_on: created + 30,
    ...extra,
  };
}

export function answer(data: unknown[]): { data: unknown[]; error: null } {
  return { data, error: null };
}
