import { RefusedRequestError, SchemaError, SourceError } from '../errors/errors.js';
import { toSkipRecord } from '../errors/to-skip-record.js';
import type { SkipRecord } from '../types.js';

export interface SearchFailures {
  /** A search that answered (with or without threads, or with records we could not read). */
  answered(): void;
  /**
   * A search that failed, and the skip record saying so. Only failures without an answer count towards "down":
   * network, timeouts, 5xx after retries, a rate limit that outlasts the wait, and a body that is no answer at all
   * (an HTML maintenance page, JSON that is not a listing). Refused credentials are rethrown.
   */
  failed(error: unknown, where: string): SkipRecord;
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
  let first: Error | undefined;
  return {
    answered(): void {
      searches++;
      answered++;
    },
    failed(error: unknown, where: string): SkipRecord {
      const skip = toSkipRecord(error, where);
      searches++;
      // a refusal (403 for a private subreddit, 404) or a listing with a record we could not read means the source is up
      if (!isNoAnswer(error)) {
        answered++;
        return skip;
      }
      first ??= error as Error;
      // not the user's input to fix: the source did not answer (a partial run, not "invalid input")
      return { ...skip, kind: 'incomplete' };
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

/**
 * True when a search got no answer from the source: a SourceError other than a refusal of the request, or a body that
 * is not a listing at all. A listing with one unreadable record (a SchemaError pointing into `data.children.<n>`) is
 * an answer: the source is up, and that record is bad input (exit 2).
 */
export function isNoAnswer(error: unknown): boolean {
  if (error instanceof SchemaError) return !/^data\.children\.\d+\./.test(error.record);
  return error instanceof SourceError && !(error instanceof RefusedRequestError);
}
