import type { ContentStatus, EventConfig, SkipRecord, Thread, ThreadBundle } from '../types.js';

// Every source (live Reddit, Arctic Shift archive, recorded fixtures) is an
// adapter behind this interface; tests/sources/source-contract.ts runs the same
// behavioural contract against each. Optional capabilities are optional methods.

export interface SourceContext {
  signal?: AbortSignal;
  /** Seconds since the epoch; injected so adapters never read the clock themselves. */
  now: () => number;
  progress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: 'request'; path: string }
  /**
   * `cause`: a rate-limit wait (budget spent, 429) or a backoff before retrying a failed request (network error, 5xx).
   * `ms`: the time this wait adds on the clock beyond waits of the same cause already under way (0 when it overlaps
   * them wholly), so the sum over a run never exceeds the run's own time.
   */
  | { kind: 'wait'; ms: number; reason: string; cause: 'rate-limit' | 'retry' }
  | { kind: 'thread'; threadId: string; comments: number }
  /**
   * Comments collected so far of a thread still being fetched (its running total, not an increment), so a thread
   * whose morechildren phase takes minutes shows them coming in; its `thread` event replaces it, and 0 takes back
   * a thread that failed (nothing of it was stored).
   */
  | { kind: 'comments'; threadId: string; comments: number }
  /** The deletion re-check's progress: comments answered so far (as the run summary counts them), of those due. */
  | { kind: 'recheck'; comments: number; of: number };

export interface FoundThreads {
  /** Threads inside the event window, deduplicated by id. */
  threads: Thread[];
  /** True when a listing stopped at Reddit's ~1000-item cap before reaching the window start. */
  capped: boolean;
  skipped: SkipRecord[];
}

export interface FetchedThread extends ThreadBundle {
  skipped: SkipRecord[];
}

/** A live comment's text as the re-check answer shows it now (Reddit's API form, as stored). */
export interface CheckedText {
  body: string;
  /** When its author last edited it (seconds), or null when never. */
  editedUtc: number | null;
  /**
   * True when Reddit shows the author as `[deleted]` with the text still live: the account was deleted. The words may
   * still be quoted, the name never again (not even with --with-authors).
   */
  authorDeleted?: boolean;
}

/** One answered re-check request. */
export interface CheckedStatuses {
  /** Status by comment id; an id missing here is unknown (neither purged nor confirmed live). */
  statuses: Map<string, ContentStatus>;
  /**
   * The current text of comments answered live, by id, when the source's answer carries it: an edit since the
   * last fetch replaces the stored text (and its tag results), so words the author withdrew are not quoted as
   * checked today. A source without it (or an id missing here) leaves the stored text as it is.
   */
  texts?: Map<string, CheckedText>;
  /** Answers that could not be read, one per item. */
  skipped: SkipRecord[];
  /** Ids asked in a request that was answered, but left out of the answer: not confirmed, like an unreadable item. */
  unanswered?: string[];
}

/**
 * One answered thread re-check request: statuses by thread id, and its unreadable answers; `authorsDeleted`, the threads
 * answered live whose author reads `[deleted]` (the account was deleted: the post stays, its poster's name must go).
 */
export type CheckedThreadStatuses = Pick<CheckedStatuses, 'statuses' | 'skipped'> & { authorsDeleted?: ReadonlySet<string> };

export interface SourceStats {
  requests: number;
  rateLimited: number;
  waitMs: number;
}

export interface Source {
  readonly name: string;
  /**
   * The service checkStatus and checkThreads ask, when not this source's own (an archive re-checked on Reddit): a
   * source found down mid-run skips its re-checks only when they would ask the same service.
   */
  readonly recheckedBy?: string;
  /**
   * True when fetchThread serves copies as an archive first saw them, not as Reddit shows them now (Arctic Shift): a
   * fetched comment is then not confirmed live by its fetch, and a re-check, when the source has one, asks Reddit about
   * tonight's fetched comments and threads too. Absent: a fetch shows the item as it is now.
   */
  readonly archived?: boolean;
  findThreads(event: EventConfig, ctx: SourceContext): Promise<FoundThreads>;
  fetchThread(threadId: string, ctx: SourceContext): Promise<FetchedThread>;
  /**
   * Re-check stored comments (ids without prefix) for deletion, removal and edits. Each answered request is handed to
   * `onAnswer` as it comes back, before the next is asked, so the caller stores it at once: a re-check stopped half way
   * (Ctrl-C, a crash) keeps what was answered, and the next run asks only about the rest. An id missing from every
   * answer's map is unknown. Resolves to the skip records of the requests that got no answer (their ids stay unknown).
   */
  checkStatus?(commentIds: string[], ctx: SourceContext, onAnswer: (answer: CheckedStatuses) => void): Promise<SkipRecord[]>;
  /**
   * Re-check stored threads (ids without prefix) for deletion/removal: threads that no longer show up in a search
   * would otherwise stay live in the store for ever. As with checkStatus, each answered request is handed to
   * `onAnswer` as it comes back, before the next is asked, so a re-check stopped half way keeps what was answered. An id
   * missing from every answer's map is unknown (left as stored). Resolves to the skip records of the requests that got
   * no answer.
   */
  checkThreads?(threadIds: string[], ctx: SourceContext, onAnswer: (answer: CheckedThreadStatuses) => void): Promise<SkipRecord[]>;
  stats(): SourceStats;
}
