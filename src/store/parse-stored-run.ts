import { z } from 'zod';
import { StoreError } from '../errors/errors.js';
import { parseStoredJson } from './parse-stored-json.js';
import type { RunCounts, RunRecord, RunStatus, ShortThread, SkipRecord } from '../types.js';
import { RUN_STATUSES } from '../types.js';

// A run record is ours, but a store outlives a code version and can be edited by hand: it is checked like any other
// outside input. Unknown fields are dropped, so a record with more than we know is still read.
const countsSchema = z.object({
  threadsNew: z.number(),
  threadsUpdated: z.number(),
  commentsNew: z.number(),
  commentsUpdated: z.number(),
  commentsPurged: z.number(),
  commentsExcluded: z.number(),
  commentsTagged: z.number(),
  requests: z.number(),
  rateLimited: z.number(),
  waitMs: z.number(),
  capsHit: z.number(),
  skipped: z.number(),
  // absent in runs recorded before the deletion re-check kept an unconfirmed list
  commentsUnconfirmed: z.number().optional(),
  // absent in runs recorded before thread fetches stopped when the source looked down
  threadsNotFetched: z.number().optional(),
}) satisfies z.ZodType<RunCounts>;

const skipRecordSchema = z.object({
  source: z.string(),
  record: z.string(),
  reason: z.string(),
  kind: z.enum(['invalid', 'incomplete']),
}) satisfies z.ZodType<SkipRecord>;

const shortThreadSchema = z.object({
  threadId: z.string(),
  subreddit: z.string(),
  expected: z.number(),
  collected: z.number(),
}) satisfies z.ZodType<ShortThread>;

const runStatusSchema = z.enum(RUN_STATUSES) satisfies z.ZodType<RunStatus>;

export const storedRunSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  source: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  window: z.object({ from: z.number(), to: z.number() }),
  queries: z.array(z.string()),
  counts: countsSchema,
  skipped: z.array(skipRecordSchema),
  // absent in runs recorded before short threads were flagged
  shortThreads: z.array(shortThreadSchema).optional(),
  errors: z.array(z.string()),
  status: runStatusSchema,
}) satisfies z.ZodType<RunRecord>;

/**
 * The run record stored in the runs row `id`; a StoreError naming the run and what is wrong when it is not JSON or
 * not a run record (the caller decides whether that stops it or is left out and reported).
 */
export function parseStoredRun(id: string, record: string): RunRecord {
  // the row holds only that run's history (no other table refers to it): deleting it loses nothing else
  const unreadable = (why: string, cause?: unknown): StoreError =>
    new StoreError(
      `the stored record of run ${id} cannot be read: ${why}; to clear it, repair that record or delete its row (DELETE FROM runs WHERE id = '${id}')`,
      cause === undefined ? undefined : { cause },
    );
  const run = parseStoredJson(record, storedRunSchema, unreadable);
  if (run.id !== id) throw unreadable(`it names another run (${run.id})`);
  return run;
}
