import { createHttpRedditApi, type Clock } from '../reddit/http-reddit-api.js';
import type { PacingOptions } from '../reddit/rate-limit.js';
import { parseRedditCredentials } from '../reddit/reddit-credentials.js';
import type { RetryOptions } from '../reddit/retry-policy.js';
import { createRedditApiSource } from './reddit-api-source.js';
import type { Source, SourceContext } from './source.js';

export interface RedditSourceOptions {
  /** Injected for tests and the bench; default global fetch. */
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryOptions>;
  pacing?: PacingOptions;
}

/**
 * The live Reddit source. `env` is process.env or any record like it; throws
 * SourceError naming the missing variables before any request is made.
 */
export function createRedditSource(env: Record<string, string | undefined>, options: RedditSourceOptions = {}): Source {
  const credentials = parseRedditCredentials(env);
  // The API reads the running call's signal and progress listener; all calls of one run share one ctx.
  let current: SourceContext | undefined;
  const api = createHttpRedditApi({
    credentials,
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.clock !== undefined && { clock: options.clock }),
    ...(options.random !== undefined && { random: options.random }),
    ...(options.retry !== undefined && { retry: options.retry }),
    ...(options.pacing !== undefined && { pacing: options.pacing }),
    context: () => ({ signal: current?.signal, progress: current?.progress }),
  });
  return createRedditApiSource('reddit', api, (ctx) => {
    current = ctx;
  });
}
