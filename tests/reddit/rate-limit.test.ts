import { describe, expect, it } from 'vitest';
import {
  budgetFromHeaders,
  delayAfterRateLimited,
  MIN_WAIT_AFTER_429_MS,
  parseRateLimitHeaders,
  parseRetryAfter,
  planRequestDelay,
} from '../../src/reddit/rate-limit.js';

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
const NOW = 1_766_500_000_000;

describe('parseRateLimitHeaders', () => {
  it.each([
    [{ 'x-ratelimit-used': '3.0', 'x-ratelimit-remaining': '997.0', 'x-ratelimit-reset': '412' }, { used: 3, remaining: 997, resetSeconds: 412 }],
    [{ 'x-ratelimit-remaining': '599.2', 'x-ratelimit-reset': '5' }, { used: 0, remaining: 599.2, resetSeconds: 5 }],
    [{ 'x-ratelimit-remaining': 'abc', 'x-ratelimit-reset': '5' }, undefined],
    [{ 'x-ratelimit-used': '1' }, undefined],
    [{}, undefined],
  ])('%j → %j', (h, expected) => {
    expect(parseRateLimitHeaders(headers(h))).toEqual(expected);
  });
});

describe('planRequestDelay', () => {
  it.each([
    ['unknown budget', undefined, 0],
    ['budget left', { remaining: 5, resetAt: NOW + 10_000 }, 0],
    ['spent: wait for the reset plus margin', { remaining: 0, resetAt: NOW + 10_000 }, 11_000],
    ['overspent by in-flight requests', { remaining: -2, resetAt: NOW + 10_000 }, 11_000],
    ['window already reset', { remaining: 0, resetAt: NOW - 1 }, 0],
  ])('%s', (_name, budget, expected) => {
    expect(planRequestDelay(budget, NOW)).toBe(expected);
  });

  it('keeps a reserve when asked', () => {
    expect(planRequestDelay({ remaining: 2, resetAt: NOW + 1000 }, NOW, { reserve: 2, resetMarginMs: 0 })).toBe(1000);
  });
});

describe('budgetFromHeaders', () => {
  it('floors float remaining and subtracts requests still in flight', () => {
    expect(budgetFromHeaders({ used: 10, remaining: 990.7, resetSeconds: 30 }, NOW, 3)).toEqual({ remaining: 987, resetAt: NOW + 30_000 });
  });
});

describe('parseRetryAfter / delayAfterRateLimited', () => {
  it.each([
    ['7', 7000],
    ['2.5', 2500],
    [new Date(NOW + 4000).toUTCString(), 4000],
    ['soon', undefined],
    [null, undefined],
  ])('Retry-After %s → %s ms', (value, expected) => {
    const ms = parseRetryAfter(value, NOW);
    if (expected === undefined) expect(ms).toBeUndefined();
    else expect(ms).toBeCloseTo(expected, -3);
  });

  it('prefers Retry-After, then the window reset', () => {
    expect(delayAfterRateLimited(headers({ 'retry-after': '3', 'x-ratelimit-reset': '50' }), NOW)).toBe(3000);
    expect(delayAfterRateLimited(headers({ 'x-ratelimit-reset': '50' }), NOW, { resetMarginMs: 0 })).toBe(50_000);
    expect(delayAfterRateLimited(headers({}), NOW)).toBeUndefined();
  });

  it('waits a second at least after a 429 whose Retry-After is 0 or already past (a clock ahead of Reddit\'s)', () => {
    expect(delayAfterRateLimited(headers({ 'retry-after': '0' }), NOW)).toBe(MIN_WAIT_AFTER_429_MS);
    expect(delayAfterRateLimited(headers({ 'retry-after': new Date(NOW - 5000).toUTCString() }), NOW)).toBe(MIN_WAIT_AFTER_429_MS);
    expect(delayAfterRateLimited(headers({ 'retry-after': '0.5' }), NOW)).toBe(MIN_WAIT_AFTER_429_MS);
    expect(delayAfterRateLimited(headers({ 'retry-after': '7' }), NOW)).toBe(7000);
  });
});

describe('a broken x-ratelimit-reset (past the 600 s window)', () => {
  it('is capped at the window in pacing: a spent budget with a reset of 86400 waits at most 600 s (+ margin)', () => {
    const parsed = parseRateLimitHeaders(headers({ 'x-ratelimit-used': '1000.0', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': '86400' }));
    expect(parsed?.resetSeconds).toBe(600);
    const budget = budgetFromHeaders(parsed!, NOW, 0);
    expect(planRequestDelay(budget, NOW, { resetMarginMs: 0 })).toBe(600_000);
  });

  it('is capped at the window after a 429 (no Retry-After)', () => {
    expect(delayAfterRateLimited(headers({ 'x-ratelimit-reset': '86400' }), NOW, { resetMarginMs: 0 })).toBe(600_000);
    expect(delayAfterRateLimited(headers({ 'x-ratelimit-reset': '599' }), NOW, { resetMarginMs: 0 })).toBe(599_000);
  });
});
