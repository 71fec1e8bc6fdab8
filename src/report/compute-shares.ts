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
 * Share of tagged comments carrying each tag (one comment, one vote), with an interval that allows for comments of one
 * thread being alike (computeEffectiveSize).
 */
export function computeTagShares(tagged: readonly SharedComment[]): TagShare[] {
  // One pass for all tags: this runs over every tagged comment.
  const byThread = new Map<string, Record<TagName | 'all', number>>();
  const counts: Record<TagName, number> = { cynicism: 0, distrust: 0, bubble_caution: 0 };
  for (const { tags, threadId } of tagged) {
    let thread = byThread.get(threadId);
    if (thread === undefined) byThread.set(threadId, (thread = { all: 0, cynicism: 0, distrust: 0, bubble_caution: 0 }));
    thread.all++;
    for (const tag of TAG_NAMES) {
      if (!tags[tag].label) continue;
      counts[tag]++;
      thread[tag]++;
    }
  }
  return TAG_NAMES.map((tag) => {
    const clusters = [...byThread.values()].map((t): ClusterTotals => ({ weight: t.all, tagged: t[tag] }));
    const size = computeEffectiveSize(clusters, tagged.length);
    return {
      tag,
      ...computeShareCell(counts[tag], tagged.length, size.effective),
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
  for (const s of shares) {
    out[s.tag] = { count: s.count, total: s.total, share: s.share, ci95: s.ci95, effectiveTotal: s.effectiveTotal, designEffect: s.designEffect, threads: s.threads };
  }
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
  let weightTotal = 0;
  let squares = 0;
  const byThread = new Map<string, Record<TagName | 'all', number>>();
  const weights: Record<TagName, number> = { cynicism: 0, distrust: 0, bubble_caution: 0 };
  for (const t of tagged) {
    const w = Math.max(1, t.score);
    weightTotal += w;
    squares += w * w;
    let thread = byThread.get(t.threadId);
    if (thread === undefined) byThread.set(t.threadId, (thread = { all: 0, cynicism: 0, distrust: 0, bubble_caution: 0 }));
    thread.all += w;
    for (const tag of TAG_NAMES) {
      if (!t.tags[tag].label) continue;
      weights[tag] += w;
      thread[tag] += w;
    }
  }
  const kish = squares > 0 ? (weightTotal * weightTotal) / squares : 0;
  return TAG_NAMES.map((tag) => {
    const weight = weights[tag];
    const share = weightTotal > 0 ? weight / weightTotal : 0;
    const clusters = [...byThread.values()].map((t): ClusterTotals => ({ weight: t.all, tagged: t[tag] }));
    const effectiveTotal = computeEffectiveSize(clusters, kish).effective;
    const ci = computeWilsonInterval(share * effectiveTotal, effectiveTotal);
    return {
      tag,
      weight,
      weightTotal,
      effectiveTotal: roundTo(effectiveTotal, 3),
      share: roundTo(share, 6),
      ci95: { low: roundTo(ci.low, 6), high: roundTo(ci.high, 6) },
    };
  });
}
