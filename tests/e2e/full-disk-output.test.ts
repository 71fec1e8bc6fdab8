import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import { ROOT, entryArgs, hermeticEnv } from '../helpers/spawn-cli.js';

// /dev/full takes every open and fails every write with ENOSPC: a log or an output file on a full disk.
const EVENT = 'amazon-openai-2025-12';
const hasDevFull = existsSync('/dev/full');

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdout or stderr (or both) on /dev/full; the other stream is captured. */
async function spawnCli(args: string[], full: 'stdout' | 'stderr' | 'both', cwd: string): Promise<Spawned> {
  const fd = openSync('/dev/full', 'w');
  try {
    const child = spawn(process.execPath, [...entryArgs(), ...args], {
      cwd,
      env: hermeticEnv(),
      stdio: ['ignore', full === 'stderr' ? 'pipe' : fd, full === 'stdout' ? 'pipe' : fd],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resume) => child.on('close', (c) => resume(c)));
    return { code, stdout, stderr };
  } finally {
    closeSync(fd);
  }
}

function storedRuns(db: string): Array<{ status: string; finishedAt: number | null }> {
  const store = Store.open(db, { mustExist: true });
  try {
    return store.listRuns(EVENT).runs.map((r) => ({ status: r.status, finishedAt: r.finishedAt }));
  } finally {
    store.close();
  }
}

describe.skipIf(!hasDevFull)('output on a full disk (/dev/full)', () => {
  let dir: string;
  let db: string;
  let out: string;
  const common = (): string[] => ['--events-dir', join(ROOT, 'events'), '--db', db];
  const runArgs = (): string[] => ['run', '--event', EVENT, '--source', 'fixtures', '--fixtures', join(ROOT, 'fixtures'), ...common(), '--out', out, '--format', 'md,json'];
  let logFull: Spawned;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-full-'));
    db = join(dir, 'store.db');
    out = join(dir, 'reports');
    // the cron line's `>> logs/nightly.log 2>&1` on a full log disk: no log line can be written
    logFull = await spawnCli(runArgs(), 'stderr', dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a run whose log (stderr) cannot be written still collects, reports, records its run and releases its lock', () => {
    expect(logFull.code).toBe(EXIT.ok);
    expect(logFull.stdout).toMatch(/\.md\n/);
    expect(readdirSync(join(out, EVENT)).some((f) => f.endsWith('.json'))).toBe(true);
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(storedRuns(db)).toEqual([{ status: 'ok', finishedAt: expect.any(Number) }]);
  });

  it('data that cannot be written to stdout is a file error (exit 3) named on stderr, never a stack trace', async () => {
    const result = await spawnCli(['quotes', '--event', EVENT, ...common(), '--format', 'csv'], 'stdout', dir);
    expect(result.code).toBe(EXIT.source);
    expect(result.stderr).toContain('reactionlens: file error: cannot write the output to stdout: no space left on device (ENOSPC)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('run --json whose summary cannot be written keeps the run recorded as it went (ok) and exits 3', async () => {
    const result = await spawnCli([...runArgs(), '--json'], 'stdout', dir);
    expect(result.code).toBe(EXIT.source);
    expect(result.stderr).toMatch(/: ok\n/);
    expect(result.stderr).toContain('file error: cannot write the output to stdout');
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(storedRuns(db).map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it("a --json error object that cannot be written is said on stderr; the exit code stays the failure's", async () => {
    const result = await spawnCli(['report', '--event', 'no-such-event', ...common(), '--json'], 'stdout', dir);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('reactionlens: error: Unknown event "no-such-event"');
    expect(result.stderr).toContain('reactionlens: file error: cannot write the error object to stdout: no space left on device (ENOSPC)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('tag stops when its results cannot be written, and exits 3 even with nowhere to say so', async () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, Array.from({ length: 2_000 }, (_, i) => JSON.stringify({ id: `c${i}`, text: `More circular financing, take ${i}.` })).join('\n') + '\n');
    const result = await spawnCli(['tag', file], 'both', dir);
    expect(result.code).toBe(EXIT.source);
  });
});
