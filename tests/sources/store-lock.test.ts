import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LockError } from '../../src/errors/errors.js';
import { acquireStoreLock } from '../../src/store/store-lock.js';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reactionlens-lock-'));
  dirs.push(dir);
  return join(dir, 'store.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('acquireStoreLock', () => {
  it('lets one run in, refuses a second naming the holder pid, and frees on release', () => {
    const db = tempDb();
    const release = acquireStoreLock(db, { pid: 4242, isAlive: () => true });
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(4242);
    expect(() => acquireStoreLock(db, { pid: 5151, isAlive: () => true })).toThrow(LockError);
    expect(() => acquireStoreLock(db, { pid: 5151, isAlive: () => true })).toThrow(/pid 4242/);
    release();
    release(); // idempotent
    expect(existsSync(`${db}.lock`)).toBe(false);
    acquireStoreLock(db, { pid: 5151 })();
  });

  it('takes over a stale lock whose process is gone', () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: 999_999, host: hostname(), startedAt: 0 }));
    const release = acquireStoreLock(db, { pid: 7, isAlive: (pid) => pid !== 999_999 });
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(7);
    release();
  });

  it('treats a lock from another host as held', () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 0 }));
    expect(() => acquireStoreLock(db, { isAlive: () => false })).toThrow(/pid 1 on elsewhere/);
  });

  it('takes the same lock for a store named through a symlink to it or to its folder', () => {
    const db = tempDb();
    writeFileSync(db, '');
    const dir = dirname(db);
    symlinkSync(db, join(dir, 'link.db'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(dir, join(dir, 'elsewhere', 'folder-link'));
    const release = acquireStoreLock(db, { pid: 4242, isAlive: () => true });
    for (const other of [join(dir, 'link.db'), join(dir, 'elsewhere', 'folder-link', 'store.db')]) {
      expect(() => acquireStoreLock(other, { pid: 5151, isAlive: () => true }), other).toThrow(/pid 4242/);
    }
    release();
    // and the other way round: taken through the link, the real path is busy
    const viaLink = acquireStoreLock(join(dir, 'link.db'), { pid: 6161, isAlive: () => true });
    expect(() => acquireStoreLock(db, { pid: 5151, isAlive: () => true })).toThrow(/pid 6161/);
    viaLink();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('does not lock an in-memory store', () => {
    acquireStoreLock(':memory:')();
  });
});
