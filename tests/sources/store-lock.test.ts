import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('does not lock an in-memory store', () => {
    acquireStoreLock(':memory:')();
  });
});
