import { RefusedRequestError, SourceError } from '../errors/errors.js';

export interface SearchFailures {
  /** A search that answered (with or without threads, or with records we could not read). */
  answered(): void;
  /** A search that failed; only failures without an answer (network, timeouts, 5xx after retries) count towards "down". */
  failed(error: unknown): void;
  /**
   * True once GIVE_UP_AFTER searches in a row have failed before any answered: each failure already went
   * through the client's retries, so the source is down, and trying the remaining searches would only
   * spend their retry schedules (minutes) before the same verdict.
   */
  readonly givingUp: boolean;
  /** Throws when there were searches and none answered: the source is down, and the run fails instead of reporting an empty event. */
  throwIfNoneAnswered(sourceName: string): void;
}

/** Failed searches (each after its retries), with none answered yet, that make a source count as down. */
export const GIVE_UP_AFTER = 3;

/**
 * Counts a source's searches. When not one of them gets an answer (the network, the archive or Reddit is
 * down), skipping each as a partial result would end in a report of zero comments presented as tonight's
 * reaction; the collection fails instead (a SourceError: exit 3), leaving stored data as it was.
 */
export function countSearchFailures(): SearchFailures {
  let searches = 0;
  let answered = 0;
  let first: SourceError | undefined;
  return {
    answered(): void {
      searches++;
      answered++;
    },
    failed(error: unknown): void {
      searches++;
      // a refusal (403 for a private subreddit, 404) or an answer we could not read still means the source is up
      if (error instanceof SourceError && !(error instanceof RefusedRequestError)) first ??= error;
      else answered++;
    },
    get givingUp(): boolean {
      return answered === 0 && searches >= GIVE_UP_AFTER;
    },
    throwIfNoneAnswered(sourceName: string): void {
      if (searches === 0 || answered > 0) return;
      throw new SourceError(`${sourceName}: none of the ${searches} searches tried got an answer, so nothing was collected. The first failure: ${first?.message ?? 'unknown'}`, { cause: first });
    },
  };
}
