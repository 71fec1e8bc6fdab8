import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { makeComment, makeThread } from './make-domain.js';

/** The text of the one stored comment, c1. */
export const ONE_COMMENT_BODY = 'Nvidia pays OpenAI to buy Nvidia chips. Genius.';

/**
 * A store at `<dir>/store.db` holding one thread and its one comment, c1 (under `event` when given), closed again so
 * the test can open it however it needs (the CLI, read-only, a second process).
 */
export function saveOneCommentStore(dir: string, event: string | null = null): string {
  const db = join(dir, 'store.db');
  const store = Store.open(db);
  try {
    store.saveItems(event, { threads: [makeThread()], comments: [makeComment({ id: 'c1', body: ONE_COMMENT_BODY })] });
  } finally {
    store.close();
  }
  return db;
}
