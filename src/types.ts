// Domain types shared by every stage. Outside inputs (Reddit JSON, dumps, event
// files, CLI flags) are parsed with zod at the boundary into these shapes; no
// stage below the boundary ever sees `any`.

export const TAG_NAMES = ['cynicism', 'distrust', 'bubble_caution'] as const;
export type TagName = (typeof TAG_NAMES)[number];

/** live: visible on Reddit; deleted: the author deleted it; removed: mods/Reddit removed it. */
export type ContentStatus = 'live' | 'deleted' | 'removed';

/** An event's configuration, after validation (see src/events/event-schema.ts). */
export interface EventConfig {
  id: string;
  title: string;
  description: string;
  /** Inclusive window, seconds since the epoch (UTC). */
  window: { from: number; to: number };
  queries: string[];
  subreddits: string[];
  /** Base36 submission ids (no `t3_` prefix). */
  seedThreads: string[];
  /** Extra bot accounts to exclude from analysis, on top of the built-in list and the name heuristic. */
  bots: string[];
  /** sha256 of the file's bytes, so a report can say which config produced it. */
  configHash: string;
}

/** A Reddit submission. */
export interface Thread {
  id: string;
  subreddit: string;
  title: string;
  selftext: string;
  /** The link the submission points at (equals permalink for self posts). */
  url: string;
  /** Absolute https://www.reddit.com/r/<sub>/comments/<id>/<slug>/ */
  permalink: string;
  createdUtc: number;
  score: number;
  /** Reddit's count; an upper bound (it includes deleted/removed/spam). */
  numComments: number;
  /** Kept only in the store; never rendered unless a user opts in. */
  author: string | null;
  status: ContentStatus;
  /** Seconds since the epoch when this copy was fetched. */
  fetchedAt: number;
}

/**
 * A stored comment's status check time (seconds) when it is known only from a copy that confirms nothing (an archive,
 * a dump, saved JSON): no one has seen it live on Reddit, so it is due for the next deletion re-check, and no feed
 * shows a check time for it.
 */
export const NEVER_CHECKED = 0;

/**
 * The author Reddit shows for a comment or post whose account was deleted (its text stays live): the name is gone from Reddit,
 * so it is gone from the store too, for good (a deleted account never comes back; an older copy still naming it
 * must not bring the name back), and no report shows it, not even with --with-authors.
 */
export const DELETED_AUTHOR = '[deleted]';

export interface Comment {
  id: string;
  threadId: string;
  /** Parent comment id, or null for a top-level comment. */
  parentId: string | null;
  /** 0 for top-level comments. */
  depth: number;
  body: string;
  /** Score at fetch time (see fetchedAt). */
  score: number;
  createdUtc: number;
  /** Absolute https://www.reddit.com/r/<sub>/comments/<thread>/<slug>/<id>/ */
  permalink: string;
  /** Edit time in seconds, or null if never edited. */
  editedUtc: number | null;
  status: ContentStatus;
  stickied: boolean;
  /** 'moderator' | 'admin' | null */
  distinguished: string | null;
  /** Kept only in the store; never rendered unless a user opts in. */
  author: string | null;
  fetchedAt: number;
}

/** A thread with the comments collected for it. */
export interface ThreadBundle {
  thread: Thread;
  comments: Comment[];
  /** Comments Reddit says the thread has (num_comments) vs. comments we hold. */
  expected: number;
  collected: number;
}

/**
 * A thread whose fetch collected far fewer comments than its source counts for it (see detectShortThread): a warning
 * in the run summary and the run record, not a partial run (num_comments counts deleted and removed comments too).
 */
export interface ShortThread {
  threadId: string;
  subreddit: string;
  /** num_comments as the source gave it with this fetch. */
  expected: number;
  /** Comments this fetch collected, deleted and removed ones included (they count in num_comments too). */
  collected: number;
}

