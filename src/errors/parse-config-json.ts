import type { z } from 'zod';
import { ConfigError } from './errors.js';
import { formatZodIssues } from './format-zod-issues.js';

/**
 * A config-like JSON text (event file, model, record) parsed with its schema; either failure is a ConfigError
 * naming `where` (the file, or file:line) and what is wrong: "<where>: not valid JSON (…)" or "<where>: <what>: <issues>".
 */
export function parseConfigJson<S extends z.ZodType>(text: string, schema: S, where: string, what: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${where}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${where}: ${what}: ${formatZodIssues(parsed.error)}`);
  return parsed.data;
}
