import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableError, isRetryableStatus, RetryableStatusError, TruncatedBodyError } from '../../src/reddit/retry-policy.js';

describe('retry policy', () => {
  it.each([
    [500, true], [502, true], [503, true], [504, true], [522, true], [408, true],
    [400, false], [401, false], [403, false], [404, false], [429, false],
  ])('status %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    ['timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), true],
    ['undici fetch failed (reset)', new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }), true],
    ['plain ECONNRESET object', { code: 'ECONNRESET', message: 'reset' }, true],
    ['truncated body', new TruncatedBodyError('cut'), true],
    ['5xx', new RetryableStatusError(503, 'status 503'), true],
    ['user abort', new DOMException('This operation was aborted', 'AbortError'), false],
    ['a bug', new RangeError('bad'), false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isRetryableError(error)).toBe(expected);
  });

  it('backs off exponentially with bounded jitter', () => {
    const opts = { baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(backoffDelay(0, opts, () => 0)).toBe(500);
    expect(backoffDelay(0, opts, () => 1)).toBe(1000);
    expect(backoffDelay(2, opts, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, opts, () => 1)).toBe(8000);
  });
});
