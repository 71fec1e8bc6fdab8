import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, LockError } from '../../src/errors/errors.js';
import { runEvent, type RunEventInput } from '../../src/pipeline/run-event.js';
import { acquireReportFolderLock } from '../../src/report/acquire-report-folder-lock.js';
import { Store } from '../../src/store/store.js';
import { taggerOf } from '../../src/tag/tagger-of.js';
import { openTwoCommentStore } from '../helpers/two-comment-store.js';
import { wordTagger } from '../helpers/word-tagger.js';
import { emptyRunCounts, type RunRecord } from '../../src/types.js';
import { makeComment, makeEvent, makeThread } from '../helpers/make-domain.js';

const EVENT = makeEvent();

const tagger = wordTagger('fake-1');

describe('runEvent (report from the store)', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reactionlens-run-event-'));
    store = openTwoCommentStore();
    clock = 1_766_000_000;
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const input = (overrides: Partial<RunEventInput> = {}): RunEventInput => ({
    event: EVENT,
    source: null,
    store,
    tagger: () => tagger,
    ctx: { now: () => (clock += 1) },
    runId: 'run-1',
    reportsDir: join(dir, 'reports'),
    formats: ['md', 'json'],
    withAuthors: false,
    ...overrides,
  });

  it('records the run as ok once the report is written', async () => {
    const result = await runEvent(input());
    expect(result.reportPaths.length).toBeGreaterThan(0);
    expect(store.listRuns('ev').runs.map((r) => [r.id, r.status, r.finishedAt !== null])).toEqual([['run-1', 'ok', true]]);
  });

  it('files the night under the UTC date the run started on, even when its fetches end after midnight UTC', async () => {
    const midnight = 1_766_016_000; // 2025-12-18T00:00:00Z
    // the night's collection stored this thread after midnight, in a run started two seconds before it
    store.saveThreadBundle('ev', {
      thread: makeThread({ id: 'th2', fetchedAt: midnight + 5 }),
      comments: [makeComment({ id: 'late', threadId: 'th2', body: 'another bubble', fetchedAt: midnight + 5 })],
      expected: 1,
      collected: 1,
    });
    clock = midnight - 3;
    const result = await runEvent(input());
    expect(result.run.startedAt).toBeLessThan(midnight);
    const reports = result.reportPaths.filter((p) => /\d{4}-\d{2}-\d{2}\.(md|json)$/.test(p)).map((p) => p.split('/').at(-1));
    expect(reports.sort()).toEqual(['2025-12-17.json', '2025-12-17.md']);
    const history = JSON.parse(readFileSync(join(dir, 'reports', 'ev', 'history.json'), 'utf8')) as { points: Array<{ date: string; runId: string | null }> };
    expect(history.points.map((p) => [p.date, p.runId])).toEqual([['2025-12-17', 'run-1']]);
  });

  it('records the run as failed, with the reason, when the report cannot be written', async () => {
    // a file where the reports folder should be: writing the report fails after everything else succeeded
    const aFile = join(dir, 'a-file');
    writeFileSync(aFile, 'not a folder');
    await expect(runEvent(input({ reportsDir: join(aFile, 'reports') }))).rejects.toThrow(/ENOTDIR|EEXIST/);
    const [run] = store.listRuns('ev').runs;
    expect(run?.status).toBe('failed');
    expect(run?.finishedAt).not.toBeNull();
    expect(run?.errors.join('\n')).toMatch(/^report not written: .*(ENOTDIR|EEXIST)/m);
  });

  it('a run on another store writing the same reports folder: busy (LockError), the folder left alone, the run recorded as failed', async () => {
    const eventDir = join(dir, 'reports', 'ev');
    mkdirSync(eventDir, { recursive: true });
    writeFileSync(join(eventDir, 'note.txt'), 'the other run is mid-write\n');
    // held by a live process on this host (this one)
    const release = acquireReportFolderLock(eventDir);
    try {
      await expect(runEvent(input())).rejects.toThrow(LockError);
    } finally {
      release();
    }
    expect(readdirSync(eventDir)).toEqual(['note.txt']);
    const [run] = store.listRuns('ev').runs;
    expect(run?.status).toBe('failed');
    expect(run?.errors.join('\n')).toMatch(new RegExp(`^report not written: The reports folder .* is being written by another reactionlens run \\(pid ${process.pid} `, 'm'));
  });

  it('records the run as running while it is in flight', async () => {
    const seen: string[] = [];
    const watching = taggerOf('fake-1', (text) => {
      seen.push(store.listRuns('ev').runs.map((r) => `${r.id}:${r.status}:${String(r.finishedAt)}`).join(','));
      return tagger.tag(text);
    });
    await runEvent(input({ tagger: () => watching }));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['run-1:running:null']));
    expect(store.listRuns('ev').runs.map((r) => r.status)).toEqual(['ok']);
  });

  it('records earlier runs that never finished (killed) as abandoned, and leaves finished ones alone', async () => {
    const earlier = (id: string, startedAt: number, status: RunRecord['status'], finishedAt: number | null): RunRecord => ({
      id, eventId: 'ev', source: 'fixtures', startedAt, finishedAt, window: EVENT.window, queries: EVENT.queries,
      counts: emptyRunCounts(), skipped: [], errors: [], status,
    });
    store.saveRun(earlier('finished', 10, 'ok', 20));
    store.saveRun(earlier('killed', 30, 'running', null));
    // a reactionlens from before the running status saved a run in flight as ok, without a finish time
    store.saveRun(earlier('killed-by-older-version', 25, 'ok', null));
    await runEvent(input());
    const runs = new Map(store.listRuns('ev').runs.map((r) => [r.id, r]));
    expect([...runs.values()].map((r) => [r.id, r.status])).toEqual([
      ['finished', 'ok'], ['killed-by-older-version', 'abandoned'], ['killed', 'abandoned'], ['run-1', 'ok'],
    ]);
    expect(runs.get('killed')?.finishedAt).toBeNull();
    expect(runs.get('killed')?.errors).toEqual(['abandoned: it never finished (killed or crashed); found by run run-1']);
    const row = store.db.prepare("SELECT status FROM runs WHERE id = 'killed'").get() as { status: string };
    expect(row.status).toBe('abandoned');
  });

  it('records the run as failed when tagging fails', async () => {
    const broken = taggerOf('fake-1', () => {
      throw new Error('model file unreadable');
    });
    await expect(runEvent(input({ tagger: () => broken }))).rejects.toThrow('model file unreadable');
    const [run] = store.listRuns('ev').runs;
    expect([run?.status, run?.finishedAt !== null]).toEqual(['failed', true]);
    expect(run?.errors).toEqual(['tagging failed: model file unreadable']);
  });

  it('records the run as failed, with the collection counts, when the tagger cannot be loaded (a model for another lexicon)', async () => {
    const source = {
      name: 'fake',
      findThreads: async () => ({ threads: [], skipped: [], capped: false }),
      fetchThread: async () => {
        throw new Error('not asked');
      },
      stats: () => ({ requests: 7, rateLimited: 0, waitMs: 0 }),
    } as unknown as NonNullable<RunEventInput['source']>;
    const unloadable = (): never => {
      throw new ConfigError('models/tagger-model.json: trained with lexicon lex41, the code has lex42; run npm run train');
    };
    await expect(runEvent(input({ source, tagger: unloadable }))).rejects.toThrow('trained with lexicon lex41');
    const [run] = store.listRuns('ev').runs;
    // left "running", the next run recorded it as abandoned: "never finished (killed or crashed)"
    expect([run?.status, run?.finishedAt !== null, run?.counts.requests]).toEqual(['failed', true, 7]);
    expect(run?.errors).toEqual(['tagging failed: models/tagger-model.json: trained with lexicon lex41, the code has lex42; run npm run train']);
  });

  it('records a run stopped while tagging (Ctrl-C) as partial, with the count of the tags it stored before the stop', async () => {
    const many = Array.from({ length: 1_000 }, (_, i) => makeComment({ id: `m${i}`, body: `comment ${i}` }));
    store.saveThreadBundle('ev', { thread: makeThread(), comments: many, expected: many.length, collected: many.length });
    const controller = new AbortController();
    let seen = 0;
    // the signal arrives while the 300th comment is tagged, as the SIGINT handler would set it
    const stopped = taggerOf('fake-1', (text) => {
      if (++seen === 300) controller.abort();
      return tagger.tag(text);
    });
    await expect(runEvent(input({ tagger: () => stopped, ctx: { now: () => (clock += 1), signal: controller.signal } }))).rejects.toThrow(/abort/i);
    const stored = store.loadTags('ev', 'fake-1').size;
    expect(stored).toBeGreaterThanOrEqual(300);
    const [run] = store.listRuns('ev').runs;
    expect([run?.status, run?.counts.commentsTagged]).toEqual(['partial', stored]);
    expect(run?.errors).toEqual(['interrupted while tagging; the next run tags the rest']);
  });

  it('takes the quotes of a comment deleted since out of the earlier nights\' report files, and says how many files', async () => {
    const first = await runEvent(input({ formats: ['md', 'json', 'csv', 'html'] }));
    const night1 = first.reportPaths.filter((p) => /\d{4}-\d{2}-\d{2}\.(md|json|csv|html)$/.test(p));
    expect(night1).toHaveLength(4);
    for (const path of night1) expect(readFileSync(path, 'utf8')).toContain('this is a bubble');
    // the next night's re-check finds it deleted on Reddit
    clock += 86_400;
    store.purgeComments([{ id: 'a', status: 'deleted' }], clock);
    const second = await runEvent(input({ runId: 'run-2', formats: ['md', 'json', 'csv', 'html'] }));
    for (const path of night1) expect(readFileSync(path, 'utf8')).not.toContain('this is a bubble');
    expect(second.scrubbed.files.sort()).toEqual([...night1].sort());
    expect(second.scrubbed.quotesRemoved).toBeGreaterThanOrEqual(4);
    const folder = join(dir, 'reports', 'ev');
    expect(readdirSync(folder).filter((f) => f.endsWith('.md'))).toHaveLength(2);
    for (const f of readdirSync(folder)) expect(readFileSync(join(folder, f), 'utf8')).not.toContain('this is a bubble');
  });
});
