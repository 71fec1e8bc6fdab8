import * as nodeFs from 'node:fs';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors/errors.js';
import { writeFileAtomic, type AtomicWriteFs } from '../../src/report/write-file-atomic.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('reactionlens-atomic-');

const REAL: AtomicWriteFs = {
  openSync: (path, flags) => nodeFs.openSync(path, flags),
  writeSync: (fd, buffer, offset, length) => nodeFs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (from, to) => nodeFs.renameSync(from, to),
  rmSync: (path, options) => nodeFs.rmSync(path, options),
};

/** A disk with `room` bytes left: each write takes at most `chunk` bytes, then what fits, then fails with ENOSPC. */
function fillingDisk(room: number, chunk = 4096): AtomicWriteFs {
  let left = room;
  return {
    ...REAL,
    writeSync: (fd, buffer, offset, length) => {
      if (left === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      const n = Math.min(length, chunk, left);
      left -= n;
      return REAL.writeSync(fd, buffer, offset, n);
    },
  };
}

const CONTENT = `<html>${'x'.repeat(29_000)}</html>\n`;

describe('writeFileAtomic', () => {
  it('writes every byte when each write takes only part of the buffer', () => {
    const path = join(makeDir(), 'r.html');
    writeFileAtomic(path, CONTENT, fillingDisk(Number.MAX_SAFE_INTEGER, 1000));
    expect(readFileSync(path, 'utf8')).toBe(CONTENT);
  });

  it('on a full disk throws a FileError naming the file, removes the temp file and leaves the old file as it was', () => {
    const dir = makeDir();
    const path = join(dir, 'r.html');
    writeFileSync(path, 'the old report\n');
    let thrown: unknown;
    try {
      writeFileAtomic(path, CONTENT, fillingDisk(16_384));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FileError);
    expect((thrown as FileError).path).toBe(path);
    expect((thrown as Error).message).toBe(`cannot write ${path}: no space left on device (ENOSPC)`);
    expect(readFileSync(path, 'utf8')).toBe('the old report\n');
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it('a write that makes no progress is a FileError, not an endless loop', () => {
    const dir = makeDir();
    const path = join(dir, 'r.md');
    expect(() => writeFileAtomic(path, CONTENT, { ...REAL, writeSync: () => 0 })).toThrow(FileError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a read-only folder is a FileError naming the file', () => {
    const path = join(makeDir(), 'r.md');
    const readOnly: AtomicWriteFs = {
      ...REAL,
      openSync: (p) => {
        throw Object.assign(new Error(`EROFS: read-only file system, open '${p}'`), { code: 'EROFS', syscall: 'open', path: p });
      },
    };
    expect(() => writeFileAtomic(path, CONTENT, readOnly)).toThrow(`cannot write ${path}: read-only file system (EROFS)`);
  });
});
