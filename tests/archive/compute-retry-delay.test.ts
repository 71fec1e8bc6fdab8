import { describe, expect, it } from 'vitest';
import { computePacingDelay, computeRetryDelay, parseWaitHeader } from '../../src/archive/compute-retry-delay.js';

const NOW = 1_765_843_200_000;
const headers = (h: Record<string, string>) => new Headers(h);

describe('parseWaitHeader', () => {
  it.each([
    ['5', 5000],
    ['0.5', 500],
    [String(NOW / 1000 + 7), 7000],
    [String(NOW + 3000), 3000],
    [new Date(NOW + 10_000).toUTCString(), 10_000],
    [String(NOW / 1000 - 100), 0],
  ])('%s → %i ms', (value, ms) => {
    expect(parseWaitHeader(value, NOW)).toBe(ms);
  });

  it.each([[null], [''], ['soon']])('%s → undefined', (value) => {
    expect(parseWaitHeader(value, NOW)).toBeUndefined();
  });
});

describe('computeRetryDelay', () => {
  const timing = { baseDelayMs: 1000, maxDelayMs: 60_000 };
  it.each([
    [{ status: 503 }, 0, 1000],
    [{ status: 502 }, 2, 4000],
    [{ status: 500 }, 10, 60_000],
    [{}, 1, 2000],
    [{ status: 429, headers: headers({ 'retry-after': '3' }) }, 0, 3250],
    [{ status: 429, headers: headers({ 'x-ratelimit-reset': String(NOW / 1000 + 2) }) }, 0, 2250],
    [{ status: 429, headers: headers({}) }, 1, 2000],
    [{ status: 503, headers: headers({ 'retry-after': '1' }) }, 3, 1250],
  ])('%o attempt %i → retry after %i ms', (failure, attempt, ms) => {
    expect(computeRetryDelay(failure, attempt, NOW, timing)).toEqual({ retry: true, ms });
  });

  it.each([[400], [401], [403], [404], [422]])('status %i is not retried', (status) => {
    expect(computeRetryDelay({ status }, 0, NOW, timing)).toMatchObject({ retry: false });
  });

  it('does not retry early when the server asks for a longer wait than allowed', () => {
    const decision = computeRetryDelay({ status: 429, headers: headers({ 'retry-after': '3600' }) }, 0, NOW, timing);
    expect(decision).toEqual({ retry: false, reason: expect.stringContaining('3600 s'), askedMs: 3_600_000 });
  });
});

describe('computePacingDelay', () => {
  it.each([
    [{}, 0],
    [{ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '10' }, 0],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '4' }, 4000],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 9) }, 9000],
    [{ 'x-ratelimit-remaining': '0' }, 1000],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9999' }, 60_000],
  ])('%o → %i ms', (h, ms) => {
    expect(computePacingDelay(headers(h), NOW)).toBe(ms);
  });
});
