import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';
import { cli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';
const tempDir = useTempDirs('rl-events-');

/** A store holding one thread of EVENT with three live comments and one each deleted and removed on Reddit. */
function saveStoreWithPurged(dir: string): string {
  const db = join(dir, 'store.db');
  const store = Store.open(db);
  try {
    const comments = ['c1', 'c2', 'c3'].map((id) => makeComment({ id }));
    comments.push(makeComment({ id: 'c4', status: 'deleted', body: '[deleted]', author: '[deleted]' }));
    comments.push(makeComment({ id: 'c5', status: 'removed', body: '[removed]', author: '[deleted]' }));
    store.saveItems(EVENT, { threads: [makeThread()], comments });
  } finally {
    store.close();
  }
  return db;
}

describe('events --counts', () => {
  it('says in the text what its comment count counts: stored, with the live ones beside it, as the JSON has them', async () => {
    const db = saveStoreWithPurged(tempDir());
    const args = ['events', '--counts', '--db', db, '--events-dir', join(ROOT, 'events')];
    const json = await cli([...args, '--json']);
    expect(json.code).toBe(0);
    const row = (JSON.parse(json.stdout) as Array<{ id: string; stored: { threads: number; comments: number; live: number } }>).find((r) => r.id === EVENT);
    expect(row?.stored).toEqual({ threads: 1, comments: 5, live: 3 });
    const text = await cli(args);
    expect(text.code).toBe(0);
    const line = text.stdout.split('\n').find((l) => l.startsWith(`${EVENT}\t`));
    expect(line).toMatch(/\[1 thread, 5 comments stored \(3 live, 2 deleted or removed on Reddit\)\]$/);
    // an event with nothing stored has nothing to split
    expect(text.stdout).toMatch(/^nvidia-openai-2025-09\t.*\[0 threads, 0 comments stored\]$/m);
  });
});
