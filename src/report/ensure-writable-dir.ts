import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';

/**
 * Creates `dir` when missing and checks that a file can be created in it, by writing and removing an empty probe
 * file. `run` calls it before collecting, so a read-only or unusable reports folder fails the night at once instead
 * of after the whole collection. Throws a FileError naming the folder (`what`, e.g. "reports folder") and the real
 * cause.
 *
 * `root` is the folder the user named (`--out`), `dir` itself or a folder inside it (`<out>/<event>`). The folders
 * from `root` down are created, but not the folders above `root`: its parent must exist. A cron line with a typo in
 * its `--out` (`/srv/reactionlens/reprots`) would otherwise write every night's report into a new tree no one looks
 * at, with exit 0; a first run into `reports/` still creates it.
 *
 * Returns an undo: it removes the folders this call created, those still empty, for a caller whose next step fails
 * before anything is written there (`run` checks its reports folder before it opens the store, and a store refused
 * must not leave a new empty reports folder behind either).
 */
export function ensureWritableDir(dir: string, what = 'folder', root = dir): () => void {
  let top: string | undefined;
  try {
    const createdRoot = createRoot(root, what);
    const created = mkdirSync(dir, { recursive: true });
    top = createdRoot ? root : created;
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
  return () => removeCreated(dir, top);
}

/** From `dir` up to `top`, the first folder created: each still empty is removed (rmdir refuses any other). */
function removeCreated(dir: string, top: string | undefined): void {
  if (top === undefined) return;
  for (let folder = dir; ; folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
    if (folder === top || dirname(folder) === folder) return;
  }
}

/**
 * Creates `root` alone, when missing: a missing parent (ENOENT, the one cause a non-recursive mkdir gives it) is named.
 * True when this call created it.
 */
function createRoot(root: string, what: string): boolean {
  if (existsSync(root)) return false;
  try {
    mkdirSync(root);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new FileError(`cannot create the ${what} ${root}: its parent folder ${dirname(root)} does not exist (ENOENT)`, root, { cause: error });
    }
    if (code !== 'EEXIST') throw error;
    // a link whose target is gone exists to mkdir and not to existsSync: name the link, not a bare EEXIST further down
    const target = danglingLinkTarget(root);
    if (target !== null) throw new FileError(`cannot create the ${what} ${root}: it is a link to ${target}, which does not exist`, root, { cause: error });
    // another process created it in the meantime: fine
    return false;
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

/** The target of `path` when it is a symbolic link to nothing, else null. */
function danglingLinkTarget(path: string): string | null {
  try {
    if (!lstatSync(path).isSymbolicLink() || existsSync(path)) return null;
    return readlinkSync(path);
  } catch {
    return null;
  }
}
