import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { StoreError } from '../../src/errors/errors.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { loadEvent } from '../../src/events/load-events.js';
import { startRunRecord } from '../../src/types.js';
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

// SQLite opens a store file it cannot write read-only, silently: a command that writes used to find out at its first
// write (after fetching, reading a dump, loading the tagger; `compare --out` after making its folder). Root writes any
// file whatever its mode, so as root the file is made read-only by a read-only bind mount of it alone (its folder stays
// writable), in a user and mount namespace of the child's own.
const isRoot = process.getuid?.() === 0;
const canMakeFileReadOnly = !isRoot || canMountReadOnly;

function runOnReadOnlyFile(file: string, cwd: string, args: string[]): { status: number | null; stderr: string; stdout: string } {
  const command = [process.execPath, ...entryArgs(), ...args];
  if (!isRoot) {
    chmodSync(file, 0o444);
    try {
      return spawnSync(command[0]!, command.slice(1), { cwd, env: hermeticEnv(), encoding: 'utf8' });
    } finally {
      chmodSync(file, 0o644);
    }
  }
  const script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"';
  return spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', file, ...command], { cwd, env: hermeticEnv(), encoding: 'utf8' });
}

function countLabels(db: string): number {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT COUNT(*) FROM labels').pluck().get() as number;
  } finally {
    raw.close();
  }
}

describe.skipIf(!canMakeFileReadOnly)('a store file that cannot be written, in a writable folder', () => {
  const refused = (db: string): string => `store error: Cannot open the store at ${db} for writing: the file cannot be written`;

  it('label is refused when it opens the store, saying what to do; nothing is recorded', () => {
    const { dir, db } = makeStore();
    const result = runOnReadOnlyFile(db, dir, ['label', 'c1', '--cynicism', '1', '--db', db]);
    expect(result.status, result.stderr).toBe(EXIT.source);
    expect(result.stderr).toContain(refused(db));
    expect(result.stderr).toContain('Make it writable for this user');
    expect(countLabels(db)).toBe(0);
  });

  it('compare --out is refused before it makes its folder', () => {
    const { dir, db } = makeStore();
    const result = runOnReadOnlyFile(db, dir, ['compare', EVENT, 'nvidia-openai-2025-09', '--db', db, '--events-dir', join(ROOT, 'events'), '--out', 'comparisons']);
    expect(result.status, result.stderr).toBe(EXIT.source);
    expect(result.stderr).toContain(refused(db));
    expect(existsSync(join(dir, 'comparisons'))).toBe(false);
  });

  it('import is refused when it opens the store, before reading the dump', () => {
    const { dir, db } = makeStore();
    const dump = join(dir, 'RC_2025-12.ndjson');
    writeFileSync(dump, `${JSON.stringify({ id: 'zz1', link_id: 't3_abc', parent_id: 't3_abc', body: 'hello', author: 'x', created_utc: 1766000000, score: 1, subreddit: 'stocks' })}\n`);
    const result = runOnReadOnlyFile(db, dir, ['import', dump, '--db', db]);
    expect(result.status, result.stderr).toBe(EXIT.source);
    expect(result.stderr).toContain(refused(db));
    expect(result.stderr).not.toContain('SQLITE_READONLY');
  });

  it('report and scrub on one holding a run that never finished (a copy taken mid-run): they work, and say the run is not recorded as abandoned', () => {
    const { dir, db } = makeStore();
    const store = Store.open(db);
    store.saveRun(startRunRecord('r-dead', loadEvent(join(ROOT, 'events'), EVENT), 'fixtures', 1_766_000_000));
    store.close();
    const report = runOnReadOnlyFile(db, dir, ['report', '--event', EVENT, '--db', db, '--events-dir', join(ROOT, 'events'), '--format', 'json']);
    // before: a store error (exit 3), "attempt to write a readonly database", from recording the dead run as abandoned
    expect(report.status, report.stderr).toBe(EXIT.ok);
    expect(report.stdout).toContain(join(dir, 'reports', EVENT));
    expect(report.stderr).toContain('run r-dead (started 2025-12-17T19:33:20.000Z) never finished (killed or crashed); the store cannot be written, so it is not recorded as abandoned');
    const scrub = runOnReadOnlyFile(db, dir, ['scrub', '--db', db]);
    expect(scrub.status, scrub.stderr).toBe(EXIT.ok);
    const after = Store.open(db, { readonly: true });
    try {
      expect(after.listRuns(EVENT).runs.map((r) => r.status)).toEqual(['running']);
    } finally {
      after.close();
    }
  });

  it('report, which writes the store only in passing, still reports from it, and scrub still scrubs', () => {
    const { dir, db } = makeStore();
    const report = runOnReadOnlyFile(db, dir, ['report', '--event', EVENT, '--db', db, '--events-dir', join(ROOT, 'events'), '--format', 'json']);
    expect(report.status, report.stderr).toBe(EXIT.ok);
    expect(report.stdout).toContain(join(dir, 'reports', EVENT));
    const scrub = runOnReadOnlyFile(db, dir, ['scrub', '--db', db]);
    expect(scrub.status, scrub.stderr).toBe(EXIT.ok);
    expect(scrub.stderr).toContain('1 folder(s) checked');
  });
});
