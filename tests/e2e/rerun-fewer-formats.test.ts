import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';

const EVENT = 'amazon-openai-2025-12';

describe('a night re-run with fewer formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-fewer-formats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the other formats in every later scrub: a comment deleted afterwards leaves none of the four files', async () => {
    const db = join(dir, 's.db');
    const out = join(dir, 'rep');
    const run = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const report = await cli(['report', '--event', EVENT, '--db', db, '--out', out, '--format', 'md']);
    expect(report.code, report.stderr).toBe(0);
    const files = run.stdout.split('\n').filter((p) => /\.(md|json|csv|html)$/.test(p) && !/(manifest|history)\.json$/.test(p));
    expect(files.length).toBe(4);
    const quoted = 'nmq78fk';
    for (const path of files) expect(readFileSync(path, 'utf8'), path).toContain(quoted);

    const store = Store.open(db);
    store.purgeComments([{ id: quoted, status: 'deleted' }], Date.now() / 1000);
    store.close();
    const scrub = await cli(['scrub', '--event', EVENT, '--out', out, '--db', db]);
    expect(scrub.code, scrub.stderr).toBe(0);
    expect(scrub.stderr).toContain('4 file(s) rewritten');
    for (const path of files) expect(readFileSync(path, 'utf8'), path).not.toContain(quoted);
  }, 60_000);
});
