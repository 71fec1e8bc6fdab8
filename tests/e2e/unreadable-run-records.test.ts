import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

  it('run still collects and reports, names the run once on stderr and exits with the invalid-input code', async () => {
    const second = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', join(dir, 'reports'), '--format', 'json', '--quiet']);
    expect(second.stdout).toMatch(/\.json\n$/);
    expect(second.stderr).toContain(`the store at ${db}: the stored record of run damaged cannot be read: it is not JSON`);
    expect(second.stderr.match(/run damaged cannot be read/g)).toHaveLength(1);
    expect(second.stderr).toMatch(/run .* \(fixtures\): ok/);
    expect(second.code).toBe(EXIT.usage);
  });

  it('report is written from the other runs, names the unreadable one, and exits with the invalid-input code', async () => {
    const out = join(dir, 'reports');
    const report = await cli(['report', '--event', EVENT, '--db', db, '--out', out, '--format', 'json']);
    const [path] = report.stdout.trim().split('\n');
    expect(path !== undefined && existsSync(path), report.stderr).toBe(true);
    expect(report.stderr).toContain('the stored record of run damaged cannot be read: it is not JSON');
    expect(report.code).toBe(EXIT.usage);
  });
});
