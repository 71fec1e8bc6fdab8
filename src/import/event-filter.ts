import type { EventConfig, Thread } from '../types.js';

/** Why an item was left out by the event filter; counted per reason in the import summary. */
export type FilterReason = 'outside window' | 'other subreddit' | 'no query match' | 'thread not kept';

export interface EventFilter {
  readonly event: EventConfig;
  /** Lowercased subreddit names; empty = every subreddit. */
  readonly subreddits: ReadonlySet<string>;
  readonly seeds: ReadonlySet<string>;
  /** Each query as its terms (all must appear), lowercased. */
  readonly queries: readonly QueryTerms[];
}

interface QueryTerms {
  terms: string[];
  patterns: RegExp[];
  /** Terms whose raw-JSON form is certain (plain ASCII letters/digits/spaces), so the raw line can be checked. */
  rawCheckable: boolean;
}

export function createEventFilter(event: EventConfig): EventFilter {
  return {
    event,
    subreddits: new Set(event.subreddits.map((s) => s.toLowerCase())),
    seeds: new Set(event.seedThreads),
    queries: event.queries.map(parseQuery),
  };
}

/**
 * Reddit's default search semantics, near enough: every word of the query must
 * appear; "quoted phrases" stay together. A term matches at the start of a word,
 * so "invest" finds "investment" but "ai" does not find "said".
 */
export function parseQuery(query: string): QueryTerms {
  const terms: string[] = [];
  for (const match of query.toLowerCase().matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term !== '') terms.push(term);
  }
  return {
    terms,
    patterns: terms.map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}`, 'iu')),
    rawCheckable: terms.every((t) => /^[a-z0-9 ]+$/.test(t)),
  };
}

/** The authoritative decision for a parsed submission; null = keep. */
export function filterThread(filter: EventFilter, thread: Thread): FilterReason | null {
  if (filter.seeds.has(thread.id)) return null; // a user named it: kept whatever its time or place
  const { from, to } = filter.event.window;
  if (thread.createdUtc < from || thread.createdUtc > to) return 'outside window';
  if (filter.subreddits.size > 0 && !filter.subreddits.has(thread.subreddit.toLowerCase())) return 'other subreddit';
  const text = `${thread.title}\n${thread.selftext}`;
  if (!filter.queries.some((q) => q.patterns.every((p) => p.test(text)))) return 'no query match';
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
