import { setTimeout as delay } from 'node:timers/promises';
import { describeRetryTime } from '../errors/describe-retry-time.js';
import { describeTransportError } from '../errors/describe-transport-error.js';
import { describeUnreadableBody, describeWebPageNote } from '../errors/describe-unreadable-body.js';
import { NO_ANSWER_BODY } from '../errors/to-skip-record.js';
import { RateLimitError, RefusedRequestError, SchemaError, SourceError } from '../errors/errors.js';
import { formatZodIssues } from '../errors/format-zod-issues.js';
import { parseBaseUrl } from '../sources/parse-base-url.js';
import { createWaitMeter } from '../util/create-wait-meter.js';
import type { SourceContext, SourceStats } from '../sources/source.js';
import { arcticShiftAnswerSchema } from './archive-schemas.js';
import { DEFAULT_RETRY_TIMING, computePacingDelay, computeRetryDelay, type RetryTiming } from './compute-retry-delay.js';

export const DEFAULT_ARCTIC_SHIFT_BASE = 'https://arctic-shift.photon-reddit.com';

export interface ArcticShiftClientOptions {
  /** Wins over $ARCTIC_SHIFT_BASE and the public default. https, or http on loopback (a local mock or proxy). */
  baseUrl?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Attempts after the first for 429, 5xx, network errors and a body that is not JSON (default 4). */
  retries?: number | undefined;
  timing?: Partial<RetryTiming> | undefined;
  /** Per-request timeout in ms (default 60 000): the archive has no uptime guarantee. */
  timeoutMs?: number | undefined;
  /** Injected for tests; defaults to an abortable timer. */
  sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
  userAgent?: string | undefined;
}

export type QueryParams = Record<string, string | number | undefined>;

export interface ArcticShiftClient {
  readonly baseUrl: string;
  /** GET an API path; returns the answer's `data` items, not yet validated one by one. */
  get(path: string, params: QueryParams, ctx: SourceContext): Promise<unknown[]>;
  stats(): SourceStats;
}

/** Option → $ARCTIC_SHIFT_BASE (empty = unset, as .env.example leaves it) → default; https, or http on loopback only. */
export function resolveArcticShiftBase(option: string | undefined, env: NodeJS.ProcessEnv = {}): string {
  if (option !== undefined) return parseBaseUrl('The Arctic Shift base URL', option);
  const fromEnv = env.ARCTIC_SHIFT_BASE?.trim() || undefined;
  return parseBaseUrl('ARCTIC_SHIFT_BASE', fromEnv ?? DEFAULT_ARCTIC_SHIFT_BASE);
}

/**
 * A small client for the Arctic Shift API: every answer is parsed with zod,
 * 429/5xx/network failures and bodies that are not JSON are retried a bounded number of times with backoff
 * (Retry-After and x-ratelimit-reset are believed), and a spent rate budget
 * (x-ratelimit-remaining: 0) is waited out before the next call.
 */
