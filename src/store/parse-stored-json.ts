import type { z } from 'zod';
import { formatZodIssues } from '../errors/format-zod-issues.js';

/**
 * JSON the store holds, checked against `schema`. A store outlives a code version and can be edited by hand, so
 * its JSON is read like outside input; `unreadable` turns what is wrong into the caller's error (naming the row
 * and its remedy).
 */
export function parseStoredJson<T>(text: string, schema: z.ZodType<T>, unreadable: (why: string, cause: unknown) => Error): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw unreadable(`it is not JSON (${(cause as Error).message})`, cause);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw unreadable(formatZodIssues(parsed.error), parsed.error);
  return parsed.data;
}
