import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';

const EVENT = 'amazon-openai-2025-12';

describe('run while a run on another store writes the same reports folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-busy-folder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a fine (absent) history.json', null],
    ['a damaged history.json', 'not json'],
  ])('with %s: collects and tags (all stored), is recorded as failed (report not written), exit 5', async (_name, history) => {
    const db = join(dir, `${history === null ? 'fine' : 'damaged'}.db`);
    const out = join(dir, `${history === null ? 'fine' : 'damaged'}-reports`);
    const eventDir = join(out, EVENT);
    mkdirSync(eventDir, { recursive: true });
    if (history !== null) writeFileSync(join(eventDir, 'history.json'), history);
    // another run, alive on this host (this very process), writing the folder from a store of its own
    writeFileSync(join(eventDir, '.reactionlens.lock'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 0 }));
    const before = readdirSync(eventDir).sort();
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(5);
    expect(result.stderr).toMatch(/busy: The reports folder .* is being written by another reactionlens run/);
    expect(readdirSync(eventDir).sort()).toEqual(before);
    const store = Store.open(db);
    try {
      expect(store.countEvent(EVENT).comments).toBeGreaterThan(0);
      const runs = store.listRuns(EVENT).runs;
      expect(runs.length).toBe(1);
      expect(runs[0]?.status).toBe('failed');
      expect(runs[0]?.counts.commentsNew).toBeGreaterThan(0);
      expect(runs[0]?.counts.commentsTagged).toBeGreaterThan(0);
      expect(runs[0]?.errors.join('\n')).toMatch(/^report not written: The reports folder .* is being written by another reactionlens run/m);
    } finally {
      store.close();
    }
  }, 60_000);

  it('a history.json that cannot even be set aside fails the night before collecting, and the run is recorded (exit 3)', async () => {
    const db = join(dir, 'unreadable.db');
    const out = join(dir, 'unreadable-reports');
    // a folder named history.json: not readable as JSON, and its bytes cannot be read to rebuild from
    mkdirSync(join(out, EVENT, 'history.json'), { recursive: true });
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/file error: .*history\.json/);
    const store = Store.open(db);
    try {
      const runs = store.listRuns(EVENT).runs;
      expect(runs.map((r) => r.status)).toEqual(['failed']);
      expect(runs[0]?.errors.join('\n')).toMatch(/^report not written: .*history\.json/m);
    } finally {
      store.close();
    }
  }, 60_000);
});
