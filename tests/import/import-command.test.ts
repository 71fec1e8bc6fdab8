import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/cli-context.js';
import { openStoreAt } from '../../src/cli/open-store-at.js';
import { registerImportCommand } from '../../src/commands/import-command.js';
import { FileError } from '../../src/errors/errors.js';
import type { Store } from '../../src/store/store.js';
import { FROM, comment, makeTempDir, ndjson, post, writeDump } from './dump-fixtures.js';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);
mkdirSync(join(dir, 'events'));
writeFileSync(
  join(dir, 'events', 'test-event.json'),
  JSON.stringify({
    id: 'test-event',
    title: 'Test event',
    description: 'A test event',
    window: { from: '2025-12-16T00:00:00Z', to: '2025-12-31T23:59:59Z' },
    queries: ['amazon openai'],
    subreddits: ['stocks'],
  }),
);

async function run(argv: string[], options: { isTTY?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const marks: { partial: string[]; invalid: string[] } = { partial: [], invalid: [] };
  const stores: Store[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: process.stdin,
    env: {},
    cwd: dir,
    now: () => 1_770_000_000,
    isTTY: options.isTTY ?? false,
    markPartial: (r) => marks.partial.push(r),
    partialReasons: () => marks.partial,
    markInvalidInput: (r) => marks.invalid.push(r),
    openStore: (db) => {
      const store = openStoreAt(db, {}, dir);
      stores.push(store);
      return store;
    },
  };
  const program = new Command('reactionlens').exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  registerImportCommand(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } finally {
    for (const s of stores) s.close();
  }
  return { stdout: out.join(''), stderr: err.join(''), marks };
}

describe('reactionlens import', () => {
  const rs = writeDump(join(dir, 'RS_2025-12.zst'), ndjson([post('p1', FROM + 10), post('p2', FROM + 20, { subreddit: 'pics' })]), { zstd: true });
  const rc = writeDump(join(dir, 'RC_2025-12'), ndjson([comment('c1', 'p1', 't3_p1', FROM + 30), 'not json {', comment('c2', 'p2', 't3_p2', FROM + 40)]));

  it('prints a summary on stdout, bad lines with their number on stderr, and marks invalid input', async () => {
    const result = await run(['import', 'RC_2025-12', 'RS_2025-12.zst', '--event', 'test-event', '--db', 'a.db']);
    expect(result.stdout).toContain(`${rs}: imported · 2 lines · kept 1 thread, 0 comments · filtered out: other subreddit 1`);
    expect(result.stdout).toContain(`${rc}: imported · 3 lines · kept 0 threads, 1 comment · filtered out: thread not kept 1 · 1 bad line`);
    expect(result.stdout).toMatch(/total: 5 lines in .* · kept 1 thread, 1 comment · new 1 thread, 1 comment .* · 1 bad line · event test-event/);
    expect(result.stderr).toContain(`reactionlens: ${rc}: line 2: not valid JSON`);
    expect(result.marks).toEqual({ partial: [], invalid: ['1 bad line(s) skipped'] });

    const again = await run(['import', 'RS_2025-12.zst', 'RC_2025-12', '--event', 'test-event', '--db', 'a.db', '--json']);
    const summary = JSON.parse(again.stdout) as { files: Array<{ status: string }> };
    expect(summary.files.map((f) => f.status)).toEqual(['already imported', 'already imported']);
  });

  it('records an import into an event as a run', async () => {
    await run(['import', 'RS_2025-12.zst', '--event', 'test-event', '--db', 'runs.db', '--quiet']);
    const store = openStoreAt('runs.db', {}, dir);
    const runs = store.listRuns('test-event').runs;
    store.close();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ source: 'import:RS_2025-12.zst', status: 'ok', counts: { threadsNew: 1 } });
  });

  it('a failure that rolls a batch back (a full disk at its commit) leaves a failed record counting only the stored batches', async () => {
    writeDump(join(dir, 'RS_five.ndjson'), ndjson(['f1', 'f2', 'f3', 'f4', 'f5'].map((id, i) => post(id, FROM + 100 + i))));
    const setUp = openStoreAt('rolled-back.db', {}, dir);
    // the second batch's resume point fails, after its rows and its count were written in the same transaction
    setUp.db.exec(`CREATE TRIGGER fail_second_batch BEFORE UPDATE ON cursors WHEN NEW.value LIKE '%"lines":4,%'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    setUp.close();
    await expect(run(['import', 'RS_five.ndjson', '--event', 'test-event', '--db', 'rolled-back.db', '--batch-size', '2', '--quiet'])).rejects.toThrow(
      /database or disk is full/,
    );
    const store = openStoreAt('rolled-back.db', {}, dir);
    const threads = store.listThreads('test-event').length;
    const runs = store.listRuns('test-event').runs;
    store.close();
    expect(threads).toBe(2);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'failed', counts: { threadsNew: 2 } });
  });

  it('marks a truncated .zst as partial with a clear message', async () => {
    const full = writeDump(join(dir, 'RS_big.zst'), ndjson(Array.from({ length: 2000 }, (_, i) => post(`t${i}`, FROM + i))), { zstd: true });
    const bytes = readFileSync(full);
    writeFileSync(join(dir, 'RS_cut.zst'), bytes.subarray(0, bytes.length - 200));
    const result = await run(['import', 'RS_cut.zst', '--event', 'test-event', '--db', 'b.db']);
    expect(result.stderr).toMatch(/RS_cut\.zst: the zstd data ends early or is corrupt after line \d+/);
    expect(result.marks.partial).toEqual(['RS_cut.zst ended early (truncated or corrupt)']);
    // the line cut off by the truncation is part of it (exit 4), not a bad record (exit 2)
    expect(result.marks.invalid).toEqual([]);
    expect(result.stderr).toMatch(/Line \d+ was cut off and not imported/);
    expect(result.stdout).toMatch(/RS_cut\.zst: truncated · /);
  });

  it('counts a last line without a final newline in the summary (3 lines, 3 bad lines)', async () => {
    const path = writeDump(join(dir, 'RC_x'), 'garbage1\ngarbage2\ngarbage3');
    const result = await run(['import', 'RC_x', '--db', 'e.db']);
    expect(result.stdout).toContain(`${path}: imported · 3 lines · `);
    expect(result.stdout).toContain('· 3 bad lines');
  });

  it('shows progress by bytes with rate and ETA on stderr', async () => {
    const result = await run(['import', 'RS_2025-12.zst', '--db', 'c.db'], { isTTY: true });
    expect(result.stderr).toMatch(/\r\x1b\[2KRS_2025-12\.zst \d+ B \/ \d+ B \(100%\) · .*\/s · ETA .* · 2 lines/);
  });

  it('refuses a missing file and an unknown event', async () => {
    // a dump that cannot be read is a file error (exit 3), not a usage error
    await expect(run(['import', 'nope.ndjson', '--db', 'd.db'])).rejects.toThrow(FileError);
    await expect(run(['import', 'nope.ndjson', '--db', 'd.db'])).rejects.toThrow(/No such file: .*nope\.ndjson/);
    // so is a folder given as a dump (it was a usage error, exit 2, while a missing file was 3)
    await expect(run(['import', 'events', '--db', 'd.db'])).rejects.toThrow(FileError);
    await expect(run(['import', 'events', '--db', 'd.db'])).rejects.toThrow(/events is not a file/);
    await expect(run(['import', 'RC_2025-12', '--event', 'no-such-event', '--db', 'd.db'])).rejects.toThrow(/Unknown event/);
  });

  it.each([
    ['gzip', 'RC_2025-12.gz', (text: string) => gzipSync(text), /gunzip -k .*RC_2025-12\.gz/],
    ['bzip2', 'RC_2005-12.bz2', () => Buffer.from('BZh91AY&SY\x00\x01', 'latin1'), /bunzip2 -k .*RC_2005-12\.bz2/],
    ['xz', 'RC_2017-12.xz', () => Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]), /unxz -k .*RC_2017-12\.xz/],
  ])('refuses a %s-compressed dump, naming it and how to decompress it, before reading any file, instead of importing its bytes as bad lines', async (kind, name, make, how) => {
    writeFileSync(join(dir, name), make(ndjson([comment('c1', 'p1', 't3_p1', FROM + 30)])));
    const attempt = run(['import', 'RS_2025-12.zst', name, '--db', `${kind}.db`]);
    await expect(attempt).rejects.toThrow(FileError);
    await expect(run(['import', 'RS_2025-12.zst', name, '--db', `${kind}.db`])).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')} is ${kind}-compressed, which import does not read`));
    await expect(run(['import', name, '--db', `${kind}.db`])).rejects.toThrow(how);
    expect(existsSync(join(dir, `${kind}.db`))).toBe(false);
  });

  it('checks the files before opening the store: a missing or unreadable file leaves no new store behind', async () => {
    await expect(run(['import', 'missing.ndjson', '--db', 'new.db'])).rejects.toThrow(/No such file: .*missing\.ndjson/);
    await expect(run(['import', 'events', '--db', 'new.db'])).rejects.toThrow(/events is not a file/);
    // one bad file among good ones: named, and nothing is read (as before), now also before any store is made
    await expect(run(['import', 'RS_2025-12.zst', 'missing.ndjson', '--event', 'test-event', '--db', 'new.db'])).rejects.toThrow(FileError);
    expect(existsSync(join(dir, 'new.db'))).toBe(false);

    // an existing store is left as it was: nothing imported, no run recorded
    await run(['import', 'RS_2025-12.zst', '--db', 'kept.db', '--quiet']);
    await expect(run(['import', 'RC_2025-12', 'missing.ndjson', '--event', 'test-event', '--db', 'kept.db'])).rejects.toThrow(FileError);
    const store = openStoreAt('kept.db', {}, dir);
    const runs = store.listRuns('test-event').runs;
    store.close();
    expect(runs).toEqual([]);
  });
});
