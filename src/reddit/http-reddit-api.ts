import pLimit from 'p-limit';
import type { z } from 'zod';
import { CredentialsError, RateLimitError, RefusedRequestError, SchemaError, SourceError } from '../errors/errors.js';
import { formatZodIssues } from '../errors/format-zod-issues.js';
import type { ProgressEvent } from '../sources/source.js';
import { delay } from '../util/delay.js';
import { createWaitBudget } from '../util/create-wait-budget.js';
import { createWaitMeter } from '../util/create-wait-meter.js';
import { describeRetryTime } from '../errors/describe-retry-time.js';
import { describeTransportError } from '../errors/describe-transport-error.js';
import { describeUnreadableBody, describeWebPageNote } from '../errors/describe-unreadable-body.js';
import { NO_ANSWER_BODY } from '../errors/to-skip-record.js';
import { createTokenProvider, TokenEndpointUnreachableError } from './oauth-token.js';
import { budgetFromHeaders, delayAfterRateLimited, parseRateLimitHeaders, parseRetryAfter, planRequestDelay, type PacingOptions, type RateBudget } from './rate-limit.js';
import type { ApiStats, RedditApi, SearchParams } from './reddit-api.js';
import type { RedditCredentials } from './reddit-credentials.js';
import {
  commentsResponseSchema,
  infoListingSchema,
  moreChildrenResponseSchema,
  searchListingSchema,
  type CommentsResponse,
  type InfoListing,
  type MoreChildrenResponse,
  type SearchListing,
} from './reddit-schemas.js';
import {
  backoffDelay,
  DEFAULT_RETRY_OPTIONS,
  isRetryableError,
  isRetryableStatus,
  RetryableStatusError,
  TruncatedBodyError,
  type RetryOptions,
} from './retry-policy.js';

// The live RedditApi: OAuth + GET over Node's fetch, with pacing from the
// x-ratelimit-* headers, bounded retries and zod-parsed answers.
//
// Why not snoowrap's oauthRequest (measured on snoowrap 1.23, see the README):
// it always sends the token request to https://www.<domain> and data requests to
// https://oauth.<domain> (no proxy or loopback mock server); it renews tokens
// only after they expired and never for app-only access; it exposes neither the
// x-ratelimit-used/reset headers nor Retry-After, does not retry 429 and either
// throws or sleeps on remaining < 1; its waits use the real clock (no simulated
// time in tests, no abort); and it turns every answer into its own objects
// before we could zod-parse the JSON. Each of those is a requirement here.

/** Time source and waiting, injected so tests and the bench run in simulated time. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, { signal }),
};

export interface HttpRedditApiOptions {
  credentials: RedditCredentials;
  fetch?: typeof fetch;
  clock?: Clock;
  /** For backoff jitter; default Math.random. */
  random?: () => number;
  retry?: Partial<RetryOptions>;
  pacing?: PacingOptions;
  /** Largest first page Reddit serves for /comments. Default 500. */
  commentsLimit?: number;
  /** The current run's abort signal and progress listener (read on every request). */
  context?: () => { signal?: AbortSignal | undefined; progress?: ((event: ProgressEvent) => void) | undefined };
}

/** The token endpoint's own failures within one request that show it out of reach for the rest of the run. */
export const TOKEN_FAILURES_TO_LATCH = 3;

