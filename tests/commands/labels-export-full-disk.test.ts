import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { cli } from '../helpers/run-cli.js';
import { saveOneCommentStore } from '../helpers/save-one-comment-store.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('rl-export-full-');

// writeSync as on a disk that fills up during the write: the first bytes go down, then ENOSPC
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, ...rest: never[]) => {
    if (!disk.full) return fs.writeSync(fd, buffer, offset, length, ...rest);
    if ((offset ?? 0) === 0) return fs.writeSync(fd, buffer, 0, 10);
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
  }) as typeof fs.writeSync;
  return { ...fs, writeSync, default: { ...fs, writeSync } };
});

afterEach(() => {
  disk.full = false;
});

describe('labels export --out on a full disk', () => {
  it('keeps the previous export whole, leaves no partial file and names the file in a file error (exit 3)', async () => {
    const dir = makeDir();
    const db = saveOneCommentStore(dir);
    expect((await cli(['label', 'c1', '--cynicism', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    const out = join(dir, 'labels.jsonl');
    writeFileSync(out, '{"id":"earlier export"}\n');

    disk.full = true;
    const result = await cli(['labels', 'export', '--db', db, '--out', 'labels.jsonl'], { cwd: dir });
    disk.full = false;
    expect(result.code).toBe(EXIT.source);
    expect(result.stderr).toContain(`file error: cannot write ${out}: no space left on device (ENOSPC)`);
    expect(readFileSync(out, 'utf8')).toBe('{"id":"earlier export"}\n');
    expect(readdirSync(dir).filter((f) => f.includes('labels.jsonl'))).toEqual(['labels.jsonl']);
  });
});
