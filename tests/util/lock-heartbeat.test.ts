import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { withStoreLock } from '../../src/cli/with-store-lock.js';
import { LockError } from '../../src/errors/errors.js';
import { acquireReportFolderLock, REPORT_FOLDER_LOCK } from '../../src/report/acquire-report-folder-lock.js';
import { acquireStoreLock } from '../../src/store/store-lock.js';
import { Store } from '../../src/store/store.js';
import { LOCK_HEARTBEAT_MS, LOCK_STALE_AFTER_MS } from '../../src/util/take-lock-file.js';
import { cli } from '../helpers/run-cli.js';

// The heartbeat: a holder refreshes its lock's mtime, so a lock left by a container killed mid-run (another hostname,
// another PID namespace: its pid cannot be checked) is taken over once it has gone unrefreshed past the stale limit.

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'reactionlens-heartbeat-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 0, 10, 2, 15);
/** A lock written by a reactionlens with the heartbeat, in last night's container. */
const containerLock = (fields: Record<string, unknown> = {}): string =>
  JSON.stringify({ pid: 1, host: 'old-container-3f2a', startedAt: T0, bootId: 'boot-1', processStart: '5', pidNamespace: 'pid:[4026532001]', heartbeatMs: LOCK_HEARTBEAT_MS, ...fields });
/** Writes `text` as the lock at `path`, last refreshed at `mtimeMs`. */
const placeLock = (path: string, text: string, mtimeMs: number): void => {
  writeFileSync(path, text);
  utimesSync(path, new Date(mtimeMs), new Date(mtimeMs));
};
/** A timer the test fires itself; `stopped` once the holder stops it. */
const manualTimer = () => {
  const timer = { tick: undefined as (() => void) | undefined, intervalMs: 0, stopped: false };
  const startTimer = (intervalMs: number, tick: () => void): (() => void) => {
    timer.intervalMs = intervalMs;
    timer.tick = tick;
    return () => void (timer.stopped = true);
  };
  return { timer, startTimer };
};
const here = { pid: 7, isAlive: () => false, processStartOf: () => '9', bootId: () => 'boot-1', pidNamespace: () => 'pid:[4026531836]' };

