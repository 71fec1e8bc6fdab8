import { z } from 'zod';

/**
 * A numeric flag's check, with one message that gives the allowed range (parseOptions puts the flag and the value
 * typed before it: `--limit "0": must be a whole number between 1 and 1000`), instead of zod's "Too small: expected
 * number to be >=1" or "expected number, received NaN". Only a plain decimal is a number here: `Number()` would take
 * "" as 0 and "0x10" as 16, which nobody means on a command line.
 */
export function numberFlagSchema(range: { min: number; max?: number; whole: boolean }) {
  const kind = range.whole ? 'a whole number' : 'a number';
  const message = range.max === undefined ? `must be ${kind} of at least ${range.min}` : `must be ${kind} between ${range.min} and ${range.max}`;
  // a flag with no maximum still has one: past 2^53 - 1 the number typed is not the number read. Said as such: "of at
  // least 1" for "99999999999999999999" named the one bound the value met
  const tooLarge = range.max === undefined ? `must be ${kind} no larger than ${Number.MAX_SAFE_INTEGER}` : message;
  const pattern = range.whole ? /^\d+$/ : /^(?:\d+(?:\.\d*)?|\.\d+)$/;
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((value) => String(value).trim())
    .refine((text) => pattern.test(text), { error: message })
    .transform(Number)
    .pipe(z.number().min(range.min, message).max(range.max ?? Number.MAX_SAFE_INTEGER, tooLarge));
}
