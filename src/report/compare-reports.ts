import { TAG_NAMES } from '../types.js';
import type { Interval, TagName } from '../types.js';
import type { SharedThreads } from './count-shared-threads.js';
import type { ReportQuote } from './pick-quotes.js';
import type { Report } from './report.js';
import { adjustPValuesHolm } from './adjust-p-values-holm.js';
import { FEW_THREADS } from './cluster-effective-size.js';
import { roundTo } from './round-to.js';
import { testTwoProportions } from './two-proportion-test.js';

export type CompareWeight = 'comment' | 'score';

export interface ComparedShare {
  eventId: string;
  /** Null when the event has no tagged comments (no share to speak of). */
  share: number | null;
  ci95: Interval | null;
  /** Comments with the tag, or their score weight with --weight score. */
  count: number;
  /** Tagged comments, or the effective sample size with --weight score. */
  total: number;
  /** The sample size the interval and the test use: thread-clustered (see computeEffectiveSize), Kish's with --weight score. */
  effectiveTotal: number;
}

export interface ComparedDifference {
  from: string;
  to: string;
  /** share(to) − share(from), `to` being the event named after `from` on the command line (whatever their dates); all four null when a side has no comments. */
  difference: number | null;
  z: number | null;
  pValue: number | null;
  significant: boolean | null;
  /**
   * pValue adjusted by Holm's method over every p-value of the comparison (all tags and pairs, see
   * `multipleComparisons`): below 0.05, the difference stays significant with the chance of any false "significant" in
   * the table held to 5%. Null where pValue is.
   */
  pValueHolm: number | null;
  /**
   * Set when both sides have comments but an expected count is below 5 (see testTwoProportions): z, pValue and
   * significant are null, since the z-test would overstate significance, and this says why.
   */
  untestedReason?: string;
}

/** Written into every comparison so a reader of the JSON alone knows the sign convention. */
// "later" once read as later in time, which is the opposite pair when events are named newest first: say whose order it is
export const DIFFERENCE_DIRECTION = 'share of `to` minus share of `from`, where `to` is the second event of the pair and `from` the first, in the order the events were given on the command line (not by date), as a proportion';

export const COMPARISON_SCHEMA = 'reactionlens/comparison@1';

export interface Comparison {
  schema: typeof COMPARISON_SCHEMA;
  weight: CompareWeight;
  /** Which way every `differences[].difference` goes. */
  differenceDirection: typeof DIFFERENCE_DIRECTION;
  events: Array<{
    id: string;
    title: string;
    /** False when the store holds no threads or comments for the event: nothing to date or compare. */
    hasData: boolean;
    /** The day of the event's data (its latest fetch or run), null when it has none. */
    date: string | null;
    tagger: string;
    window: { from: number; to: number };
    counts: { analysed: number; tagged: number; excluded: number; threads: number };
  }>;
  tags: Array<{
    tag: TagName;
    shares: ComparedShare[];
    /** Every pair of events, in argument order. */
    differences: ComparedDifference[];
    /** `quote` null: the event has no quotable comment, or (`quoteRemoved`, set by a later scrub) its comment was deleted or removed on Reddit. */
    topQuotes: Array<{ eventId: string; quote: ReportQuote | null; quoteRemoved?: true }>;
  }>;
  /** The events were tagged by different tagger versions: shares may differ for that reason alone. */
  mixedTaggers: boolean;
  /**
   * Pairs of events that share threads (same submission ids), so some comments are in both samples: the test assumes
   * independent samples, and overstates the significance of those pairs' differences. Empty when none do.
   */
  sharedThreads: SharedThreads[];
  /**
   * Events whose tagged comments all come from one thread: how alike they are cannot be measured, so their intervals,
   * and the tests against them, take the comments as independent and overstate significance. Empty when none.
   */
  singleThreadEvents: string[];
  /**
   * Events whose tagged comments come from 2 to FEW_THREADS − 1 threads, with their number: the allowance for threads is
   * measured from so few that it is itself rough, so their intervals and the tests against them are indicative. Empty
   * when none.
   */
  fewThreadEvents: Array<{ id: string; threads: number }>;
  /**
   * How many p-values the comparison holds (3 tags × every pair of events, less those withheld): at 5% about one test
   * in twenty of a difference that is not there reads as significant, so a table of many tests shows some "yes" by
   * chance alone. `note` says so in words; `differences[].pValueHolm` allows for all of them together.
   */
  multipleComparisons: { tests: number; pairs: number; adjustment: 'holm'; note: string };
}

/**
 * Tag shares of several events side by side, with a pooled two-proportion
 * z-test for every pair. By default each comment counts once; with
 * weight 'score' each counts max(1, score) and the test uses the effective
 * sample sizes, which is more conservative when a few comments dominate.
 */
