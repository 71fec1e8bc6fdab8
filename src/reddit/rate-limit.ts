// Pure rate-limit maths: read Reddit's x-ratelimit-* and Retry-After headers
// and decide how long to wait before the next request. No clock, no I/O: the
// caller passes `nowMs` and does the waiting (see src/util/delay.ts).

import { parseHttpDate } from '../util/parse-http-date.js';

/** Reddit's budget as one response reported it. Values arrive as float strings ("997.0"). */
export interface RateLimitHeaders {
  used: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

/** What we believe is left in the current window, after counting our own requests still in flight. */
export interface RateBudget {
  remaining: number;
  /** Epoch ms when the window ends and the budget refills. */
  resetAt: number;
}

export interface PacingOptions {
  /** Requests kept in hand (e.g. for another tool sharing the app). Default 0. */
  reserve?: number;
  /** Extra wait after a reset, against clock skew between us and Reddit. Default 1000 ms. */
  resetMarginMs?: number;
}

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * Reddit's rate-limit window, in seconds: `x-ratelimit-reset` can never honestly be more than this. A larger value
 * (a broken header, e.g. 86400) is not believed: the reset is taken as the window's end at the latest, so one bad
 * header cannot stall a cron run for a day, whether in pacing or after a 429.
 */
export const RATE_LIMIT_WINDOW_SECONDS = 600;

/** x-ratelimit-reset in seconds, capped at the window; undefined when absent or not a number. */
function readResetSeconds(get: HeaderGetter): number | undefined {
  const reset = readNumber(get, 'x-ratelimit-reset');
  return reset === undefined ? undefined : Math.min(reset, RATE_LIMIT_WINDOW_SECONDS);
}

function readNumber(get: HeaderGetter, name: string): number | undefined {
  const raw = get(name);
  if (raw === null || raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Parses the three x-ratelimit-* headers (the reset capped at the window); undefined when any is absent or not a number. */
export function parseRateLimitHeaders(get: HeaderGetter): RateLimitHeaders | undefined {
  const used = readNumber(get, 'x-ratelimit-used');
  const remaining = readNumber(get, 'x-ratelimit-remaining');
  const resetSeconds = readResetSeconds(get);
  if (remaining === undefined || resetSeconds === undefined) return undefined;
  return { used: used ?? 0, remaining, resetSeconds };
}

/**
 * The budget after a response. `othersInFlight` requests were sent but not yet
 * answered; the server may not have counted them in `remaining` yet, so they
 * are subtracted (conservative: at worst we wait a little early, never 429).
 */
export function budgetFromHeaders(headers: RateLimitHeaders, nowMs: number, othersInFlight: number): RateBudget {
  return {
    remaining: Math.floor(headers.remaining) - othersInFlight,
    resetAt: nowMs + headers.resetSeconds * 1000,
  };
}

/**
 * Milliseconds to wait before sending one more request (0 = send now).
 * Reddit's window is fixed (it refills at reset), so spending the budget and
 * then waiting for the reset is both the fastest schedule and 429-free.
 */
export function planRequestDelay(budget: RateBudget | undefined, nowMs: number, options: PacingOptions = {}): number {
  if (budget === undefined || nowMs >= budget.resetAt) return 0;
  if (budget.remaining > (options.reserve ?? 0)) return 0;
  return budget.resetAt - nowMs + (options.resetMarginMs ?? 1000);
}

/** The shortest wait after a 429, whatever its Retry-After says. */
export const MIN_WAIT_AFTER_429_MS = 1000;

/**
 * Retry-After as milliseconds: delta-seconds ("7", "7.5") or an HTTP date (see parseHttpDate).
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = parseHttpDate(trimmed);
  return at === undefined ? undefined : Math.max(0, at - nowMs);
}

/**
 * How long to wait after a 429: Retry-After first, then the window reset (capped at the window); undefined if neither
 * is given. An over-long Retry-After is returned as is: the caller refuses it (see http-reddit-api.ts).
 */
export function delayAfterRateLimited(get: HeaderGetter, nowMs: number, options: PacingOptions = {}): number | undefined {
  const retryAfter = parseRetryAfter(get('retry-after'), nowMs);
  // "Retry-After: 0", or a date our clock (ahead of Reddit's) has passed, would send the retries back at once, in the
  // same moment Reddit refused: a 429 is waited out for a second at least
  if (retryAfter !== undefined) return Math.max(retryAfter, MIN_WAIT_AFTER_429_MS);
  const reset = readResetSeconds(get);
  if (reset !== undefined) return reset * 1000 + (options.resetMarginMs ?? 1000);
  return undefined;
}
