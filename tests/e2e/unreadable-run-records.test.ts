import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import { cli as runCliInProcess, type CliResult } from '../helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';

async function cli(args: string[]): Promise<CliResult> {
  return runCliInProcess(args, { cwd: ROOT });
}

describe('a stored run record that cannot be read (hand edit, damaged row)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-unreadable-run-'));
    db = join(dir, 'store.db');
    const first = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db, '--quiet']);
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const store = Store.open(db);
    try {
      store.db
        .prepare("INSERT INTO runs (id, event_id, source, started_at, finished_at, status, record) VALUES ('damaged', ?, 'fixtures', 1, NULL, 'running', '{\"id\":')")
        .run(EVENT);
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run still collects and reports, names the run once on stderr with how to clear it, and exits partial (4), not invalid input', async () => {
    const second = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', join(dir, 'reports'), '--format', 'json', '--quiet']);
    expect(second.stdout).toMatch(/\.json\n$/);
    expect(second.stderr).toContain(`the store at ${db}: the stored record of run damaged cannot be read: it is not JSON`);
    expect(second.stderr.match(/run damaged cannot be read/g)).toHaveLength(1);
    expect(second.stderr).toContain("DELETE FROM runs WHERE id = 'damaged'");
    expect(second.stderr).toMatch(/run .* \(fixtures\): ok/);
    expect(second.stderr).toMatch(/partial result: 1 stored run record\(s\) of .* cannot be read/);
    expect(second.code).toBe(EXIT.partial);
  });

  it('report is written from the other runs, names the unreadable one, and exits partial (4)', async () => {
    const out = join(dir, 'reports');
    const report = await cli(['report', '--event', EVENT, '--db', db, '--out', out, '--format', 'json']);
    const [path] = report.stdout.trim().split('\n');
    expect(path !== undefined && existsSync(path), report.stderr).toBe(true);
    expect(report.stderr).toContain('the stored record of run damaged cannot be read: it is not JSON');
    expect(report.code).toBe(EXIT.partial);
  });

  it('does not hide a partial night: both reasons are given and the exit is 4', async () => {
    // a copy of the fixtures missing one thread's comments: that thread is skipped, so the night is partial
    const fixtures = join(dir, 'fixtures');
    cpSync(join(ROOT, 'fixtures'), fixtures, { recursive: true });
    rmSync(join(fixtures, 'reddit', EVENT, 'comments', '1olshy9.json'));
    const night = await runCliInProcess(
      ['run', '--event', EVENT, '--source', 'fixtures', '--fixtures', fixtures, '--db', join(dir, 'partial.db'), '--out', join(dir, 'reports'), '--format', 'json', '--quiet'],
      { cwd: ROOT },
    );
    expect(night.code, night.stderr).toBe(EXIT.partial);
    const store = Store.open(join(dir, 'partial.db'));
    try {
      store.db
        .prepare("INSERT INTO runs (id, event_id, source, started_at, finished_at, status, record) VALUES ('damaged', ?, 'fixtures', 1, 2, 'ok', 'null')")
        .run(EVENT);
    } finally {
      store.close();
    }
    const again = await runCliInProcess(
      ['run', '--event', EVENT, '--source', 'fixtures', '--fixtures', fixtures, '--db', join(dir, 'partial.db'), '--out', join(dir, 'reports'), '--format', 'json', '--quiet'],
      { cwd: ROOT },
    );
    expect(again.code, again.stderr).toBe(EXIT.partial);
    expect(again.stderr).toMatch(/partial result: .*could not be fetched.*; 1 stored run record\(s\) of .* cannot be read|partial result: 1 stored run record\(s\).*; .*could not be fetched/);
  });
});
