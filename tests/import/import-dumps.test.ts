import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors/errors.js';
import { cursorKey } from '../../src/import/import-dump-file.js';
import { importDumps } from '../../src/import/import-dumps.js';
import { inspectDump } from '../../src/import/open-dump.js';
import { Store } from '../../src/store/store.js';
import { FROM, TO, comment, makeEvent, makeTempDir, ndjson, post, writeDump } from './dump-fixtures.js';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);
const NOW = TO + 90 * 86_400;
const event = makeEvent();

const submissions = [
  post('p1', FROM + 100),
  post('p2', FROM + 200, { title: 'Nvidia earnings', selftext: 'amazon and openai mentioned in passing ✨' }), // query matched by selftext
  post('p3', FROM + 300, { subreddit: 'pics' }), // other subreddit
  post('p4', FROM - 10), // before the window
  post('p5', FROM + 400, { title: 'Tesla deliveries', selftext: 'nothing here' }), // no query match
  post('p6', FROM + 500, { _meta: { removal_type: 'moderator' }, selftext: 'secret' }), // kept as tombstone
  post('p7', FROM + 600, { subreddit: 'Stocks', crosspost_parent_list: [{ subreddit: 'pics', created_utc: 1 }] }),
];
// With an event, only lines that pass the cheap prefilter are parsed, so the broken line names the event's words.
const rsText = ndjson([...submissions, '{"id": "broken", "title": "Amazon OpenAI', 'null']);
const comments = [
  comment('c1', 'p1', 't3_p1', FROM + 1000, { body: 'Ça sent la bulle 🫧 — “circular” money' }),
  comment('c2', 'p1', 't1_c1', FROM + 1100),
  comment('c3', 'p1', 't1_c2', FROM + 1200, { _meta: { was_deleted_later: true } }),
  comment('c4', 'p1', 't1_c1', FROM + 1300, { body: '[removed]' }),
  comment('c5', 'p3', 't3_p3', FROM + 1400), // thread not kept
  comment('c6', 'p6', 't3_p6', FROM + 1500, { body: '[deleted]', author: '[deleted]' }),
  comment('c7', 'p2', 't1_gone', FROM + 1600), // parent never seen → depth 0
];
const rcText = ndjson([...comments, '{"link_id": "t3_p1", "body": 5}']);

function quietImport(store: Store, paths: string[], extra: Partial<Parameters<typeof importDumps>[1]> = {}) {
  return importDumps(paths, { store, event, now: () => NOW, ...extra });
}

