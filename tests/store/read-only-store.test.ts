import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { StoreError } from '../../src/errors/errors.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';
import { saveOneCommentStore } from '../helpers/save-one-comment-store.js';
import { entryArgs, hermeticEnv } from '../helpers/spawn-cli.js';

// Commands that only read (quotes, compare, events --counts, labels export) open the store read-only: they never
// switch it to WAL or migrate it, so a newer checkout reading a shared store cannot upgrade it under the cron job's
// older reactionlens, which would then refuse it every night.
const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function makeStore(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rl-readonly-'));
  dirs.push(dir);
  return { dir, db: saveOneCommentStore(dir, EVENT) };
}

function userVersion(db: string): number {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.pragma('user_version', { simple: true }) as number;
  } finally {
    raw.close();
  }
}

/** The store as an older reactionlens left it: one migration behind. */
function setBack(db: string): number {
  const raw = new Database(db);
  try {
    raw.pragma(`user_version = ${MIGRATIONS.length - 1}`);
  } finally {
    raw.close();
  }
  return MIGRATIONS.length - 1;
}

describe('read-only store opening', () => {
  it('reads a current store without writing to it', () => {
    const { db } = makeStore();
    const store = Store.open(db, { readonly: true });
    try {
      expect(store.getComment('c1')?.body).toContain('Genius');
      expect(() => store.db.prepare("DELETE FROM comments WHERE id = 'c1'").run()).toThrow(/readonly/);
    } finally {
      store.close();
    }
  });

  it('never migrates an older store: it says to run a writing command, and the store keeps its version', () => {
    const { db } = makeStore();
    const older = setBack(db);
    expect(() => Store.open(db, { readonly: true })).toThrow(StoreError);
    expect(() => Store.open(db, { readonly: true })).toThrow(
      `The store at ${db} has schema version ${older}, older than this reactionlens (${MIGRATIONS.length}); a command that only reads it, or records one row in it (\`compare --out\`), does not upgrade it.`,
    );
    expect(userVersion(db)).toBe(older);
  });

  it.each([
    ['quotes', (db: string) => ['quotes', '--event', EVENT, '--db', db, '--events-dir', join(ROOT, 'events')]],
    ['compare', (db: string) => ['compare', EVENT, 'nvidia-openai-2025-09', '--db', db, '--events-dir', join(ROOT, 'events')]],
    ['events --counts', (db: string) => ['events', '--counts', '--db', db, '--events-dir', join(ROOT, 'events')]],
    ['labels export', (db: string) => ['labels', 'export', '--db', db]],
  ])('%s on an older store is a store error (exit 3) with the remedy, and leaves it unmigrated', async (_name, args) => {
    const { dir, db } = makeStore();
    const older = setBack(db);
    const result = await cli(args(db), { cwd: dir });
    expect(result.code).toBe(EXIT.source);
    expect(result.stderr).toContain('a command that only reads it, or records one row in it (`compare --out`), does not upgrade it. Run a command that writes it');
    expect(userVersion(db)).toBe(older);
  });

  it('compare --out, which records where it writes, does not upgrade an older store either: refused, nothing written', async () => {
    const { dir, db } = makeStore();
    const older = setBack(db);
    const result = await cli(['compare', EVENT, 'nvidia-openai-2025-09', '--db', db, '--events-dir', join(ROOT, 'events'), '--out', 'comparisons'], { cwd: dir });
    expect(result.code).toBe(EXIT.source);
    expect(result.stderr).toContain('a command that only reads it, or records one row in it (`compare --out`), does not upgrade it. Run a command that writes it');
    expect(userVersion(db)).toBe(older);
    expect(existsSync(join(dir, 'comparisons'))).toBe(false);
  });
});

// a private read-only bind mount in a user namespace of its own (nothing outside the child process sees it); the probe
// unmounts before rmdir, since a mount point cannot be removed and each test run would leave an empty folder in /tmp
const canMountReadOnly = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount --bind "$d" "$d" && mount -o remount,ro,bind "$d" "$d"; r=$?; umount "$d" 2>/dev/null; rmdir "$d" 2>/dev/null; exit $r'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!canMountReadOnly)('a store on a read-only mount', () => {
  it('quotes says the folder cannot be written and what to do, instead of a bare "unable to open database file"', () => {
    const { dir, db } = makeStore();
    const mount = join(dir, 'ro');
    mkdirSync(mount);
    const script = 'mount --bind "$1" "$2" && mount -o remount,ro,bind "$2" && shift 2 && exec "$@"';
    const result = spawnSync(
      'unshare',
      ['-rm', 'sh', '-c', script, 'sh', dir, mount, process.execPath, ...entryArgs(), 'quotes', '--event', EVENT, '--db', join(mount, 'store.db'), '--events-dir', join(ROOT, 'events')],
      { cwd: dir, env: hermeticEnv(), encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(EXIT.source);
    expect(result.stderr).toContain(`store error: Cannot open the store at ${join(mount, 'store.db')}: unable to open database file: its folder ${mount} cannot be written (read-only mount or no permission).`);
    expect(result.stderr).toContain(`Even to read a store, SQLite creates store.db-shm beside it (WAL mode); copy ${join(mount, 'store.db')} (and its -wal file, if any) to a writable folder and pass that --db`);
  });
});
