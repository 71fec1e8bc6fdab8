import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const isoDate = z.string().superRefine((s, ctx) => {
  const problem = findDateProblem(s);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** Why `s` is not an ISO date or zoned date-time, or null when it is one. */
function findDateProblem(s: string): string | null {
  const match = ISO_DATE.exec(s);
  if (match === null || Number.isNaN(Date.parse(s))) {
    return 'must be an ISO date (2025-12-16) or date-time with zone (2025-12-16T00:00:00Z)';
  }
  // Date.parse checks the month and the time but takes any day up to 31: 2025-02-30 would become 2025-03-02
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = daysInMonth(year, month);
  return day < 1 || day > days ? `${s.slice(0, 10)} is not a calendar date (${s.slice(0, 7)} has ${days} days)` : null;
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/** The window in seconds since the epoch; a date-only `to` means the whole day, up to its last second. */
export function toWindowSeconds(window: { from: string; to: string }): { from: number; to: number } {
  return { from: Date.parse(window.from) / 1000, to: Date.parse(window.to) / 1000 + (window.to.length === 10 ? 86_399 : 0) };
}

// A thread id (base36) or a Reddit URL containing /comments/<id>/.
const seedThread = z
  .string()
  .transform((s, ctx) => {
    const fromUrl = /\/comments\/([a-z0-9]+)/i.exec(s)?.[1];
    const id = fromUrl ?? s.replace(/^t3_/, '');
    if (!/^[a-z0-9]{1,12}$/i.test(id)) {
      ctx.addIssue({ code: 'custom', message: `not a thread id or /comments/<id>/ URL: ${s}` });
      return z.NEVER;
    }
    return id.toLowerCase();
  });

export const eventFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and single hyphens'),
    title: z.string().trim().min(1, 'must not be empty'),
    description: z.string().trim().min(1, 'must not be empty').refine((s) => !s.includes('\n'), 'must be one line'),
    window: z.object({ from: isoDate, to: isoDate }).strict(),
    queries: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'needs at least one search query'),
    subreddits: z
      .array(z.string().regex(/^(?:r\/)?[A-Za-z0-9_]{2,21}$/, 'must be a subreddit name like "stocks" or "r/stocks"'))
      .optional()
      .default([]),
    seedThreads: z.array(seedThread).optional().default([]),
    bots: z.array(z.string().regex(/^[A-Za-z0-9_-]{3,20}$/, 'must be a Reddit username')).optional().default([]),
  })
  .strict()
  .refine(
    (e) => {
      // zod still runs this after a bad date: its own issue says what is wrong, so there is no order to check
      if (findDateProblem(e.window.from) !== null || findDateProblem(e.window.to) !== null) return true;
      // compared as loaded: a date-only `to` is the end of that day, so a `from` later that day is inside it
      const window = toWindowSeconds(e.window);
      return window.from <= window.to;
    },
    { message: 'window.from must not be after window.to', path: ['window'] },
  );

export type EventFile = z.infer<typeof eventFileSchema>;
