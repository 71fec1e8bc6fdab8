import type { z } from 'zod';
import { parseConfigJson } from './parse-config-json.js';

/**
 * A JSONL file every line of which must parse with `schema` (blank lines aside): the first bad line is a ConfigError
 * naming `file:line` (the line's number in the file, blank lines counted) and what is wrong, as parseConfigJson says it.
 */
export function parseConfigJsonl<S extends z.ZodType>(content: string, schema: S, file: string, what: string): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() !== '') out.push(parseConfigJson(line, schema, `${file}:${i + 1}`, what));
  });
  return out;
}
