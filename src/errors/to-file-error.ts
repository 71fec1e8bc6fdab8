import { FileError } from './errors.js';

/**
 * Error codes that say a path or the file system it is on cannot be used as asked — full, read-only, not permitted,
 * missing, the wrong kind of file — rather than that our code is wrong.
 */
const FILE_SYSTEM_CODES = new Set([
  'ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EBUSY',
  'EMFILE', 'ENFILE', 'ENAMETOOLONG', 'ELOOP',
]);

/**
 * A Node file-system error, told by its code alone: errors from writeSync, fsyncSync or closeSync (a full disk)
 * carry no path, and are file errors all the same.
 */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && FILE_SYSTEM_CODES.has(code);
}

/**
 * A file-system failure as a FileError saying what we were doing and on which path, e.g.
 * `cannot write /srv/reports/x.html: no space left on device (ENOSPC)`; any other error is returned as it is.
 */
export function toFileError(error: unknown, doing: string, path: string): unknown {
  if (error instanceof FileError || !isFileSystemError(error)) return error;
  return new FileError(`${doing} ${path}: ${describeErrno(error)}`, path, { cause: error });
}

/** Node's "ENOSPC: no space left on device, write '/x'" as "no space left on device (ENOSPC)"; without a code, the words alone. */
export function describeErrno(error: Error & { code?: string | undefined }): string {
  const words = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message;
  return error.code === undefined ? words : `${words} (${error.code})`;
}