export function createArcticShiftClient(options: ArcticShiftClientOptions = {}): ArcticShiftClient {
  const baseUrl = resolveArcticShiftBase(options.baseUrl, options.env);
  const retries = options.retries ?? 4;
  const timing: RetryTiming = { ...DEFAULT_RETRY_TIMING, ...options.timing };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal | undefined) => delay(ms, undefined, { signal }));
  const stats: SourceStats = { requests: 0, rateLimited: 0, waitMs: 0 };
  // Set by an answer that spent the budget (x-ratelimit-remaining: 0) or by a 429's wait: no request of the run is sent
  // before it, not only the next one, since requests run side by side (--concurrency) and the archive's budget is the
  // run's, not one request's (ms on the ctx clock).
  let pause: { untilMs: number; reason: string } | undefined;
  // A Retry-After longer than a run waits holds for every later request, not only the one it answered (as in the Reddit
  // client): until it has passed, they fail at once with the same RateLimitError instead of each meeting its own 429.
  let rateLimitedUntil: { atMs: number; error: RateLimitError } | undefined;
  const checkRateLimitedUntil = (where: string, ctx: SourceContext): void => {
    if (rateLimitedUntil === undefined) return;
    if (ctx.now() * 1000 >= rateLimitedUntil.atMs) {
      rateLimitedUntil = undefined;
      return;
    }
    throw new RateLimitError(`${where} not sent: ${rateLimitedUntil.error.message}`, { cause: rateLimitedUntil.error });
  };

  // time on the clock, as the Reddit client counts it: the run's requests back off side by side (--concurrency)
  const meterTotal = createWaitMeter();
  const meterByCause = { 'rate-limit': createWaitMeter(), retry: createWaitMeter() };
  const wait = async (ms: number, reason: string, cause: 'rate-limit' | 'retry', ctx: SourceContext): Promise<void> => {
    if (ms <= 0) return;
    const start = ctx.now() * 1000;
    ctx.progress?.({ kind: 'wait', ms: meterByCause[cause](start, ms), reason, cause });
    stats.waitMs += meterTotal(start, ms);
    await sleep(ms, ctx.signal);
  };

  const holdRequests = (ms: number, reason: string, ctx: SourceContext): void => {
    if (ms <= 0) return;
    const untilMs = ctx.now() * 1000 + ms;
    if (pause === undefined || untilMs > pause.untilMs) pause = { untilMs, reason };
  };

  return {
    baseUrl,
    stats: () => ({ ...stats }),
    async get(path, params, ctx) {
      const url = buildUrl(baseUrl, path, params);
      const where = `GET ${url}`;
      for (let attempt = 0; ; attempt++) {
        checkRateLimitedUntil(where, ctx);
        // again after a wait: a 429 answered meanwhile (a request in flight when the wait began) may have lengthened it
        for (let waitedUntil = Number.NEGATIVE_INFINITY; pause !== undefined && pause.untilMs > waitedUntil; ) {
          const ms = pause.untilMs - ctx.now() * 1000;
          if (ms <= 0) {
            pause = undefined;
            break;
          }
          waitedUntil = pause.untilMs;
          await wait(ms, pause.reason, 'rate-limit', ctx);
        }
        ctx.signal?.throwIfAborted();
        // a pacing or retry wait may have ended after another request was told to wait for longer than a run does
        checkRateLimitedUntil(where, ctx);
        stats.requests++;
        ctx.progress?.({ kind: 'request', path: `${path}?${new URL(url).searchParams.toString()}` });
        let response: Response;
        let body: string | undefined;
        try {
          const signals = [AbortSignal.timeout(timeoutMs), ...(ctx.signal ? [ctx.signal] : [])];
          response = await fetch(url, {
            headers: { accept: 'application/json', 'user-agent': options.userAgent ?? 'reactionlens (research; archive reader)' },
            signal: AbortSignal.any(signals),
          });
          // read inside the try: a connection cut while the body arrives ("terminated", UND_ERR_SOCKET) is a network
          // failure to retry like one before the headers, not a bug that ends the whole run
          if (response.ok) body = await response.text();
        } catch (cause) {
          if (ctx.signal?.aborted) throw cause;
          const decision = computeRetryDelay({}, attempt, ctx.now() * 1000, timing);
          const reason = describeTransportError(cause);
          if (!decision.retry || attempt >= retries) {
            throw new SourceError(`Arctic Shift unreachable after ${attempt + 1} attempts: ${where} (${reason})`, { cause });
          }
          await wait(decision.ms, `archive network error: ${reason}`, 'retry', ctx);
          continue;
        }
        if (response.ok) {
          const text = body ?? '';
          const raw = parseJson(text);
          if (!raw.ok) {
            // a maintenance page or captive portal served with 200, or a body cut short: not an answer yet, so retried
            // with the same bounded backoff as a 5xx (as the Reddit client does); past the retries, the request got none
            const reason = describeUnreadableBody(text, response.status, raw.cause);
            if (attempt >= retries) {
              throw new SchemaError(`Arctic Shift answered with ${reason}, on the last of ${attempt + 1} attempts`, where, NO_ANSWER_BODY, { cause: raw.cause });
            }
            const decision = computeRetryDelay({}, attempt, ctx.now() * 1000, timing);
            await wait(decision.retry ? decision.ms : timing.baseDelayMs, `archive answered with ${reason}`, 'retry', ctx);
            continue;
          }
          const items = readAnswer(raw.value, where);
          holdRequests(computePacingDelay(response.headers, ctx.now() * 1000, timing), 'archive rate limit budget spent', ctx);
          return items;
        }
        if (response.status === 429) stats.rateLimited++;
        const decision = computeRetryDelay({ status: response.status, headers: response.headers }, attempt, ctx.now() * 1000, timing);
        if (!decision.retry || attempt >= retries) {
          const detail = await readErrorDetail(response);
          if (!decision.retry && decision.askedMs !== undefined) {
            // a wait longer than a run gives one request: the archive is out of reach for now, not refusing this request
            const waits = `asks to wait ${Math.ceil(decision.askedMs / 1000)} s before the next request, more than the ${Math.round(timing.maxDelayMs / 1000)} s a run waits; ${describeRetryTime(ctx.now() * 1000, decision.askedMs)}`;
            if (response.status === 429) {
              const error = new RateLimitError(`Arctic Shift rate limit: the archive ${waits}: ${where}${detail}`);
              const atMs = ctx.now() * 1000 + decision.askedMs;
              if (rateLimitedUntil === undefined || atMs > rateLimitedUntil.atMs) rateLimitedUntil = { atMs, error };
              throw error;
            }
            throw new SourceError(`Arctic Shift request failed with status ${response.status} (${decision.reason}): ${where}${detail}`);
          }
          const why = decision.retry ? `after ${attempt + 1} attempts` : `(${decision.reason})`;
          // a status not worth retrying (4xx) is the archive's answer to this request; retries used up means it is down
          const Failure = decision.retry ? SourceError : RefusedRequestError;
          throw new Failure(`Arctic Shift request failed with status ${response.status} ${why}: ${where}${detail}`);
        }
        // read, not cancelled: a web page is named with its title, as in the failure past the retries
        const pageNote = await readPageNote(response);
        if (response.status === 429) {
          // the archive asked for a pause: this request waits it out before its retry (at the loop's top), and the other
          // requests of the run keep it too, instead of each meeting its own 429
          holdRequests(decision.ms, `archive rate limited (429)${pageNote}`, ctx);
          continue;
        }
        await wait(decision.ms, `archive status ${response.status}${pageNote}`, 'retry', ctx);
      }
    },
  };
}

