import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SchemaError } from '../errors/errors.js';
import { RUN_STATUSES } from '../types.js';
import type { TrendPoint } from './report.js';

export const HISTORY_FILE = 'history.json';

const cell = z.object({
  count: z.number(),
  total: z.number(),
  share: z.number(),
  ci95: z.object({ low: z.number(), high: z.number() }),
  // points written before intervals allowed for threads have none of these (their intervals took comments as independent)
  effectiveTotal: z.number().optional(),
  designEffect: z.number().nullable().optional(),
  threads: z.number().optional(),
});
/** One night's point as history.json holds it. */
export const historyPointSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  asOf: z.number(),
  runId: z.string().nullable(),
  // a value this reactionlens does not know (a hand edit, a later release's status) reads as unknown: one point's
  // status is no reason to set the whole history aside as damaged
  runStatus: z.enum([...RUN_STATUSES, 'unknown']).optional().catch(undefined),
  tagged: z.number(),
  shares: z.object({ cynicism: cell, distrust: cell, bubble_caution: cell }),
  tagger: z.string().optional(),
  overrides: z.number().optional(),
});
export const historySchema = z.object({
  schema: z.literal('reactionlens/history@1'),
  eventId: z.string(),
  points: z.array(historyPointSchema),
});
export type ReportHistory = z.infer<typeof historySchema>;

/** Earlier nightly points of an event's report directory; none when the file does not exist yet. */
export function readReportHistory(dir: string): TrendPoint[] {
  const path = join(dir, HISTORY_FILE);
  if (!existsSync(path)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new SchemaError(`Cannot read the report history ${path}: not JSON`, path, '$', { cause });
  }
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SchemaError(
      `The report history ${path} is invalid at ${issue?.path.join('.') ?? '$'}: ${issue?.message ?? 'unknown'}`,
      path,
      issue?.path.join('.') ?? '$',
    );
  }
  return parsed.data.points;
}
