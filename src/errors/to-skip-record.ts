import type { SkipRecord } from '../types.js';
import { CredentialsError, SchemaError, SourceError } from './errors.js';

/** The record a SchemaError names when the whole body of an answer could not be read as one. */
export const NO_ANSWER_BODY = '(body)';

/**
 * Turns a per-record failure into a skip record so the rest of the run goes on.
 * Anything that is not a data or source failure is a bug and is rethrown.
 */
export function toSkipRecord(error: unknown, where: string): SkipRecord {
  if (error instanceof SchemaError) {
    // The message names the file for when it is shown alone; the skip line shows source and record itself.
    const reason = error.message.startsWith(`${error.source}: `) ? error.message.slice(error.source.length + 2) : error.message;
    // A body that is no answer at all (an HTML maintenance page served with 200, a body still cut short after the
    // retries) is the source not answering, as a 5xx is: a request that could not be done (partial, exit 4), not a record
    // the user should fix (exit 2). Both clients mark such a body with the record '(body)'.
    const kind = error.record === NO_ANSWER_BODY ? 'incomplete' : 'invalid';
    return { source: error.source, record: error.record, reason, kind };
  }
  // refused credentials fail every request that follows: not a record to skip but the end of the collection
  if (error instanceof CredentialsError) throw error;
  if (error instanceof SourceError) return { source: where, record: '(request)', reason: error.message, kind: 'incomplete' };
  throw error;
}
