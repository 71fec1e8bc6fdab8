import { listCauses } from '../errors/list-causes.js';

// When to retry a failed request and how long to back off. Pure apart from the
// injected `random`, so tests pin the jitter.

export interface RetryOptions {
  /** Retries after a 5xx, timeout, connection reset or truncated body. Default 4 (5 attempts). */
  retries: number;
  /** First backoff, doubled each retry. Default 1000 ms. */
  baseDelayMs: number;
  /** Backoff ceiling, and the longest Retry-After waited out (a longer one is a RateLimitError). Default 60 000 ms. */
  maxDelayMs: number;
  /** Per-request timeout (connect to end of body). Default 30 000 ms. */
  timeoutMs: number;
  /** 429s tolerated per request before giving up; pacing should make this 0. Default 5. */
  rateLimitRetries: number;
  /**
   * The longest a run waits after 429s in all, on the clock (waits side by side count once). Default 660 000 ms: one
   * whole rate-limit window (a 429 with only `x-ratelimit-reset` asks for up to 600 s) and one longest Retry-After
   * (maxDelayMs). A 429 still coming after that is not a window to wait out: waiting it out five times per request
   * would hold a cron night for most of an hour per request.
   */
  rateLimitWaitBudgetMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  retries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  timeoutMs: 30_000,
  rateLimitRetries: 5,
  rateLimitWaitBudgetMs: 660_000,
};

/** 522 is Cloudflare's "origin timed out", which Reddit serves under load. */
const RETRYABLE_STATUS = new Set([408, 500, 502, 503, 504, 522]);

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/**
 * True for transport failures worth another try: our timeout fired, the
 * connection was reset/refused, or fetch failed below HTTP. Walks `cause`
 * because undici wraps the socket error in `TypeError: fetch failed`.
 */
export function isRetryableError(error: unknown): boolean {
  return listCauses(error).some((link) => {
    const { name, code, message } = link as { name?: unknown; code?: unknown; message?: unknown };
    if (name === 'TimeoutError' || name === 'TruncatedBodyError' || name === 'RetryableStatusError') return true;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
    return link instanceof TypeError && message === 'fetch failed';
  });
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random,
 * so clients that failed together do not retry together. `attempt` is 0 for
 * the first retry.
 */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return step / 2 + random() * (step / 2);
}

/** A body that is not JSON (cut off, or a maintenance page served with 200): no answer yet, so retried like a reset. */
export class TruncatedBodyError extends Error {
  override readonly name = 'TruncatedBodyError';
}

/**
 * A status we retry (5xx, 408; a 429 from the token endpoint) carried as an error so one code path handles it.
 * `retryAfterMs`: the wait the answer's Retry-After asked for, where the caller honours it (the token endpoint's 429).
 */
export class RetryableStatusError extends Error {
  override readonly name = 'RetryableStatusError';
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