export function createHttpRedditApi(options: HttpRedditApiOptions): RedditApi {
  const { credentials } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  const commentsLimit = options.commentsLimit ?? 500;
  const stats: ApiStats = { requests: 0, rateLimited: 0, waitMs: 0 };
  const context = () => options.context?.() ?? {};
  const tokens = createTokenProvider({
    credentials,
    fetch: fetchImpl,
    now: () => clock.now(),
    timeoutMs: retry.timeoutMs,
    // a token request is a request to Reddit like any other: left out, a run that only ever reached the token
    // endpoint showed "requests 0" beside its retries
    onRequest: () => {
      stats.requests++;
      context().progress?.({ kind: 'request', path: '/api/v1/access_token' });
    },
  });
  // Reddit allows one morechildren request at a time, across all threads in flight.
  const moreChildrenLock = pLimit(1);

  let budget: RateBudget | undefined;
  let inFlight = 0;

  // Once the credentials are refused, or the token endpoint stays out of reach past a request's retries (no answer, or
  // one retried: a 5xx, a 429, a maintenance page served with 200), every later request of the run could only repeat
  // it, each after its own backoff (about 23 s by default): they fail at once instead, and the night ends partial (or
  // failed, when no search got an answer) with the endpoint's own error, for the next run to resume. An answer not
  // retried (a 404) fails its request only. This one latch is what stops the search and thread queues after a refusal, too.
  let tokenFailure: { error: Error; attempts: number } | undefined;
  const latchTokenFailure = (error: unknown, attempts: number): void => {
    if (context().signal?.aborted === true) return; // a stopped run says nothing about the endpoint
    // called once the request has given up, with `attempts` the token endpoint's own failures in it: a request that spent
    // most of its retries on data answers (5xx) and then met one token hiccup says little about the endpoint, and
    // latching on it would end the night; the next request asks the endpoint again
    const outOfReach = (error instanceof TokenEndpointUnreachableError || isRetryableError(error)) && attempts >= TOKEN_FAILURES_TO_LATCH;
    if (error instanceof Error && (error instanceof CredentialsError || outOfReach)) tokenFailure ??= { error, attempts };
  };
  const failFast = (what: string, failure: { error: Error; attempts: number }): SourceError => {
    // a refusal is the same refusal for every request (and must stay a CredentialsError: it ends the collection)
    if (failure.error instanceof CredentialsError) return failure.error;
    const tries = failure.attempts === 1 ? '1 attempt' : `${failure.attempts} attempts`;
    return new SourceError(`${what} not sent: Reddit's token endpoint failed earlier in this run (${tries}): ${failure.error.message}`, { cause: failure.error });
  };

  // A Retry-After longer than a run waits (see the 429 branch) holds for every request, not only the one it answered:
  // until it has passed, later requests fail at once with the same RateLimitError instead of each being sent into it.
  let rateLimitedUntil: { at: number; error: RateLimitError } | undefined;
  const checkRateLimitedUntil = (what: string): void => {
    if (rateLimitedUntil === undefined) return;
    if (clock.now() >= rateLimitedUntil.at) {
      rateLimitedUntil = undefined;
      return;
    }
    throw new RateLimitError(`${what} not sent: ${rateLimitedUntil.error.message}`, { cause: rateLimitedUntil.error });
  };

  /** A RateLimitError for a wait of `ms` the run does not wait out, held for every later request until it has passed. */
  const refuseWait = (ms: number, why: string, answered: string): RateLimitError => {
    const error = new RateLimitError(
      `Reddit rate limit: Reddit asks to wait ${Math.ceil(ms / 1000)} s before the next request, ${why}; ${describeRetryTime(clock.now(), ms)}: ${answered}`,
    );
    const at = clock.now() + ms;
    if (rateLimitedUntil === undefined || at > rateLimitedUntil.at) rateLimitedUntil = { at, error };
    return error;
  };
  /** The RateLimitError for a Retry-After longer than a run waits. */
  const refuseRetryAfter = (retryAfterMs: number, answered: string): RateLimitError =>
    refuseWait(retryAfterMs, `more than the ${Math.round(retry.maxDelayMs / 1000)} s a run waits`, answered);

  // Waits after 429s, for the whole run: each one is Reddit's own (a reset within its 10-minute window, a short
  // Retry-After), but one after another they held a request for up to five windows (50 minutes), and every request
  // after it as long again. Past the budget a 429 is Reddit out of reach for now, as an over-long Retry-After is.
  const rateLimitWaits = createWaitBudget(retry.rateLimitWaitBudgetMs);

  // one meter for the run's total, one per cause for progress: each says how long the run was held up
  const meterTotal = createWaitMeter();
  const meterByCause = { 'rate-limit': createWaitMeter(), retry: createWaitMeter() };
  const wait = async (ms: number, reason: string, cause: 'rate-limit' | 'retry'): Promise<void> => {
    if (ms <= 0) return;
    const start = clock.now();
    stats.waitMs += meterTotal(start, ms);
    context().progress?.({ kind: 'wait', ms: meterByCause[cause](start, ms), reason, cause });
    await clock.sleep(ms, context().signal);
  };

  /** Blocks until the budget allows one more request, then counts it as in flight. */
  const acquire = async (): Promise<void> => {
    for (;;) {
      const ms = planRequestDelay(budget, clock.now(), options.pacing);
      if (ms <= 0) break;
      await wait(ms, 'rate limit budget spent; waiting for the window reset', 'rate-limit');
    }
    inFlight++;
    if (budget !== undefined) budget.remaining--;
  };

  const release = (headers: Headers | undefined): void => {
    inFlight--;
    const parsed = headers === undefined ? undefined : parseRateLimitHeaders((name) => headers.get(name));
    if (parsed !== undefined) budget = budgetFromHeaders(parsed, clock.now(), inFlight);
  };

  const request = async <S extends z.ZodTypeAny>(path: string, query: Record<string, string>, schema: S): Promise<z.infer<S>> => {
    const url = new URL(credentials.apiBase + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    url.searchParams.set('raw_json', '1');
    const what = `GET ${url.pathname}${url.search}`;
    let failures = 0;
    let tokenFailures = 0;
    let rateLimited = 0;
    let renewedAfter401 = false;

    /** `atLeastMs`: a wait the answer asked for (a Retry-After), waited out when longer than the backoff. */
    const retryOrThrow = async (error: unknown, atLeastMs = 0): Promise<void> => {
      const signal = context().signal;
      if (signal?.aborted) throw signal.reason;
      if (!isRetryableError(error)) throw error;
      if (failures >= retry.retries) {
        const reason = describeTransportError(error);
        if (error instanceof TruncatedBodyError) throw new SchemaError(`${what}: ${reason}, on the last of ${failures + 1} attempts`, what, NO_ANSWER_BODY, { cause: error });
        throw new SourceError(`${what} failed after ${failures + 1} attempts: ${reason}`, { cause: error });
      }
      await wait(Math.max(atLeastMs, backoffDelay(failures, retry, random)), `retrying ${url.pathname} after: ${describeTransportError(error)}`, 'retry');
      failures++;
    };

    for (;;) {
      const signal = context().signal;
      signal?.throwIfAborted();
      // checked on every attempt, so requests already in their backoff stop too
      if (tokenFailure !== undefined) throw failFast(what, tokenFailure);
      checkRateLimitedUntil(what);
      // Pace first, then take the token: a long rate-limit wait must not leave us holding an expired one.
      await acquire();
      try {
        // a pacing wait may have ended after another request was told to wait for longer than a run does
        checkRateLimitedUntil(what);
      } catch (error) {
        release(undefined);
        throw error;
      }
      let token: string;
      try {
        token = await tokens.get(signal);
      } catch (error) {
        release(undefined);
        // the token endpoint's 429 asks for a pause: one longer than a run waits is Reddit out of reach for now, for
        // every request until it has passed (as a data request's 429), and not a failure of the endpoint to latch
        const retryAfterMs = error instanceof RetryableStatusError ? error.retryAfterMs : undefined;
        if (retryAfterMs !== undefined && retryAfterMs > retry.maxDelayMs && signal?.aborted !== true) {
          throw refuseRetryAfter(retryAfterMs, (error as RetryableStatusError).message);
        }
        tokenFailures++;
        try {
          await retryOrThrow(error, retryAfterMs);
        } catch (final) {
          latchTokenFailure(error, tokenFailures);
          throw final;
        }
        continue;
      }
      stats.requests++;
      context().progress?.({ kind: 'request', path: url.pathname });
      const timeout = AbortSignal.timeout(retry.timeoutMs);
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(url, {
          headers: { authorization: `bearer ${token}`, 'user-agent': credentials.userAgent },
          signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
        });
        text = await response.text();
      } catch (error) {
        release(undefined);
        await retryOrThrow(error);
        continue;
      }
      release(response.headers);
      const status = response.status;
      // a non-2xx answer that is a web page (a Cloudflare challenge, a maintenance page) says so, with its title
      const pageNote = status >= 200 && status < 300 ? '' : describeWebPageNote(text);

      if (status === 429) {
        stats.rateLimited++;
        if (rateLimited >= retry.rateLimitRetries) {
          // Reddit is out of reach for now, not refusing this request: like the archive's over-long 429, it counts as no
          // answer (a search, a thread or a re-check batch the source could not supply), never as a refusal
          throw new RateLimitError(`Reddit rate limit: status code 429${pageNote} on all ${rateLimited + 1} attempts, with a wait before each retry: ${what}`);
        }
        // A cron run must not sleep for hours on one header: as with the archive, a Retry-After past the longest wait a
        // run gives one request (the backoff ceiling) is Reddit out of reach for now. The window reset (x-ratelimit-reset)
        // is not refused like that: it is Reddit's own window, which pacing waits for anyway; a reset header past that
        // 10-minute window is not believed and is capped at it (RATE_LIMIT_WINDOW_SECONDS in rate-limit.ts).
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), clock.now());
        if (retryAfter !== undefined && retryAfter > retry.maxDelayMs) throw refuseRetryAfter(retryAfter, `${what}${pageNote}`);
        rateLimited++;
        const ms = delayAfterRateLimited((name) => response.headers.get(name), clock.now(), options.pacing);
        // Until the window resets, our budget is zero whatever the last headers said.
        if (ms !== undefined) budget = { remaining: 0, resetAt: clock.now() + ms };
        const waitMs = ms ?? backoffDelay(rateLimited, retry, random);
        if (!rateLimitWaits.take(clock.now(), waitMs)) {
          const spent = `more than this run waits after 429s: it has waited ${Math.round(rateLimitWaits.spentMs() / 1000)} s of its ${Math.round(retry.rateLimitWaitBudgetMs / 1000)} s for them already`;
          throw refuseWait(waitMs, spent, `${what}${pageNote}`);
        }
        await wait(waitMs, `429 from Reddit on ${url.pathname}${pageNote}`, 'rate-limit');
        continue;
      }
      if (status === 401) {
        // The token may have expired in flight or been revoked: renew once, then give up.
        if (renewedAfter401) {
          const refused = new CredentialsError(`Request failed with status code 401${pageNote} after renewing the access token: ${what}. Check the Reddit credentials.`);
          latchTokenFailure(refused, 1);
          throw refused;
        }
        renewedAfter401 = true;
        tokens.invalidate();
        continue;
      }
      if (isRetryableStatus(status)) {
        await retryOrThrow(new RetryableStatusError(status, `status ${status}${pageNote}`));
        continue;
      }
      if (status < 200 || status >= 300) {
        const hint = status === 403 ? ' (forbidden: private/quarantined subreddit, or the app lacks access)' : '';
        throw new RefusedRequestError(`Request failed with status code ${status}${hint}${pageNote}: ${what}`);
      }

      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (cause) {
        await retryOrThrow(new TruncatedBodyError(describeUnreadableBody(text, status, cause), { cause }));
        continue;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new SchemaError(`${what}: ${formatZodIssues(parsed.error)}`, what, first ? first.path.map(String).join('.') : '(root)');
      }
      return parsed.data;
    }
  };

  return {
    search(params: SearchParams): Promise<SearchListing> {
      const path = params.subreddit === undefined ? '/search' : `/r/${encodeURIComponent(params.subreddit)}/search`;
      const query: Record<string, string> = {
        q: params.query,
        sort: params.sort,
        t: params.time,
        limit: String(params.limit),
        type: 'link',
      };
      if (params.subreddit !== undefined) query.restrict_sr = '1';
      if (params.after !== undefined) query.after = params.after;
      return request(path, query, searchListingSchema);
    },
    comments(threadId: string, commentId?: string): Promise<CommentsResponse> {
      const path =
        commentId === undefined
          ? `/comments/${encodeURIComponent(threadId)}`
          : `/comments/${encodeURIComponent(threadId)}/_/${encodeURIComponent(commentId)}`;
      return request(path, { limit: String(commentsLimit) }, commentsResponseSchema);
    },
    moreChildren(threadId: string, childIds: string[]): Promise<MoreChildrenResponse> {
      return moreChildrenLock(async () => {
        const answer = await request(
          '/api/morechildren',
          { api_type: 'json', link_id: `t3_${threadId}`, children: childIds.join(','), limit_children: 'false' },
          moreChildrenResponseSchema,
        );
        if (answer.json.errors.length > 0) {
          // Reddit answered, refusing this request: the thread fails, not Reddit (a run counts only unanswered fetches as down)
          throw new RefusedRequestError(`/api/morechildren for t3_${threadId} answered with errors: ${JSON.stringify(answer.json.errors).slice(0, 200)}`);
        }
        return answer;
      });
    },
    info(fullnames: string[]): Promise<InfoListing> {
      return request('/api/info', { id: fullnames.join(',') }, infoListingSchema);
    },
    stats: () => ({ ...stats }),
  };
}
