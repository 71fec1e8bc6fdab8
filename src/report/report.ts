import type { ExclusionReason, Interval, RunStatus, TagName, TagShare } from '../types.js';
import type { ReportQuote } from './pick-quotes.js';

// The report is plain JSON-serialisable data holding every number a renderer
// shows; renderers only format it, so md/json/csv/html can never disagree.

export const REPORT_SCHEMA = 'reactionlens/report@1';

export interface ShareCell {
  count: number;
  total: number;
  share: number;
  ci95: Interval;
  /** As in TagShare; absent in points and reports written before intervals allowed for threads. */
  effectiveTotal?: number;
  designEffect?: number | null;
  threads?: number;
}

/** A share where each comment weighs max(1, score at fetch); the interval uses the effective sample size. */
export interface WeightedShare {
  tag: TagName;
  weight: number;
  weightTotal: number;
  effectiveTotal: number;
  share: number;
  ci95: Interval;
}

export interface SubredditBreakdown {
  subreddit: string;
  threads: number;
  /** Comments that passed screening, as counts.analysed and threads[].analysed (reports before this change held the tagged count here). */
  analysed: number;
  /** Analysed comments with tags; `shares` are of these. */
  tagged: number;
  shares: Record<TagName, ShareCell>;
}

export interface CuePhraseCount {
  phrase: string;
  comments: number;
}

export interface ThreadActivity {
  id: string;
  subreddit: string;
  title: string;
  permalink: string;
  createdUtc: number;
  analysed: number;
  /** Analysed comments with tags (the rest were skipped: emoji-only, non-English…); `shares` are of these. */
  tagged: number;
  excluded: number;
  shares: Record<TagName, number>;
  /**
   * Each share's 95% Wilson interval, taking the thread's comments as independent (one thread cannot measure how alike
   * they are, so it is too narrow by an unknown amount); 0–1 when none was tagged. Absent in reports written before it.
   */
  ci95: Record<TagName, Interval>;
}

/**
 * How the run that produced a trend point ended (RunStatus), or `unknown`: no run of the point's date is on record (a
 * `report` with none that day), or the point was written before statuses were kept and this store holds no record of
 * its run. A night from a run that did not end ok may lack threads a complete night counts.
 */
export type TrendRunStatus = RunStatus | 'unknown';

/** One nightly run's shares; history.json holds these keyed by date. */
export interface TrendPoint {
  date: string;
  asOf: number;
  runId: string | null;
  /**
   * Absent in history.json points written before it was recorded (the report reads those as `unknown` unless the
   * store still holds their run's record); always present in a report's trend.
   */
  runStatus?: TrendRunStatus;
  tagged: number;
  shares: Record<TagName, ShareCell>;
  /** Tagger version the point's shares come from (absent in points written before it was recorded). */
  tagger?: string;
  /**
   * Analysed comments whose tags a reviewer's correction (`reactionlens label`) decided that night, not the tagger
   * (absent in points written before it was recorded): a share can move between nights because corrections were added.
   */
  overrides?: number;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  event: {
    id: string;
    title: string;
    description: string;
    window: { from: number; to: number };
    configHash: string;
    subreddits: string[];
  };
  tagger: string;
  /** Data time (seconds): the latest fetch/run in the inputs, never the wall clock. */
  asOf: number;
  /** asOf as a UTC date, YYYY-MM-DD: the report's name and trend key. */
  date: string;
  counts: {
    stored: number;
    analysed: number;
    /** Analysed comments with a usable tag result or human label: the share denominator. */
    tagged: number;
    untagged: number;
    taggerSkipped: number;
    excluded: number;
    excludedByReason: Record<ExclusionReason, number>;
    threads: number;
    subreddits: number;
    overrides: number;
    /** Live comments of the event the deletion re-check could not confirm (see countUnconfirmed): not quoted. */
    unconfirmed: number;
  };
  /** Earliest and latest analysed comment (seconds), null when none. */
  observed: { first: number | null; last: number | null };
  shares: TagShare[];
  scoreWeightedShares: WeightedShare[];
  subreddits: SubredditBreakdown[];
  /** The TOP_CUE_PHRASES phrases used by most tagged comments, per tag: what every format lists. */
  topCues: Record<TagName, CuePhraseCount[]>;
  threads: ThreadActivity[];
  quotes: { highlights: ReportQuote[]; byTag: Record<TagName, ReportQuote[]> };
  trend: TrendPoint[];
  runs: { count: number; last: { id: string; status: RunStatus; startedAt: number; finishedAt: number | null } | null };
  inputs: {
    withAuthors: boolean;
    hashes: { threads: string; comments: string; tags: string; labels: string; history: string };
  };
}
