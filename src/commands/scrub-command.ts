import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, jsonOption, pathFlagSchema } from '../cli/common-options.js';
import { parseOptions } from '../cli/parse-options.js';
import { summariseScrub, toScrubJson } from '../cli/summarise-scrub.js';
import { describeLockTaker, withStoreLock } from '../cli/with-store-lock.js';
import { ConfigError, FileError, LockError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';
import { scrubComparisonReports, scrubEventReports } from '../pipeline/scrub-event-reports.js';
import { withReportFolderLock } from '../report/acquire-report-folder-lock.js';
import { addScrubResult, emptyScrubResult, type ScrubResult } from '../report/scrub-report-folder.js';

const flagsSchema = z.object({
  event: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '--event must be an event id (lowercase letters, digits, single hyphens)').optional(),
  out: pathFlagSchema,
  db: pathFlagSchema.optional(),
  json: z.boolean().optional().default(false),
  forgetFolder: z.string().min(1, '--forget-folder must name a folder').optional(),
});

export function registerScrubCommand(program: Command, ctx: CliContext): void {
  program
    .command('scrub')
    .description('take quotes of comments deleted or removed on Reddit out of the report files already written')
    .option('--event <id>', "of the event folders, only this event's (default: every event folder under --out); the compare --out files, at the top of --out and in every folder the store records, are scrubbed either way")
    .option('--out <dir>', 'reports folder, as given to run and report', 'reports')
    .option('--forget-folder <dir>', 'scrub nothing: take this folder off the store\'s record of where compare --out wrote (one this user can never read), so no scrub checks it again')
    .option(...dbOption)
    .option(...jsonOption)
    .action(async (raw: unknown, command: Command) => {
      const flags = parseOptions('scrub', flagsSchema, raw);
      if (flags.forgetFolder !== undefined) {
        if (flags.event !== undefined) throw new ConfigError('scrub: --forget-folder scrubs nothing, so --event has no use with it: give one or the other');
        // refused like --event, not ignored: `--out R --forget-folder DIR` may be meant as "scrub R and forget DIR", or
        // DIR as a path inside R (it is made absolute from the current folder, as compare --out recorded it)
        if (command.getOptionValueSource('out') === 'cli') {
          throw new ConfigError('scrub: --forget-folder scrubs nothing, so --out has no use with it: give one or the other (DIR is taken as given to compare --out, from the current folder)');
        }
        await forgetComparisonFolder(ctx, flags.forgetFolder, flags);
        return;
      }
      const out = resolve(ctx.cwd, flags.out);
      // a mistyped path would otherwise be "checked" and pass: nothing would say its deleted quotes are still published
      requireFolder(out, '--out');
      const dirs = flags.event === undefined ? listEventFolders(out) : [requireFolder(join(out, flags.event), '--event')];
      // it writes the store only to note a recorded comparison folder missing, best effort: a store it cannot write is scrubbed from
      const store = ctx.openStore(flags.db, { mustExist: true, writesInPassing: true });
      // under the lock, so a run writing tonight's report into the same folder never interleaves with this
      const failed: FileError[] = [];
      const busy: LockError[] = [];
      const result = await withStoreLock(store, ctx, describeLockTaker('scrub', ctx.now()), async () => {
        const total = emptyScrubResult();
        for (const dir of dirs) {
          let one: ScrubResult;
          try {
            // a run on another store may be writing this folder: never beside it
            one = withReportFolderLock(dir, () => scrubEventReports(store, dir, ctx.now()), { warn: ctx.stderr });
          } catch (error) {
            // another run holds the folder: not one on this store (the store lock keeps those out) but one on another
            // store, which scrubs with its own store's deletions, not ours. So this folder is left unscrubbed by this
            // run: the others are still scrubbed, the exit says busy, and a later scrub must be run for this one
            if (error instanceof LockError) {
              busy.push(error);
              continue;
            }
            // one folder that cannot be read or written must not leave the deleted quotes of every later one published
            const fileError = toFileError(error, 'cannot scrub', dir);
            if (!(fileError instanceof FileError)) throw fileError;
            failed.push(fileError);
            continue;
          }
          addScrubResult(total, one);
        }
        // the comparisons `compare --out` wrote, beside the event folders or wherever the store records, quote comments too
        try {
          addScrubResult(total, scrubComparisonReports(store, out, { warn: ctx.stderr, now: ctx.now() }));
        } catch (error) {
          const fileError = toFileError(error, 'cannot scrub', out);
          if (!(fileError instanceof FileError)) throw fileError;
          failed.push(fileError);
        }
        return total;
      });
      summariseScrub(ctx, result, 'reactionlens scrub');
      if (flags.json) {
        const failures = failed.map((e) => ({ path: e.path, error: e.message }));
        ctx.stdout(`${JSON.stringify({ folders: dirs, scrubbed: toScrubJson(result), failed: failures, busy: busy.map((e) => e.message), partial: ctx.partialReasons() }, null, 2)}\n`);
      } else {
        const elsewhere = result.comparisonFolders.length;
        ctx.stderr(
          `reactionlens scrub: ${dirs.length - failed.length - busy.length} folder(s) checked` +
            `${elsewhere > 0 ? `, and the comparison files in ${elsewhere} other folder(s) \`compare --out\` wrote into` : ''}, ${result.files.length} file(s) rewritten\n`,
        );
        for (const path of result.files) ctx.stdout(`${path}\n`);
      }
      // the file error decides the exit, and its message is the one printed: name the busy folders first, or only
      // --json would tell that they were left unscrubbed
      if (failed.length > 0 && !flags.json) for (const error of busy) ctx.stderr(`reactionlens scrub: busy, not scrubbed: ${error.message}\n`);
      if (failed.length > 0) throw describeFailedFolders(failed);
      if (busy.length > 0) throw busy.length === 1 ? busy[0]! : new LockError(busy.map((e) => e.message).join('; '));
    });
}

/**
 * `scrub --forget-folder DIR`: the remedy for a recorded folder that can never be read (another user's), which would
 * otherwise make every night partial. DIR is made absolute as `compare --out` recorded it; one not on the record is a
 * usage error naming those that are, since a mistyped path would otherwise pass as forgotten.
 */
async function forgetComparisonFolder(ctx: CliContext, given: string, flags: { db?: string | undefined; json: boolean }): Promise<void> {
  const path = resolve(ctx.cwd, given);
  const store = ctx.openStore(flags.db, { mustExist: true });
  await withStoreLock(store, ctx, describeLockTaker('scrub --forget-folder', ctx.now()), async () => {
    if (store.forgetComparisonFolder(path)) return;
    const recorded = store.listComparisonFolders().map((folder) => folder.path);
    throw new ConfigError(
      `scrub --forget-folder: ${path} is not a folder the store records \`compare --out\` writing into; ` +
        (recorded.length === 0 ? 'it records none' : `it records: ${recorded.join(', ')}`),
    );
  });
  if (flags.json) ctx.stdout(`${JSON.stringify({ forgotten: path }, null, 2)}\n`);
  ctx.stderr(`reactionlens scrub: ${path} taken off the record of folders \`compare --out\` wrote into: no scrub checks the comparison files in it any more (a \`compare --out\` into it records it again)\n`);
}

function describeFailedFolders(failed: readonly FileError[]): FileError {
  const first = failed[0];
  if (failed.length === 1 && first !== undefined) return first;
  return new FileError(`${failed.length} folders could not be scrubbed: ${failed.map((e) => e.message).join('; ')}`, first?.path ?? '');
}

function requireFolder(path: string, flag: string): string {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw toFileError(cause, 'cannot read', path);
    throw new ConfigError(`${flag}: no folder ${path} (check the event id and --out)`);
  }
  if (!isFolder) throw new ConfigError(`${flag}: ${path} is not a folder`);
  return path;
}

function listEventFolders(out: string): string[] {
  try {
    return readdirSync(out)
      .filter((name) => !name.startsWith('.') && statSync(join(out, name)).isDirectory())
      .sort()
      .map((name) => join(out, name));
  } catch (cause) {
    throw toFileError(cause, 'cannot read', out);
  }
}
