import type { TagName } from '../types.js';
import type { ReportQuote } from './pick-quotes.js';

/** One quote in the writers' feed (snake_case: it is read by spreadsheets and other tools). */
export interface FeedRecord {
  id: string;
  comment_id: string;
  text: string;
  gloss: string;
  gloss_is_paraphrase: true;
  primary_tag: TagName;
  tags: Record<TagName, number>;
  /** Whether the comment carries each tag (threshold or human correction), as the report's shares count it. */
  labels: Record<TagName, boolean>;
  cue_phrases: string[];
  attribution: string;
  permalink: string;
  subreddit: string;
  thread_id: string;
  thread_title: string;
  created_utc: string;
  score_at_fetch: number;
  fetched_at: string;
  /**
   * When the comment first became quotable in this store (stored with its text, not withheld for a re-check): what
   * `--collected-since` compares. Null for a quote built from a comment the store gives no such time for.
   */
  collected_at: string | null;
  /** When Reddit last showed the comment live (a fetch or a re-check); null if it never has (an archive or dump copy). */
  status_checked_at: string | null;
  author?: string;
}

/** `collectedAt`: the comment's firstQuotableAt (seconds), which the quote itself does not carry (the report's quotes do not show it). */
export function toFeedRecord(quote: ReportQuote, collectedAt: number | null = null): FeedRecord {
  const record: FeedRecord = {
    id: quote.id,
    comment_id: quote.commentId,
    text: quote.text,
    gloss: quote.gloss,
    gloss_is_paraphrase: true,
    primary_tag: quote.primaryTag,
    tags: quote.tags,
    labels: quote.labels,
    cue_phrases: quote.cuePhrases,
    attribution: quote.attribution,
    permalink: quote.permalink,
    subreddit: quote.subreddit,
    thread_id: quote.threadId,
    thread_title: quote.threadTitle,
    created_utc: toIso(quote.createdUtc),
    score_at_fetch: quote.score,
    fetched_at: toIso(quote.fetchedAt),
    collected_at: collectedAt === null ? null : toIso(collectedAt),
    status_checked_at: quote.statusCheckedAt === null ? null : toIso(quote.statusCheckedAt),
  };
  if (quote.author !== undefined) record.author = quote.author;
  return record;
}

function toIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