describe('importDumps with an event', () => {
  it.each([
    ['plain', false],
    ['zstd', true],
  ])('keeps the event’s threads and their comments (%s), RS before RC whatever the order', async (_name, zstd) => {
    const rs = writeDump(join(dir, `RS_2025-12${zstd ? '.zst' : ''}`), rsText, { zstd });
    const rc = writeDump(join(dir, `RC_2025-12${zstd ? '.zst' : ''}`), rcText, { zstd });
    const store = Store.open(':memory:');
    const summary = await quietImport(store, [rc, rs]);
    expect(summary.files.map((f) => [f.path, f.status, f.compressed])).toEqual([
      [rs, 'imported', zstd],
      [rc, 'imported', zstd],
    ]);
    const [rsSummary, rcSummary] = summary.files;
    expect(rsSummary).toMatchObject({
      lines: 9,
      threadsKept: 4,
      badLines: 2,
      filtered: { 'other subreddit': 1, 'outside window': 1, 'no query match': 1, 'thread not kept': 0 },
    });
    expect(rsSummary?.skipped.map((s) => s.record)).toEqual(['line 8', 'line 9']);
    expect(rsSummary?.skipped[0]?.reason).toMatch(/not valid JSON/);
    expect(rcSummary).toMatchObject({ commentsKept: 6, badLines: 1, depthUnknown: 1, filtered: { 'thread not kept': 1 } });
    expect(rcSummary?.skipped[0]).toMatchObject({ record: 'line 8', kind: 'invalid', source: rc });
    expect(rcSummary?.skipped[0]?.reason).toMatch(/id: .*; parent_id: .*; subreddit/);

    expect(store.listThreads(event.id).map((t) => t.id)).toEqual(['p1', 'p2', 'p6', 'p7']);
    expect(store.getThread('p6')).toMatchObject({ status: 'removed', selftext: '', author: null });
    expect(store.getThread('p1')?.title).toContain('🚀');
    expect(store.getComment('c1')).toMatchObject({ body: 'Ça sent la bulle 🫧 — “circular” money', depth: 0, fetchedAt: NOW });
    expect(store.getComment('c2')?.depth).toBe(1);
    expect(store.getComment('c3')).toMatchObject({ status: 'deleted', body: '', author: null, depth: 2 });
    expect(store.getComment('c4')).toMatchObject({ status: 'removed', body: '' });
    expect(store.getComment('c6')).toMatchObject({ status: 'deleted', body: '' });
    expect(store.getComment('c7')?.depth).toBe(0);
    expect(store.getComment('c5')).toBeUndefined();
    store.close();
  });

  it.each([
    ['the subreddit torrents', 'stocks_comments.zst', 'stocks_submissions.zst'],
    ["Arctic Shift's download tool", 'r_stocks_comments.jsonl', 'r_stocks_posts.jsonl'],
    ['a subreddit named r/posts', 'r_posts_comments.jsonl', 'r_posts_posts.jsonl'],
  ])('reads per-subreddit dumps (%s) submissions first, though a glob lists the comments first', async (_name, rcName, rsName) => {
    const zstd = rcName.endsWith('.zst');
    const rc = writeDump(join(dir, rcName), rcText, { zstd });
    const rs = writeDump(join(dir, rsName), rsText, { zstd });
    const store = Store.open(':memory:');
    const summary = await quietImport(store, [rc, rs]);
    expect(summary.files.map((f) => f.path)).toEqual([rs, rc]);
    expect(summary.files[1]).toMatchObject({ commentsKept: 6, filtered: { 'thread not kept': 1 } });
    store.close();
  });

  it('adds nothing when the same files are imported again', async () => {
    const rs = writeDump(join(dir, 'RS_again'), rsText);
    const rc = writeDump(join(dir, 'RC_again.zst'), rcText, { zstd: true });
    const store = Store.open(':memory:');
    await quietImport(store, [rs, rc]);
    const again = await quietImport(store, [rs, rc]);
    expect(again.files.map((f) => f.status)).toEqual(['already imported', 'already imported']);
    expect(again.totals).toMatchObject({ lines: 0, threadsKept: 0, commentsKept: 0 });
    // --restart reads everything again; upserts still add nothing.
    const restarted = await quietImport(store, [rs, rc], { restart: true });
    expect(restarted.totals.saved).toMatchObject({ threadsNew: 0, commentsNew: 0 });
    expect(restarted.totals.commentsKept).toBe(6);
    store.close();
  });

  it.each([
    ['plain', false],
    ['zstd', true],
  ])('resumes an interrupted %s import after the last saved line', async (_name, zstd) => {
    const rs = writeDump(join(dir, `RS_resume${zstd ? '.zst' : ''}`), rsText, { zstd });
    const store = Store.open(':memory:');
    const file = await inspectDump(rs);
    // As if a run had committed the first 3 lines and then died.
    const offset = Buffer.byteLength(rsText.split('\n').slice(0, 3).join('\n') + '\n');
    store.setCursor(cursorKey(file, event.id), { lines: 3, bytes: offset, done: false }, NOW);
    const summary = await quietImport(store, [rs]);
    expect(summary.files[0]).toMatchObject({ resumedFromLine: 3, lines: 6, threadsKept: 2, badLines: 2 });
    expect(summary.files[0]?.skipped.map((s) => s.record)).toEqual(['line 8', 'line 9']);
    expect(store.listThreads(event.id).map((t) => t.id)).toEqual(['p6', 'p7']);
    store.close();
  });

  it('reads a dump again from its first line when its saved resume point is damaged, instead of failing', async () => {
    const rs = writeDump(join(dir, 'RS_damaged_cursor'), rsText);
    const dbPath = join(dir, 'damaged-cursor.db');
    const file = await inspectDump(rs);
    Store.open(dbPath).close();
    const db = new Database(dbPath);
    db.prepare('INSERT INTO cursors (key, value, updated_at) VALUES (?, ?, ?)').run(cursorKey(file, event.id), '{"lines": 3, "bytes', NOW);
    db.close();
    const store = Store.open(dbPath);
    const summary = await quietImport(store, [rs]);
    const fresh = Store.open(':memory:');
    const whole = await quietImport(fresh, [rs]);
    expect(summary.files[0]).toMatchObject({ status: 'imported', resumedFromLine: 0, threadsKept: whole.files[0]?.threadsKept });
    // the threads of the lines before the damaged resume point's line 3 are read too
    expect(store.listThreads(event.id).map((t) => t.id)).toEqual(fresh.listThreads(event.id).map((t) => t.id));
    expect(store.listThreads(event.id).map((t) => t.id)).toContain('p1');
    fresh.close();
    store.close();
  });

  it('keeps everything before a truncated zstd frame and says so', async () => {
    const many = [post('p1', FROM + 100), ...Array.from({ length: 3000 }, (_, i) => comment(`k${i}`, 'p1', 't3_p1', FROM + 1000 + i))];
    const full = writeDump(join(dir, 'RC_full.zst'), ndjson(many), { zstd: true });
    const bytes = readFileSync(full);
    const cut = join(dir, 'RC_cut.zst');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const store = Store.open(':memory:');
    const summary = await quietImport(store, [cut]);
    const result = summary.files[0];
    expect(result?.status).toBe('truncated');
    expect(result?.error).toMatch(/RC_cut\.zst: the zstd data ends early or is corrupt after line \d+/);
    expect(result?.error).toMatch(/Everything before it was kept\.( Line \d+ was cut off and not imported\.)? Re-download the file/);
    const kept = result?.commentsKept ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(3000);
    expect(store.countEvent(event.id).comments).toBe(kept);
    // Every kept comment is whole: the cut-off line was not parsed.
    expect(store.getComment(`k${kept - 1}`)?.body).toBe(`comment k${kept - 1}: circular deals again… 🤔`);
    store.close();
  });

  it('saves what it has and a resume point when aborted, and the next run picks up there', async () => {
    const lines = [post('p1', FROM + 1), ...Array.from({ length: 20_000 }, (_, i) => comment(`a${i}`, 'p1', 't3_p1', FROM + 10 + i))];
    const path = writeDump(join(dir, 'RC_abort'), ndjson(lines));
    const store = Store.open(':memory:');
    const controller = new AbortController();
    const first = quietImport(store, [path], { signal: controller.signal, progressEveryMs: 0, batchSize: 500, onProgress: () => controller.abort() });
    await expect(first).rejects.toThrow();
    const saved = store.countEvent(event.id).comments;
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(20_000);
    const second = await quietImport(store, [path]);
    expect(second.files[0]?.resumedFromLine).toBeGreaterThan(0);
    expect(store.countEvent(event.id).comments).toBe(20_000);
    store.close();
  });

  it('an import stopped while reading a pretty-printed JSON document resumes by reading it from its start', async () => {
    const children = Array.from({ length: 6000 }, (_, i) => ({ kind: 't1', data: comment(`j${i}`, 'p1', 't3_p1', FROM + 10 + i) }));
    const tree = [{ kind: 'Listing', data: { children: [{ kind: 't3', data: post('p1', FROM + 1) }] } }, { kind: 'Listing', data: { children } }];
    const path = writeDump(join(dir, 'stopped-pretty.json'), JSON.stringify(tree, null, 2));
    const store = Store.open(':memory:');
    const controller = new AbortController();
    const first = quietImport(store, [path], { signal: controller.signal, progressEveryMs: 0, onProgress: () => controller.abort() });
    await expect(first).rejects.toThrow();
    const second = await quietImport(store, [path]);
    expect(second.files[0]).toMatchObject({ status: 'imported', badLines: 0, resumedFromLine: 0 });
    expect(store.countEvent(event.id).comments).toBe(6000);
    store.close();
  });

  it('a .zst holding one pretty-printed JSON document, cut short: no resume point past its unread lines, and it says nothing of it was kept', async () => {
    const children = Array.from({ length: 6000 }, (_, i) => ({ kind: 't1', data: comment(`z${i}`, 'p1', 't3_p1', FROM + 10 + i) }));
    const tree = [{ kind: 'Listing', data: { children: [{ kind: 't3', data: post('p1', FROM + 1) }] } }, { kind: 'Listing', data: { children } }];
    const whole = writeDump(join(dir, 'pretty-whole.json.zst'), JSON.stringify(tree, null, 2), { zstd: true });
    const bytes = readFileSync(whole);
    const cut = join(dir, 'pretty-cut.json.zst');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const store = Store.open(':memory:');
    const first = await quietImport(store, [cut]);
    expect(first.files[0]?.status).toBe('truncated');
    expect(first.files[0]?.error).toMatch(/pretty-cut\.json\.zst: the zstd data ends early or is corrupt after line \d+ .*one JSON document, which cannot be read cut short: nothing of it was imported/);
    expect(first.files[0]?.error).not.toContain('Everything before it was kept');
    expect(store.countEvent(event.id).comments).toBe(0);
    // The resume point must not pass the document's unread lines. A corrupt copy and its good re-download can share
    // an identity (the same size and first MiB): that import would start after them and read the rest line by line
    // (every line a bad one, nothing stored, the file marked done). Saved under the good file's identity, as then:
    const saved = store.getCursorText(cursorKey(await inspectDump(cut), event.id));
    expect(saved === undefined || (JSON.parse(saved) as { lines: number }).lines === 0).toBe(true);
    if (saved !== undefined) store.setCursor(cursorKey(await inspectDump(whole), event.id), JSON.parse(saved) as never, NOW);
    const second = await quietImport(store, [whole]);
    expect(second.files[0]).toMatchObject({ status: 'imported', badLines: 0, resumedFromLine: 0 });
    expect(store.countEvent(event.id).comments).toBe(6000);
    store.close();
  });

  it('treats corrupt zstd data like a truncated file, but a store failure as the error it is', async () => {
    const many = [post('p1', FROM + 100), ...Array.from({ length: 3000 }, (_, i) => comment(`k${i}`, 'p1', 't3_p1', FROM + 1000 + i))];
    const bytes = readFileSync(writeDump(join(dir, 'RC_ok.zst'), ndjson(many), { zstd: true }));
    const corrupt = Buffer.from(bytes);
    for (let i = Math.floor(corrupt.length / 2); i < corrupt.length; i += 7) corrupt[i] = 0xff;
    writeFileSync(join(dir, 'RC_corrupt.zst'), corrupt);
    const store = Store.open(':memory:');
    const summary = await quietImport(store, [join(dir, 'RC_corrupt.zst')]);
    expect(summary.files[0]?.status).toBe('truncated');
    expect(summary.files[0]?.error).toMatch(/corrupt after line \d+ \(Data corruption detected\)/);

    const failing = Object.create(Store.open(':memory:')) as Store;
    failing.saveItems = () => {
      throw new Error('disk I/O error');
    };
    await expect(quietImport(failing, [join(dir, 'RC_ok.zst')], { restart: true })).rejects.toThrow('disk I/O error');
    store.close();
  });

  it('checks every file before reading any', async () => {
    const store = Store.open(':memory:');
    await expect(quietImport(store, [join(dir, 'missing.ndjson')])).rejects.toThrow(FileError);
    store.close();
  });
});

