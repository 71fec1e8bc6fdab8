import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toFileError } from '../errors/to-file-error.js';

/**
 * Creates `dir` (and its parents) and checks that a file can be created in it, by writing and removing an empty
 * probe file. `run` calls it before collecting, so a read-only or missing reports folder fails the night at once
 * instead of after the whole collection. Throws a FileError naming the folder (`what`, e.g. "reports folder") and
 * the real cause.
 */
export function ensureWritableDir(dir: string, what = 'folder'): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw toFileError(findMkdirCause(dir, error), `cannot create the ${what}`, dir);
  }
  const probe = join(dir, `.reactionlens-probe.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, '');
  } catch (error) {
    throw toFileError(error, `cannot write in the ${what}`, dir);
  }
  try {
    rmSync(probe, { force: true });
  } catch {
    // created but not removable: an empty dotfile left behind is no reason to fail the run
  }
}

/**
 * Node's recursive mkdir answers ENOENT, naming the folder asked for, when the first missing folder cannot be
 * created (a read-only file system, no permission): creating that folder on its own tells the real cause.
 */
function findMkdirCause(dir: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  let missing = dir;
  while (dirname(missing) !== missing && !existsSync(dirname(missing))) missing = dirname(missing);
  try {
    mkdirSync(missing);
  } catch (cause) {
    return cause;
  }
  return error;
}
