import { TAG_NAMES } from '../types.js';
import type { TagName, TagShare } from '../types.js';
import { computeEffectiveSize, type ClusterTotals } from './cluster-effective-size.js';
import { roundTo } from './round-to.js';
import type { ShareCell, WeightedShare } from './report.js';
import type { ResolvedTags } from './resolve-tags.js';
import { computeWilsonInterval } from './wilson-interval.js';

/** A tagged comment as the shares count it: its tags and the thread it was posted in. */
export interface SharedComment {
  tags: ResolvedTags;
  threadId: string;
}

/**
 * count/total with its 95% Wilson interval on `effectiveTotal` (the thread-clustered sample size, see
 * computeEffectiveSize; `total` when not given), rounded for stable output.
 */
export function computeShareCell(count: number, total: number, effectiveTotal: number = total): ShareCell {
  const share = total > 0 ? count / total : 0;
  const ci = effectiveTotal === total ? computeWilsonInterval(count, total) : computeWilsonInterval(share * effectiveTotal, effectiveTotal);
  return {
    count,
    total,
    share: roundTo(share, 6),
    ci95: { low: roundTo(ci.low, 6), high: roundTo(ci.high, 6) },
  };
}

/**
 * The weights each share counts, overall and per thread (the clusters its interval allows for), added one tagged comment
 * at a time: the report commands read an event a page at a time and never hold its comments. Sums run in the order the
 * comments come, as the arrays' functions below add them, so a tally fed page by page gives the same bits.
 */
export class ShareTally {
  /** Tagged comments added. */
  comments = 0;
  /** Per tag: the summed weight of the comments carrying it. */
  readonly tagged: Record<TagName, number> = { cynicism: 0, distrust: 0, bubble_caution: 0 };
  /** The summed weight of all tagged comments, and its square sum (for Kish's size). */
  weight = 0;
  squares = 0;
  readonly byThread = new Map<string, Record<TagName | 'all', number>>();

  add(comment: SharedComment, w: number): void {
    this.comments++;
    this.weight += w;
    this.squares += w * w;
    let thread = this.byThread.get(comment.threadId);
    if (thread === undefined) this.byThread.set(comment.threadId, (thread = { all: 0, cynicism: 0, distrust: 0, bubble_caution: 0 }));
    thread.all += w;
    for (const tag of TAG_NAMES) {
      if (!comment.tags[tag].label) continue;
      this.tagged[tag] += w;
      thread[tag] += w;
    }
  }
}

/** One pass over the tagged comments, each weighing `weightOf` (1, or its score): this runs over every tagged comment. */
function tallyShares<T extends SharedComment>(tagged: readonly T[], weightOf: (comment: T) => number): ShareTally {
  const tally = new ShareTally();
  for (const comment of tagged) tally.add(comment, weightOf(comment));
  return tally;
}

/** One tag's effective size (computeEffectiveSize) from a tally, against `independent` comments' worth. */
function sizeOf(tally: ShareTally, tag: TagName, independent: number): ReturnType<typeof computeEffectiveSize> {
  const clusters = [...tally.byThread.values()].map((t): ClusterTotals => ({ weight: t.all, tagged: t[tag] }));
  return computeEffectiveSize(clusters, independent);
}

/**
 * Share of tagged comments carrying each tag (one comment, one vote), with an interval that allows for comments of one
 * thread being alike (computeEffectiveSize).
 */
export function computeTagShares(tagged: readonly SharedComment[]): TagShare[] {
  return computeTagSharesOf(tallyShares(tagged, () => 1));
}

/** computeTagShares from a tally whose comments each weighed 1. */
export function computeTagSharesOf(tally: ShareTally): TagShare[] {
  return TAG_NAMES.map((tag) => {
    const size = sizeOf(tally, tag, tally.comments);
    return {
      tag,
      ...computeShareCell(tally.tagged[tag], tally.comments, size.effective),
      effectiveTotal: roundTo(size.effective, 3),
      designEffect: size.designEffect === null ? null : roundTo(size.designEffect, 3),
      threads: size.threads,
    };
  });
}

export function computeShareRecord(tagged: readonly SharedComment[]): Record<TagName, ShareCell> {
  return toShareRecord(computeTagShares(tagged));
}

export function toShareRecord(shares: readonly TagShare[]): Record<TagName, ShareCell> {
  const out = {} as Record<TagName, ShareCell>;
  for (const { tag, ...cell } of shares) out[tag] = cell;
  return out;
}

/**
 * Shares with each comment weighing max(1, score): "how much of the upvoted
 * conversation" rather than "how many comments". The interval uses an effective
 * sample size: Kish's, (Σw)²/Σw², since a few heavy comments carry less
 * information than their weight suggests, and smaller still when threads differ
 * (computeEffectiveSize).
 */
export function computeWeightedShares(tagged: ReadonlyArray<SharedComment & { score: number }>): WeightedShare[] {
  return computeWeightedSharesOf(tallyShares(tagged, (comment) => weighByScore(comment.score)));
}

/** A comment's weight in the score-weighted shares. */
export function weighByScore(score: number): number {
  return Math.max(1, score);
}

/** computeWeightedShares from a tally whose comments each weighed weighByScore. */
export function computeWeightedSharesOf(tally: ShareTally): WeightedShare[] {
  const kish = tally.squares > 0 ? (tally.weight * tally.weight) / tally.squares : 0;
  return TAG_NAMES.map((tag) => {
    const weight = tally.tagged[tag];
    const share = tally.weight > 0 ? weight / tally.weight : 0;
    const effectiveTotal = sizeOf(tally, tag, kish).effective;
    const ci = computeWilsonInterval(share * effectiveTotal, effectiveTotal);
    return {
      tag,
      weight,
      weightTotal: tally.weight,
      effectiveTotal: roundTo(effectiveTotal, 3),
      share: roundTo(share, 6),
      ci95: { low: roundTo(ci.low, 6), high: roundTo(ci.high, 6) },
    };
  });
}