describe('importDumps without an event', () => {
  it('imports everything and counts comments whose thread it never saw', async () => {
    const store = Store.open(':memory:');
    const path = writeDump(join(dir, 'mixed.ndjson'), ndjson([post('p1', FROM), comment('a', 'p1', 't3_p1', FROM + 1), comment('b', 'p1', 't1_a', FROM + 2), comment('z', 'nope', 't3_nope', FROM + 3)]));
    const summary = await importDumps([path], { store, event: null, now: () => NOW });
    expect(summary.files[0]).toMatchObject({ threadsKept: 1, commentsKept: 2, commentsWithoutThread: 1 });
    expect(store.getComment('b')?.depth).toBe(1);
    // A later comment file finds the thread and the parent depth in the store.
    const later = writeDump(join(dir, 'later.ndjson'), ndjson([comment('c', 'p1', 't1_b', FROM + 4)]));
    await importDumps([later], { store, event: null, now: () => NOW });
    expect(store.getComment('c')?.depth).toBe(2);
    store.close();
  });

  it('reads raw Reddit API JSON: a pretty-printed /comments answer and a one-line listing', async () => {
    const tree = [
      { kind: 'Listing', data: { after: null, children: [{ kind: 't3', data: post('q1', FROM + 5) }] } },
      {
        kind: 'Listing',
        data: {
          after: null,
          children: [
            {
              kind: 't1',
              data: {
                ...comment('r1', 'q1', 't3_q1', FROM + 10),
                depth: 0,
                replies: { kind: 'Listing', data: { after: null, children: [{ kind: 't1', data: { ...comment('r2', 'q1', 't1_r1', FROM + 11), replies: '' } }, { kind: 'more', data: { id: 'm', parent_id: 't1_r1', children: ['x'] } }] } },
              },
            },
          ],
        },
      },
    ];
    const pretty = writeDump(join(dir, 'comments_q1.json'), JSON.stringify(tree, null, 2));
    const listing = writeDump(join(dir, 'search.json'), JSON.stringify({ kind: 'Listing', data: { after: null, children: [{ kind: 't3', data: post('q2', FROM + 6) }] } }));
    const store = Store.open(':memory:');
    const summary = await importDumps([pretty, listing], { store, event, now: () => NOW });
    expect(summary.totals).toMatchObject({ threadsKept: 2, commentsKept: 2, badLines: 0 });
    expect(store.getComment('r2')).toMatchObject({ depth: 1, parentId: 'r1' });
    store.close();
  });

  it('skips one UTF-8 BOM at the start of a file: saved API JSON and RS_/RC_ dumps, plain and .zst', async () => {
    const BOM = '\uFEFF';
    const saved = { kind: 'Listing', data: { after: null, children: [{ kind: 't3', data: post('b1', FROM + 5) }] } };
    const pretty = writeDump(join(dir, 'bom-saved.json'), BOM + JSON.stringify([saved, { kind: 'Listing', data: { after: null, children: [] } }], null, 2));
    const oneLine = writeDump(join(dir, 'bom-search.json'), BOM + JSON.stringify({ ...saved, data: { ...saved.data, children: [{ kind: 't3', data: post('b2', FROM + 6) }] } }));
    const rs = writeDump(join(dir, 'RS_bom'), BOM + ndjson([post('b3', FROM + 7), post('b4', FROM + 8)]));
    const rc = writeDump(join(dir, 'RC_bom.zst'), BOM + ndjson([comment('bc1', 'b3', 't3_b3', FROM + 9), comment('bc2', 'b4', 't3_b4', FROM + 10)]), { zstd: true });
    const store = Store.open(':memory:');
    const summary = await importDumps([pretty, oneLine, rs, rc], { store, event, now: () => NOW });
    expect(summary.files.flatMap((f) => f.skipped)).toEqual([]);
    expect(summary.totals).toMatchObject({ threadsKept: 4, commentsKept: 2, badLines: 0 });
    expect(store.listThreads(event.id).map((t) => t.id).sort()).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(store.getComment('bc1')?.threadId).toBe('b3');
    store.close();
  });

  it.each([
    ['plain', false],
    ['zstd', true],
  ])('reads the records after a broken first line of NDJSON (%s): only that line is bad, not the whole file', async (_name, zstd) => {
    // a dump cut at a byte offset (split -b, a resumed download) starts inside a record
    const cut = JSON.stringify(comment('cut', 'f1', 't3_f1', FROM + 20)).slice(0, 60);
    const rs = writeDump(join(dir, `RS_first-line${zstd ? '.zst' : ''}`), ndjson([cut, post('f1', FROM + 10)]), { zstd });
    const rc = writeDump(join(dir, `RC_first-line${zstd ? '.zst' : ''}`), ndjson([cut, comment('f1c1', 'f1', 't3_f1', FROM + 30), comment('f1c2', 'f1', 't1_f1c1', FROM + 40)]), { zstd });
    for (const withEvent of [true, false]) {
      const store = Store.open(':memory:');
      const summary = await importDumps([rs, rc], { store, event: withEvent ? event : null, now: () => NOW });
      // with an event, the cut line in RS_ names a thread not kept yet, so the prefilter drops it unread
      expect(summary.totals).toMatchObject({ threadsKept: 1, commentsKept: 2, badLines: withEvent ? 1 : 2 });
      expect(summary.files.map((f) => f.skipped.map((s) => s.record))).toEqual([withEvent ? [] : ['line 1'], ['line 1']]);
      expect(store.getComment('f1c2')).toMatchObject({ threadId: 'f1', depth: 1 });
      store.close();
    }
  });

  it('a truncated .zst of NDJSON whose first line is broken keeps the records before the break, as any truncated .zst', async () => {
    const cut = JSON.stringify(post('cut', FROM + 1)).slice(0, 60);
    const lines = [cut, ...Array.from({ length: 3000 }, (_, i) => post(`n${i}`, FROM + 10 + i))];
    const bytes = readFileSync(writeDump(join(dir, 'RS_broken-first-whole.zst'), ndjson(lines), { zstd: true }));
    const truncated = join(dir, 'RS_broken-first-cut.zst');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const store = Store.open(':memory:');
    const summary = await importDumps([truncated], { store, event: null, now: () => NOW });
    const result = summary.files[0];
    expect(result?.status).toBe('truncated');
    expect(result?.error).toContain('Everything before it was kept.');
    expect(result?.skipped.map((s) => s.record)).toEqual(['line 1']);
    const kept = result?.threadsKept ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(3000);
    expect(store.getThreadState(`n${kept - 1}`)).toBeDefined();
    // and the resume point is after them: the same file again reads nothing twice
    const again = await importDumps([truncated], { store, event: null, now: () => NOW });
    expect(again.files[0]).toMatchObject({ status: 'truncated', threadsKept: 0, resumedFromLine: kept + 1 });
    store.close();
  });

  it('does not take a cut pretty-printed document whose arrays end in a one-line object for NDJSON', async () => {
    // a formatter that keeps short objects on one line (prettier, "one element per line") writes each array's last
    // element as a whole object with no comma after it; the file is cut short (an interrupted download)
    const child = (id: string): string => JSON.stringify({ kind: 't3', data: post(id, FROM + 5) });
    const listing = (a: string, b: string): string =>
      `  {\n    "kind": "Listing",\n    "data": {\n      "children": [\n        ${child(a)},\n        ${child(b)}\n      ]\n    }\n  }`;
    const whole = `[\n${listing('k1', 'k2')},\n${listing('k3', 'k4')},\n${listing('k5', 'k6')}\n]\n`;
    const path = writeDump(join(dir, 'cut-pretty.json'), whole.slice(0, whole.lastIndexOf('k6') - 40));
    const store = Store.open(':memory:');
    const summary = await importDumps([path], { store, event: null, now: () => NOW });
    // one bad document, as for any cut document: not one bad line per line with every array's last element imported
    expect(summary.totals).toMatchObject({ threadsKept: 0, badLines: 1 });
    expect(summary.files[0]?.skipped.map((s) => s.record)).toEqual(['line 1']);
    store.close();
  });

  it('counts a last line without a final newline among the lines read', async () => {
    const path = writeDump(join(dir, 'RC_no-final-newline'), 'garbage1\ngarbage2\ngarbage3');
    const store = Store.open(':memory:');
    const summary = await importDumps([path], { store, event: null, now: () => NOW });
    expect(summary.files[0]).toMatchObject({ lines: 3, badLines: 3 });
    expect(summary.files[0]?.skipped.map((s) => s.record)).toEqual(['line 1', 'line 2', 'line 3']);
    store.close();
  });
});

