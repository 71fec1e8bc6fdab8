import { TAG_NAMES } from '../types.js';
import type { Interval, TagName } from '../types.js';
import type { ReportQuote } from './pick-quotes.js';
import type { Report } from './report.js';
import { roundTo } from './round-to.js';
import { testTwoProportions } from './two-proportion-test.js';
import { computeWilsonInterval } from './wilson-interval.js';

export type CompareWeight = 'comment' | 'score';

export interface ComparedShare {
  eventId: string;
  share: number;
  ci95: Interval;
  /** Comments with the tag, or their score weight with --weight score. */
  count: number;
  /** Tagged comments, or the effective sample size with --weight score. */
  total: number;
}

export interface ComparedDifference {
  from: string;
  to: string;
  /** share(to) − share(from). */
  difference: number;
  z: number;
  pValue: number;
  significant: boolean;
}

export interface Comparison {
  schema: 'reactionlens/comparison@1';
  weight: CompareWeight;
  events: Array<{
    id: string;
    title: string;
    date: string;
    tagger: string;
    window: { from: number; to: number };
    counts: { analysed: number; tagged: number; excluded: number; threads: number };
  }>;
  tags: Array<{
    tag: TagName;
    shares: ComparedShare[];
    /** Every pair of events, in argument order. */
    differences: ComparedDifference[];
    topQuotes: Array<{ eventId: string; quote: ReportQuote | null }>;
  }>;
  /** The events were tagged by different tagger versions: shares may differ for that reason alone. */
  mixedTaggers: boolean;
}

/**
 * Tag shares of several events side by side, with a pooled two-proportion
 * z-test for every pair. By default each comment counts once; with
 * weight 'score' each counts max(1, score) and the test uses the effective
 * sample sizes, which is more conservative when a few comments dominate.
 */
export function compareReports(reports: readonly Report[], weight: CompareWeight = 'comment'): Comparison {
  const tags = TAG_NAMES.map((tag) => {
    const shares: ComparedShare[] = reports.map((r) => pickShare(r, tag, weight));
    const differences: ComparedDifference[] = [];
    for (let i = 0; i < shares.length; i++) {
      for (let j = i + 1; j < shares.length; j++) {
        const a = shares[i];
        const b = shares[j];
        if (a === undefined || b === undefined) continue;
        const test = testTwoProportions({ count: a.share * a.total, total: a.total }, { count: b.share * b.total, total: b.total });
        differences.push({
          from: a.eventId,
          to: b.eventId,
          difference: roundTo(test.difference, 6),
          z: roundTo(test.z, 4),
          pValue: roundTo(test.pValue, 6),
          significant: test.significant,
        });
      }
    }
    const topQuotes = reports.map((r) => ({ eventId: r.event.id, quote: r.quotes.byTag[tag][0] ?? null }));
    return { tag, shares, differences, topQuotes };
  });
  return {
    schema: 'reactionlens/comparison@1',
    weight,
    events: reports.map((r) => ({
      id: r.event.id,
      title: r.event.title,
      date: r.date,
      tagger: r.tagger,
      window: r.event.window,
      counts: { analysed: r.counts.analysed, tagged: r.counts.tagged, excluded: r.counts.excluded, threads: r.counts.threads },
    })),
    tags,
    mixedTaggers: new Set(reports.map((r) => r.tagger)).size > 1,
  };
}

function pickShare(report: Report, tag: TagName, weight: CompareWeight): ComparedShare {
  if (weight === 'score') {
    const w = report.scoreWeightedShares.find((s) => s.tag === tag);
    return {
      eventId: report.event.id,
      share: w?.share ?? 0,
      ci95: w?.ci95 ?? computeWilsonInterval(0, 0),
      count: w?.weight ?? 0,
      total: w?.effectiveTotal ?? 0,
    };
  }
  const s = report.shares.find((x) => x.tag === tag);
  return { eventId: report.event.id, share: s?.share ?? 0, ci95: s?.ci95 ?? computeWilsonInterval(0, 0), count: s?.count ?? 0, total: s?.total ?? 0 };
}
