import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FileError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';

/** The file-system calls writeFileAtomic makes; tests inject short writes and a full disk. */
export interface AtomicWriteFs {
  openSync: (path: string, flags: 'w') => number;
  /** Returns the bytes written, which may be fewer than asked (a full disk writes what fits). */
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  closeSync: (fd: number) => void;
  renameSync: (from: string, to: string) => void;
  rmSync: (path: string, options: { force: true }) => void;
}

const NODE_FS: AtomicWriteFs = { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync };

/**
 * Write via a temp file in the same directory, fsync, then rename: a reader
 * (or a crash) sees the old file or the new one, never half of one. Any failure
 * (a full disk, a read-only folder) removes the temp file, leaves the old file
 * as it was, and throws a FileError naming the path.
 */
/** A temp file's name: `.<name>.<pid>.<8 hex>.tmp`, hidden and beside its target. */
const TEMP_NAME = /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * The name of the file a temp file of writeFileAtomic was to become, or undefined when `name` is none: a process killed
 * mid-write leaves its temp file behind, and whoever owns the folder decides whether to remove it.
 */
export function readTempTarget(name: string): string | undefined {
  return TEMP_NAME.exec(name)?.[1];
}

export function writeFileAtomic(path: string, content: string | Uint8Array, fs: AtomicWriteFs = NODE_FS): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      writeAll(fs, fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, path);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path);
  } catch (cause) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // the folder refuses even that (read-only): the write's own failure is the one to report
    }
    throw toFileError(cause, 'cannot write', path);
  }
}

/** writeSync may write only part of the buffer (a disk filling up): write the rest until every byte is down. */
function writeAll(fs: AtomicWriteFs, fd: number, bytes: Uint8Array, path: string): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (!(written > 0)) throw new FileError(`cannot write ${path}: the file system took no more bytes after ${offset} of ${bytes.length}`, path);
    offset += written;
  }
}