describe('importDumps: a batch, its count and its resume point are stored together', () => {
  it('a stop between storing a batch and counting it (a kill) leaves neither, so the resumed import counts it as new', async () => {
    // The import command's onSaved writes the run record's counts; a throw there stands for the process dying right
    // after the batch's rows were committed. Rows, count and resume point must land (or not) as one.
    const path = writeDump(join(dir, 'RS_atomic-batches'), ndjson(['a1', 'a2', 'a3', 'a4', 'a5'].map((id, i) => post(id, FROM + 10 + i))));
    const store = Store.open(':memory:');
    let counted = 0;
    let calls = 0;
    const dying = (counts: { threadsNew: number }): void => {
      calls++;
      if (calls === 2) throw new Error('killed');
      counted += counts.threadsNew;
    };
    await expect(importDumps([path], { store, event: null, now: () => NOW, batchSize: 2, onSaved: dying })).rejects.toThrow('killed');
    const stored = (): number => (store.db.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n;
    expect(counted).toBe(2);
    expect(stored()).toBe(2);
    const resumed = await importDumps([path], { store, event: null, now: () => NOW, batchSize: 2, onSaved: (c) => (counted += c.threadsNew) });
    expect(resumed.files[0]).toMatchObject({ resumedFromLine: 2 });
    expect(stored()).toBe(5);
    // the counts of the stopped import and of its resumption add up to what the file brought
    expect(counted).toBe(5);
    store.close();
  });
});

describe('importDumps: a record with a field of the wrong type', () => {
  it('names the line, the field and what is wrong with it, and keeps the good records around it', async () => {
    const path = writeDump(
      join(dir, 'RS_wrong-types'),
      ndjson([
        post('w1', FROM + 1),
        post('w2', FROM + 2, { score: 'lots' }),
        post('w3', FROM + 3, { created_utc: null }),
        post('w4', FROM + 4, { num_comments: true }),
        post('w5', FROM + 5, { score: '12' }), // a number as a string, as older dumps give it: fine
        post('w6', FROM + 6, { created_utc: undefined }),
      ]),
    );
    const store = Store.open(':memory:');
    const summary = await importDumps([path], { store, event: null, now: () => NOW });
    expect(summary.files[0]).toMatchObject({ threadsKept: 2, badLines: 4 });
    expect(summary.files[0]?.skipped.map((s) => `${s.source}: ${s.record}: ${s.reason}`)).toEqual([
      `${path}: line 2: score: expected a number (or a string of digits), received the string "lots"`,
      `${path}: line 3: created_utc: expected a number (or a string of digits), received null`,
      `${path}: line 4: num_comments: expected a number (or a string of digits), received a boolean`,
      `${path}: line 6: created_utc: expected a number (or a string of digits), received nothing (the field is missing)`,
    ]);
    store.close();
  });
});
