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
  return TAG_NAMES.map((tag) => {
    let count = 0;
    for (const t of tagged) if (t[tag].label) count++;
    return { tag, ...computeShareCell(count, tagged.length) };
  });
}

export function computeShareRecord(tagged: readonly ResolvedTags[]): Record<TagName, ShareCell> {
  const out = {} as Record<TagName, ShareCell>;
  for (const s of computeTagShares(tagged)) out[s.tag] = { count: s.count, total: s.total, share: s.share, ci95: s.ci95 };
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
  return TAG_NAMES.map((tag) => {
    let weight = 0;
    for (const t of tagged) if (t.tags[tag].label) weight += Math.max(1, t.score);
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
