import { EXCLUSION_REASONS, TAG_NAMES } from '../types.js';
import type {
  Comment,
  EventConfig,
  ExclusionReason,
  LabelOverride,
  RunRecord,
  ScreenedComment,
  TagName,
  TagResult,
  Thread,
} from '../types.js';
import { formatUtcDay } from './format-values.js';
import { computeTagSharesOf, computeWeightedSharesOf, toShareRecord } from './compute-shares.js';
import { pickQuotes, poolSizeFor } from './pick-quotes.js';
import { redactUserMentions } from './redact-user-mentions.js';
import { sanitiseDisplayText } from './sanitise-display-text.js';
import { postedByDeletedAccount, showSubreddit } from './show-subreddit.js';
import { linkedThreadOptions } from './title-names-user.js';
import type { ReportQuote } from './pick-quotes.js';
import { REPORT_SCHEMA } from './report.js';
import type { CuePhraseCount, Report, TrendPoint } from './report.js';
import { ReportTally } from './report-tally.js';
import { summariseSubreddits, summariseThreads } from './summarise-threads.js';

/** At runtime comments come from the store and carry statusCheckedAt, firstSeenAt and firstQuotableAt; tests may omit them. */
export type ReportComment = Comment & { statusCheckedAt?: number; firstSeenAt?: number; firstQuotableAt?: number | null };

export interface ReportInput {
  event: EventConfig;
  threads: Thread[];
  /** Every stored comment of the event with its exclusion reason (null = analysed). */
  screened: Array<ScreenedComment & { comment: ReportComment }>;
  /** By comment id, one tagger version. */
  tags: Map<string, TagResult>;
  /** Human overrides; they win over tags. */
  labels: Map<string, LabelOverride>;
  /** Comments the last deletion re-check could not confirm live: counted, never quoted (see readUnconfirmedComments). */
  unconfirmed?: ReadonlySet<string>;
  tagger: string;
  /** Earlier runs of this event. */
  runs: RunRecord[];
  options: { withAuthors: boolean; maxQuotes?: number };
  /**
   * Earlier nightly points (reports/<event>/history.json, see readReportHistory); the current point replaces one of the
   * same date. With no stored comment there is no current point: the trend is these points as they are.
   */
  history?: TrendPoint[];
  /** Data time of this report (seconds); default: the latest fetch or run start in the inputs, so no clock is read. */
  asOf?: number;
  /**
   * The UTC date (YYYY-MM-DD) the report and its trend point are filed under; default: the date of `asOf`, or, when
   * `asOf` is inferred and falls within the latest run, the date that run started on. `run` gives the date its run
   * started on, so a run that starts before midnight UTC and fetches after it still files that night.
   */
  date?: string;
}

export const DEFAULT_MAX_QUOTES = 5;
export const QUOTES_PER_TAG = 3;

/** A report's input with its comments already tallied (ReportTally), as the report commands read an event: a page at a time. */
export type TalliedReportInput = Omit<ReportInput, 'screened' | 'tags'> & { tally: ReportTally };

/**
 * Everything the report says, as data. Pure: the same inputs give the same
 * Report (and so byte-identical renderings); the time it carries is data
 * time, never the wall clock.
 */
export function buildReport(input: ReportInput): Report {
  const tally = new ReportTally({
    threads: new Map(input.threads.map((t) => [t.id, t])),
    labels: input.labels,
    ...(input.unconfirmed === undefined ? {} : { unconfirmed: input.unconfirmed }),
    withAuthors: input.options.withAuthors,
  });
  for (const { comment, excluded } of input.screened) tally.add(comment, excluded, input.tags.get(comment.id));
  const { screened: _screened, tags: _tags, ...rest } = input;
  return buildTalliedReport({ ...rest, tally });
}

/** How many quote candidates per tag a report's picks can use (ReportTallyOptions.quotePoolSize), for its --max-quotes. */
export function reportQuotePoolSize(maxQuotesOption: number | undefined): number {
  return Math.max(poolSizeFor(QUOTES_PER_TAG), poolSizeFor(clampMaxQuotes(maxQuotesOption)));
}

function clampMaxQuotes(maxQuotesOption: number | undefined): number {
  return Math.min(6, Math.max(1, maxQuotesOption ?? DEFAULT_MAX_QUOTES));
}

