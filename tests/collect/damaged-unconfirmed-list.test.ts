import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';

describe('a damaged list of comments the deletion re-check could not confirm, left in its cursors row "recheck:unconfirmed" by the upgrade to schema 9', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-damaged-unconfirmed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // null would read as "no list" and make withheld comments quotable again: it is as damaged as the others
  it.each([['not json{'], ['["x"]'], ['null']])('%s is a store error (exit 3) naming the store, the row and the remedy', async (value) => {
    const db = join(dir, `${value.replace(/\W/g, '_')}.db`);
    const first = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db, '--quiet'], { cwd: ROOT });
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const store = Store.open(db);
    try {
      store.db.prepare("INSERT INTO cursors (key, value, updated_at) VALUES ('recheck:unconfirmed', ?, 1)").run(value);
    } finally {
      store.close();
    }
    for (const args of [
      ['collect', '--event', EVENT, '--source', 'fixtures', '--db', db, '--quiet'],
      ['report', '--event', EVENT, '--db', db, '--out', join(dir, 'reports'), '--format', 'json'],
    ]) {
      const result = await cli(args, { cwd: ROOT });
      expect(result.code, result.stderr).toBe(EXIT.source);
      expect(result.stderr).toMatch(/^reactionlens: store error: the store at .*: the list of comments not confirmed by the deletion re-check \(cursors row "recheck:unconfirmed"\) is damaged/m);
      expect(result.stderr).toContain(db);
      expect(result.stderr).toContain(`DELETE FROM cursors WHERE key = 'recheck:unconfirmed'`);
      expect(result.stderr).not.toMatch(/store error: store error|internal error|\n\s+at /);
    }
  });
});
