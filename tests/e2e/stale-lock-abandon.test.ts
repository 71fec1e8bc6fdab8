import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import type { Report } from '../../src/report/report.js';
import { Store } from '../../src/store/store.js';
import { emptyRunCounts } from '../../src/types.js';
import { cli } from '../helpers/run-cli.js';

// A run killed mid-way (SIGKILL, out of memory) leaves its record `running` and its lock. Every command that takes the
// lock over records that run as abandoned, not only `run` and `collect`: `report` would otherwise publish a dead run
// as running.
const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';
const DEAD_PID = 4_999_999; // above Linux's largest pid_max (2^22): never a running process

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store holding a run of EVENT left `running` by a killed process, whose lock is still there. */
function storeAfterKill(): { dir: string; db: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rl-killed-'));
  dirs.push(dir);
  const db = join(dir, 'store.db');
  const store = Store.open(db);
  try {
    store.saveRun({
      id: 'killed-run', eventId: EVENT, source: 'fixtures', startedAt: 1_770_000_000, finishedAt: null,
      window: { from: 0, to: 1 }, queries: ['q'], counts: emptyRunCounts(), skipped: [], errors: [], status: 'running',
    });
  } finally {
    store.close();
  }
  writeFileSync(`${db}.lock`, JSON.stringify({ pid: DEAD_PID, host: hostname(), startedAt: 1_770_000_000_000 }));
  const out = join(dir, 'reports');
  mkdirSync(join(out, EVENT), { recursive: true });
  return { dir, db, out };
}

function killedRun(db: string): { status: string; errors: string[] } {
  const store = Store.open(db, { mustExist: true });
  try {
    const run = store.listRuns(EVENT).runs.find((r) => r.id === 'killed-run');
    return { status: run?.status ?? 'missing', errors: run?.errors ?? [] };
  } finally {
    store.close();
  }
}

describe('a stale lock taken over by any command', () => {
  it('report records the killed run as abandoned, and its report does not show it as running', async () => {
    const { dir, db, out } = storeAfterKill();
    const result = await cli(['report', '--event', EVENT, '--db', db, '--out', out, '--format', 'json', '--json', '--events-dir', join(ROOT, 'events')], { cwd: dir });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain('run killed-run (started 2026-02-02T02:40:00.000Z) never finished (killed or crashed): recorded as abandoned');
    const paths = (JSON.parse(result.stdout) as { paths: string[] }).paths;
    const report = JSON.parse(readFileSync(paths.find((p) => p.endsWith('.json'))!, 'utf8')) as Report;
    expect(report.runs.last).toMatchObject({ id: 'killed-run', status: 'abandoned' });
    expect(killedRun(db)).toEqual({ status: 'abandoned', errors: [expect.stringMatching(/^abandoned: it never finished \(killed or crashed\); found by reactionlens report at /)] });
  });

  it('records it once: the commands after the one that found it say nothing of it and add nothing to its record', async () => {
    const { dir, db, out } = storeAfterKill();
    const report = ['report', '--event', EVENT, '--db', db, '--out', out, '--format', 'json', '--events-dir', join(ROOT, 'events')];
    const first = await cli(report, { cwd: dir });
    expect(first.code, first.stderr).toBe(EXIT.ok);
    expect(first.stderr).toContain('run killed-run (started 2026-02-02T02:40:00.000Z) never finished (killed or crashed): recorded as abandoned');
    const recorded = killedRun(db);
    for (const args of [report, report, ['scrub', '--event', EVENT, '--db', db, '--out', out]]) {
      const later = await cli(args, { cwd: dir });
      expect(later.code, later.stderr).toBe(EXIT.ok);
      expect(later.stderr).not.toContain('never finished');
    }
    expect(killedRun(db)).toEqual(recorded);
    expect(recorded.errors).toHaveLength(1);
  });

  it.each([
    ['scrub', (db: string, out: string) => ['scrub', '--event', EVENT, '--db', db, '--out', out]],
    ['tag --event', (db: string) => ['tag', '--event', EVENT, '--db', db, '--events-dir', join(ROOT, 'events')]],
  ])('%s records the killed run as abandoned', async (_name, args) => {
    const { dir, db, out } = storeAfterKill();
    const result = await cli(args(db, out), { cwd: dir });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain('run killed-run (started 2026-02-02T02:40:00.000Z) never finished (killed or crashed): recorded as abandoned');
    expect(killedRun(db).status).toBe('abandoned');
  });

  it('import records the killed run as abandoned', async () => {
    const { dir, db } = storeAfterKill();
    writeFileSync(join(dir, 'RS_2025-12'), '');
    const result = await cli(['import', join(dir, 'RS_2025-12'), '--event', EVENT, '--db', db, '--events-dir', join(ROOT, 'events'), '--quiet'], { cwd: dir });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(killedRun(db).status).toBe('abandoned');
  });
});
