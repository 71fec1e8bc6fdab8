import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LockError, StoreError } from '../../src/errors/errors.js';
import { acquireStoreLock } from '../../src/store/store-lock.js';
import { EARLIER_BOOT_MARGIN_MS, LOCK_HEARTBEAT_MS, LOCK_STALE_AFTER_MS, UNREADABLE_LOCK_GRACE_MS } from '../../src/util/take-lock-file.js';

// writeSync as on a full disk, when a test asks: it throws ENOSPC, or writes only part of the buffer; and another
// run's step, run once just before this one renames, unlinks or links a path ending in `.lock` (an interleaving)
type Step = { op: 'rename' | 'unlink' | 'link'; run: () => void };
const disk = vi.hoisted(() => ({ write: 'ok' as 'ok' | 'enospc' | 'short', before: [] as Step[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, ...rest: never[]) => {
    if (disk.write === 'enospc') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    if (disk.write === 'short') return fs.writeSync(fd, buffer, 0, 3);
    return fs.writeSync(fd, buffer, ...rest);
  }) as typeof fs.writeSync;
  const interleave = (op: Step['op'], path: unknown): void => {
    const at = disk.before.findIndex((step) => step.op === op);
    if (at < 0 || typeof path !== 'string' || !path.endsWith('.lock')) return;
    const [step] = disk.before.splice(at, 1);
    step!.run();
  };
  const renameSync = ((from: string, to: string) => (interleave('rename', from), fs.renameSync(from, to))) as typeof fs.renameSync;
  const unlinkSync = ((path: string) => (interleave('unlink', path), fs.unlinkSync(path))) as typeof fs.unlinkSync;
  const linkSync = ((from: string, to: string) => (interleave('link', to), fs.linkSync(from, to))) as typeof fs.linkSync;
  const mocked = { writeSync, renameSync, unlinkSync, linkSync };
  return { ...fs, ...mocked, default: { ...fs, ...mocked } };
});

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reactionlens-lock-'));
  dirs.push(dir);
  return join(dir, 'store.db');
};
afterEach(() => {
  disk.write = 'ok';
  disk.before = [];
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

  it('a lock that cannot be created is a store error (exit 3), not busy', () => {
    const db = join(tempDb(), 'no-such-folder', 'store.db');
    expect(() => acquireStoreLock(db)).toThrow(StoreError);
    expect(() => acquireStoreLock(db)).toThrow(/Cannot create the store lock .*store\.db\.lock: ENOENT/);
  });

  it.each(['enospc', 'short'] as const)('a lock that cannot be written in full (a full disk: %s) is a store error and is not left behind', (write) => {
    const db = tempDb();
    disk.write = write;
    expect(() => acquireStoreLock(db)).toThrow(StoreError);
    expect(existsSync(`${db}.lock`)).toBe(false);
    // once there is room again, the next run is not refused by an empty or half-written lock
    disk.write = 'ok';
    acquireStoreLock(db)();
  });

  it('does not lock an in-memory store', () => {
    acquireStoreLock(':memory:')();
  });
});

