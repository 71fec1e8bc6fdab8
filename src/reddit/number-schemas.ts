import { z } from 'zod';

// Their own messages: a union that fails reads "Invalid input", and zod's own type message ("Invalid input: expected
// number, received string") does not show the value; a skip line should say what is wrong with it.

/** A number, or a string of its digits (dumps, the archive and some Reddit fields give numbers as strings). */
export const numberishSchema = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform((s) => Number(s))], {
  error: (issue) => `expected a number (or a string of digits), received ${describeValue(issue.input)}`,
});

/** A number only, as the live API serves it. */
export const numberSchema = z.number({ error: (issue) => `expected a number, received ${describeValue(issue.input)}` });

/** A value as an error line names it: a string quoted (cut short), anything else by its type. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return 'an array';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}
