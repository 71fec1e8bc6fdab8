import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors/errors.js';
import { isFileSystemError, toFileError } from '../../src/errors/to-file-error.js';

const errno = (code: string, message: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(message), { code, ...(path === undefined ? {} : { path }) });

describe('isFileSystemError / toFileError', () => {
  it.each([
    ['ENOSPC', 'ENOSPC: no space left on device, write'],
    ['EDQUOT', 'EDQUOT: disk quota exceeded, write'],
    ['EROFS', 'EROFS: read-only file system, write'],
    ['EACCES', 'EACCES: permission denied, write'],
    ['EIO', 'EIO: i/o error, fsync'],
  ])('tells a file error by its code alone, also without a path (writeSync, fsyncSync): %s', (code, message) => {
    const error = errno(code, message);
    expect(isFileSystemError(error)).toBe(true);
    const wrapped = toFileError(error, 'cannot write', '/srv/reports/x.html');
    expect(wrapped).toBeInstanceOf(FileError);
    expect((wrapped as FileError).path).toBe('/srv/reports/x.html');
    expect((wrapped as FileError).message).toBe(`cannot write /srv/reports/x.html: ${message.slice(code.length + 2, message.lastIndexOf(','))} (${code})`);
    expect((wrapped as FileError).cause).toBe(error);
  });

  it('leaves other errors as they are', () => {
    const bug = new TypeError('x is undefined');
    expect(isFileSystemError(bug)).toBe(false);
    expect(toFileError(bug, 'cannot write', '/x')).toBe(bug);
    const pipe = errno('EPIPE', 'EPIPE: broken pipe, write');
    expect(toFileError(pipe, 'cannot write', '/x')).toBe(pipe);
    const already = new FileError('cannot write /x: full', '/x');
    expect(toFileError(already, 'cannot create', '/y')).toBe(already);
  });
});
