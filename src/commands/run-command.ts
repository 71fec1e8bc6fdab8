import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { addCollectOptions, executeCollection } from '../cli/execute-collection.js';
import { collectFlagsSchema, pathFlagSchema } from '../cli/common-options.js';
import { formatListSchema, parseOptions } from '../cli/parse-options.js';
import { REPORT_FORMATS } from '../report/write-report.js';
import { redactRun } from '../errors/redact-secrets.js';
import { summariseScrub, toScrubJson } from '../cli/summarise-scrub.js';

const runFlagsSchema = collectFlagsSchema.extend({
  out: pathFlagSchema,
  format: formatListSchema(['md', 'json', 'csv', 'html']),
  withAuthors: z.boolean().optional().default(false),
});

export function registerRunCommand(program: Command, ctx: CliContext): void {
  addCollectOptions(
    program.command('run').description('the nightly job: collect → tag → report for one event, recorded as a run'),
  )
    .option('--out <dir>', 'reports folder, created if missing inside an existing folder; the report goes to <dir>/<event>/<YYYY-MM-DD>.*', 'reports')
    .option('--format <list>', `report formats, comma-separated: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .option('--with-authors', 'show usernames in quotes, and the names of users they mention (off by default: attribution is subreddit + permalink, mentions read u/[user], @[user])')
    .action(async (raw: unknown) => {
      const flags = parseOptions('run', runFlagsSchema, raw);
      const result = await executeCollection(ctx, flags, {
        reportsDir: resolve(ctx.cwd, flags.out),
        formats: flags.format,
        withAuthors: flags.withAuthors,
      });
      summariseScrub(ctx, result.scrubbed, 'reactionlens run');
      if (flags.json) {
        ctx.stdout(`${JSON.stringify({ run: redactRun(result.run), reports: result.reportPaths, scrubbed: toScrubJson(result.scrubbed), partial: ctx.partialReasons() }, null, 2)}\n`);
        return;
      }
      ctx.stderr('report written:\n');
      for (const path of result.reportPaths) ctx.stdout(`${path}\n`);
    });
}
