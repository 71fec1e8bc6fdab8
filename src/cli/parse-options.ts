import { z } from 'zod';
import { ConfigError } from '../errors/errors.js';
import { formatZodIssues } from '../errors/format-zod-issues.js';

/**
 * Parses a command's option bag with zod, so flags are validated like every other outside input. Issues are
 * named by the flag the user typed (`--max-quotes "0"`), not by commander's camelCase key, which nobody typed.
 */
export function parseOptions<S extends z.ZodTypeAny>(command: string, schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${command}: ${formatFlagIssues(parsed.error, raw)}`);
  return parsed.data;
}

function formatFlagIssues(error: z.ZodError, raw: unknown): string {
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return error.issues
    .map((issue) => {
      const key = issue.path[0];
      // messages written for a flag already name it ("--min-score must be a number")
      if (issue.message.startsWith('--')) return issue.message;
      if (typeof key !== 'string') return formatZodIssues(new z.ZodError([issue]));
      const value = given[key];
      const shown = typeof value === 'string' ? ` ${JSON.stringify(value)}` : '';
      return `${toFlagName(key)}${shown}: ${issue.message}`;
    })
    .join('; ');
}

function toFlagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export const SOURCE_NAMES = ['fixtures', 'reddit', 'arctic-shift'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** A comma-separated list of formats, each once: `md,md` is md (compare would warn of an md "not written", and list its file twice). */
export const formatListSchema = <T extends string>(allowed: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => [...new Set(s.split(',').map((f) => f.trim()).filter((f) => f.length > 0))])
    .pipe(z.array(z.enum(allowed)).min(1, `expected a comma-separated list of ${allowed.join(', ')}`));
