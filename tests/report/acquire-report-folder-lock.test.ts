import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError, LockError } from '../../src/errors/errors.js';
import { acquireReportFolderLock, REPORT_FOLDER_LOCK, SHORT_HOLD_WAIT_MS } from '../../src/report/acquire-report-folder-lock.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('reactionlens-folder-lock-');

// The holder is a real lock of this process (alive on this host: never stale), and the waiter's pause is the test's:
// what the holder does while the waiter waits happens inside a pause, so the outcome never depends on timing.
describe('acquireReportFolderLock with waitMs: a short holder is waited for', () => {
  it('takes the lock once its holder lets go during the wait', () => {
    const dir = makeDir();
    const releaseHolder = acquireReportFolderLock(dir);
    const pauses: number[] = [];
    const release = acquireReportFolderLock(dir, {
      waitMs: SHORT_HOLD_WAIT_MS,
      pause: (ms) => {
        pauses.push(ms);
        if (pauses.length === 3) releaseHolder();
      },
    });
    expect(pauses).toEqual([50, 50, 50]);
    // held by the waiter now: a third run is busy
    expect(() => acquireReportFolderLock(dir)).toThrow(LockError);
    release();
    expect(existsSync(join(dir, REPORT_FOLDER_LOCK))).toBe(false);
  });

  it('a holder that keeps the lock past the wait: busy, with the LockError naming it, after waitMs of pauses', () => {
    const dir = makeDir();
    const releaseHolder = acquireReportFolderLock(dir);
    try {
      const pauses: number[] = [];
      const attempt = (): (() => void) => acquireReportFolderLock(dir, { waitMs: SHORT_HOLD_WAIT_MS, pause: (ms) => void pauses.push(ms) });
      expect(attempt).toThrow(new RegExp(`is being written by another reactionlens run \\(pid ${process.pid} `));
      expect(pauses.reduce((sum, ms) => sum + ms, 0)).toBe(SHORT_HOLD_WAIT_MS);
      expect(existsSync(join(dir, REPORT_FOLDER_LOCK))).toBe(true);
    } finally {
      releaseHolder();
    }
  });

  it('without waitMs (a run holding the event folder for its whole report), busy at once', () => {
    const dir = makeDir();
    const releaseHolder = acquireReportFolderLock(dir);
    try {
      const pauses: number[] = [];
      expect(() => acquireReportFolderLock(dir, { pause: (ms) => void pauses.push(ms) })).toThrow(LockError);
      expect(pauses).toEqual([]);
    } finally {
      releaseHolder();
    }
  });

  it('waits on nothing but a holder: a folder that is not there fails at once', () => {
    const dir = makeDir();
    const pauses: number[] = [];
    expect(() => acquireReportFolderLock(join(dir, 'gone'), { waitMs: SHORT_HOLD_WAIT_MS, pause: (ms) => void pauses.push(ms) })).toThrow(FileError);
    writeFileSync(join(dir, 'a-file'), '');
    expect(() => acquireReportFolderLock(join(dir, 'a-file', 'x'), { waitMs: SHORT_HOLD_WAIT_MS, pause: (ms) => void pauses.push(ms) })).toThrow(FileError);
    expect(pauses).toEqual([]);
  });
});
