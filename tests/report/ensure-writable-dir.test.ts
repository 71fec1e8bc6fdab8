import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors/errors.js';
import { ensureWritableDir } from '../../src/report/ensure-writable-dir.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('reactionlens-writable-');

describe('ensureWritableDir', () => {
  it('creates the folder and its parents and leaves no probe file behind', () => {
    const root = makeDir();
    ensureWritableDir(join(root, 'reports', 'ev'));
    ensureWritableDir(join(root, 'reports', 'ev')); // again: it exists
    expect(readdirSync(join(root, 'reports', 'ev'))).toEqual([]);
  });

  it('a file where a folder is needed is a FileError naming the folder and the cause', () => {
    const root = makeDir();
    writeFileSync(join(root, 'a-file'), 'x');
    const dir = join(root, 'a-file', 'ev');
    expect(() => ensureWritableDir(dir, 'reports folder')).toThrow(FileError);
    expect(() => ensureWritableDir(dir, 'reports folder')).toThrow(`cannot create the reports folder ${dir}: not a directory (ENOTDIR)`);
  });
});
