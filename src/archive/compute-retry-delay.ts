// Pure retry timing for the archive API: which answers are worth retrying and
// how long to wait first. The waiting itself is done elsewhere (abortable).

import { parseHttpDate } from '../util/parse-http-date.js';

export interface RetryTiming {
  /** First backoff step in ms; doubles per attempt (default 1000). */
  baseDelayMs: number;
  /** No single wait is longer than this (default 60 000). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = { baseDelayMs: 1000, maxDelayMs: 60_000 };

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 524]);

type HeaderGetter = { get(name: string): string | null };

/**
 * A header that may hold delta-seconds, epoch seconds, epoch milliseconds or an
 * HTTP date → ms to wait from `nowMs`. Servers disagree about which one they send,
 * so tell them apart by size: nobody asks a client to wait 30 years.
 */
export function parseWaitHeader(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n >= 1e12) return Math.max(0, n - nowMs); // epoch milliseconds
    if (n >= 1e9) return Math.max(0, n * 1000 - nowMs); // epoch seconds
    return n * 1000; // delta seconds
  }
  const date = parseHttpDate(text);
  return date === undefined ? undefined : Math.max(0, date - nowMs);
}

/** `askedMs`: set when the server itself asked for the wait that is too long (the request was not refused). */
export type RetryDecision = { retry: true; ms: number } | { retry: false; reason: string; askedMs?: number };

/**
 * Whether and when to retry a failed request. 4xx other than 408/425/429 are
 * not retried (the request itself is wrong); a server that asks for a longer
 * wait than `maxDelayMs` is not hammered early either. `status` undefined means
 * a network error. `attempt` counts from 0.
 */
export function computeRetryDelay(
  failure: { status?: number | undefined; headers?: HeaderGetter | undefined },
  attempt: number,
  nowMs: number,
  timing: RetryTiming = DEFAULT_RETRY_TIMING,
): RetryDecision {
  if (failure.status !== undefined && !RETRYABLE_STATUS.has(failure.status)) {
    return { retry: false, reason: `status ${failure.status} is not retryable` };
  }
  const backoff = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** attempt);
  const headers = failure.headers;
  if (headers === undefined) return { retry: true, ms: backoff };
  const told =
    parseWaitHeader(headers.get('retry-after'), nowMs) ??
    (failure.status === 429 ? parseWaitHeader(headers.get('x-ratelimit-reset'), nowMs) : undefined);
  if (told === undefined) return { retry: true, ms: backoff };
  if (told > timing.maxDelayMs) {
    return { retry: false, reason: `the server asks to wait ${Math.ceil(told / 1000)} s, more than the ${Math.round(timing.maxDelayMs / 1000)} s allowed`, askedMs: told };
  }
  // A little slack so we do not arrive a few ms before the window reopens.
  return { retry: true, ms: told + 250 };
}

/**
 * Pacing after a successful answer: when the server says the budget is spent
 * (x-ratelimit-remaining ≤ 0), wait until x-ratelimit-reset; otherwise 0.
 */
export function computePacingDelay(headers: HeaderGetter, nowMs: number, timing: RetryTiming = DEFAULT_RETRY_TIMING): number {
  const remaining = Number(headers.get('x-ratelimit-remaining') ?? Number.NaN);
  if (Number.isNaN(remaining) || remaining > 0) return 0;
  const reset = parseWaitHeader(headers.get('x-ratelimit-reset'), nowMs);
  return Math.min(timing.maxDelayMs, reset ?? timing.baseDelayMs);
}
