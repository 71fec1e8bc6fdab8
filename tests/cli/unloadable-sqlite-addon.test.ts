import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXIT, runCli } from '../../src/cli.js';

// better-sqlite3 loads its native addon when the first database is opened, not when it is imported: an addon built for
// another Node (after an upgrade) fails there, past runCli's loading of the command modules. It is the same broken
// install, so the same internal error with the remedy, not a store error (exit 3) that sends one to check the store.
vi.mock('better-sqlite3', () => {
  class SqliteError extends Error {}
  class Database {
    static SqliteError = SqliteError;
    constructor() {
      const error = new Error(
        'The module better_sqlite3.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 127.',
      ) as NodeJS.ErrnoException;
      error.code = 'ERR_DLOPEN_FAILED';
      throw error;
    }
  }
  return { default: Database };
});

async function runWithBrokenAddon(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: process.stdin, env: {}, cwd: process.cwd(), isTTY: false });
  return { code, stdout, stderr };
}

describe('a SQLite addon that cannot be loaded when the store is opened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-addon-'));
  const db = join(dir, 'store.db');
  writeFileSync(db, '');

  it('is the broken-install internal error (exit 1) with the remedy, not a store error', async () => {
    const r = await runWithBrokenAddon(['events', '--counts', '--db', db]);
    expect(r.code).toBe(EXIT.internal);
    expect(r.stderr).toMatch(/^reactionlens: internal error: cannot load its modules: better-sqlite3's native addon: The module better_sqlite3\.node was compiled against a different Node\.js version/);
    expect(r.stderr).toContain('npm rebuild');
    expect(r.stderr).not.toContain('store error');
  });

  it('gives the internal error object for --json', async () => {
    const r = await runWithBrokenAddon(['events', '--counts', '--json', '--db', db]);
    expect(r.code).toBe(EXIT.internal);
    const parsed = JSON.parse(r.stdout) as { error: { kind: string; exitCode: number; message: string } };
    expect(parsed.error).toMatchObject({ kind: 'internal', exitCode: 1 });
    expect(parsed.error.message).toMatch(/^cannot load its modules: /);
  });
});
