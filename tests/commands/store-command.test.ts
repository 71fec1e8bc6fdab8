import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';
import { cli } from '../helpers/run-cli.js';

// A store damaged in some pages opens, and takes writes elsewhere, until a command touches a bad page: `store check`
// reads every page on request (a full check on every open would cost seconds on a big store).
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function makeStore(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rl-store-check-'));
  dirs.push(dir);
  const db = join(dir, 'store.db');
  const store = Store.open(db);
  try {
    const comments = Array.from({ length: 400 }, (_, i) => makeComment({ id: `c${i}`, body: `Comment ${i}: ${'circular financing, again. '.repeat(6)}` }));
    store.saveItems('amazon-openai-2025-12', { threads: [makeThread()], comments });
  } finally {
    store.close(); // checkpoints the WAL into the file
  }
  return { dir, db };
}

/** Overwrites the root page of an index on comments (by thread) with garbage: the store still opens, and reads by id work. */
function damageIndexPage(db: string): void {
  const raw = new Database(db, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const rootPage = raw
    .prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name")
    .pluck()
    .get() as number;
  raw.close();
  expect(rootPage).toBeGreaterThan(1);
  const fd = openSync(db, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootPage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('reactionlens store check', () => {
  it('says an intact store is ok (exit 0)', async () => {
    const { dir, db } = makeStore();
    const result = await cli(['store', 'check', '--db', db], { cwd: dir });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stdout).toBe(`${db}: ok (SQLite integrity_check found no problem)\n`);
  });

  it.each([[[] as string[]], [['--quick']]])('finds a page damaged where reads by id do not go %j: the problems on stderr, a store error with the remedy (exit 3)', async (extra) => {
    const { dir, db } = makeStore();
    damageIndexPage(db);
    const damaged = Store.open(db, { readonly: true });
    try {
      expect(damaged.getComment('c7')?.body).toContain('Comment 7');
    } finally {
      damaged.close();
    }
    const result = await cli(['store', 'check', ...extra, '--db', db], { cwd: dir });
    expect(result.code).toBe(EXIT.source);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^reactionlens store check: .*page/m);
    expect(result.stderr).toContain(`store error: the store at ${db} is damaged: SQLite's ${extra.length === 0 ? 'integrity_check' : 'quick_check'} found`);
    expect(result.stderr).toContain(`restore ${db} from a backup`);
  });

  it('checks a store of an older schema without upgrading it', async () => {
    const { dir, db } = makeStore();
    const raw = new Database(db);
    raw.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    raw.close();
    const result = await cli(['store', 'check', '--db', db], { cwd: dir });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const after = new Database(db, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 1);
    after.close();
  });

  it('refuses a path with no store instead of creating one', async () => {
    const { dir } = makeStore();
    const result = await cli(['store', 'check', '--db', join(dir, 'nothing.db')], { cwd: dir });
    expect(result.code).toBe(EXIT.source);
    expect(result.stderr).toContain('There is no store at');
  });
});
