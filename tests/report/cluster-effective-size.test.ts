import { describe, expect, it } from 'vitest';
import { computeEffectiveSize } from '../../src/report/cluster-effective-size.js';
import { computeTagShares } from '../../src/report/compute-shares.js';
import { describeIntervals } from '../../src/report/describe-intervals.js';
import type { ResolvedTags } from '../../src/report/resolve-tags.js';
import { computeT975 } from '../../src/report/student-t-quantile.js';
import { Z_95 } from '../../src/report/wilson-interval.js';

const thread = (weight: number, tagged: number) => ({ weight, tagged });
/** (z / t)² for k threads: the shrink for measuring the clustering from k − 1 degrees of freedom. */
const shrink = (k: number) => (Z_95 / computeT975(k - 1)) ** 2;

describe('computeEffectiveSize: how many independent comments a thread-clustered share is worth', () => {
  it('two equal threads that disagree completely: variance as of one comment (design effect 20 on 20), then t with 1 df', () => {
    // p = 0.5; residuals ±5; variance = 2/1 · 50 / 20² = 0.25 = p(1 − p)/1
    const size = computeEffectiveSize([thread(10, 10), thread(10, 0)], 20);
    expect(size.designEffect).toBeCloseTo(20, 12);
    expect(size.threads).toBe(2);
    expect(size.effective).toBeCloseTo(1 * shrink(2), 12);
  });

  it('a moderately uneven mix: the between-thread variance over the independent one', () => {
    const clusters = [thread(40, 20), thread(40, 8), thread(20, 2)];
    // p = 0.3; residuals 8, −4, −4; variance = 3/2 · 96 / 100² = 0.0144, against 0.21 / 100 independent
    const size = computeEffectiveSize(clusters, 100);
    expect(size.designEffect).toBeCloseTo(0.0144 / 0.0021, 9);
    expect(size.effective).toBeCloseTo((0.21 / 0.0144) * shrink(3), 9);
  });

  it('threads that agree exactly, or vary less than chance even after the t shrink, leave the independent size', () => {
    expect(computeEffectiveSize([thread(10, 3), thread(20, 6), thread(30, 9)], 60)).toEqual({ effective: 60, designEffect: 1, threads: 3 });
    // 100 threads of 10, shares 0.2 ± 0.1 alternately: variance below independent, so nothing narrows
    const even = Array.from({ length: 100 }, (_, i) => thread(10, i % 2 === 0 ? 1 : 3));
    expect(computeEffectiveSize(even, 1000)).toEqual({ effective: 1000, designEffect: 1, threads: 100 });
  });

  it('a share of 0 or 1 has no variance to measure: the independent size stands, design effect 1', () => {
    expect(computeEffectiveSize([thread(20, 0), thread(30, 0)], 50)).toEqual({ effective: 50, designEffect: 1, threads: 2 });
    expect(computeEffectiveSize([thread(20, 20), thread(30, 30)], 50)).toEqual({ effective: 50, designEffect: 1, threads: 2 });
  });

  it.each([
    ['one thread', [thread(50, 10)], 1],
    ['nothing at all', [], 0],
  ])('%s: nothing can be measured; the independent size is kept and the design effect is null', (_name, clusters, threads) => {
    expect(computeEffectiveSize(clusters, 50)).toEqual({ effective: 50, designEffect: null, threads });
  });

  it('threads without tagged comments take no part', () => {
    expect(computeEffectiveSize([thread(10, 10), thread(0, 0), thread(10, 0)], 20)).toEqual(computeEffectiveSize([thread(10, 10), thread(10, 0)], 20));
  });

  it('many threads: the t shrink fades (30 threads: t = 2.045, beyond the table Cornish–Fisher)', () => {
    expect(computeT975(29)).toBe(2.045);
    expect(computeT975(40)).toBeCloseTo(2.021, 3);
    expect(computeT975(1000)).toBeCloseTo(1.962, 3);
  });
});

describe('computeTagShares with threads', () => {
  const tags = (cynical: boolean): ResolvedTags => {
    const score = (label: boolean) => ({ score: label ? 0.9 : 0.1, label, cues: [], overridden: false });
    return { cynicism: score(cynical), distrust: score(false), bubble_caution: score(false) } as unknown as ResolvedTags;
  };
  const comments = (threadId: string, n: number, cynical: number) =>
    Array.from({ length: n }, (_, i) => ({ tags: tags(i < cynical), threadId }));

  it('widens the interval of a share carried by one thread, and keeps the count, total and share as counted', () => {
    const oneThread = computeTagShares([...comments('a', 40, 20), ...comments('a', 40, 8), ...comments('a', 20, 2)]);
    const threeThreads = computeTagShares([...comments('a', 40, 20), ...comments('b', 40, 8), ...comments('c', 20, 2)]);
    const [single, clustered] = [oneThread[0]!, threeThreads[0]!];
    expect([clustered.count, clustered.total, clustered.share]).toEqual([single.count, single.total, single.share]);
    expect([single.effectiveTotal, single.designEffect, single.threads]).toEqual([100, null, 1]);
    expect(clustered).toMatchObject({ designEffect: 6.857, threads: 3 });
    expect(clustered.effectiveTotal).toBeCloseTo((0.21 / 0.0144) * shrink(3), 3);
    expect(clustered.ci95.high - clustered.ci95.low).toBeGreaterThan(3 * (single.ci95.high - single.ci95.low));
    // a tag no comment carries: 0 of 100, nothing to measure
    expect(threeThreads[1]).toMatchObject({ count: 0, total: 100, effectiveTotal: 100, designEffect: 1, threads: 3 });
  });
});

describe('describeIntervals (the footnote clause)', () => {
  it('says the intervals say nothing when nothing is tagged, rather than calling them too narrow', () => {
    expect(describeIntervals(computeTagShares([]))).toContain('which say nothing here (no tagged comments)');
    expect(describeIntervals(computeTagShares([]))).not.toContain('too narrow');
  });
});
