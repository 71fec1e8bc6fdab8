import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import type { RunRecord } from '../../src/types.js';
import { FROM, comment, ndjson, post } from '../import/dump-fixtures.js';
import { cli } from '../helpers/run-cli.js';
import { entryArgs, hermeticEnv } from '../helpers/spawn-cli.js';

// `import --event` is a run like `collect`: recorded as running while it imports, so a kill leaves a row the next
// command records as abandoned, and Ctrl-C leaves a partial one counting what it stored.
const COMMENTS = 60_000;

interface Peek {
  status: string;
  finishedAt: number | null;
  commentsNew: number;
}

function peekImportRun(db: string): Peek | undefined {
  try {
    const peek = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const row = peek.prepare("SELECT record FROM runs WHERE id LIKE '%-import-%' ORDER BY started_at LIMIT 1").get() as { record: string } | undefined;
      if (row === undefined) return undefined;
      const run = JSON.parse(row.record) as RunRecord;
      return { status: run.status, finishedAt: run.finishedAt, commentsNew: run.counts.commentsNew };
    } finally {
      peek.close();
    }
  } catch {
    return undefined; // the store is still being created
  }
}

function importRuns(db: string): RunRecord[] {
  const store = Store.open(db, { mustExist: true });
  try {
    return store.listRuns('test-event').runs;
  } finally {
    store.close();
  }
}

function countComments(db: string): number {
  const peek = new Database(db, { readonly: true });
  try {
    return (peek.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n;
  } finally {
    peek.close();
  }
}

/** Starts the import and sends `signal` once its run record shows a first batch stored. */
async function stopMidImport(args: string[], cwd: string, db: string, signal: NodeJS.Signals): Promise<{ code: number | null; seen: Peek | undefined }> {
  const child: ChildProcess = spawn(process.execPath, [...entryArgs(), ...args], { cwd, env: hermeticEnv(), stdio: 'ignore' });
  let exited = false;
  const closed = new Promise<number | null>((resume) => child.on('close', (code) => ((exited = true), resume(code))));
  let seen: Peek | undefined;
  while (!exited) {
    await new Promise((resume) => setTimeout(resume, 20));
    seen = peekImportRun(db);
    if (seen !== undefined && seen.status === 'running' && seen.commentsNew > 0) {
      child.kill(signal);
      break;
    }
  }
  return { code: await closed, seen };
}

describe('import --event keeps a run record while it runs', () => {
  let dir: string;
  let rc: string;
  const args = (db: string): string[] => ['import', join(dir, 'RS_2025-12'), rc, '--event', 'test-event', '--events-dir', join(dir, 'events'), '--db', db, '--batch-size', '500', '--quiet'];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-import-run-'));
    mkdirSync(join(dir, 'events'));
    writeFileSync(
      join(dir, 'events', 'test-event.json'),
      JSON.stringify({ id: 'test-event', title: 'Test event', description: 'A test event', window: { from: '2025-12-16T00:00:00Z', to: '2025-12-31T23:59:59Z' }, queries: ['amazon openai'], subreddits: ['stocks'] }),
    );
    writeFileSync(join(dir, 'RS_2025-12'), ndjson([post('p1', FROM + 10)]));
    rc = join(dir, 'RC_2025-12');
    writeFileSync(rc, ndjson(Array.from({ length: COMMENTS }, (_, i) => comment(`c${i.toString(36)}`, 'p1', 't3_p1', FROM + 30 + i))));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Ctrl-C (SIGINT) mid-import records it as partial with what it stored; the resumed import counts the rest', async () => {
    const db = join(dir, 'sigint.db');
    const { code, seen } = await stopMidImport(args(db), dir, db, 'SIGINT');
    expect(seen?.status, 'no running record while importing').toBe('running');
    expect(code).toBe(EXIT.interrupted);
    const [stopped] = importRuns(db);
    expect(stopped).toMatchObject({ status: 'partial', errors: [expect.stringMatching(/interrupted while importing/)] });
    expect(stopped!.finishedAt).not.toBeNull();
    const storedBefore = countComments(db);
    expect(stopped!.counts.commentsNew).toBe(storedBefore);
    expect(storedBefore).toBeLessThan(COMMENTS);

    const resumed = await cli(args(db), { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(EXIT.ok);
    const runs = importRuns(db);
    expect(runs.map((r) => r.status)).toEqual(['partial', 'ok']);
    // each record counts what that import stored: together, every comment once
    expect(runs[0]!.counts.commentsNew + runs[1]!.counts.commentsNew).toBe(COMMENTS);
    expect(countComments(db)).toBe(COMMENTS);
  }, 120_000);

  it('a killed import (SIGKILL) stays running, and the next command on the store records it as abandoned', async () => {
    const db = join(dir, 'sigkill.db');
    const { seen } = await stopMidImport(args(db), dir, db, 'SIGKILL');
    expect(seen?.status, 'no running record while importing').toBe('running');
    expect(importRuns(db).map((r) => [r.status, r.finishedAt])).toEqual([['running', null]]);

    const resumed = await cli(args(db), { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(EXIT.ok);
    expect(resumed.stderr).toMatch(/run test-event-import-\w+ \(started .*\) never finished \(killed or crashed\): recorded as abandoned/);
    const runs = importRuns(db);
    expect(runs.map((r) => r.status)).toEqual(['abandoned', 'ok']);
    // the killed one counts what it stored up to its last committed batch (one batch may be stored but not yet counted)
    const total = runs[0]!.counts.commentsNew + runs[1]!.counts.commentsNew;
    expect(total).toBeGreaterThan(COMMENTS - 500);
    expect(total).toBeLessThanOrEqual(COMMENTS);
    expect(countComments(db)).toBe(COMMENTS);
  }, 120_000);
});
