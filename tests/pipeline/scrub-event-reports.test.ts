import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { LockError } from '../../src/errors/errors.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubComparisonReports, scrubEventReports } from '../../src/pipeline/scrub-event-reports.js';
import { acquireReportFolderLock, SHORT_HOLD_WAIT_MS } from '../../src/report/acquire-report-folder-lock.js';
import { buildReport } from '../../src/report/build-report.js';
import { writeReport, type RunManifest } from '../../src/report/write-report.js';
import { Store } from '../../src/store/store.js';
import type { ContentStatus } from '../../src/types.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';
import { buildFixtureInput } from '../report/report-fixture.js';

const makeDir = useTempDirs('reactionlens-scrub-event-');

describe('scrubEventReports', () => {
  it('takes out the quotes of comments the store holds as deleted or removed; live ones and ones it does not hold stay', () => {
    const report = buildReport(buildFixtureInput());
    const quoted = [...new Set(report.quotes.highlights.map((q) => q.commentId))];
    expect(quoted.length).toBeGreaterThanOrEqual(4);
    const [deleted, removed, live, notHeld] = quoted as [string, string, string, string];
    const dir = makeDir();
    writeReport(report, { dir, basename: report.date, formats: ['md', 'json'], now: 1_766_100_000, toolVersion: '9.9.9' });
    const store = Store.open(':memory:');
    try {
      const held: Array<[string, ContentStatus]> = [[deleted, 'deleted'], [removed, 'removed'], [live, 'live']];
      const comments = held.map(([id, status]) => makeComment({ id, threadId: 'th1', status, body: status === 'live' ? 'words' : '', author: status === 'live' ? 'a' : null }));
      store.saveThreadBundle(null, { thread: makeThread({ id: 'th1' }), comments, expected: 3, collected: 3 });

      const result = scrubEventReports(store, dir, 1_766_200_000);

      const manifest = JSON.parse(readFileSync(join(dir, `${report.date}.manifest.json`), 'utf8')) as RunManifest;
      expect(result.quotesRemoved).toBeGreaterThanOrEqual(2);
      expect(manifest.quotedCommentIds).not.toContain(deleted);
      expect(manifest.quotedCommentIds).not.toContain(removed);
      expect(manifest.quotedCommentIds).toEqual(expect.arrayContaining([live, notHeld]));
    } finally {
      store.close();
    }
  });
});

describe('scrubComparisonReports and another run holding the folder briefly', () => {
  // a killed compare --out's temp file: removed only by a scrub that got the folder's lock
  const placeTempFile = (dir: string): string => {
    const temp = join(dir, '.compare-a-vs-b.md.4242.0a1b2c3d.tmp');
    writeFileSync(temp, 'a comparison being written when its process was killed');
    return temp;
  };

  it('waits for a holder that lets go, then scrubs the folder', () => {
    const dir = makeDir();
    const temp = placeTempFile(dir);
    const releaseHolder = acquireReportFolderLock(dir);
    const store = Store.open(':memory:');
    try {
      let pauses = 0;
      const result = scrubComparisonReports(store, dir, { warn: () => {}, now: 1_766_200_000, pause: () => void (++pauses === 2 && releaseHolder()) });
      expect(pauses).toBe(2);
      expect(result.busyFolders).toEqual([]);
      expect(result.staleTempFiles).toEqual([temp]);
    } finally {
      releaseHolder();
      store.close();
    }
  });

  it('a holder that keeps it past the wait: the folder is named busy, not checked', () => {
    const dir = makeDir();
    const temp = placeTempFile(dir);
    const releaseHolder = acquireReportFolderLock(dir);
    const store = Store.open(':memory:');
    try {
      let waited = 0;
      const result = scrubComparisonReports(store, dir, { warn: () => {}, now: 1_766_200_000, pause: (ms) => void (waited += ms) });
      expect(waited).toBe(SHORT_HOLD_WAIT_MS);
      expect(result.busyFolders).toEqual([dir]);
      expect(existsSync(temp)).toBe(true);
    } finally {
      releaseHolder();
      store.close();
    }
  });
});

/** `store`, except that `compare --out` records `folder` again just after the scrub has listed the recorded folders. */
function recordAfterListing(store: Store, folder: string, at: number): Store {
  return Object.assign(Object.create(store) as Store, {
    listComparisonFolders: () => {
      const listed = store.listComparisonFolders();
      store.recordComparisonFolder(folder, at);
      return listed;
    },
  });
}

describe('scrubComparisonReports and the recorded folders', () => {
  const DAY = 86_400;
  const NOW = 1_766_200_000;

  it('a folder re-recorded by compare --out between the scrub reading the record and forgetting it stays on the record', () => {
    const missing = join(makeDir(), 'not-mounted');
    const store = Store.open(':memory:');
    try {
      store.recordComparisonFolder(missing, NOW - 40 * DAY);
      store.markComparisonFolderMissing(missing, NOW - 40 * DAY, NOW - 31 * DAY);
      // compare --out writing there (on the machine that has it) just after the scrub listed the folders
      const racing = recordAfterListing(store, missing, NOW);
      const lines: string[] = [];
      scrubComparisonReports(racing, makeDir(), { warn: (line) => void lines.push(line), now: NOW });
      expect(store.listComparisonFolders()).toEqual([{ path: missing, writtenAt: NOW, missingSince: null }]);
      expect(lines.join('')).not.toContain('taken off the record');
    } finally {
      store.close();
    }
  });

  it('a first miss raced by compare --out does not mark the folder it just wrote as missing', () => {
    const missing = join(makeDir(), 'not-mounted');
    const store = Store.open(':memory:');
    try {
      store.recordComparisonFolder(missing, NOW - DAY);
      const racing = recordAfterListing(store, missing, NOW);
      scrubComparisonReports(racing, makeDir(), { warn: () => {}, now: NOW });
      expect(store.listComparisonFolders()).toEqual([{ path: missing, writtenAt: NOW, missingSince: null }]);
    } finally {
      store.close();
    }
  });

  it("the store's lock taken over (a LockError at the write) is not swallowed with the record's bookkeeping", () => {
    const missing = join(makeDir(), 'not-mounted');
    const store = Store.open(':memory:');
    try {
      store.recordComparisonFolder(missing, NOW - DAY);
      store.checkBeforeEachWrite(() => {
        throw new LockError('the lock was taken over');
      });
      expect(() => scrubComparisonReports(store, makeDir(), { warn: () => {}, now: NOW })).toThrow(LockError);
    } finally {
      store.checkBeforeEachWrite(null);
      store.close();
    }
  });

  it('a reports folder that cannot be read still lets the recorded folders be scrubbed, then its error is thrown', () => {
    const notAFolder = join(makeDir(), 'reports');
    writeFileSync(notAFolder, 'a file where the reports folder should be');
    const elsewhere = makeDir();
    const temp = join(elsewhere, '.compare-a-vs-b.md.4242.0a1b2c3d.tmp');
    writeFileSync(temp, 'a comparison being written when its process was killed');
    const store = Store.open(':memory:');
    try {
      store.recordComparisonFolder(elsewhere, NOW);
      expect(() => scrubComparisonReports(store, notAFolder, { warn: () => {}, now: NOW })).toThrow();
      expect(existsSync(temp)).toBe(false);
    } finally {
      store.close();
    }
  });
});
