import { z } from 'zod';
import { ConfigError } from '../errors/errors.js';
import { formatZodIssues } from '../errors/format-zod-issues.js';

/** Parses a command's option bag with zod, so flags are validated like every other outside input. */
export function parseOptions<S extends z.ZodTypeAny>(command: string, schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${command}: ${formatZodIssues(parsed.error)}`);
  return parsed.data;
}

export const SOURCE_NAMES = ['fixtures', 'reddit', 'arctic-shift'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export const formatListSchema = <T extends string>(allowed: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(',').map((f) => f.trim()).filter((f) => f.length > 0))
    .pipe(z.array(z.enum(allowed)).min(1, `expected a comma-separated list of ${allowed.join(', ')}`));
