import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors/errors.js';
import { ensureWritableDir } from '../../src/report/ensure-writable-dir.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('reactionlens-writable-');

describe('ensureWritableDir', () => {
  it('creates the folder and the folders between it and the root, and leaves no probe file behind', () => {
    const root = makeDir();
    ensureWritableDir(join(root, 'reports', 'ev'), 'reports folder', join(root, 'reports'));
    ensureWritableDir(join(root, 'reports', 'ev'), 'reports folder', join(root, 'reports')); // again: it exists
    expect(readdirSync(join(root, 'reports', 'ev'))).toEqual([]);
    ensureWritableDir(join(root, 'comparisons'));
    expect(readdirSync(join(root, 'comparisons'))).toEqual([]);
  });

  it("does not create the folders above the root (a typo in --out): a FileError naming the root and its missing parent", () => {
    const base = makeDir();
    const root = join(base, 'typo', 'reports');
    const message = `cannot create the reports folder ${root}: its parent folder ${join(base, 'typo')} does not exist (ENOENT)`;
    expect(() => ensureWritableDir(join(root, 'ev'), 'reports folder', root)).toThrow(FileError);
    expect(() => ensureWritableDir(join(root, 'ev'), 'reports folder', root)).toThrow(message);
    expect(() => ensureWritableDir(join(base, 'typo', 'comparisons'))).toThrow(`cannot create the folder ${join(base, 'typo', 'comparisons')}: its parent folder`);
    expect(readdirSync(base)).toEqual([]);
  });

  it('a --out that is a link to a folder that does not exist is named as such, not as a bare EEXIST', () => {
    const base = makeDir();
    const root = join(base, 'dangling');
    symlinkSync(join(base, 'nowhere', 'reports'), root);
    expect(() => ensureWritableDir(join(root, 'ev'), 'reports folder', root)).toThrow(FileError);
    expect(() => ensureWritableDir(join(root, 'ev'), 'reports folder', root)).toThrow(`cannot create the reports folder ${root}: it is a link to ${join(base, 'nowhere', 'reports')}, which does not exist`);
  });

  it('its undo removes the folders it created, still empty, and nothing else', () => {
    const base = makeDir();
    const root = join(base, 'reports');
    ensureWritableDir(join(root, 'ev', 'deeper'), 'reports folder', root)();
    expect(readdirSync(base)).toEqual([]);
    mkdirSync(join(root, 'other'), { recursive: true });
    ensureWritableDir(join(root, 'ev', 'deeper'), 'reports folder', root)();
    expect(readdirSync(root)).toEqual(['other']);
    const undo = ensureWritableDir(join(root, 'ev'), 'reports folder', root);
    writeFileSync(join(root, 'ev', 'night.md'), 'x');
    undo();
    expect(readdirSync(join(root, 'ev'))).toEqual(['night.md']);
    ensureWritableDir(join(root, 'ev'), 'reports folder', root)(); // it existed: left as it is
    expect(readdirSync(root).sort()).toEqual(['ev', 'other']);
  });

  it('a file where a folder is needed is a FileError naming the folder and the cause', () => {
    const root = makeDir();
    writeFileSync(join(root, 'a-file'), 'x');
    const dir = join(root, 'a-file', 'ev');
    expect(() => ensureWritableDir(dir, 'reports folder')).toThrow(FileError);
    expect(() => ensureWritableDir(dir, 'reports folder')).toThrow(`cannot create the reports folder ${dir}: not a directory (ENOTDIR)`);
  });
});