/** A record that could not be used, with where it came from and why. */
export interface SkipRecord {
  /** File path, URL or request the record came from. */
  source: string;
  /** Record locator inside the source: line number, JSON path, thing id. */
  record: string;
  reason: string;
  /** invalid: the record is malformed or breaks the schema; incomplete: the source could not supply it. */
  kind: 'invalid' | 'incomplete';
}

// ---- tagging -------------------------------------------------------------

/** One cue that fired: exact character offsets into the original text. */
export interface Cue {
  start: number;
  end: number;
  text: string;
  cue: string;
  weight: number;
}

export interface TagScore {
  /** Calibrated probability in [0, 1]: at most the tag's ceiling (models/tagger-model.json, `ceiling.cap`). */
  score: number;
  label: boolean;
  cues: Cue[];
  /**
   * Plain Platt's probability, without the ceiling: what the quote picker ranks by (evidenceStrength). Internal:
   * stored with the result, not printed by `tag`. Absent from results of older taggers, whose score is the same thing.
   */
  strength?: number;
}

export type TagScores = Record<TagName, TagScore>;

export interface TagOutcome {
  tags: TagScores;
  /** Set when the text was not analysed (empty, emoji-only, non-English ...). */
  skipped?: string;
  /**
   * Set only when the text is longer than the tagger reads (MAX_ANALYSED_CHARS): its tags rest on this
   * many leading characters, and a reader of one result should know the rest was not looked at.
   */
  analysedChars?: number;
}

export interface Tagger {
  /** Hash of the model artifact + lexicon: stored with every tag result. */
  readonly version: string;
  tag(text: string): TagOutcome;
  /** The same outcomes as `tag` on each text, in order; faster per text on batches (TAG_BATCH_SIZE). */
  tagMany(texts: readonly string[]): TagOutcome[];
}

/**
 * Comments per tagMany call in the tag stage and the tag command: enough for each stage's tables to stay
 * in the CPU caches across the batch, small enough to stop promptly (the tag stage also closes a batch at
 * 100,000 characters). 250 measured ~2 % faster than 100 in alternated tagger bench runs once V8's
 * pretenuring was off (src/tag/avoid-pretenuring.ts), at the same peak RSS; with it on, larger batches cost memory.
 */
export const TAG_BATCH_SIZE = 250;

/**
 * A batch also closes once its texts hold this many characters: tagging costs roughly 0.5 ms per 1,000 characters, so
 * the event loop gets a turn (and Ctrl-C / SIGTERM is seen) within about 0.1 s, and a batch's memory stays bounded,
 * even when comments are long.
 */
export const TAG_BATCH_CHARS = 100_000;

export interface TagResult extends TagOutcome {
  commentId: string;
  tagger: string;
}

/** A human correction; wins over the tagger in reports and quote picking. */
export interface LabelOverride {
  commentId: string;
  labels: Partial<Record<TagName, boolean>>;
  createdAt: number;
  note: string | null;
  /**
   * Set (when read from the store) when the comment's live text is no longer the text the correction was made on:
   * its author edited it since. Such a correction is kept but not applied (reports, quotes) nor exported.
   */
  textChanged?: true;
}

// ---- screening -----------------------------------------------------------

