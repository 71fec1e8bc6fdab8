import type { ScrubResult } from '../report/scrub-report-folder.js';
import type { CliContext } from './cli-context.js';

/** What a scrub of report folders did, on stderr; silent when it found nothing to do. */
export function summariseScrub(ctx: CliContext, scrubbed: ScrubResult, prefix: string): void {
  if (scrubbed.files.length > 0) {
    ctx.stderr(
      `${prefix}: scrubbed ${scrubbed.files.length} earlier report file(s): ${scrubbed.quotesRemoved} quote(s) of comments deleted or removed on Reddit taken out` +
        `${scrubbed.titlesRemoved > 0 ? `, and ${scrubbed.titlesRemoved} title(s) of submissions deleted or removed (in words or as a link's slug)` : ''}\n`,
    );
  }
  if (scrubbed.staleTempFiles.length > 0) {
    ctx.stderr(`${prefix}: removed ${scrubbed.staleTempFiles.length} temp file(s) a killed write left in the reports folder (report text no manifest lists): ${scrubbed.staleTempFiles.join(', ')}\n`);
  }
  for (const path of scrubbed.unreadable) {
    ctx.stderr(`${prefix}: warning: ${path} is not a report reactionlens can read (damaged, not written by reactionlens, or not readable or writable by this user), so it was not checked for quotes of deleted comments\n`);
  }
  for (const path of scrubbed.stillQuoting) {
    ctx.stderr(`${prefix}: warning: ${path} still names a comment deleted or removed on Reddit after the scrub (edited by hand?), so it was not checked clean; the next scrub tries again\n`);
  }
  for (const path of scrubbed.stillTitled) {
    ctx.stderr(`${prefix}: warning: ${path} still shows the title of a submission deleted or removed on Reddit (in words or as a link's slug) after the scrub (edited by hand?), so it was not checked clean; the next scrub tries again\n`);
  }
  for (const dir of scrubbed.busyFolders) {
    ctx.stderr(`${prefix}: warning: another reactionlens run was writing ${dir}, so the comparison files in it were not checked for quotes of deleted comments; the next scrub checks them\n`);
  }
  for (const dir of scrubbed.unreadableFolders) {
    ctx.stderr(`${prefix}: warning: ${dir}, a folder \`compare --out\` wrote comparisons into, cannot be read or written by this user, so the comparison files in it were not checked for quotes of deleted comments; the next scrub tries again (if it never can, as for another user's folder, \`reactionlens scrub --forget-folder ${dir}\` takes it off the record)\n`);
  }
  const notChecked = scrubbed.unreadable.length + new Set([...scrubbed.stillQuoting, ...scrubbed.stillTitled]).size;
  // cron only sees the exit code: a report that may still quote a deleted comment must not pass as a clean night
  if (notChecked > 0) ctx.markPartial(`${notChecked} report file(s) not checked for quotes of deleted or removed comments`);
  if (scrubbed.unreadableFolders.length > 0) ctx.markPartial(`${scrubbed.unreadableFolders.length} folder(s) of comparison files not checked (cannot be read)`);
  if (scrubbed.busyFolders.length > 0) ctx.markPartial(`${scrubbed.busyFolders.length} folder(s) of comparison files not checked (another run was writing them)`);
}

/** The scrub as --json reports it: paths rewritten, quotes taken out, files and folders that could not be checked or still name a gone comment. */
export function toScrubJson(scrubbed: ScrubResult): {
  files: number;
  quotesRemoved: number;
  titlesRemoved: number;
  paths: string[];
  unreadable: string[];
  stillQuoting: string[];
  stillTitled: string[];
  staleTempFiles: string[];
  busyFolders: string[];
  unreadableFolders: string[];
  comparisonFolders: string[];
} {
  return {
    files: scrubbed.files.length,
    quotesRemoved: scrubbed.quotesRemoved,
    titlesRemoved: scrubbed.titlesRemoved,
    paths: scrubbed.files,
    unreadable: scrubbed.unreadable,
    stillQuoting: scrubbed.stillQuoting,
    stillTitled: scrubbed.stillTitled,
    staleTempFiles: scrubbed.staleTempFiles,
    busyFolders: scrubbed.busyFolders,
    unreadableFolders: scrubbed.unreadableFolders,
    comparisonFolders: scrubbed.comparisonFolders,
  };
}
