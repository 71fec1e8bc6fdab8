import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import { cli as runCliInProcess, type CliResult } from '../helpers/run-cli.js';

// A disk that fills up and a read-only folder, without mounting anything: node:fs as the code under test sees it
// behaves as Linux does for files under `disk.full` (writes take what fits, then ENOSPC) and `disk.readOnly`
// (EROFS; a recursive mkdir there reports ENOENT, as Node's does on a read-only mount).
const disk = vi.hoisted(() => ({ full: null as string | null, room: 0, readOnly: null as string | null, fds: new Set<number>() }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const under = (path: unknown, root: string | null): boolean =>
    root !== null && typeof path === 'string' && (path === root || path.startsWith(`${root}/`));
  const fail = (code: string, words: string, syscall: string, path?: string): Error =>
    Object.assign(new Error(`${code}: ${words}, ${syscall}${path === undefined ? '' : ` '${path}'`}`), { code, syscall, ...(path === undefined ? {} : { path }) });
  const mocked = {
    ...fs,
    mkdirSync: ((path: string, options?: { recursive?: boolean }) => {
      if (under(path, disk.readOnly) && !fs.existsSync(path)) {
        throw options?.recursive === true ? fail('ENOENT', 'no such file or directory', 'mkdir', path) : fail('EROFS', 'read-only file system', 'mkdir', path);
      }
      return fs.mkdirSync(path, options);
    }) as typeof fs.mkdirSync,
    openSync: ((path: string, flags?: string, mode?: number) => {
      if (under(path, disk.readOnly) && flags !== undefined && flags !== 'r') throw fail('EROFS', 'read-only file system', 'open', path);
      const fd = fs.openSync(path, flags ?? 'r', mode);
      if (under(path, disk.full)) disk.fds.add(fd);
      return fd;
    }) as typeof fs.openSync,
    writeFileSync: ((path: string, ...rest: Parameters<typeof fs.writeFileSync> extends [unknown, ...infer R] ? R : never) => {
      if (under(path, disk.readOnly)) throw fail('EROFS', 'read-only file system', 'open', path);
      return fs.writeFileSync(path, ...rest);
    }) as typeof fs.writeFileSync,
    writeSync: ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      if (!disk.fds.has(fd)) return fs.writeSync(fd, buffer, offset, length);
      if (disk.room === 0) throw fail('ENOSPC', 'no space left on device', 'write');
      const start = offset ?? 0;
      const n = Math.min(length ?? buffer.length - start, disk.room);
      disk.room -= n;
      return fs.writeSync(fd, buffer, start, n);
    }) as typeof fs.writeSync,
  };
  return { ...mocked, default: mocked };
});

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';

async function cli(args: string[]): Promise<CliResult> {
  return runCliInProcess(args, { cwd: ROOT });
}

describe('run when the report cannot be written', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-write-failures-'));
  });
  afterEach(() => {
    disk.full = null;
    disk.readOnly = null;
    disk.fds.clear();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a disk that fills up mid-report: exit 3, a file error naming the file, the old file kept, no temp file, the run recorded as failed', async () => {
    const db = join(dir, 'full.db');
    const out = join(dir, 'full-out');
    const args = ['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--format', 'md,json,html', '--quiet'];
    const first = await cli(args);
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const eventDir = join(out, EVENT);
    const html = readdirSync(eventDir).find((f) => f.endsWith('.html'))!;
    const md = readdirSync(eventDir).find((f) => f.endsWith('.md'))!;
    writeFileSync(join(eventDir, html), 'the old report\n');
    const mdBytes = readFileSync(join(eventDir, md)).length;

    // room for the Markdown and part of the JSON: the JSON's writes come up short, then the disk is full
    disk.full = out;
    disk.room = mdBytes + 10_000;
    const result = await cli(args);
    expect(result.code, result.stderr).toBe(EXIT.source);
    expect(result.stderr).toMatch(new RegExp(`^reactionlens: file error: cannot write ${eventDir}/\\S+\\.json: no space left on device \\(ENOSPC\\)$`, 'm'));
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(join(eventDir, html), 'utf8')).toBe('the old report\n');
    expect(readdirSync(eventDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const store = Store.open(db);
    try {
      const last = store.listRuns(EVENT).runs.at(-1)!;
      expect(last.status).toBe('failed');
      expect(last.finishedAt).not.toBeNull();
      expect(last.errors.join('\n')).toMatch(/report not written: cannot write .*\.json: no space left on device/);
    } finally {
      store.close();
    }
  });

  it.each([
    ['a read-only --out folder', false, 'cannot create the reports folder'],
    ['a read-only --out folder that already holds the event folder', true, 'cannot write in the reports folder'],
  ])('%s fails before collecting, naming the folder and the real cause (EROFS), exit 3', async (_name, eventDirExists, words) => {
    const out = join(dir, `ro-out-${String(eventDirExists)}`);
    mkdirSync(eventDirExists ? join(out, EVENT) : out, { recursive: true });
    disk.readOnly = out;
    const db = join(dir, `ro-${String(eventDirExists)}.db`);
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(EXIT.source);
    expect(result.stderr).toBe(`reactionlens: file error: ${words} ${join(out, EVENT)}: read-only file system (EROFS)\n`);
    // nothing was collected: the run failed fast
    const store = Store.open(db);
    try {
      expect(store.listThreads(EVENT)).toEqual([]);
      expect(store.listRuns(EVENT).runs).toEqual([]);
    } finally {
      store.close();
    }
  });
});