describe('acquireStoreLock: telling a stale lock from a held one', () => {
  const host = hostname();
  const holder = (fields: Record<string, unknown>): string => JSON.stringify({ pid: 4242, host, startedAt: 0, bootId: 'boot-1', processStart: '100', ...fields });
  const checks = (start: string | null, boot = 'boot-1') => ({ pid: 7, isAlive: () => true, processStartOf: (pid: number) => (pid === 4242 ? start : '1'), bootId: () => boot });

  it('takes over a lock whose pid runs but was started at another time (the pid was reused)', () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, holder({}));
    const release = acquireStoreLock(db, checks('250'));
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8'))).toMatchObject({ pid: 7, processStart: '1', bootId: 'boot-1' });
    release();
  });

  it('keeps refusing while the pid is the same process (same start time)', () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, holder({}));
    expect(() => acquireStoreLock(db, checks('100'))).toThrow(/in use by another reactionlens run \(pid 4242 on /);
    // a start time that cannot be read now (no /proc): the pid check alone decides, as before
    expect(() => acquireStoreLock(db, checks(null))).toThrow(LockError);
  });

  it('takes over a lock written in an earlier boot of the machine, even when its pid runs again', () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, holder({ heartbeatMs: LOCK_HEARTBEAT_MS }));
    // last refreshed well before this machine booted
    acquireStoreLock(db, { ...checks('100', 'boot-2'), bootTimeMs: () => Date.now() + EARLIER_BOOT_MARGIN_MS + 1000 })();
    expect(existsSync(`${db}.lock`)).toBe(false);
    // a lock of an older reactionlens (no heartbeat) of another boot: by the boot id alone, as that version judged it
    writeFileSync(`${db}.lock`, holder({}));
    acquireStoreLock(db, { ...checks('100', 'boot-2'), bootTimeMs: () => Date.now() - 86_400_000 })();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  // two machines with one host name (cloned VMs, or containers given a fixed hostname on two hosts) sharing the store
  // over a network disk: a lock of the other boot refreshed after this machine booted is a live holder elsewhere
  it("refuses a lock of another boot id refreshed since this machine booted (another machine with this host name), until it goes 15 min without a refresh", () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, holder({ heartbeatMs: LOCK_HEARTBEAT_MS }));
    const bootedLongAgo = { ...checks('100', 'boot-2'), bootTimeMs: () => Date.now() - 86_400_000 };
    // booted seconds ago, a live holder elsewhere refreshed 20 s ago (its clock may lag ours by minutes, too)
    const bootedJustNow = { ...checks('100', 'boot-2'), bootTimeMs: () => Date.now() - 10_000 };
    const refreshed = (Date.now() - 20_000) / 1000;
    utimesSync(`${db}.lock`, refreshed, refreshed);
    for (const booted of [bootedLongAgo, bootedJustNow]) {
      expect(() => acquireStoreLock(db, booted)).toThrow(LockError);
      expect(() => acquireStoreLock(db, booted)).toThrow(
        /locked by a reactionlens run of another boot id with this host name \(pid 4242 on .*boot id boot-1; this machine is boot boot-2.*another machine with this name sharing the folder, or this machine before a quick reboot/,
      );
    }
    const silent = (Date.now() - LOCK_STALE_AFTER_MS - 60_000) / 1000;
    utimesSync(`${db}.lock`, silent, silent);
    const lines: string[] = [];
    acquireStoreLock(db, { ...bootedLongAgo, warn: (line: string) => void lines.push(line) })();
    expect(lines.join('')).toMatch(/took over the lock .* from pid 4242 on .*, boot id boot-1 \(another machine with this host name, or this machine before a reboot\): .*last refreshed 16 min ago/);
  });

  it('a lock from an older reactionlens (no boot id, no start time) is judged by its pid alone', () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: 4242, host, startedAt: 0 }));
    expect(() => acquireStoreLock(db, checks('250'))).toThrow(/pid 4242/);
    acquireStoreLock(db, { ...checks('250'), isAlive: () => false })();
  });

  it.skipIf(!existsSync('/proc/self/stat'))('on Linux, records the real start time and boot id, and takes over a lock of this very pid from another start', () => {
    const db = tempDb();
    const release = acquireStoreLock(db);
    const mine = JSON.parse(readFileSync(`${db}.lock`, 'utf8')) as { pid: number; processStart: string; bootId: string };
    expect(mine.pid).toBe(process.pid);
    expect(mine.processStart).toMatch(/^\d+$/);
    expect(mine.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    // the same process is the holder: busy
    expect(() => acquireStoreLock(db)).toThrow(LockError);
    release();
    // this pid, recorded with another start time: a process that held the number before us
    writeFileSync(`${db}.lock`, JSON.stringify({ ...mine, processStart: String(Number(mine.processStart) + 1) }));
    acquireStoreLock(db)();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it.each([[''], ['{"pid": 12']])('an unreadable lock (%j) is held while young, then taken over once older than the grace period', (text) => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, text);
    expect(() => acquireStoreLock(db, checks(null))).toThrow(/younger than 30 s/);
    const later = Date.now() + UNREADABLE_LOCK_GRACE_MS + 5_000;
    const release = acquireStoreLock(db, { ...checks(null), now: () => later });
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(7);
    release();
  });

  it('a lock that cannot be read at all (here a folder: EISDIR) is never taken over, and the message says so with the remedy', () => {
    const db = tempDb();
    mkdirSync(`${db}.lock`);
    const later = Date.now() + UNREADABLE_LOCK_GRACE_MS * 100;
    const attempt = () => acquireStoreLock(db, { ...checks(null), now: () => later });
    expect(attempt).toThrow(LockError);
    expect(attempt).toThrow(`its lock ${db}.lock exists but cannot be read (EISDIR)`);
    expect(attempt).toThrow(`remove it and run again`);
    expect(attempt).not.toThrow(/younger than|Try again in a moment/);
    expect(existsSync(`${db}.lock`)).toBe(true);
  });

  it('never takes over a lock from another PID namespace on this host (another container), and names it and the remedy', () => {
    const db = tempDb();
    // same host and boot; the holder's pid is some other process here (another start time), or none
    writeFileSync(`${db}.lock`, holder({ pidNamespace: 'pid:[4026532001]' }));
    for (const isAlive of [true, false]) {
      const attempt = () => acquireStoreLock(db, { ...checks('250'), isAlive: () => isAlive, pidNamespace: () => 'pid:[4026531836]' });
      expect(attempt).toThrow(LockError);
      expect(attempt).toThrow(`locked by a reactionlens run in another PID namespace on this host (pid 4242 on ${host}`);
      expect(attempt).toThrow(`If no reactionlens runs in that container any more (it stopped or was replaced), remove ${db}.lock and run again`);
    }
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(4242);
    // from the same namespace, or written in an earlier boot (before this machine booted), it is judged as before
    acquireStoreLock(db, { ...checks('250', 'boot-2'), pidNamespace: () => 'pid:[4026531836]' })();
    writeFileSync(`${db}.lock`, holder({ pidNamespace: 'pid:[4026532001]' }));
    acquireStoreLock(db, { ...checks('250'), pidNamespace: () => 'pid:[4026532001]' })();
    // a lock from an older reactionlens (no namespace), or a system that does not tell: as before
    writeFileSync(`${db}.lock`, holder({}));
    acquireStoreLock(db, { ...checks('250'), pidNamespace: () => 'pid:[4026531836]' })();
    writeFileSync(`${db}.lock`, holder({ pidNamespace: 'pid:[4026532001]' }));
    acquireStoreLock(db, { ...checks('250'), pidNamespace: () => null })();
  });

  it.skipIf(!existsSync('/proc/self/ns/pid'))('on Linux, records the PID namespace of the holder', () => {
    const db = tempDb();
    const release = acquireStoreLock(db);
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pidNamespace).toBe(readlinkSync('/proc/self/ns/pid'));
    release();
  });

  it('never takes over a lock from another host, and names the host and the remedy', () => {
    const db = tempDb();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: 1, host: 'old-container-3f2a', startedAt: 0, bootId: 'boot-0', processStart: '5' }));
    const attempt = () => acquireStoreLock(db, { ...checks('6', 'boot-9'), isAlive: () => false, now: () => Date.now() + 86_400_000 * 30 });
    expect(attempt).toThrow(LockError);
    expect(attempt).toThrow(`locked by a reactionlens run on another host (pid 1 on old-container-3f2a`);
    expect(attempt).toThrow(`If no reactionlens runs on old-container-3f2a any more (a container whose hostname changed when it restarted`);
    expect(attempt).toThrow(`remove ${db}.lock and run again`);
  });
});

