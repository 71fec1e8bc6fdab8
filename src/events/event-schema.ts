import { z } from 'zod';

const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO date (2025-12-16) or date-time with zone (2025-12-16T00:00:00Z)',
  });

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
    window: z.object({ from: isoDate, to: isoDate }),
    queries: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'needs at least one search query'),
    subreddits: z
      .array(z.string().regex(/^(?:r\/)?[A-Za-z0-9_]{2,21}$/, 'must be a subreddit name like "stocks" or "r/stocks"'))
      .optional()
      .default([]),
    seedThreads: z.array(seedThread).optional().default([]),
    bots: z.array(z.string().regex(/^[A-Za-z0-9_-]{3,20}$/, 'must be a Reddit username')).optional().default([]),
  })
  .strict()
  .refine((e) => Date.parse(e.window.from) <= Date.parse(e.window.to), {
    message: 'window.from must not be after window.to',
    path: ['window'],
  });

export type EventFile = z.infer<typeof eventFileSchema>;
