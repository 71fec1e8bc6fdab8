import type { ScrubResult } from '../report/scrub-report-folder.js';
import type { CliContext } from './cli-context.js';

/** What a scrub of report folders did, on stderr; silent when it found nothing to do. */
export function summariseScrub(ctx: CliContext, scrubbed: ScrubResult, prefix: string): void {
  if (scrubbed.files.length > 0) {
    ctx.stderr(
      `${prefix}: scrubbed ${scrubbed.files.length} earlier report file(s): ${scrubbed.quotesRemoved} quote(s) of comments deleted or removed on Reddit taken out\n`,
    );
  }
  for (const path of scrubbed.unreadable) {
    ctx.stderr(`${prefix}: warning: ${path} is not a report reactionlens can read, so it was not checked for quotes of deleted comments\n`);
  }
}

/** The scrub as --json reports it: paths rewritten, quotes taken out, files that could not be checked. */
export function toScrubJson(scrubbed: ScrubResult): { files: number; quotesRemoved: number; paths: string[]; unreadable: string[] } {
  return { files: scrubbed.files.length, quotesRemoved: scrubbed.quotesRemoved, paths: scrubbed.files, unreadable: scrubbed.unreadable };
}
