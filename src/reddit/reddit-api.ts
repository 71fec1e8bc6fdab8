import type { CommentsResponse, InfoListing, MoreChildrenResponse, SearchListing } from './reddit-schemas.js';

// The handful of Reddit endpoints the collector needs, already parsed with zod.
// Implementations: a live OAuth client (src/reddit/http-reddit-api.ts) and a
// replay of recorded responses (src/sources/fixture-reddit-api.ts). Traversal,
// pacing decisions and tree rebuilding live above this interface, so both
// implementations share them.

export interface SearchParams {
  query: string;
  /** Omit for site-wide search. */
  subreddit?: string;
  sort: 'new' | 'relevance' | 'top' | 'comments';
  time: 'hour' | 'day' | 'week' | 'month' | 'year' | 'all';
  after?: string;
  limit: number;
}

export interface RedditApi {
  search(params: SearchParams): Promise<SearchListing>;
  /** GET /comments/{threadId}, or /comments/{threadId}/_/{commentId} for a continue-this-thread stub. */
  comments(threadId: string, commentId?: string): Promise<CommentsResponse>;
  /** GET /api/morechildren with at most 100 ids. Never called concurrently. */
  moreChildren(threadId: string, childIds: string[]): Promise<MoreChildrenResponse>;
  /** GET /api/info with at most 100 fullnames (t1_…, t3_…). */
  info(fullnames: string[]): Promise<InfoListing>;
  /** Requests made, 429s received and time spent waiting, for the run record. */
  stats(): ApiStats;
}

export interface ApiStats {
  requests: number;
  rateLimited: number;
  waitMs: number;
}
