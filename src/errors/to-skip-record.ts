import type { SkipRecord } from '../types.js';
import { CredentialsError, SchemaError, SourceError } from './errors.js';

/**
 * Turns a per-record failure into a skip record so the rest of the run goes on.
 * Anything that is not a data or source failure is a bug and is rethrown.
 */
export function toSkipRecord(error: unknown, where: string): SkipRecord {
  if (error instanceof SchemaError) {
    // The message names the file for when it is shown alone; the skip line shows source and record itself.
    const reason = error.message.startsWith(`${error.source}: `) ? error.message.slice(error.source.length + 2) : error.message;
    return { source: error.source, record: error.record, reason, kind: 'invalid' };
  }
  // refused credentials fail every request that follows: not a record to skip but the end of the collection
  if (error instanceof CredentialsError) throw error;
  if (error instanceof SourceError) return { source: where, record: '(request)', reason: error.message, kind: 'incomplete' };
  throw error;
}
