import { describe, expect, it } from 'vitest';
import { computeEffectiveSize } from '../../src/report/cluster-effective-size.js';
import { computeTagShares } from '../../src/report/compute-shares.js';
import type { ResolvedTags } from '../../src/report/resolve-tags.js';

const thread = (weight: number, tagged: number) => ({ weight, tagged });

describe('computeEffectiveSize: how many independent comments a thread-clustered share is worth', () => {
  it('two threads that disagree completely are worth about one comment, not twenty', () => {
    // p = 0.5; residuals ±5; variance = 2/1 · 50 / 20² = 0.25 = p(1 − p)/1
    expect(computeEffectiveSize([thread(10, 10), thread(10, 0)], 20)).toEqual({ effective: 1, designEffect: 20 });
  });

  it('threads that agree exactly (or look more even than chance) do not narrow the interval below the independent one', () => {
    expect(computeEffectiveSize([thread(10, 3), thread(20, 6), thread(30, 9)], 60)).toEqual({ effective: 60, designEffect: 1 });
  });

  it('a moderately uneven mix shrinks the size by the between-thread variance', () => {
    const clusters = [thread(40, 20), thread(40, 8), thread(20, 2)];
    // p = 0.3; residuals 8, −4, −4; variance = 3/2 · 96 / 100² = 0.0144; effective = 0.21 / 0.0144
    const size = computeEffectiveSize(clusters, 100);
    expect(size.effective).toBeCloseTo(0.21 / 0.0144, 9);
    expect(size.designEffect).toBeCloseTo(100 / (0.21 / 0.0144), 9);
  });

  it.each([
    ['one thread', [thread(50, 10)]],
    ['no tagged comment in any thread (share 0)', [thread(20, 0), thread(30, 0)]],
    ['every comment tagged (share 1)', [thread(20, 20), thread(30, 30)]],
    ['nothing at all', []],
  ])('%s: nothing to estimate from, the independent size is kept', (_name, clusters) => {
    expect(computeEffectiveSize(clusters, 50)).toEqual({ effective: 50, designEffect: 1 });
  });

  it('threads without tagged comments take no part', () => {
    expect(computeEffectiveSize([thread(10, 10), thread(0, 0), thread(10, 0)], 20)).toEqual({ effective: 1, designEffect: 20 });
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
    expect([single.effectiveTotal, single.designEffect]).toEqual([100, 1]);
    expect(clustered.effectiveTotal).toBeCloseTo(14.583, 3);
    expect(clustered.ci95.high - clustered.ci95.low).toBeGreaterThan(2 * (single.ci95.high - single.ci95.low));
    // a tag no comment carries: 0 of 100 whatever the threads
    expect(threeThreads[1]).toMatchObject({ count: 0, total: 100, effectiveTotal: 100, designEffect: 1 });
  });
});
