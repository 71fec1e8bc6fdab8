import { EXCLUSION_REASONS } from '../types.js';
import type { ExclusionReason, LabelOverride, TagResult, Thread } from '../types.js';
import type { ReportComment } from './build-report.js';
import { ShareTally, weighByScore } from './compute-shares.js';
import { CuePhraseCounter } from './count-cue-phrases.js';
import { ReportInputHasher } from './hash-report-inputs.js';
import { QuoteCandidatePool, type QuoteCandidate } from './pick-quotes.js';
import { resolveTags } from './resolve-tags.js';
import { postedByDeletedAccount } from './show-subreddit.js';
import { CommentFactsTally } from './summarise-threads.js';

export interface ReportTallyOptions {
  /** The event's threads by id. */
  threads: ReadonlyMap<string, Thread>;
  /** Human overrides; they win over tags. */
  labels: ReadonlyMap<string, LabelOverride>;
  /** Comments the last deletion re-check could not confirm live: counted, never quoted. */
  unconfirmed?: ReadonlySet<string>;
  withAuthors: boolean;
  /**
   * Keep only the quote candidates that picks of up to this many quotes per pool can use (QuoteCandidatePool's `k`,
   * see poolSizeFor); absent: keep every candidate, as an event held in memory does.
   */
  quotePoolSize?: number;
}

/**
 * Everything a report says of an event's comments, added one comment at a time in the store's order (thread, time,
 * id): counts, shares and their thread clusters, cue phrases, per-thread and per-subreddit figures, the input hashes,
 * and the quote candidates. buildReport feeds it an event held in memory; the report commands feed it the event a page
 * at a time (loadReportTally), so they hold one page of comments and the few quote candidates that can still be picked,
 * never the event's comments. The same comments in the same order give the same report, byte for byte.
 */
export class ReportTally {
  stored = 0;
  analysed = 0;
  tagged = 0;
  taggerSkipped = 0;
  overrides = 0;
  /** Live comments on the unconfirmed list (countUnconfirmed). */
  unconfirmed = 0;
  readonly excludedByReason = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  first: number | null = null;
  last: number | null = null;
  /** The latest fetch of a comment (0 when none). */
  latestFetch = 0;
  readonly shares = new ShareTally();
  readonly weightedShares = new ShareTally();
  readonly cues = new CuePhraseCounter();
  readonly facts: CommentFactsTally;
  readonly hasher = new ReportInputHasher();
  /** Analysed comments per thread, only for threads with one (compare's shared-thread warning). */
  readonly analysedByThread = new Map<string, number>();
  private readonly all: QuoteCandidate[] | null;
  private readonly pool: QuoteCandidatePool | null;

  constructor(private readonly options: ReportTallyOptions) {
    this.facts = new CommentFactsTally({ withAuthors: options.withAuthors });
    this.pool = options.quotePoolSize === undefined ? null : new QuoteCandidatePool({ k: options.quotePoolSize });
    this.all = this.pool === null ? [] : null;
  }

  add(comment: ReportComment, excluded: ExclusionReason | null, result: TagResult | undefined): void {
    this.stored++;
    this.hasher.add({ comment, excluded }, result);
    this.latestFetch = Math.max(this.latestFetch, comment.fetchedAt);
    if (comment.status === 'live' && this.options.unconfirmed?.has(comment.id) === true) this.unconfirmed++;
    const thread = this.options.threads.get(comment.threadId);
    const subreddit = thread?.subreddit ?? /\/r\/([^/]+)\//.exec(comment.permalink)?.[1] ?? 'unknown';
    // named in the per-subreddit rows as its thread is (by the comment only when the thread is not known)
    const deletedAccount = postedByDeletedAccount(thread, comment);
    if (excluded !== null) {
      this.excludedByReason[excluded]++;
      this.facts.add({ threadId: comment.threadId, subreddit, excluded: true, tags: null, deletedAccount });
      return;
    }
    this.analysed++;
    this.analysedByThread.set(comment.threadId, (this.analysedByThread.get(comment.threadId) ?? 0) + 1);
    this.first = this.first === null ? comment.createdUtc : Math.min(this.first, comment.createdUtc);
    this.last = this.last === null ? comment.createdUtc : Math.max(this.last, comment.createdUtc);
    const override = this.options.labels.get(comment.id);
    if (result?.skipped !== undefined) this.taggerSkipped++;
    if (override !== undefined) this.overrides++;
    const tags = resolveTags(result, override);
    this.facts.add({ threadId: comment.threadId, subreddit, excluded: false, tags, deletedAccount });
    if (tags === null) return;
    this.tagged++;
    this.cues.add(tags);
    // what the shares count: each tagged comment's tags, thread (its interval allows for threads) and score
    this.shares.add({ tags, threadId: comment.threadId }, 1);
    this.weightedShares.add({ tags, threadId: comment.threadId }, weighByScore(comment.score));
    // Screening is the gate to quoting, plus a belt-and-braces status check; a comment whose live state the re-check
    // could not confirm may be deleted by now: it counts in the shares (they are numbers, no words), it is not quoted.
    if (this.options.unconfirmed?.has(comment.id) === true) return;
    if (comment.status === 'live' && comment.body.trim() !== '') {
      const candidate = { comment, thread, tags };
      if (this.pool === null) this.all?.push(candidate);
      else this.pool.add(candidate);
    }
  }

  /** The quote candidates, in the order added (all of them, or those the pool kept). */
  quoteCandidates(): QuoteCandidate[] {
    return this.pool === null ? (this.all ?? []) : this.pool.list();
  }
}