function buildUrl(baseUrl: string, path: string, params: QueryParams): string {
  const url = new URL(baseUrl + path);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.href;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; cause: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, cause };
  }
}

function readAnswer(raw: unknown, where: string): unknown[] {
  const parsed = arcticShiftAnswerSchema.safeParse(raw);
  if (!parsed.success) throw new SchemaError(`unexpected Arctic Shift answer: ${formatZodIssues(parsed.error)}`, where, NO_ANSWER_BODY);
  if (parsed.data.error != null) throw new RefusedRequestError(`Arctic Shift error: ${parsed.data.error}: ${where}`);
  return parsed.data.data ?? [];
}

/**
 * The API explains failures in `{"error": "..."}`; a proxy or Cloudflare in front of it answers with a web page, named
 * as one with its title (`(an HTML page, title "…")`). Worth showing, never worth failing over.
 */
async function readErrorDetail(response: Response): Promise<string> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return '';
  }
  try {
    const parsed = arcticShiftAnswerSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.error != null ? ` (${parsed.data.error})` : '';
  } catch {
    return describeWebPageNote(text);
  }
}

/** ` (an HTML page, title "…")` when the answer's body is a web page; '' for any other body, or one that cannot be read. */
async function readPageNote(response: Response): Promise<string> {
  try {
    return describeWebPageNote(await response.text());
  } catch {
    return '';
  }
}
