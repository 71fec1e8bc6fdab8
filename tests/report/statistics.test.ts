import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '../../src/report/report.js';
import { renderTrendChart } from '../../src/report/render-svg-charts.js';
import { testTwoProportions } from '../../src/report/two-proportion-test.js';
import { computeWilsonInterval } from '../../src/report/wilson-interval.js';

// Reference values from the Wilson formula with z = 1.959964:
//   centre = (p + z²/2n) / (1 + z²/n),  half = z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n)
// computed independently (Python, double precision). 81/263 is the textbook example
// (Wikipedia, "Binomial proportion confidence interval"): 0.2553–0.3662.
describe('computeWilsonInterval', () => {
  it.each([
    [0, 10, 0, 0.2775328],
    [5, 10, 0.2365931, 0.7634069],
    [81, 263, 0.2552885, 0.3662096],
    [10, 10, 0.7224672, 1],
    [1, 1000, 0.0001765, 0.0056426],
  ])('%i/%i → [%f, %f]', (count, total, low, high) => {
    const ci = computeWilsonInterval(count, total);
    expect(ci.low).toBeCloseTo(low, 6);
    expect(ci.high).toBeCloseTo(high, 6);
  });

  it('spans everything for no data and stays inside [0, 1]', () => {
    expect(computeWilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const ci = computeWilsonInterval(3, 3);
    expect(ci.high).toBe(1);
    expect(ci.low).toBeGreaterThan(0);
  });
});

describe('testTwoProportions', () => {
  it.each([
    // Reference: pooled z-test, p = erfc(|z|/√2).
    [30, 100, 45, 100, 2.1908902, 0.0284597, true],
    [50, 100, 52, 100, 0.2828993, 0.7772540, false],
  ])('%i/%i vs %i/%i', (c1, n1, c2, n2, z, p, significant) => {
    const t = testTwoProportions({ count: c1, total: n1 }, { count: c2, total: n2 })!;
    expect(t.z).toBeCloseTo(z, 5);
    expect(t.pValue).toBeCloseTo(p, 5);
    expect(t.significant).toBe(significant);
    expect(t.difference).toBeCloseTo(c2 / n2 - c1 / n1, 10);
  });

  it('has no result when either side is empty, and no evidence when there is no variance', () => {
    expect(testTwoProportions({ count: 0, total: 0 }, { count: 3, total: 10 })).toBeNull();
    expect(testTwoProportions({ count: 3, total: 10 }, { count: 0, total: 0 })).toBeNull();
    expect(testTwoProportions({ count: 0, total: 10 }, { count: 0, total: 10 })?.pValue).toBe(1);
  });

  it('gives no p-value where an expected count is below 5: the normal approximation does not hold there', () => {
    // 2/3 vs 34/546: the z-test's p is below 0.0001, Fisher's exact test ~0.012
    expect(testTwoProportions({ count: 2, total: 3 }, { count: 34, total: 546 })).toMatchObject({
      z: null,
      pValue: null,
      significant: null,
      untestedReason: expect.stringContaining('expected count 0.2 < 5'),
    });
    // the rule is on every expected count, untagged too, and on fractional (effective) sizes as given
    expect(testTwoProportions({ count: 95, total: 100 }, { count: 99, total: 100 })?.untestedReason).toContain('expected count 3.0 < 5');
    expect(testTwoProportions({ count: 2, total: 12.5 }, { count: 4, total: 12.5 })?.pValue).toBeNull();
    // at 5 the z-test runs (pooled 0.25 × 20 = 5)
    const atLimit = testTwoProportions({ count: 2, total: 20 }, { count: 8, total: 20 })!;
    expect(atLimit.untestedReason).toBeUndefined();
    expect(atLimit.significant).toBe(true);
  });

  it('never words a withheld test\'s expected count as 5 or more: 4.96 reads "4.9 < 5", not "5.0 < 5"', () => {
    // pooled 62/100 = 0.62, complement 0.38, times the smaller size 13.05: 4.959
    const t = testTwoProportions({ count: 13.05 * 0.62, total: 13.05 }, { count: 86.95 * 0.62, total: 86.95 })!;
    expect(t.pValue).toBeNull();
    expect(t.untestedReason).toBe('expected count 4.9 < 5: too few comments for the z-test');
    // values that round down already read as before
    expect(testTwoProportions({ count: 95, total: 100 }, { count: 99, total: 100 })?.untestedReason).toContain('expected count 3.0 < 5');
  });
});

describe('trend chart', () => {
  const cell = (count: number, total: number) => ({ count, total, share: total > 0 ? count / total : 0, ci95: computeWilsonInterval(count, total) });
  const point = (date: string, count: number, total: number): TrendPoint => ({
    date,
    asOf: 0,
    runId: null,
    tagged: total,
    shares: { cynicism: cell(count, total), distrust: cell(count, total), bubble_caution: cell(count, total) },
  });

  it('places nights by date, so a gap of days looks like one, with labels that do not overlap', () => {
    const dates = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-10'];
    const svg = renderTrendChart(dates.map((d) => point(d, 10, 100)));
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].slice(0, dates.length).map((m) => Number(m[1]));
    const [first, , , fourth, last] = xs as [number, number, number, number, number];
    // 01-04 is 3 of the 9 days from 01-01 to 01-10
    expect((fourth - first) / (last - first)).toBeCloseTo(3 / 9, 2);
    expect(Math.abs(xs[1]! - xs[0]! - (xs[2]! - xs[1]!))).toBeLessThanOrEqual(0.2);
    const labels = [...svg.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4}-\d\d-\d\d)</g)].map((m) => ({ x: Number(m[1]), date: m[2] }));
    expect(labels.map((l) => l.date)).toContain('2026-01-01');
    expect(labels.map((l) => l.date)).toContain('2026-01-10');
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.x - labels[i - 1]!.x).toBeGreaterThanOrEqual(70);
  });

  it('leaves out a night with no tagged comments rather than drawing a 0–100% band', () => {
    const svg = renderTrendChart([point('2026-11-24', 10, 100), point('2026-11-25', 0, 0), point('2026-11-26', 12, 100)]);
    expect(svg).toContain('2026-11-24');
    expect(svg).not.toContain('2026-11-25');
    // the axis is scaled to the real nights (about 10–20%), not stretched to 100%
    expect(svg).not.toMatch(/>100%</);
  });
});
