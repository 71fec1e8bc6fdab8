import type { TagName } from '../types.js';
import type { ReportComment, ReportInput } from './build-report.js';
import { countCuePhrases } from './count-cue-phrases.js';
import { pickQuotes } from './pick-quotes.js';
import type { QuoteCandidate, ReportQuote } from './pick-quotes.js';
import { resolveTags } from './resolve-tags.js';
import type { ResolvedTags } from './resolve-tags.js';

export interface FeedOptions {
  tag?: TagName;
  minScore?: number;
  limit: number;
  /** Only comments posted at or after this time (epoch seconds). */
  since?: number;
  /**
   * Only comments that first became quotable in this store at or after this time (epoch seconds; see
   * StoredComment.firstQuotableAt): what is new since a writer's last fetch, whenever it was posted (a comment posted
   * after one night's run is stored by the next) and whenever that fetch ran (one while a run was storing included).
   */
  collectedSince?: number;
}

/**
 * Whether the comment was posted since `since` and became quotable since `collectedSince` (each when given). A comment
 * never quotable yet (withheld) is in every collected-since window: it is withheld from the feed anyway, and counted
 * among those withheld from it.
 */
export function isInFeedWindow(comment: ReportComment, options: Pick<FeedOptions, 'since' | 'collectedSince'>): boolean {
  if (options.since !== undefined && comment.createdUtc < options.since) return false;
  if (options.collectedSince === undefined || comment.firstQuotableAt === null) return true;
  return (comment.firstQuotableAt ?? comment.firstSeenAt ?? comment.fetchedAt) >= options.collectedSince;
}

/**
 * The writers' feed: more quotes than a report's highlights, optionally for
 * one tag and above a probability, with the same eligibility and diversity
 * rules (never excluded comments, one per author, no near-duplicates). With `since`, only comments posted since then
 * are offered; the refrains a gloss mentions still count the whole event.
 */
export function pickFeedQuotes(input: ReportInput, options: FeedOptions): ReportQuote[] {
  const threads = new Map(input.threads.map((t) => [t.id, t]));
  const tagged: ResolvedTags[] = [];
  const candidates: QuoteCandidate[] = [];
  for (const { comment, excluded } of input.screened) {
    if (excluded !== null) continue;
    const tags = resolveTags(input.tags.get(comment.id), input.labels.get(comment.id));
    if (tags === null) continue;
    tagged.push(tags);
    // not confirmed live by the last re-check: possibly deleted since, so not offered to writers (see buildReport)
    if (input.unconfirmed?.has(comment.id) === true) continue;
    if (!isInFeedWindow(comment, options)) continue;
    if (comment.status === 'live' && comment.body.trim() !== '') candidates.push({ comment, thread: threads.get(comment.threadId), tags });
  }
  return pickQuotes(candidates, {
    ...(options.tag === undefined ? {} : { tag: options.tag }),
    ...(options.minScore === undefined ? {} : { minScore: options.minScore }),
    limit: options.limit,
    refrains: countCuePhrases(tagged).refrains,
    withAuthors: input.options.withAuthors,
    threads,
  });
}
