import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/report/compare-reports.js';
import { Store, type ComparisonFolder } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';

// `compare --out DIR` records DIR in the store, so the scrub (scrub, run, report) takes the quotes of comments deleted
// since out of comparisons written anywhere, not only at the top of its own reports folder.

const EVENTS = ['nvidia-openai-2025-09', 'amazon-openai-2025-12'] as const;
const NAME = `compare-${EVENTS.join('-vs-')}`;

interface ScrubJson {
  scrubbed: { files: number; paths: string[]; unreadable: string[]; busyFolders: string[]; unreadableFolders: string[]; comparisonFolders: string[] };
}

/** A store with both events (the same for every test, copied), a comparison written into `out`, and its top quote's comment then deleted. */
interface Setup {
  db: string;
  reports: string;
  out: string;
  gone: { commentId: string; eventId: string; words: string };
}

describe('compare --out into a folder of its own: the scrub finds it through the store', () => {
  let dir: string;
  let baseDb: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-scrub-elsewhere-'));
    baseDb = join(dir, 'base.db');
    for (const event of EVENTS) {
      expect((await cli(['run', '--event', event, '--source', 'fixtures', '--db', baseDb, '--out', join(dir, 'base-reports'), '--format', 'json', '--quiet'])).code).toBe(0);
    }
  }, 90_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `out` relative to the test's folder; `reports` (made, empty) is the --out a run or scrub is given. */
  async function setUp(name: string, out = 'analysis'): Promise<Setup> {
    const home = join(dir, name);
    const reports = join(home, 'reports');
    mkdirSync(reports, { recursive: true });
    const db = join(home, 'store.db');
    // closed by the runs: a WAL store checkpointed into its one file
    cpSync(baseDb, db);
    const outDir = join(home, out);
    const compared = await cli(['compare', ...EVENTS, '--db', db, '--format', 'md,json,csv', '--out', outDir]);
    expect(compared.code, compared.stderr).toBe(0);
    const comparison = JSON.parse(readFileSync(join(outDir, `${NAME}.json`), 'utf8')) as Comparison;
    const top = comparison.tags[0]!.topQuotes.find((q) => q.quote !== null)!;
    const words = [...top.quote!.text.matchAll(/[A-Za-z][A-Za-z ]{10,}[A-Za-z]/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
    if (words === undefined) throw new Error(`no plain words in ${top.quote!.text}`);
    const store = Store.open(db);
    try {
      expect(store.listComparisonFolders().map((folder) => folder.path)).toContain(outDir);
      store.purgeComments([{ id: top.quote!.commentId, status: 'deleted' }], Date.now() / 1000);
    } finally {
      store.close();
    }
    return { db, reports, out: outDir, gone: { commentId: top.quote!.commentId, eventId: top.eventId, words } };
  }

  const listRecorded = (db: string): string[] => listRecordedFolders(db).map((folder) => folder.path);
  const listRecordedFolders = (db: string): ComparisonFolder[] => {
    const store = Store.open(db);
    try {
      return store.listComparisonFolders();
    } finally {
      store.close();
    }
  };
  /** Sets back when the scrub first missed `path` (as if found missing `days` ago), on the store itself. */
  const setMissingSince = (db: string, path: string, days: number): void => {
    const store = Store.open(db);
    try {
      store.db.prepare('UPDATE comparison_folders SET missing_since = ? WHERE path = ?').run(Date.now() / 1000 - days * 86_400, path);
    } finally {
      store.close();
    }
  };

  it('scrub takes the quote out of a comparison written outside its --out; a second scrub finds nothing', async () => {
    const { db, reports, out, gone } = await setUp('scrub');
    const md = join(out, `${NAME}.md`);
    const json = join(out, `${NAME}.json`);
    expect(readFileSync(md, 'utf8')).toContain(gone.words);

    const result = await cli(['scrub', '--db', db, '--out', reports, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as ScrubJson;
    expect(summary.scrubbed.paths).toEqual([json, md]);
    expect(summary.scrubbed.comparisonFolders).toEqual([out]);
    expect(readFileSync(md, 'utf8')).not.toContain(gone.words);
    expect(readFileSync(md, 'utf8')).toContain(`_${gone.eventId}: quote removed: the quoted comment was deleted or removed on Reddit after this comparison was written._`);
    expect(readFileSync(json, 'utf8')).not.toContain(gone.commentId);

    const again = await cli(['scrub', '--db', db, '--out', reports]);
    expect(again.stderr).toMatch(/reactionlens scrub: \d+ folder\(s\) checked, and the comparison files in 1 other folder\(s\) `compare --out` wrote into, 0 file\(s\) rewritten/);
  });

  it("the nightly run scrubs it too, whatever its own --out", async () => {
    const { db, reports, out, gone } = await setUp('run');
    const result = await cli(['run', '--event', gone.eventId, '--source', 'fixtures', '--db', db, '--out', reports, '--format', 'json', '--json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as ScrubJson).scrubbed.paths).toEqual(expect.arrayContaining([join(out, `${NAME}.md`), join(out, `${NAME}.json`)]));
    expect(readFileSync(join(out, `${NAME}.md`), 'utf8')).not.toContain(gone.words);
  }, 30_000);

  it("a comparison written into the event's own folder is scrubbed by the report writing that folder, not found busy by it", async () => {
    const { db, reports, gone } = await setUp('event-folder', join('reports', EVENTS[0]));
    const eventOut = join(reports, EVENTS[0]);
    // the report writes the event whose folder holds the comparison, under that folder's lock
    const result = await cli(['report', '--event', EVENTS[0], '--db', db, '--out', reports, '--format', 'json', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as ScrubJson;
    expect(summary.scrubbed.busyFolders).toEqual([]);
    expect(summary.scrubbed.paths).toEqual(expect.arrayContaining([join(eventOut, `${NAME}.md`)]));
    expect(readFileSync(join(eventOut, `${NAME}.md`), 'utf8')).not.toContain(gone.words);
  });

  it('the reports folder itself, recorded under two names, is scrubbed once', async () => {
    const { db, reports } = await setUp('root', 'reports');
    symlinkSync(reports, join(dir, 'root', 'reports-link'));
    const store = Store.open(db);
    try {
      store.recordComparisonFolder(join(dir, 'root', 'reports-link'), Date.now() / 1000);
    } finally {
      store.close();
    }
    // read on every scrub of the folder: a second scrub of it would name it twice
    const blocked = join(reports, 'compare-a-vs-b.md');
    mkdirSync(blocked);
    const result = await cli(['scrub', '--db', db, '--out', reports, '--json']);
    expect(result.code).toBe(4);
    const summary = JSON.parse(result.stdout) as ScrubJson;
    expect(summary.scrubbed.unreadable).toEqual([blocked]);
    expect(summary.scrubbed.paths).toEqual([join(reports, `${NAME}.json`), join(reports, `${NAME}.md`)]);
    expect(summary.scrubbed.comparisonFolders).toEqual([]);
  });

  it('a folder not found stays on the record, said on each scrub, until missing for 30 days; found again, it is scrubbed and no longer missing', async () => {
    const { db, reports, out, gone } = await setUp('gone');
    const moved = `${out}-unmounted`;
    renameSync(out, moved);
    const result = await cli(['scrub', '--db', db, '--out', reports]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`reactionlens: ${out}, where \`compare --out\` wrote comparisons, is not found here (removed, or on a disk not mounted now), so it was not scrubbed;`);
    expect(result.stderr).toContain(`(\`reactionlens scrub --forget-folder ${out}\` takes it off now)`);
    const [missed] = listRecordedFolders(db);
    expect(missed?.path).toBe(out);
    expect(missed?.missingSince).toEqual(expect.any(Number));

    // back (the disk mounted again): scrubbed, and no longer counted as missing
    renameSync(moved, out);
    const back = await cli(['scrub', '--db', db, '--out', reports, '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect((JSON.parse(back.stdout) as ScrubJson).scrubbed.comparisonFolders).toEqual([out]);
    expect(readFileSync(join(out, `${NAME}.md`), 'utf8')).not.toContain(gone.words);
    expect(listRecordedFolders(db)[0]?.missingSince).toBeNull();

    // missing for 29 days: still on the record; for 30, taken off, said once
    rmSync(out, { recursive: true });
    expect((await cli(['scrub', '--db', db, '--out', reports])).code).toBe(0);
    setMissingSince(db, out, 29);
    expect((await cli(['scrub', '--db', db, '--out', reports])).stderr).toContain('is not found here');
    expect(listRecorded(db)).toEqual([out]);
    setMissingSince(db, out, 30);
    const forgotten = await cli(['scrub', '--db', db, '--out', reports]);
    expect(forgotten.code, forgotten.stderr).toBe(0);
    expect(forgotten.stderr).toMatch(new RegExp(`${escapeRegExp(out)}, where \`compare --out\` wrote comparisons, has not been found since \\d{4}-\\d{2}-\\d{2} \\(30 days\\): taken off the record, no longer scrubbed`));
    expect(listRecorded(db)).toEqual([]);
    expect((await cli(['scrub', '--db', db, '--out', reports])).stderr).not.toContain(out);
  });

  it('a record the store cannot update is said and left: the nightly run still writes its report (exit 0)', async () => {
    const { db, reports, out, gone } = await setUp('record-refused');
    rmSync(out, { recursive: true });
    setMissingSince(db, out, 31);
    const store = Store.open(db);
    try {
      for (const change of ['UPDATE', 'DELETE']) {
        store.db.exec(`CREATE TRIGGER refuse_${change} BEFORE ${change} ON comparison_folders BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END`);
      }
    } finally {
      store.close();
    }
    const result = await cli(['run', '--event', gone.eventId, '--source', 'fixtures', '--db', db, '--out', reports, '--format', 'json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`reactionlens: warning: the store's record of ${out}, where \`compare --out\` wrote comparisons, could not be updated (`);
    expect(readdirSync(join(reports, gone.eventId)).some((name) => name.endsWith('.json') && name !== 'history.json')).toBe(true);
    expect(listRecorded(db)).toEqual([out]);
  }, 30_000);

  it('scrub --event scrubs the recorded folders too', async () => {
    const { db, reports, out, gone } = await setUp('event-only');
    mkdirSync(join(reports, EVENTS[0]));
    const result = await cli(['scrub', '--event', EVENTS[0], '--db', db, '--out', reports, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as ScrubJson).scrubbed.comparisonFolders).toEqual([out]);
    expect(readFileSync(join(out, `${NAME}.md`), 'utf8')).not.toContain(gone.words);
  });

  it('scrub --forget-folder takes a folder off the record (given relative, as compare --out was); one not recorded is a usage error naming those that are', async () => {
    const { db, reports, out } = await setUp('forget');
    const home = join(dir, 'forget');
    const unknown = await cli(['scrub', '--db', db, '--forget-folder', 'elsewhere'], { cwd: home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`scrub --forget-folder: ${join(home, 'elsewhere')} is not a folder the store records \`compare --out\` writing into; it records: ${out}`);
    expect(listRecorded(db)).toEqual([out]);

    const result = await cli(['scrub', '--db', db, '--forget-folder', 'analysis/'], { cwd: home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`reactionlens scrub: ${out} taken off the record of folders \`compare --out\` wrote into`);
    expect(listRecorded(db)).toEqual([]);
    const scrubbed = await cli(['scrub', '--db', db, '--out', reports, '--json']);
    expect((JSON.parse(scrubbed.stdout) as ScrubJson).scrubbed.comparisonFolders).toEqual([]);
    const none = await cli(['scrub', '--db', db, '--forget-folder', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('it records none');
  });

  it('scrub --forget-folder with --out is a usage error, as with --event: it neither scrubs --out nor reads DIR inside it', async () => {
    const { db, reports, out } = await setUp('forget-out');
    const result = await cli(['scrub', '--db', db, '--out', reports, '--forget-folder', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('scrub: --forget-folder scrubs nothing, so --out has no use with it');
    expect(listRecorded(db)).toEqual([out]);
    const event = await cli(['scrub', '--db', db, '--event', EVENTS[0], '--forget-folder', out]);
    expect(event.code).toBe(2);
    expect(listRecorded(db)).toEqual([out]);
  });

  it('a folder that cannot be read is named as not checked (exit 4) and stays on the record', async () => {
    const { db, reports, out } = await setUp('unreadable');
    // a symlink to itself: ELOOP, as a folder of another user's is EACCES (tests may run as root, which reads those)
    rmSync(out, { recursive: true });
    symlinkSync(out, out);
    const result = await cli(['scrub', '--db', db, '--out', reports, '--json']);
    expect(result.code).toBe(4);
    const summary = JSON.parse(result.stdout) as ScrubJson;
    expect(summary.scrubbed.unreadableFolders).toEqual([out]);
    expect(summary.scrubbed.comparisonFolders).toEqual([]);
    expect(result.stderr).toContain(`${out}, a folder \`compare --out\` wrote comparisons into, cannot be read or written by this user`);
    expect(result.stderr).toMatch(/partial result: .*1 folder\(s\) of comparison files not checked \(cannot be read\)/);
    expect(listRecorded(db)).toEqual([out]);
    expect(result.stderr).toContain(`\`reactionlens scrub --forget-folder ${out}\` takes it off the record`);
  });

  it('compare --out writes nothing when the store cannot record the folder (store error, exit 3)', async () => {
    const db = join(dir, 'refusing.db');
    cpSync(baseDb, db);
    const store = Store.open(db);
    try {
      store.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON comparison_folders BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END");
    } finally {
      store.close();
    }
    const out = join(dir, 'refused');
    const result = await cli(['compare', ...EVENTS, '--db', db, '--format', 'md', '--out', out]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`store error: compare --out records ${out} in the store, so that the scrub of deleted comments finds the files written there, and could not:`);
    expect(readdirSync(out)).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