/** buildReport from a tally of the event's comments; the tally's input hashes are read, so a tally makes one report. */
export function buildTalliedReport(input: TalliedReportInput): Report {
  const { tally } = input;
  const threadsById = new Map(input.threads.map((t) => [t.id, t]));
  const cues = tally.cues.count();
  const candidates = tally.quoteCandidates();
  const pick = (tag: TagName | undefined, limit: number): ReportQuote[] =>
    pickQuotes(candidates, {
      ...(tag === undefined ? {} : { tag }),
      limit,
      refrains: cues.refrains,
      withAuthors: input.options.withAuthors,
      threads: threadsById,
    });
  const maxQuotes = clampMaxQuotes(input.options.maxQuotes);
  const byTag = {} as Record<TagName, ReportQuote[]>;
  for (const tag of TAG_NAMES) byTag[tag] = pick(tag, QUOTES_PER_TAG);

  const shares = computeTagSharesOf(tally.shares);
  const asOf = input.asOf ?? inferAsOf(input);
  const lastRun = [...input.runs].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1)).at(-1);
  // data a run fetched is filed under the date that run started on, as the run filed it (a run started before midnight
  // UTC and fetching after it): a `report` rebuilt from it the next morning replaces that night's files and point
  // instead of adding a second point, of the same data, under the next date
  const fetchedByLastRun = input.asOf === undefined && lastRun !== undefined && lastRun.startedAt <= asOf && (lastRun.finishedAt === null || asOf <= lastRun.finishedAt);
  const date = input.date ?? formatUtcDay(fetchedByLastRun ? lastRun.startedAt : asOf);
  // no stored comment (an event never collected into this store): nothing was measured, so no point for this date;
  // a 0-comment point would show in every later report's trend as a night whose shares fell to nothing
  const currentRun = lastRun !== undefined && formatUtcDay(lastRun.startedAt) === date ? lastRun : undefined;
  const current: TrendPoint | null =
    tally.stored === 0
      ? null
      : {
          date,
          asOf,
          runId: currentRun?.id ?? null,
          // stored with the point (history.json): the store that knows the run may not be the one reading the history later
          runStatus: currentRun?.status ?? 'unknown',
          tagged: tally.tagged,
          shares: toShareRecord(shares),
          tagger: input.tagger,
          overrides: tally.overrides,
        };
  const history = input.history ?? [];
  const runsById = new Map(input.runs.map((r) => [r.id, r]));
  const trend = (current === null ? [...history] : [...history.filter((p) => p.date !== date), current])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((p) => withRunStatus(p, runsById));
  const excluded = tally.stored - tally.analysed;
  // named as the per-subreddit rows name them (without --with-authors all profiles are one u_[user] row), so "across N
  // subreddits" in the header is the number of rows the report lists
  const subreddits = new Set(input.threads.map((t) => showSubreddit(t.subreddit, { withAuthors: input.options.withAuthors, deletedAccount: postedByDeletedAccount(t) })));

  return {
    schema: REPORT_SCHEMA,
    event: {
      id: input.event.id,
      // shown as the other formats show them (an event file is hand-written: a stray bidi or zero-width character)
      title: sanitiseDisplayText(input.event.title),
      description: sanitiseDisplayText(input.event.description),
      window: { from: input.event.window.from, to: input.event.window.to },
      configHash: input.event.configHash,
      subreddits: [...input.event.subreddits],
    },
    tagger: input.tagger,
    asOf,
    date,
    counts: {
      stored: tally.stored,
      analysed: tally.analysed,
      tagged: tally.tagged,
      untagged: tally.analysed - tally.tagged,
      taggerSkipped: tally.taggerSkipped,
      excluded,
      excludedByReason: { ...tally.excludedByReason },
      threads: input.threads.length,
      subreddits: subreddits.size,
      overrides: tally.overrides,
      unconfirmed: tally.unconfirmed,
    },
    observed: { first: tally.first, last: tally.last },
    shares,
    scoreWeightedShares: computeWeightedSharesOf(tally.weightedShares),
    subreddits: summariseSubreddits(input.threads, tally.facts, { withAuthors: input.options.withAuthors }),
    topCues: input.options.withAuthors ? cues.byTag : redactCuePhrases(cues.byTag, threadsById),
    threads: summariseThreads(input.threads, tally.facts, { withAuthors: input.options.withAuthors }),
    quotes: { highlights: pick(undefined, maxQuotes), byTag },
    trend,
    runs: {
      count: input.runs.length,
      last:
        lastRun === undefined
          ? null
          : { id: lastRun.id, status: lastRun.status, startedAt: lastRun.startedAt, finishedAt: lastRun.finishedAt },
    },
    inputs: {
      withAuthors: input.options.withAuthors,
      // the earlier nights the trend keeps: a point of this date in history.json (the night's own run, read back by a
      // `report` the morning after) is replaced, not built on, so it must not make the same data hash otherwise
      hashes: tally.hasher.digest({ threads: input.threads, labels: input.labels, history: current === null ? history : history.filter((p) => p.date !== date) }),
    },
  };
}

/** Cue phrases are the commenters' words too: a name they hold is published only with --with-authors (see toQuote). */
function redactCuePhrases(byTag: Record<TagName, CuePhraseCount[]>, threads: ReadonlyMap<string, Thread>): Record<TagName, CuePhraseCount[]> {
  const linked = linkedThreadOptions(threads);
  const out = {} as Record<TagName, CuePhraseCount[]>;
  for (const tag of TAG_NAMES) out[tag] = byTag[tag].map((c) => ({ ...c, phrase: redactUserMentions(c.phrase, linked) }));
  return out;
}

/**
 * A trend point with the status of the run that produced it: how its run ended by this store's record, when the store
 * holds one that says so; else as recorded with the point; else `unknown`, never read as ok. The store's record wins: a
 * point is written as its run would be saved, and a run that failed after writing the night's JSON report (whose
 * trend a damaged history.json is rebuilt from) is saved as failed. A run still `running` in the store has no outcome
 * yet (nor has a point recorded while its run was: a `report` of a store it could not write, so a dead run was not
 * marked abandoned). Placed after runId, as a point recorded with it has it.
 */
function withRunStatus(point: TrendPoint, runs: ReadonlyMap<string, RunRecord>): TrendPoint {
  const settled = point.runStatus === 'unknown' || point.runStatus === 'running' ? undefined : point.runStatus;
  const { date, asOf, runId, runStatus: recorded, ...rest } = point;
  const held = runId === null ? undefined : runs.get(runId)?.status;
  const ended = held === 'running' ? undefined : held;
  const runStatus = ended ?? settled ?? (recorded === 'running' || held === 'running' ? 'running' : 'unknown');
  return { date, asOf, runId, runStatus, ...rest };
}

/** The latest moment the inputs know about: last fetch or run start; the window end when there is nothing. */
function inferAsOf(input: TalliedReportInput): number {
  let asOf = 0;
  for (const t of input.threads) asOf = Math.max(asOf, t.fetchedAt);
  asOf = Math.max(asOf, input.tally.latestFetch);
  for (const r of input.runs) asOf = Math.max(asOf, r.startedAt);
  return asOf > 0 ? asOf : input.event.window.to;
}