describe('acquireStoreLock: two runs taking over one stale lock at once', () => {
  const dead = 999_999;
  const take = (db: string, pid: number) => acquireStoreLock(db, { pid, isAlive: (p) => p !== dead, pidNamespace: () => 'ns' });
  const staleLock = (db: string) => writeFileSync(`${db}.lock`, JSON.stringify({ pid: dead, host: hostname(), startedAt: 0 }));
  const lockOf = (db: string) => JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid as number;
  const leftovers = (db: string) => readdirSync(dirname(db)).filter((f) => f !== 'store.db.lock');

  it("of two runs that both judged it stale, only the first takes it: the second does not remove the first one's new lock", () => {
    const db = tempDb();
    staleLock(db);
    let first: (() => void) | undefined;
    // run 11 judges the lock stale too, and takes it over, right after run 22 has judged it and before 22 removes it
    const first11 = () => void (first = take(db, 11));
    disk.before = [{ op: 'rename', run: first11 }, { op: 'unlink', run: first11 }];
    expect(() => take(db, 22)).toThrow(/in use by another reactionlens run \(pid 11 /);
    expect(first).toBeDefined();
    expect(lockOf(db)).toBe(11);
    expect(leftovers(db)).toEqual([]);
    disk.before = []; // the step for the other code path, not taken
    first!();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('a lock created while a newer one was moved aside keeps the path; the moved one is not left behind, and its release leaves the newer alone', () => {
    const db = tempDb();
    staleLock(db);
    let first: (() => void) | undefined;
    let third: (() => void) | undefined;
    disk.before = [
      { op: 'rename', run: () => void (first = take(db, 11)) },
      // while run 22 has 11's lock under its own name, run 33 finds the path free and creates its lock there
      { op: 'link', run: () => void (third = take(db, 33)) },
    ];
    expect(() => take(db, 22)).toThrow(/pid 33 /);
    expect(lockOf(db)).toBe(33);
    expect(leftovers(db)).toEqual([]);
    first!();
    expect(lockOf(db)).toBe(33);
    third!();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('on a file system without hard links, a newer lock moved aside is renamed back', () => {
    const db = tempDb();
    staleLock(db);
    let first: (() => void) | undefined;
    disk.before = [
      { op: 'rename', run: () => void (first = take(db, 11)) },
      {
        op: 'link',
        run: () => {
          throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
        },
      },
    ];
    expect(() => take(db, 22)).toThrow(/pid 11 /);
    expect(lockOf(db)).toBe(11);
    expect(leftovers(db)).toEqual([]);
    first!();
  });

  it("a holder's heartbeat landing between another container's judgement of its lock as silent and its rename keeps the lock its own", () => {
    const db = tempDb();
    const t0 = Date.UTC(2026, 0, 10, 2, 15);
    let clock = t0;
    let tick: (() => void) | undefined;
    const holder = acquireStoreLock(db, {
      pid: 11,
      pidNamespace: () => 'pid:[1]',
      now: () => clock,
      startTimer: (_ms, beat) => ((tick = beat), () => {}),
    });
    // the holder's timer has not fired for longer than the limit (the process was paused), then fires right after the
    // other container judged the lock silent and before it moves the lock aside
    clock += LOCK_STALE_AFTER_MS + 60_000;
    disk.before = [{ op: 'rename', run: () => tick!() }];
    const taker = () => acquireStoreLock(db, { pid: 22, pidNamespace: () => 'pid:[2]', now: () => clock, warn: () => {}, startTimer: () => () => {} });
    expect(taker).toThrow(/another PID namespace on this host \(pid 11 .*last refreshed just now/);
    expect(lockOf(db)).toBe(11);
    expect(statSync(`${db}.lock`).mtimeMs).toBe(clock);
    expect(leftovers(db)).toEqual([]);
    expect(() => holder.throwIfLost()).not.toThrow();
    holder();
    expect(existsSync(`${db}.lock`)).toBe(false);
    // without the heartbeat, the same lock is taken over
    const silent = acquireStoreLock(db, { pid: 11, pidNamespace: () => 'pid:[1]', now: () => t0, startTimer: () => () => {} });
    const taken = taker();
    expect(lockOf(db)).toBe(22);
    silent(); // not its lock any more: left alone
    expect(lockOf(db)).toBe(22);
    taken();
  });
});