export const EXCLUSION_REASONS = [
  'deleted',
  'removed',
  'automoderator',
  'mod-note',
  'bot',
  'duplicate',
  'empty',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface ScreenedComment {
  comment: Comment;
  excluded: ExclusionReason | null;
}

// ---- reporting -----------------------------------------------------------

export interface Interval {
  low: number;
  high: number;
}

export interface TagShare {
  tag: TagName;
  count: number;
  total: number;
  share: number;
  /** 95% Wilson score interval on `effectiveTotal`. */
  ci95: Interval;
  /**
   * The sample size the interval and comparisons use: the size the between-thread variance implies, shrunk for measuring
   * it from few threads (Student's t), and never above `total` (see computeEffectiveSize). Fractional.
   */
  effectiveTotal: number;
  /**
   * How much larger the share's variance is than for independent comments, because comments of one thread are alike
   * (≥ 1; 1: none measurable). Null with fewer than two threads: it cannot be measured, and the interval takes the
   * comments as independent.
   */
  designEffect: number | null;
  /** Threads the tagged comments come from (the clustering is measured from these). */
  threads: number;
}

export interface Quote {
  commentId: string;
  /**
   * Exact text of the comment as people read it (Reddit's &amp; &lt; &gt; undone), trimmed only at sentence boundaries
   * (marked with …); without --with-authors, a mentioned user's name reads `[user]` (`u/[user]`, `@[user]`).
   */
  text: string;
  /** Our paraphrase of why it was picked, from the cues that fired. */
  gloss: string;
  tags: Record<TagName, number>;
  /**
   * Whether the comment carries each tag: the label the shares count (the tagger's, whose per-tag thresholds sit below
   * one half, or a human correction), so no format has to guess it from the score.
   */
  labels: Record<TagName, boolean>;
  primaryTag: TagName;
  attribution: string;
  subreddit: string;
  permalink: string;
  threadId: string;
  threadTitle: string;
  createdUtc: number;
  score: number;
  /** Only with an explicit opt-in (--with-authors). */
  author?: string;
}

// ---- runs ----------------------------------------------------------------

/**
 * `running` while the run is in flight (saved first, so a run whose process dies stays visible); `abandoned` for a run
 * still `running` when a later run takes the store's lock: its process was killed or crashed before it could finish.
 */
export const RUN_STATUSES = ['running', 'ok', 'partial', 'failed', 'abandoned'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunCounts {
  threadsNew: number;
  threadsUpdated: number;
  commentsNew: number;
  commentsUpdated: number;
  commentsPurged: number;
  /**
   * Threads due tonight that were not fetched because thread fetches in a row got no answer (the source went down
   * mid-run; each is a skip record, and the next run fetches it). Absent in runs recorded before it was counted.
   */
  threadsNotFetched?: number;
  /**
   * Comments the re-check asked about and could not confirm live (unreadable answer, failed batch): counted in shares,
   * not quoted until confirmed. Absent in runs recorded before it was counted.
   */
  commentsUnconfirmed?: number;
  commentsExcluded: number;
  commentsTagged: number;
  requests: number;
  rateLimited: number;
  waitMs: number;
  capsHit: number;
  skipped: number;
}

export interface RunRecord {
  id: string;
  eventId: string;
  source: string;
  startedAt: number;
  finishedAt: number | null;
  window: { from: number; to: number };
  queries: string[];
  counts: RunCounts;
  skipped: SkipRecord[];
  /** Threads fetched by this run that hold far fewer comments than their source counts. Absent in runs recorded before it was kept. */
  shortThreads?: ShortThread[];
  errors: string[];
  status: RunStatus;
}

/** The record a run saves as running before it starts work, so a run that dies is seen (and later marked abandoned). */
export function startRunRecord(id: string, event: EventConfig, source: string, startedAt: number): RunRecord {
  return {
    id,
    eventId: event.id,
    source,
    startedAt,
    finishedAt: null,
    window: event.window,
    queries: event.queries,
    counts: emptyRunCounts(),
    skipped: [],
    shortThreads: [],
    errors: [],
    status: 'running',
  };
}

export function emptyRunCounts(): RunCounts {
  return {
    threadsNew: 0,
    threadsUpdated: 0,
    commentsNew: 0,
    commentsUpdated: 0,
    commentsPurged: 0,
    threadsNotFetched: 0,
    commentsUnconfirmed: 0,
    commentsExcluded: 0,
    commentsTagged: 0,
    requests: 0,
    rateLimited: 0,
    waitMs: 0,
    capsHit: 0,
    skipped: 0,
  };
}
