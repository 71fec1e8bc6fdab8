import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEvent } from '../../src/collect/collect-event.js';
import { Store } from '../../src/store/store.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';
import { RECHECK_EVENT, recheckOnlySource } from '../helpers/recheck-only-source.js';

// A purge blanks the words of what was deleted or removed on Reddit, and secure_delete zeroes the space they took in the
// store file. SQLite's -wal file beside it still holds the pages as they were before (the comment as first stored),
// until a checkpoint copies the new pages into the store and the file is emptied: a copy of the store's folder taken
// while a run writes (a backup) would otherwise carry the purged words. Each write that purges checkpoints after it.

const WORDS = 'Quixotrophic insiders dump before the announcement';
const NAME = 'zanzibar_poster_77';
const TITLE = 'Amazon and OpenAI: the Quillberry deal explained';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rl-purge-wal-'));
  path = join(dir, 'store.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Whether the store's -wal file, or the store file itself, holds these words (as bytes, in whatever page). */
function onDisk(word: string): { wal: boolean; store: boolean } {
  const wal = `${path}-wal`;
  return { wal: existsSync(wal) && readFileSync(wal).includes(word), store: readFileSync(path).includes(word) };
}

function storeOne(store: Store): void {
  const thread = makeThread({ id: 'th1', title: TITLE, author: NAME });
  store.saveThreadBundle('ev', { thread, comments: [makeComment({ id: 'c1', body: WORDS, author: NAME })], expected: 1, collected: 1 });
  // the precondition: tonight's writes are in the -wal file, not yet in the store file
  expect(onDisk('Quixotrophic')).toEqual({ wal: true, store: false });
}

describe('a purge leaves no words in the -wal file', () => {
  it("a re-check's purge of a deleted comment: its text and its author's name leave the -wal file too", () => {
    const store = Store.open(path);
    try {
      storeOne(store);
      expect(store.purgeComments([{ id: 'c1', status: 'deleted' }], 1_766_100_000)).toBe(1);
      expect(onDisk('Quixotrophic')).toEqual({ wal: false, store: false });
    } finally {
      store.close();
    }
  });

  it('a refetch that finds the comment removed, and a listing that shows the thread deleted: their words leave the -wal file', () => {
    const store = Store.open(path);
    try {
      storeOne(store);
      const thread = makeThread({ id: 'th1', title: TITLE, author: NAME, fetchedAt: 1_766_100_000 });
      store.saveThreadBundle('ev', {
        thread,
        comments: [makeComment({ id: 'c1', body: '[removed]', author: '[deleted]', status: 'removed', fetchedAt: 1_766_100_000 })],
        expected: 1,
        collected: 1,
      });
      expect(onDisk('Quixotrophic')).toEqual({ wal: false, store: false });
      // the thread is live still: its title went into the store file with the checkpoint, and stays there
      expect(onDisk('Quillberry')).toEqual({ wal: false, store: true });
      expect(store.purgeThreads([{ id: 'th1', status: 'deleted' }])).toBe(1);
      expect(onDisk('Quillberry')).toEqual({ wal: false, store: false });
    } finally {
      store.close();
    }
  });

  it("a listing that shows a post's account deleted: the poster's name leaves the -wal file", () => {
    const store = Store.open(path);
    try {
      const thread = makeThread({ id: 'th1', title: TITLE, author: NAME });
      store.saveThreadBundle('ev', { thread, comments: [], expected: 0, collected: 0 });
      expect(onDisk(NAME).wal).toBe(true);
      expect(store.forgetThreadAuthors(['th1'])).toBe(1);
      expect(onDisk(NAME)).toEqual({ wal: false, store: false });
    } finally {
      store.close();
    }
  });

  it("collect's re-check, whose answer is stored in the collect stage's own transaction: the deleted comment's words leave the -wal file", async () => {
    const store = Store.open(path);
    try {
      storeOne(store);
      store.linkThread('ev', 'th1');
      const source = recheckOnlySource((ids) => ({ statuses: new Map(ids.map((id) => [id, 'deleted' as const])), skipped: [] }));
      const summary = await collectEvent(RECHECK_EVENT, source, store, { now: () => 1_766_200_000 });
      expect(summary.commentsPurged).toBe(1);
      expect(onDisk('Quixotrophic')).toEqual({ wal: false, store: false });
    } finally {
      store.close();
    }
  });

  it('a reader holding the store keeps the checkpoint from finishing: the purge does not wait for it, and the words leave the -wal file at the next checkpoint once it is done', () => {
    const store = Store.open(path);
    const reader = new Database(path, { readonly: true });
    try {
      storeOne(store);
      // a `quotes` in the middle of its read, or a sqlite3 shell with a transaction open
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM comments').get();
      expect(store.purgeComments([{ id: 'c1', status: 'deleted' }], 1_766_100_000)).toBe(1);
      expect(onDisk('Quixotrophic')).toEqual({ wal: true, store: false });
      reader.exec('COMMIT');
      // the next write that purges checkpoints again; so does closing the store (the reader's connection still open)
      store.close();
      expect(onDisk('Quixotrophic')).toEqual({ wal: false, store: false });
    } finally {
      reader.close();
      if (store.db.open) store.close();
    }
  });

  it('a -wal file a reader kept holding purged words past the end of the run is emptied by the next command that opens the store for writing', () => {
    const run = Store.open(path);
    const reader = new Database(path, { readonly: true });
    try {
      storeOne(run);
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM comments').get();
      run.purgeComments([{ id: 'c1', status: 'deleted' }], 1_766_100_000);
      run.close(); // the reader is still reading: neither this close nor SQLite's own can empty the -wal file
      expect(onDisk('Quixotrophic')).toEqual({ wal: true, store: false });
      reader.exec('COMMIT');
      const next = Store.open(path);
      expect(onDisk('Quixotrophic')).toEqual({ wal: false, store: false });
      next.close();
    } finally {
      reader.close();
    }
  });
});
