import { z } from 'zod';
import { numberFlagSchema } from './number-flag-schema.js';
import { SOURCE_NAMES } from './parse-options.js';

// Options several commands share, declared once so their help texts and checks agree.
export const dbOption = ['--db <path>', 'SQLite store (default: $REACTIONLENS_DB or data/reactionlens.db)'] as const;
export const eventsDirOption = ['--events-dir <dir>', 'folder of event JSON files', 'events'] as const;
export const jsonOption = ['--json', 'machine-readable JSON on stdout, an {"error": …} object if it fails (logs stay on stderr)'] as const;
export const sourceOption = ['--source <name>', `where to collect from: ${SOURCE_NAMES.join(' | ')}`, 'reddit'] as const;
export const fixturesOption = ['--fixtures <dir>', 'recorded responses for --source fixtures', 'fixtures'] as const;

/**
 * A folder or file flag. An empty value is refused rather than read as the working directory: `--out "$REPORTS"` with
 * the variable unset (a typo in a cron line) would otherwise write the reports, or look for the store, in whatever
 * folder cron started in, where no one looks.
 */
export const pathFlagSchema = z.string().refine((path) => path.trim().length > 0, {
  error: 'is empty: give a path, or leave the flag out for its default (an unset shell variable gives an empty value)',
});

export const collectFlagsSchema = z.object({
  event: z.string({ error: 'missing --event <id>' }).min(1),
  source: z.enum(SOURCE_NAMES),
  db: pathFlagSchema.optional(),
  eventsDir: pathFlagSchema,
  fixtures: pathFlagSchema,
  json: z.boolean().optional().default(false),
  quiet: z.boolean().optional().default(false),
  concurrency: numberFlagSchema({ min: 1, max: 8, whole: true }).optional().default(4),
  recheck: z.boolean().optional().default(true),
});
