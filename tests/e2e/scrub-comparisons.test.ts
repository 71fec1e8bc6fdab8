import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/report/compare-reports.js';
import { acquireReportFolderLock, REPORT_FOLDER_LOCK } from '../../src/report/acquire-report-folder-lock.js';
import { LOCK_HEARTBEAT_MS } from '../../src/util/take-lock-file.js';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';

const EVENTS = ['nvidia-openai-2025-09', 'amazon-openai-2025-12'] as const;
const NAME = `compare-${EVENTS.join('-vs-')}`;

interface ScrubJson {
  scrubbed: { files: number; quotesRemoved: number; paths: string[]; unreadable: string[]; staleTempFiles: string[]; busyFolders: string[] };
}

describe('compare --out files lose the quotes of comments deleted since (scrub, report)', () => {
  let dir: string;
  let db: string;
  let out: string;
  let gone: { commentId: string; eventId: string; words: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-scrub-compare-'));
    db = join(dir, 'store.db');
    out = join(dir, 'reports');
    for (const event of EVENTS) {
      expect((await cli(['run', '--event', event, '--source', 'fixtures', '--db', db, '--out', out, '--format', 'json', '--quiet'])).code).toBe(0);
    }
    const compared = await cli(['compare', ...EVENTS, '--db', db, '--format', 'md,json,csv', '--out', out]);
    expect(compared.code).toBe(0);
    const comparison = JSON.parse(readFileSync(join(out, `${NAME}.json`), 'utf8')) as Comparison;
    const top = comparison.tags[0]!.topQuotes.find((q) => q.quote !== null)!;
    const quote = top.quote!;
    // a run of plain words, which Markdown writes unescaped
    const words = [...quote.text.matchAll(/[A-Za-z][A-Za-z ]{10,}[A-Za-z]/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
    if (words === undefined) throw new Error(`no plain words in ${quote.text}`);
    gone = { commentId: quote.commentId, eventId: top.eventId, words };
    // Reddit says it was deleted (what the next night's re-check would find)
    const store = Store.open(db);
    store.purgeComments([{ id: gone.commentId, status: 'deleted' }], Date.now() / 1000);
    // each test scrubs a copy of `out`; left on the store's record (see scrub-comparisons-elsewhere.test.ts), `out`
    // itself would be scrubbed by the first test's scrub, and the copies made after it would hold nothing to take out
    store.forgetComparisonFolder(out);
    store.close();
  }, 90_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const copyOut = (name: string): string => {
    const copy = join(dir, name);
    cpSync(out, copy, { recursive: true });
    return copy;
  };

  it('scrub takes the quote out of the Markdown and JSON, leaves the CSV (no quotes) as it was, and a second scrub finds nothing', async () => {
    const copy = copyOut('scrubbed');
    const md = join(copy, `${NAME}.md`);
    const json = join(copy, `${NAME}.json`);
    const csv = join(copy, `${NAME}.csv`);
    const csvBefore = readFileSync(csv, 'utf8');
    expect(readFileSync(md, 'utf8')).toContain(gone.words);
    expect(readFileSync(json, 'utf8')).toContain(gone.commentId);

    const result = await cli(['scrub', '--db', db, '--out', copy, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as ScrubJson;
    expect(summary.scrubbed.paths).toEqual(expect.arrayContaining([md, json]));
    expect(summary.scrubbed.paths).not.toContain(csv);
    expect(summary.scrubbed.unreadable).toEqual([]);

    const mdAfter = readFileSync(md, 'utf8');
    expect(mdAfter).not.toContain(gone.words);
    expect(mdAfter).not.toContain(`/${gone.commentId}/`);
    // the shares table is untouched, and the event whose quote went says so in its place
    expect(mdAfter).toContain('| Tag |');
    expect(mdAfter).toContain(`_${gone.eventId}: quote removed: the quoted comment was deleted or removed on Reddit after this comparison was written._`);
    const comparison = JSON.parse(readFileSync(json, 'utf8')) as Comparison;
    const entries = comparison.tags.flatMap((t) => t.topQuotes);
    expect(entries.some((q) => q.quote?.commentId === gone.commentId)).toBe(false);
    expect(entries.filter((q) => q.quoteRemoved === true && q.quote === null).length).toBeGreaterThan(0);
    expect(readFileSync(json, 'utf8')).not.toContain(gone.commentId);
    expect(readFileSync(csv, 'utf8')).toBe(csvBefore);

    const again = JSON.parse((await cli(['scrub', '--db', db, '--out', copy, '--json'])).stdout) as ScrubJson;
    expect(again.scrubbed.files).toBe(0);
  });

  it('report scrubs the comparisons beside the event folders too', async () => {
    const copy = copyOut('report');
    const result = await cli(['report', '--event', gone.eventId, '--db', db, '--out', copy, '--format', 'json', '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as ScrubJson).scrubbed.paths).toEqual(expect.arrayContaining([join(copy, `${NAME}.md`), join(copy, `${NAME}.json`)]));
    expect(readFileSync(join(copy, `${NAME}.md`), 'utf8')).not.toContain(gone.words);
  });

  it("scrub removes a killed compare --out's temp file (comparison text) and leaves other dotfiles", async () => {
    const copy = copyOut('temp');
    const temp = join(copy, `.${NAME}.md.4242.0a1b2c3d.tmp`);
    const other = join(copy, '.notes.md.4242.0a1b2c3d.tmp');
    writeFileSync(temp, readFileSync(join(copy, `${NAME}.md`)));
    writeFileSync(other, 'not ours');
    const summary = JSON.parse((await cli(['scrub', '--db', db, '--out', copy, '--json'])).stdout) as ScrubJson;
    expect(summary.scrubbed.staleTempFiles).toEqual([temp]);
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });

  it("a comparison file the run cannot read is named as not checked (exit 4), and the night's report is still written", async () => {
    const copy = copyOut('unreadable');
    // a path that cannot be read as a file (as another user's 0600 file cannot; tests may run as root, which reads those)
    const blocked = join(copy, 'compare-a-vs-b.md');
    mkdirSync(blocked);
    const result = await cli(['report', '--event', gone.eventId, '--db', db, '--out', copy, '--format', 'json', '--json']);
    expect(result.code).toBe(4);
    const summary = JSON.parse(result.stdout) as ScrubJson & { paths: string[] };
    expect(summary.scrubbed.unreadable).toEqual([blocked]);
    expect(summary.paths.some((p) => p.endsWith('.json'))).toBe(true);
    // the readable comparison was still scrubbed
    expect(readFileSync(join(copy, `${NAME}.md`), 'utf8')).not.toContain(gone.words);
  });

  it("a user's own file only named like a comparison is left alone; a damaged comparison is still named as not checked", async () => {
    const copy = copyOut('foreign');
    const notes = { json: join(copy, 'compare-notes.json'), csv: join(copy, 'compare-ideas.csv'), md: join(copy, 'compare-plan.md') };
    writeFileSync(notes.json, '{"todo": ["compare the two launches"]}\n');
    writeFileSync(notes.csv, 'event,share\nlaunch,0.4\n');
    writeFileSync(notes.md, '# what to compare next\n\n> a quote I liked\n');
    const clean = await cli(['report', '--event', gone.eventId, '--db', db, '--out', copy, '--format', 'json', '--json']);
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as ScrubJson).scrubbed.unreadable).toEqual([]);
    expect(readFileSync(join(copy, `${NAME}.md`), 'utf8')).not.toContain(gone.words);
    for (const [format, path] of Object.entries(notes)) expect(readFileSync(path, 'utf8'), format).toMatch(/compare|launch/);
    // cut short, the comparison JSON no longer parses, but it still names the comments it quotes
    const json = join(copy, `${NAME}.json`);
    writeFileSync(json, readFileSync(json, 'utf8').slice(0, -200));
    const damaged = await cli(['report', '--event', gone.eventId, '--db', db, '--out', copy, '--format', 'json', '--json']);
    expect(damaged.code).toBe(4);
    expect((JSON.parse(damaged.stdout) as ScrubJson).scrubbed.unreadable).toEqual([json]);
  });

  it("a dead container's lock on the folder is taken over, told on the command's stderr", async () => {
    const copy = copyOut('dead-lock');
    const lock = join(copy, REPORT_FOLDER_LOCK);
    const old = Date.now() - 20 * 60_000;
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'old-container-3f2a', startedAt: old, bootId: 'boot-1', processStart: '5', pidNamespace: 'pid:[4026532001]', heartbeatMs: LOCK_HEARTBEAT_MS }));
    utimesSync(lock, old / 1000, old / 1000);
    const result = await cli(['scrub', '--db', db, '--out', copy, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/took over the lock .*old-container-3f2a/);
    expect(existsSync(lock)).toBe(false);
  });

  it('a folder another run is writing is named and not checked (exit 4); compare --out into it is busy (exit 5)', async () => {
    const copy = copyOut('busy');
    const release = acquireReportFolderLock(copy);
    try {
      const result = await cli(['scrub', '--db', db, '--out', copy, '--json']);
      expect(result.code).toBe(4);
      expect((JSON.parse(result.stdout) as ScrubJson).scrubbed.busyFolders).toEqual([copy]);
      expect(result.stderr).toMatch(/comparison files in it were not checked/);
      expect(readFileSync(join(copy, `${NAME}.md`), 'utf8')).toContain(gone.words);

      const compared = await cli(['compare', ...EVENTS, '--db', db, '--format', 'md', '--out', copy]);
      expect(compared.code).toBe(5);
      expect(compared.stderr).toMatch(/is being written by another reactionlens run/);
    } finally {
      release();
    }
  });
});