describe('a lock whose holder cannot be checked (another host, another container): its heartbeat decides', () => {
  it('a fresh one from another host is refused, saying when it will be taken over if not refreshed', () => {
    const db = join(tempDir(), 'store.db');
    placeLock(`${db}.lock`, containerLock(), T0 + 60_000);
    const attempt = () => acquireStoreLock(db, { ...here, now: () => T0 + 4 * 60_000 });
    expect(attempt).toThrow(LockError);
    expect(attempt).toThrow(`locked by a reactionlens run on another host (pid 1 on old-container-3f2a`);
    expect(attempt).toThrow(
      `It was last refreshed 3 min ago (2026-01-10T02:16:00.000Z); unless it is refreshed again, it is taken to be gone and taken over after 2026-01-10T02:31:00.000Z (15 min after its last refresh).`,
    );
    expect(attempt).toThrow(`remove ${db}.lock and run again`);
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(1);
  });

  it('one refreshed "in the future" (a clock ahead of ours) is fresh', () => {
    const db = join(tempDir(), 'store.db');
    placeLock(`${db}.lock`, containerLock(), T0 + 3_600_000);
    const attempt = () => acquireStoreLock(db, { ...here, now: () => T0 });
    expect(attempt).toThrow(/last refreshed in the future by this host's clock \(2026-01-10T03:15:00.000Z\)/);
  });

  it('one from another host past the stale limit is taken over, with one stderr line naming the holder and its silence', () => {
    const db = join(tempDir(), 'store.db');
    placeLock(`${db}.lock`, containerLock(), T0);
    const lines: string[] = [];
    const release = acquireStoreLock(db, { ...here, now: () => T0 + LOCK_STALE_AFTER_MS + 5 * 60_000, warn: (l) => lines.push(l), startTimer: manualTimer().startTimer });
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8'))).toMatchObject({ pid: 7, host: hostname(), heartbeatMs: LOCK_HEARTBEAT_MS });
    expect(lines).toEqual([
      `reactionlens: took over the lock ${db}.lock from pid 1 on old-container-3f2a, started 2026-01-10T02:15:00.000Z, namespace pid:[4026532001]: ` +
        'it cannot be checked from here and was last refreshed 20 min ago (15 min without a refresh: its run is taken to be gone, e.g. a container killed mid-run)\n',
    ]);
    release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('one from another PID namespace on this host past the stale limit is taken over; one just inside the limit is not', () => {
    const db = join(tempDir(), 'store.db');
    const sameHost = containerLock({ host: hostname(), pid: 4242 });
    placeLock(`${db}.lock`, sameHost, T0);
    const lines: string[] = [];
    const options = { ...here, isAlive: () => true, warn: (l: string) => lines.push(l), startTimer: manualTimer().startTimer };
    expect(() => acquireStoreLock(db, { ...options, now: () => T0 + LOCK_STALE_AFTER_MS })).toThrow(/another PID namespace on this host .*taken over after 2026-01-10T02:30:00.000Z/);
    const release = acquireStoreLock(db, { ...options, now: () => T0 + LOCK_STALE_AFTER_MS + 1_000 });
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(7);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^reactionlens: took over the lock .* from pid 4242 on .*, namespace pid:\[4026532001\]: .*last refreshed 15 min ago/);
    release();
    // in our own namespace the pid decides, as before, however old the heartbeat: a suspended laptop keeps its lock
    placeLock(`${db}.lock`, containerLock({ host: hostname(), pid: 4242, pidNamespace: 'pid:[4026531836]', processStart: '9' }), T0);
    expect(() => acquireStoreLock(db, { ...options, now: () => T0 + 100 * LOCK_STALE_AFTER_MS })).toThrow(/in use by another reactionlens run \(pid 4242 /);
  });

  it('the reports folder lock follows the same rule', () => {
    const dir = tempDir();
    placeLock(join(dir, REPORT_FOLDER_LOCK), containerLock(), T0);
    const lines: string[] = [];
    const release = acquireReportFolderLock(dir, { ...here, now: () => T0 + 2 * LOCK_STALE_AFTER_MS, warn: (l) => lines.push(l), startTimer: manualTimer().startTimer });
    expect(JSON.parse(readFileSync(join(dir, REPORT_FOLDER_LOCK), 'utf8')).pid).toBe(7);
    expect(lines[0]).toMatch(/took over the lock .*\.reactionlens\.lock from pid 1 on old-container-3f2a.*last refreshed 30 min ago/);
    release();
  });

  it('one written by a reactionlens without the heartbeat is still never taken over, and the message says why', () => {
    const db = join(tempDir(), 'store.db');
    placeLock(`${db}.lock`, JSON.stringify({ pid: 1, host: 'old-container-3f2a', startedAt: T0 }), T0);
    const attempt = () => acquireStoreLock(db, { ...here, now: () => T0 + 30 * 86_400_000 });
    expect(attempt).toThrow(/on another host .*It was written by a reactionlens that does not refresh its lock, so it is never taken over\. If no reactionlens runs on old-container-3f2a/);
  });
});

describe('the holder of a lock', () => {
  it('refreshes its mtime each time the timer fires, and stops the timer on release', () => {
    const db = join(tempDir(), 'store.db');
    let clock = T0;
    const { timer, startTimer } = manualTimer();
    const release = acquireStoreLock(db, { ...here, now: () => clock, startTimer });
    expect(timer.intervalMs).toBe(LOCK_HEARTBEAT_MS);
    expect(statSync(`${db}.lock`).mtimeMs).toBe(T0);
    clock += LOCK_HEARTBEAT_MS;
    timer.tick!();
    expect(statSync(`${db}.lock`).mtimeMs).toBe(T0 + LOCK_HEARTBEAT_MS);
    clock += LOCK_HEARTBEAT_MS;
    timer.tick!();
    expect(statSync(`${db}.lock`).mtimeMs).toBe(T0 + 2 * LOCK_HEARTBEAT_MS);
    expect(() => release.throwIfLost()).not.toThrow();
    release();
    expect(timer.stopped).toBe(true);
  });

  it('that finds its lock taken over stops: throwIfLost throws a LockError naming the new holder, the lock is not refreshed, and release leaves it', () => {
    const db = join(tempDir(), 'store.db');
    let clock = T0;
    const { timer, startTimer } = manualTimer();
    const release = acquireStoreLock(db, { ...here, now: () => clock, startTimer });
    // suspended past the limit; a run in another container took the lock over meanwhile
    clock += LOCK_STALE_AFTER_MS + 60_000;
    unlinkSync(`${db}.lock`);
    const theirs = containerLock({ pid: 88, host: 'new-container-9b1c' });
    placeLock(`${db}.lock`, theirs, clock - 1_000);
    timer.tick!();
    expect(statSync(`${db}.lock`).mtimeMs).toBe(clock - 1_000);
    expect(timer.stopped).toBe(true);
    expect(() => release.throwIfLost()).toThrow(LockError);
    expect(() => release.throwIfLost()).toThrow(
      /^The store .* is no longer locked by this run: pid 88 on new-container-9b1c, started .* has taken it over .*This run stopped before its next write/,
    );
    release();
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(theirs);
  });

  it('checks the lock itself when the timer is overdue (resumed before the timer fired), and finds a removed lock lost', () => {
    const db = join(tempDir(), 'store.db');
    let clock = T0;
    const { startTimer } = manualTimer();
    const release = acquireStoreLock(db, { ...here, now: () => clock, startTimer });
    unlinkSync(`${db}.lock`);
    // the timer is not overdue: no look at the file
    expect(() => release.throwIfLost()).not.toThrow();
    clock += 3 * LOCK_HEARTBEAT_MS;
    expect(() => release.throwIfLost()).toThrow(/no longer locked by this run: it was removed/);
    release();
  });
});

describe('withStoreLock: a command whose store lock was taken over', () => {
  it('writes nothing more to the store (LockError, the transaction rolled back) and leaves the new holder its lock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: T0 });
    const db = join(tempDir(), 'store.db');
    const store = Store.open(db);
    const theirs = containerLock({ pid: 88, host: 'new-container-9b1c' });
    const stderr: string[] = [];
    try {
      const run = withStoreLock(store, { stderr: (t) => stderr.push(t) }, 'test', async () => {
        store.setCursor('before', 1, 0);
        unlinkSync(`${db}.lock`);
        placeLock(`${db}.lock`, theirs, Date.now());
        vi.advanceTimersByTime(LOCK_HEARTBEAT_MS);
        store.db.transaction(() => {
          store.setCursor('after-a', 1, 0);
        })();
        return 'finished';
      });
      await expect(run).rejects.toThrow(LockError);
      await expect(run).rejects.toThrow(/no longer locked by this run: pid 88 on new-container-9b1c/);
      expect(store.getCursorText('before')).toBe('1');
      expect(store.getCursorText('after-a')).toBeUndefined();
      expect(readFileSync(`${db}.lock`, 'utf8')).toBe(theirs);
      // nor later in this process: a task of the stopped stage still in flight does not write either
      expect(() => store.setCursor('later', 1, 0)).toThrow(LockError);
      expect(store.getCursorText('later')).toBeUndefined();
    } finally {
      store.close();
    }
  });

  it('that wrote nothing after the loss still fails: it overlapped another run', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: T0 });
    const db = join(tempDir(), 'store.db');
    const store = Store.open(db);
    try {
      const run = withStoreLock(store, { stderr: () => {} }, 'test', async () => {
        unlinkSync(`${db}.lock`);
        vi.advanceTimersByTime(LOCK_HEARTBEAT_MS);
        return 'finished';
      });
      await expect(run).rejects.toThrow(/no longer locked by this run: it was removed/);
    } finally {
      store.close();
    }
  });

  it('that kept its lock to the end leaves the store writable', async () => {
    const db = join(tempDir(), 'store.db');
    const store = Store.open(db);
    try {
      expect(await withStoreLock(store, { stderr: () => {} }, 'test', async () => (store.setCursor('during', 1, 0), 'finished'))).toBe('finished');
      expect(existsSync(`${db}.lock`)).toBe(false);
      store.setCursor('after', 1, 0);
      expect(store.getCursorText('after')).toBe('1');
    } finally {
      store.close();
    }
  });
});