export function compareReports(reports: readonly Report[], weight: CompareWeight = 'comment', sharedThreads: readonly SharedThreads[] = []): Comparison {
  // unrounded, for the Holm adjustment, which runs over the whole table once every tag's tests are in
  const rawPValues: Array<{ difference: ComparedDifference; pValue: number | null }> = [];
  const tags = TAG_NAMES.map((tag) => {
    const shares: ComparedShare[] = reports.map((r) => pickShare(r, tag, weight));
    const differences: ComparedDifference[] = [];
    for (let i = 0; i < shares.length; i++) {
      for (let j = i + 1; j < shares.length; j++) {
        const a = shares[i];
        const b = shares[j];
        if (a === undefined || b === undefined) continue;
        // an event without comments has share null and total 0: the test itself answers null for it
        // on the effective sizes: comments of one thread are alike, so they count for less than independent ones
        const test = testTwoProportions(
          { count: (a.share ?? 0) * a.effectiveTotal, total: a.effectiveTotal },
          { count: (b.share ?? 0) * b.effectiveTotal, total: b.effectiveTotal },
        );
        const difference: ComparedDifference = {
          from: a.eventId,
          to: b.eventId,
          difference: test === null ? null : roundTo(test.difference, 6),
          z: test === null || test.z === null ? null : roundTo(test.z, 4),
          pValue: test === null || test.pValue === null ? null : roundTo(test.pValue, 6),
          significant: test === null ? null : test.significant,
          pValueHolm: null,
          ...(test?.untestedReason === undefined ? {} : { untestedReason: test.untestedReason }),
        };
        differences.push(difference);
        rawPValues.push({ difference, pValue: test?.pValue ?? null });
      }
    }
    const topQuotes = reports.map((r) => ({ eventId: r.event.id, quote: r.quotes.byTag[tag][0] ?? null }));
    return { tag, shares, differences, topQuotes };
  });
  const holm = adjustPValuesHolm(rawPValues.map((x) => x.pValue));
  rawPValues.forEach((x, i) => {
    const adjusted = holm[i];
    x.difference.pValueHolm = adjusted === null || adjusted === undefined ? null : roundTo(adjusted, 6);
  });
  const tests = holm.filter((p) => p !== null).length;
  const pairs = (reports.length * (reports.length - 1)) / 2;
  return {
    schema: COMPARISON_SCHEMA,
    weight,
    differenceDirection: DIFFERENCE_DIRECTION,
    events: reports.map((r) => {
      // with nothing stored, a report's date is only its window end (or a run that collected nothing): not a data date
      const hasData = r.counts.threads > 0 || r.counts.stored > 0;
      return {
        id: r.event.id,
        title: r.event.title,
        hasData,
        date: hasData ? r.date : null,
        tagger: r.tagger,
        window: r.event.window,
        counts: { analysed: r.counts.analysed, tagged: r.counts.tagged, excluded: r.counts.excluded, threads: r.counts.threads },
      };
    }),
    tags,
    mixedTaggers: new Set(reports.map((r) => r.tagger)).size > 1,
    sharedThreads: [...sharedThreads],
    singleThreadEvents: reports.filter((r) => r.counts.tagged > 0 && (r.shares[0]?.threads ?? 0) < 2).map((r) => r.event.id),
    fewThreadEvents: reports
      .map((r) => ({ id: r.event.id, threads: r.counts.tagged > 0 ? (r.shares[0]?.threads ?? 0) : 0 }))
      .filter((e) => e.threads >= 2 && e.threads < FEW_THREADS),
    multipleComparisons: { tests, pairs, adjustment: 'holm', note: describeMultipleComparisons(tests, pairs) },
  };
}

/**
 * Said under every comparison (Markdown footnote, JSON `multipleComparisons.note`): a table of p-values with no word on
 * how many there are invites reading each "significant" as if it were the only test made.
 */
export function describeMultipleComparisons(tests: number, pairs: number): string {
  const planned = TAG_NAMES.length * pairs;
  const family = `${TAG_NAMES.length} tags × ${pairs} pair${pairs === 1 ? '' : 's'} of events`;
  if (tests === 0) return `This comparison holds no two-proportion test with a p-value (${family}, none testable), so there is nothing to adjust for multiple comparisons.`;
  const withheld = planned - tests;
  const count = `${tests} two-proportion test${tests === 1 ? '' : 's'} (${family}${withheld > 0 ? `, less ${withheld} without a p-value` : ''})`;
  const chance = Math.round((1 - 0.95 ** tests) * 100);
  return (
    `This comparison holds ${count}. At 5%, about one test in twenty reads as significant where there is no real difference` +
    (tests > 1 ? `, so some "significant" verdicts in a table of ${tests} tests may be chance alone (with no real difference anywhere and independent tests, at least one would read as significant ${chance}% of the time)` : '') +
    `. The Holm-adjusted p-value allows for all ${tests} test${tests === 1 ? '' : 's'} together: a difference whose adjusted p-value is below 0.05 stays significant with the chance of any false "significant" in the table held to 5%.`
  );
}

/** An event with no tagged comments has no share: null, not a 0% with the interval 0–100%. */
function pickShare(report: Report, tag: TagName, weight: CompareWeight): ComparedShare {
  const eventId = report.event.id;
  if (weight === 'score') {
    const w = report.scoreWeightedShares.find((s) => s.tag === tag);
    const total = w?.effectiveTotal ?? 0;
    if (w === undefined || !(total > 0)) return { eventId, share: null, ci95: null, count: 0, total: 0, effectiveTotal: 0 };
    return { eventId, share: w.share, ci95: w.ci95, count: w.weight, total, effectiveTotal: total };
  }
  const s = report.shares.find((x) => x.tag === tag);
  if (s === undefined || !(s.total > 0)) return { eventId, share: null, ci95: null, count: 0, total: 0, effectiveTotal: 0 };
  return { eventId, share: s.share, ci95: s.ci95, count: s.count, total: s.total, effectiveTotal: s.effectiveTotal };
}
