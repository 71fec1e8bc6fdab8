import type { ExclusionReason, TagName, TagResult, Thread } from '../types.js';
import type { ReportComment, ReportInput } from './build-report.js';
import { CuePhraseCounter } from './count-cue-phrases.js';
import { pickQuotes, poolSizeFor, QuoteCandidatePool } from './pick-quotes.js';
import type { QuoteCandidate, ReportQuote } from './pick-quotes.js';
import { resolveTags } from './resolve-tags.js';

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
  const feed = new FeedTally(input, options);
  for (const { comment, excluded } of input.screened) feed.add(comment, excluded, input.tags.get(comment.id));
  return feed.pick();
}

/**
 * pickFeedQuotes one comment at a time, in the store's order (the quotes command reads an event a page at a time).
 * With `bounded`, only the candidates the feed's pick can use are kept (QuoteCandidatePool); the quotes are the same.
 */
export class FeedTally {
  /** Comments added. */
  stored = 0;
  /** Comments in the feed's window left out because the last deletion re-check could not confirm them live (countUnconfirmed). */
  withheld = 0;
  private readonly threads: Map<string, Thread>;
  private readonly cues = new CuePhraseCounter();
  private readonly all: QuoteCandidate[] = [];
  private readonly pool: QuoteCandidatePool | null;

  constructor(
    private readonly input: Pick<ReportInput, 'threads' | 'labels' | 'unconfirmed' | 'options'>,
    private readonly options: FeedOptions,
    bounded = false,
  ) {
    this.threads = new Map(input.threads.map((t) => [t.id, t]));
    this.pool = bounded
      ? new QuoteCandidatePool({ ...(options.tag === undefined ? {} : { tag: options.tag }), ...(options.minScore === undefined ? {} : { minScore: options.minScore }), k: poolSizeFor(options.limit) })
      : null;
  }

  add(comment: ReportComment, excluded: ExclusionReason | null, result: TagResult | undefined): void {
    this.stored++;
    // of the comments the feed could have offered: with --since, those posted since then; with --collected-since,
    // those that became quotable since then or are withheld (see isInFeedWindow)
    const inWindow = isInFeedWindow(comment, this.options);
    if (inWindow && comment.status === 'live' && this.input.unconfirmed?.has(comment.id) === true) this.withheld++;
    if (excluded !== null) return;
    const tags = resolveTags(result, this.input.labels.get(comment.id));
    if (tags === null) return;
    this.cues.add(tags);
    // not confirmed live by the last re-check: possibly deleted since, so not offered to writers (see buildReport)
    if (this.input.unconfirmed?.has(comment.id) === true) return;
    if (!inWindow) return;
    if (comment.status === 'live' && comment.body.trim() !== '') {
      const candidate = { comment, thread: this.threads.get(comment.threadId), tags };
      if (this.pool === null) this.all.push(candidate);
      else this.pool.add(candidate);
    }
  }

  pick(): ReportQuote[] {
    return pickQuotes(this.candidates(), {
      ...(this.options.tag === undefined ? {} : { tag: this.options.tag }),
      ...(this.options.minScore === undefined ? {} : { minScore: this.options.minScore }),
      limit: this.options.limit,
      refrains: this.cues.count().refrains,
      withAuthors: this.input.options.withAuthors,
      threads: this.threads,
    });
  }

  /**
   * When each picked quote's comment first became quotable (its firstQuotableAt, null when it has none: the feed's
   * collected_at), by comment id. A quote is picked from the candidates, so they hold its comment.
   */
  collectedAt(quotes: readonly ReportQuote[]): Map<string, number | null> {
    const picked = new Set(quotes.map((q) => q.commentId));
    const out = new Map<string, number | null>();
    for (const { comment } of this.candidates()) if (picked.has(comment.id)) out.set(comment.id, comment.firstQuotableAt ?? null);
    return out;
  }

  private candidates(): QuoteCandidate[] {
    return this.pool === null ? this.all : this.pool.list();
  }
}
