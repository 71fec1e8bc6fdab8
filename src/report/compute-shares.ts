import { TAG_NAMES } from '../types.js';
import type { TagName, TagShare } from '../types.js';
import { roundTo } from './round-to.js';
import type { ShareCell, WeightedShare } from './report.js';
import type { ResolvedTags } from './resolve-tags.js';
import { computeWilsonInterval } from './wilson-interval.js';

/** count/total with its 95% Wilson interval, rounded for stable output. */
export function computeShareCell(count: number, total: number): ShareCell {
  const ci = computeWilsonInterval(count, total);
  return {
    count,
    total,
    share: total > 0 ? roundTo(count / total, 6) : 0,
    ci95: { low: roundTo(ci.low, 6), high: roundTo(ci.high, 6) },
  };
}

/** Share of tagged comments carrying each tag (one comment, one vote). */
export function computeTagShares(tagged: readonly ResolvedTags[]): TagShare[] {
  // One pass for all tags: this runs over every tagged comment.
  let cynicism = 0;
  let distrust = 0;
  let bubble = 0;
  for (const t of tagged) {
    if (t.cynicism.label) cynicism++;
    if (t.distrust.label) distrust++;
    if (t.bubble_caution.label) bubble++;
  }
  const counts: Record<TagName, number> = { cynicism, distrust, bubble_caution: bubble };
  return TAG_NAMES.map((tag) => ({ tag, ...computeShareCell(counts[tag], tagged.length) }));
}

export function computeShareRecord(tagged: readonly ResolvedTags[]): Record<TagName, ShareCell> {
  return toShareRecord(computeTagShares(tagged));
}

export function toShareRecord(shares: readonly TagShare[]): Record<TagName, ShareCell> {
  const out = {} as Record<TagName, ShareCell>;
  for (const s of shares) out[s.tag] = { count: s.count, total: s.total, share: s.share, ci95: s.ci95 };
  return out;
}

/**
 * Shares with each comment weighing max(1, score): "how much of the upvoted
 * conversation" rather than "how many comments". The interval uses Kish's
 * effective sample size, (Σw)²/Σw², since a few heavy comments carry less
 * information than their weight suggests.
 */
export function computeWeightedShares(tagged: ReadonlyArray<{ tags: ResolvedTags; score: number }>): WeightedShare[] {
  let weightTotal = 0;
  let squares = 0;
  for (const t of tagged) {
    const w = Math.max(1, t.score);
    weightTotal += w;
    squares += w * w;
  }
  const effectiveTotal = squares > 0 ? (weightTotal * weightTotal) / squares : 0;
  const weights: Record<TagName, number> = { cynicism: 0, distrust: 0, bubble_caution: 0 };
  for (const t of tagged) {
    const w = Math.max(1, t.score);
    if (t.tags.cynicism.label) weights.cynicism += w;
    if (t.tags.distrust.label) weights.distrust += w;
    if (t.tags.bubble_caution.label) weights.bubble_caution += w;
  }
  return TAG_NAMES.map((tag) => {
    const weight = weights[tag];
    const share = weightTotal > 0 ? weight / weightTotal : 0;
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