describe('reactionlens run in a fresh container after last night\'s was killed mid-run', () => {
  it('takes over the dead container\'s store lock with one stderr line and exits 0; a live container\'s lock still makes it exit 5', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    const out = join(dir, 'reports');
    placeLock(`${db}.lock`, containerLock(), Date.now() - LOCK_STALE_AFTER_MS - 60_000);
    const result = await cli(
      ['run', '--event', 'amazon-openai-2025-12', '--source', 'fixtures', '--db', db, '--out', out, '--format', 'json', '--quiet'],
      { cwd: resolve(import.meta.dirname, '..', '..') },
    );
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain(`reactionlens: took over the lock ${db}.lock from pid 1 on old-container-3f2a`);
    expect(existsSync(`${db}.lock`)).toBe(false);
    // and a fresh lock of a container still running refuses the run (busy, exit 5), saying when it goes stale
    placeLock(`${db}.lock`, containerLock(), Date.now());
    const busy = await cli(['run', '--event', 'amazon-openai-2025-12', '--source', 'fixtures', '--db', db, '--out', out, '--quiet'], { cwd: resolve(import.meta.dirname, '..', '..') });
    expect(busy.code).toBe(EXIT.busy);
    expect(busy.stderr).toMatch(/last refreshed (just now|\d+ s ago) .* taken over after /);
  });
});
