import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FROM, ndjson, post, writeDump } from '../import/dump-fixtures.js';
import { cli } from '../helpers/run-cli.js';

const EVENT = 'amazon-openai-2025-12';

// exit 4 says "partial"; a consumer of --json must find why in the result itself, not only on stderr
describe('--json results carry the partial reasons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-json-partial-'));
  const db = join(dir, 's.db');
  const out = join(dir, 'rep');
  const history = join(out, EVENT, 'history.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const first = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet', '--no-recheck']);
    expect(first.code, first.stderr).toBe(0);
  }, 60_000);

  it('report --json on a damaged history.json: exit 4, one reason naming the history file', async () => {
    writeFileSync(history, 'not json at all');
    const result = await cli(['report', '--event', EVENT, '--db', db, '--out', out, '--json']);
    expect(result.code, result.stderr).toBe(4);
    const json = JSON.parse(result.stdout) as { event: string; partial: string[] };
    expect(json.event).toBe(EVENT);
    expect(json.partial).toEqual([`the report history ${history} was damaged: set aside and rebuilt`]);
    // stderr still says the same
    expect(result.stderr).toContain(`partial result: the report history ${history} was damaged`);
  }, 60_000);

  it('a clean report --json: exit 0, partial is []', async () => {
    const result = await cli(['report', '--event', EVENT, '--db', db, '--out', out, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { partial: unknown }).partial).toEqual([]);
  }, 60_000);

  it('run --json on a damaged history.json: exit 4, the reason in partial beside the run record', async () => {
    writeFileSync(history, '{"schema": "reactionlens/history@1", "poi');
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--quiet', '--no-recheck', '--json']);
    expect(result.code, result.stderr).toBe(4);
    const json = JSON.parse(result.stdout) as { run: { status: string }; partial: string[] };
    expect(json.run.status).toBe('partial');
    expect(json.partial).toEqual([`the report history ${history} was damaged: set aside and rebuilt`]);
  }, 60_000);

  it('collect --json: partial is a top-level key beside the run record fields', async () => {
    const result = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db, '--quiet', '--no-recheck', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { eventId: string; status: string; partial: unknown };
    expect(json).toMatchObject({ eventId: EVENT, status: 'ok', partial: [] });
  }, 60_000);

  it('scrub --json with a truncated manifest: exit 4, the file not checked is counted in partial', async () => {
    const copy = join(dir, 'truncated');
    cpSync(out, copy, { recursive: true });
    const clean = await cli(['scrub', '--db', db, '--out', copy, '--json']);
    expect(clean.code, clean.stderr).toBe(0);
    expect((JSON.parse(clean.stdout) as { partial: unknown }).partial).toEqual([]);
    const eventDir = join(copy, EVENT);
    const manifest = join(eventDir, readdirSync(eventDir).find((n) => n.endsWith('.manifest.json'))!);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 300));
    const result = await cli(['scrub', '--db', db, '--out', copy, '--json']);
    expect(result.code, result.stderr).toBe(4);
    const json = JSON.parse(result.stdout) as { scrubbed: { unreadable: string[] }; partial: string[] };
    expect(json.scrubbed.unreadable).toEqual([manifest]);
    expect(json.partial).toEqual(['1 report file(s) not checked for quotes of deleted or removed comments']);
  }, 60_000);

  it('import --json with a truncated dump: exit 4, partial names the file', async () => {
    const full = writeDump(join(dir, 'RS_big.zst'), ndjson(Array.from({ length: 2000 }, (_, i) => post(`t${i}`, FROM + i))), { zstd: true });
    const bytes = readFileSync(full);
    writeFileSync(join(dir, 'RS_cut.zst'), bytes.subarray(0, bytes.length - 200));
    const result = await cli(['import', 'RS_cut.zst', '--db', join(dir, 'import.db'), '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(4);
    const json = JSON.parse(result.stdout) as { files: Array<{ status: string }>; partial: string[] };
    expect(json.files.map((f) => f.status)).toEqual(['truncated']);
    expect(json.partial).toEqual(['RS_cut.zst ended early (truncated or corrupt)']);
  });
});
