import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { acquireStoreLock } from '../../src/store/store-lock.js';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';

const EVENT = 'amazon-openai-2025-12';

// a folder this user may read but not write (a permission error would not stop root): node:fs as the code under test
// sees it refuses, with `denied.code`, to create or open for writing any file under `denied.dir`
const denied = vi.hoisted(() => ({ dir: null as string | null, code: 'EACCES' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: string, flags?: string, mode?: number) => {
    if (denied.dir !== null && typeof path === 'string' && path.startsWith(`${denied.dir}/`) && flags !== undefined && flags !== 'r') {
      throw Object.assign(new Error(`${denied.code}: permission denied, open '${path}'`), { code: denied.code, syscall: 'open', path });
    }
    return fs.openSync(path, flags ?? 'r', mode);
  }) as typeof fs.openSync;
  return { ...fs, openSync, default: { ...fs, openSync } };
});
afterEach(() => {
  denied.dir = null;
});

describe('earlier report files lose the quotes of comments deleted since (run and scrub)', () => {
  let dir: string;
  let db: string;
  let out: string;
  let jsonPath: string;
  let gone: { commentId: string; text: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-scrub-'));
    db = join(dir, 'store.db');
    out = join(dir, 'reports');
    const first = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--format', 'md,json,csv,html', '--quiet']);
    expect(first.code).toBe(0);
    jsonPath = first.stdout.split('\n').find((l) => l.endsWith('.json') && !l.endsWith('manifest.json') && !l.endsWith('history.json'))!;
    const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
    const quote = report.quotes.highlights[0]!;
    // a run of plain words, which every format writes unescaped
    const words = [...quote.text.matchAll(/[A-Za-z][A-Za-z ]{14,}[A-Za-z]/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
    if (words === undefined) throw new Error(`no plain words in ${quote.text}`);
    gone = { commentId: quote.commentId, text: words };
    // Reddit says it was deleted (what the next night's re-check would find)
    const store = Store.open(db);
    store.purgeComments([{ id: gone.commentId, status: 'deleted' }], Date.now() / 1000);
    store.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const reportFiles = (): string[] => ['md', 'json', 'csv', 'html'].map((ext) => jsonPath.replace(/\.json$/, `.${ext}`));

  it('scrub rewrites every report file that quotes it, prints their paths, and says how many in --json', async () => {
    const copy = join(dir, 'copy');
    cpSync(out, copy, { recursive: true });
    for (const path of reportFiles()) expect(readFileSync(path.replace(out, copy), 'utf8')).toContain(gone.text);
    const result = await cli(['scrub', '--db', db, '--out', copy, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { folders: string[]; scrubbed: { files: number; quotesRemoved: number; paths: string[]; unreadable: string[] } };
    expect(summary.folders).toEqual([join(copy, EVENT)]);
    expect(summary.scrubbed.files).toBe(4);
    expect(summary.scrubbed.paths.sort()).toEqual(reportFiles().map((p) => p.replace(out, copy)).sort());
    for (const path of summary.scrubbed.paths) expect(readFileSync(path, 'utf8')).not.toContain(gone.text);
    expect(result.stderr).toMatch(/scrubbed 4 earlier report file\(s\)/);
    // a second scrub finds nothing left to do
    const again = JSON.parse((await cli(['scrub', '--db', db, '--out', copy, '--event', EVENT, '--json'])).stdout) as { scrubbed: { files: number } };
    expect(again.scrubbed.files).toBe(0);
  });

  it('scrub exits 4 and names a hand-edited file that still names the deleted comment', async () => {
    const copy = join(dir, 'edited');
    cpSync(out, copy, { recursive: true });
    const md = reportFiles()[0]!.replace(out, copy);
    // the attribution moved out of the blockquote: no longer a quote scrub can take apart, but still the comment's permalink
    const edited = readFileSync(md, 'utf8').replace(new RegExp(`^> — (.*/${gone.commentId}/)`, 'm'), '— $1');
    expect(edited).not.toBe(readFileSync(md, 'utf8'));
    writeFileSync(md, edited);
    const result = await cli(['scrub', '--db', db, '--out', copy]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`${md} still names a comment deleted or removed on Reddit`);
  });

  it('scrub scrubs the files beside a truncated manifest and exits 4 naming the manifest', async () => {
    const copy = join(dir, 'truncated');
    cpSync(out, copy, { recursive: true });
    const manifest = jsonPath.replace(out, copy).replace(/\.json$/, '.manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 300));
    const result = await cli(['scrub', '--db', db, '--out', copy]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`${manifest} is not a report reactionlens can read`);
    for (const path of reportFiles()) expect(readFileSync(path.replace(out, copy), 'utf8')).not.toContain(gone.text);
  });

  it('report takes the store lock: while another process holds it, report exits 5 and leaves the folder alone', async () => {
    const copy = join(dir, 'locked');
    cpSync(out, copy, { recursive: true });
    const before = readFileSync(reportFiles()[0]!.replace(out, copy), 'utf8');
    const release = acquireStoreLock(db);
    try {
      const result = await cli(['report', '--event', EVENT, '--db', db, '--out', copy]);
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(/busy: .*in use by another reactionlens run/);
    } finally {
      release();
    }
    expect(readFileSync(reportFiles()[0]!.replace(out, copy), 'utf8')).toBe(before);
  });

  it('report and scrub on another store take the reports folder lock: while a live run holds it, exit 5 and the folder is left alone', async () => {
    const copy = join(dir, 'folder-locked');
    cpSync(out, copy, { recursive: true });
    const otherDb = join(dir, 'other-store.db');
    cpSync(db, otherDb);
    const eventDir = join(copy, EVENT);
    // another run, alive on this host (this very process), writing the folder from a store of its own
    const lock = join(eventDir, '.reactionlens.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 0 }));
    const before = readdirSync(eventDir).map((f) => [f, readFileSync(join(eventDir, f), 'utf8')]);
    const report = await cli(['report', '--event', EVENT, '--db', otherDb, '--out', copy]);
    expect(report.code, report.stderr).toBe(5);
    expect(report.stderr).toMatch(new RegExp(`busy: The reports folder ${eventDir} is being written by another reactionlens run \\(pid ${process.pid} `));
    const scrub = await cli(['scrub', '--db', otherDb, '--out', copy]);
    expect(scrub.code, scrub.stderr).toBe(5);
    expect(readdirSync(eventDir).map((f) => [f, readFileSync(join(eventDir, f), 'utf8')])).toEqual(before);
    // once that run is gone (its lock left behind), the next one takes the folder over
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: 0 }));
    const after = await cli(['scrub', '--db', otherDb, '--out', copy]);
    expect(after.code, after.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it.each(['EACCES', 'EPERM'])('a reports folder this user cannot write (%s): scrub passes when nothing needs taking out, and fails naming the file when one does', async (code) => {
    denied.code = code;
    const clean = join(dir, `clean-${code}`);
    cpSync(out, clean, { recursive: true });
    expect((await cli(['scrub', '--db', db, '--out', clean])).code).toBe(0);
    denied.dir = clean;
    const nothing = await cli(['scrub', '--db', db, '--out', clean]);
    expect(nothing.code, nothing.stderr).toBe(0);
    expect(nothing.stderr).toContain('1 folder(s) checked, 0 file(s) rewritten');
    // a folder with a quote to take out: the scrub fails on the file it must rewrite, not on the lock
    const dirty = join(dir, `dirty-${code}`);
    cpSync(out, dirty, { recursive: true });
    denied.dir = dirty;
    const must = await cli(['scrub', '--db', db, '--out', dirty]);
    expect(must.code, must.stderr).toBe(3);
    expect(must.stderr).toMatch(new RegExp(`file error: cannot .*${join(dirty, EVENT)}/[^ ]*: .*\\(${code}\\)`));
    expect(must.stderr).not.toContain('.reactionlens.lock');
    for (const path of reportFiles()) expect(readFileSync(path.replace(out, dirty), 'utf8')).toContain(gone.text);
  });

  it('scrub refuses a mistyped --event or a missing --out with exit 2 naming the path, instead of "checking" nothing', async () => {
    const typo = await cli(['scrub', '--db', db, '--out', out, '--event', 'amazon-openai-2052-12']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(join(out, 'amazon-openai-2052-12'));
    const missing = await cli(['scrub', '--db', db, '--out', join(dir, 'no-such-reports')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(join(dir, 'no-such-reports'));
    expect(missing.stderr).not.toContain('checked');
  });

  it('scrub goes on past a folder it cannot scrub, then exits 3 naming it', async () => {
    const copy = join(dir, 'one-broken');
    cpSync(out, copy, { recursive: true });
    // sorted before the event's folder; a "manifest" that is a folder cannot be read (a permission error would not stop root)
    const broken = join(copy, 'aaa-broken');
    mkdirSync(join(broken, '2025-12-01.manifest.json'), { recursive: true });
    const result = await cli(['scrub', '--db', db, '--out', copy]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/file error: .*aaa-broken/);
    for (const path of reportFiles()) expect(readFileSync(path.replace(out, copy), 'utf8')).not.toContain(gone.text);
  });

  it('scrub that fails on one folder and finds another busy names the busy one on stderr too, not only in --json', async () => {
    const copy = join(dir, 'broken-and-busy');
    cpSync(out, copy, { recursive: true });
    mkdirSync(join(copy, 'aaa-broken', '2025-12-01.manifest.json'), { recursive: true });
    const eventDir = join(copy, EVENT);
    writeFileSync(join(eventDir, '.reactionlens.lock'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 0 }));
    const result = await cli(['scrub', '--db', db, '--out', copy]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/file error: .*aaa-broken/);
    expect(result.stderr).toContain(`busy, not scrubbed: The reports folder ${eventDir} is being written by another reactionlens run (pid ${process.pid} `);
    for (const path of reportFiles()) expect(readFileSync(path.replace(out, copy), 'utf8')).toContain(gone.text);
  });

  it('the next run scrubs them too, and its --json says how many files', async () => {
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--format', 'md,json,csv,html', '--quiet', '--json', '--no-recheck']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { scrubbed: { files: number; quotesRemoved: number } };
    expect(summary.scrubbed.files).toBe(4);
    expect(summary.scrubbed.quotesRemoved).toBeGreaterThanOrEqual(4);
    for (const path of reportFiles()) expect(readFileSync(path, 'utf8')).not.toContain(gone.text);
  }, 60_000);
});
