import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileError, StoreError } from '../../src/errors/errors.js';
import { runEvent } from '../../src/pipeline/run-event.js';
import type { TrendPoint } from '../../src/report/report.js';
import { Store } from '../../src/store/store.js';
import { openTwoCommentStore } from '../helpers/two-comment-store.js';
import { wordTagger } from '../helpers/word-tagger.js';
import type { Tagger } from '../../src/types.js';
import { nightInput } from '../helpers/night-input.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

// A night whose report stops after some files are down (a full disk): the manifest's writes fail once `manifestWrites`
// of them went through, and history.json's when `history` is set; every other file is written as usual.
const stop = vi.hoisted(() => ({ manifestWrites: null as number | null, history: false }));
vi.mock('../../src/report/write-file-atomic.js', async (importOriginal) => {
  const atomic = await importOriginal<typeof import('../../src/report/write-file-atomic.js')>();
  return {
    ...atomic,
    writeFileAtomic: (path: string, content: string | Uint8Array) => {
      if (stop.history && path.endsWith('/history.json')) throw new FileError(`cannot write ${path}: no space left on device (ENOSPC)`, path);
      if (stop.manifestWrites !== null && path.endsWith('.manifest.json')) {
        if (stop.manifestWrites === 0) throw new FileError(`cannot write ${path}: no space left on device (ENOSPC)`, path);
        stop.manifestWrites -= 1;
      }
      atomic.writeFileAtomic(path, content);
    },
  };
});

const DAY = 86_400;
const makeDir = useTempDirs('reactionlens-history-last-');

describe('history.json is written only once the rest of the night is', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  beforeEach(() => {
    dir = makeDir();
    store = openTwoCommentStore();
    clock = 1_766_000_000; // 2025-12-17
  });
  afterEach(() => {
    stop.manifestWrites = null;
    stop.history = false;
    vi.restoreAllMocks();
    store.close();
  });

  const eventDir = (): string => join(dir, 'reports', 'ev');
  const historyPoints = (): TrendPoint[] => (JSON.parse(readFileSync(join(eventDir(), 'history.json'), 'utf8')) as { points: TrendPoint[] }).points;
  const night = (runId: string, tagger: Tagger): Promise<unknown> => runEvent(nightInput(store, dir, tagger, runId, () => (clock += 1)));

  /** Two ok nights, 2025-12-17 and 2025-12-18; returns history.json as they left it. */
  async function twoNights(): Promise<string> {
    await night('run-1', wordTagger('fake-1', 'bubble'));
    clock += DAY;
    await night('run-2', wordTagger('fake-1', 'bubble'));
    expect(historyPoints().map((p) => [p.date, p.runId, p.runStatus])).toEqual([
      ['2025-12-17', 'run-1', 'ok'],
      ['2025-12-18', 'run-2', 'ok'],
    ]);
    return readFileSync(join(eventDir(), 'history.json'), 'utf8');
  }

  it('a re-run whose manifest cannot be rewritten after its files: recorded as failed, and history.json gets no point of it', async () => {
    const before = await twoNights();
    clock += 100;
    // a re-run of 2025-12-18 by a retrained tagger quoting other comments: the manifest written ahead of the files
    // goes through, the one written after them (with the new lists) does not
    stop.manifestWrites = 1;
    await expect(night('run-3', wordTagger('fake-2', 'fine'))).rejects.toThrow(/manifest\.json: no space left on device/);

    const run3 = store.listRuns('ev').runs.find((r) => r.id === 'run-3');
    expect(run3?.status).toBe('failed');
    expect(run3?.errors.join('\n')).toMatch(/^report not written: cannot write .*2025-12-18\.manifest\.json/m);
    // the trend shows no point of the failed run, ok or otherwise; the earlier points are as they were
    expect(historyPoints().some((p) => p.runId === 'run-3')).toBe(false);
    expect(readFileSync(join(eventDir(), 'history.json'), 'utf8')).toBe(before);
  });

  it('a night whose outcome the store refuses once the files are written: recorded as failed, and history.json gets no point of it', async () => {
    const before = await twoNights();
    clock += DAY;
    const saveRun = store.saveRun.bind(store);
    let refused = false;
    // the store refuses the night's final record once (a full disk), then takes the failure
    vi.spyOn(store, 'saveRun').mockImplementation((run) => {
      if (!refused && run.id === 'run-3' && run.finishedAt !== null) {
        refused = true;
        throw new StoreError('database or disk is full');
      }
      saveRun(run);
    });
    await expect(night('run-3', wordTagger('fake-1', 'bubble'))).rejects.toThrow(/database or disk is full/);

    const run3 = store.listRuns('ev').runs.find((r) => r.id === 'run-3');
    expect(run3?.status).toBe('failed');
    expect(historyPoints().some((p) => p.runId === 'run-3')).toBe(false);
    expect(readFileSync(join(eventDir(), 'history.json'), 'utf8')).toBe(before);
  });

  it('history.json itself not written, after the outcome was stored: the run is recorded as failed, not left ok', async () => {
    const before = await twoNights();
    clock += DAY;
    stop.history = true;
    await expect(night('run-3', wordTagger('fake-1', 'bubble'))).rejects.toThrow(/history\.json: no space left on device/);
    const run3 = store.listRuns('ev').runs.find((r) => r.id === 'run-3');
    expect(run3?.status).toBe('failed');
    expect(run3?.errors.join('\n')).toMatch(/^report not written: cannot write .*history\.json/m);
    expect(readFileSync(join(eventDir(), 'history.json'), 'utf8')).toBe(before);
  });

  it('an ok re-run still replaces its date\'s point, after the other files', async () => {
    await twoNights();
    clock += 100;
    await night('run-3', wordTagger('fake-2', 'fine'));
    expect(historyPoints().map((p) => [p.date, p.runId, p.runStatus])).toEqual([
      ['2025-12-17', 'run-1', 'ok'],
      ['2025-12-18', 'run-3', 'ok'],
    ]);
    expect(store.listRuns('ev').runs.find((r) => r.id === 'run-3')?.status).toBe('ok');
  });
});
