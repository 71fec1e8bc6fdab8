import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/cli-context.js';
import { summariseRun } from '../../src/cli/summarise-run.js';
import { emptyRunCounts, type RunRecord, type SkipRecord } from '../../src/types.js';

// The run summary's partial reasons are what the cron operator reads next morning, in the `partial result: …` line and
// in `--json`'s `partial`: each must be there, and say what to do about it.

function createContext() {
  const partial: string[] = [];
  const invalid: string[] = [];
  let stderr = '';
  const ctx = {
    stderr: (text: string) => void (stderr += text),
    markPartial: (reason: string) => void partial.push(reason),
    markInvalidInput: (reason: string) => void invalid.push(reason),
  } as unknown as CliContext;
  return { ctx, partial, invalid, stderr: () => stderr };
}

function makeRun(overrides: { capsHit?: number; skipped?: SkipRecord[]; threadsNotFetched?: number }): RunRecord {
  const skipped = overrides.skipped ?? [];
  const partial = skipped.length > 0 || (overrides.capsHit ?? 0) > 0;
  return {
    id: 'r1',
    eventId: 'e1',
    source: 'reddit',
    startedAt: 1_767_000_000,
    finishedAt: 1_767_000_600,
    window: { from: 1_766_000_000, to: 1_767_000_000 },
    queries: ['q'],
    counts: { ...emptyRunCounts(), capsHit: overrides.capsHit ?? 0, skipped: skipped.length, threadsNotFetched: overrides.threadsNotFetched ?? 0 },
    skipped,
    shortThreads: [],
    errors: [],
    status: partial ? 'partial' : 'ok',
  };
}

const NOT_FETCHED: SkipRecord = { source: 'thread th2bbb', record: '(request)', reason: 'GET /comments/th2bbb failed after 5 attempts: status 503', kind: 'incomplete' };

describe('summariseRun: partial reasons', () => {
  it('a night that hit the listing cap and could not fetch a thread gives both reasons, not the cap alone', () => {
    const { ctx, partial } = createContext();
    summariseRun(ctx, makeRun({ capsHit: 1, skipped: [NOT_FETCHED, { ...NOT_FETCHED, source: 'thread th3ccc' }] }));
    expect(partial).toHaveLength(2);
    expect(partial[0]).toMatch(/~1000-item cap/);
    expect(partial[1]).toMatch(/^2 record\(s\) could not be fetched/);
  });
});

describe('summariseRun: each partial reason says what to do', () => {
  it('records that could not be fetched: the next run tries them again; a refused subreddit is the event file\'s', () => {
    const { ctx, partial } = createContext();
    summariseRun(ctx, makeRun({ skipped: [NOT_FETCHED] }));
    expect(partial).toEqual([
      '1 record(s) could not be fetched (the skipped lines above say why): the next run tries them again; ' +
        'a subreddit refused with 403 or 404 (private, banned) is refused again until it is taken out of the event file',
    ]);
  });

  it('the listing cap: a rerun meets it again; narrow the event or backfill from the archive', () => {
    const { ctx, partial } = createContext();
    summariseRun(ctx, makeRun({ capsHit: 1 }));
    expect(partial).toEqual([
      "a search listing hit Reddit's ~1000-item cap, so threads of the window older than its last item (and not stored on an earlier night) were not found; " +
        "a rerun meets the same cap: narrow the event's queries or subreddits, or backfill the window with --source arctic-shift",
    ]);
  });

  it('invalid records the source served: named above, nothing of the operator\'s to fix', () => {
    const { ctx, partial, invalid } = createContext();
    const broken: SkipRecord = { source: 'GET /comments/th2bbb', record: 'data.children.3.data.body', reason: 'expected string, received number', kind: 'invalid' };
    summariseRun(ctx, makeRun({ skipped: [broken] }));
    expect(invalid).toEqual([
      '1 invalid record(s) skipped (listed under skipped: above); the rest was stored. Served so by Reddit or the archive, they need no fix of yours: the next runs ask for them again',
    ]);
    expect(partial).toEqual([]);
  });
});

describe('summariseRun: thread fetches stopped because the source looked down', () => {
  const stoppedReason =
    'not fetched: 3 thread fetches in a row got no answer from reddit after their retries, so it looks down and the threads still queued or under way were not fetched tonight; the next run fetches them';
  const notFetched = (id: string): SkipRecord => ({ source: `thread ${id}`, record: '(not fetched)', reason: stoppedReason, kind: 'incomplete' });

  it('says so on the threads line and in its own partial reason; the threads not fetched share one skipped line', () => {
    const { ctx, partial, stderr } = createContext();
    const failed = ['th1', 'th2', 'th3'].map((id) => ({ ...NOT_FETCHED, source: `thread ${id}` }));
    const queued = Array.from({ length: 30 }, (_, i) => notFetched(`q${i}`));
    const recheck: SkipRecord = { source: '/api/info (deletion re-check, batch 1 of 1: 40 comments left unchecked)', record: '(request)', reason: 'failed after 5 attempts: status 503', kind: 'incomplete' };
    summariseRun(ctx, makeRun({ skipped: [...failed, ...queued, recheck], threadsNotFetched: 30 }));

    expect(stderr()).toContain(
      '  threads: 0 new, 0 updated, 30 not fetched (thread fetches stopped after 3 in a row got no answer from reddit (it looks down); the next run fetches them)\n',
    );
    const lines = stderr().split('\n').filter((l) => l.startsWith('    - '));
    // the failures that decided it and the re-check's are all in sight, the 30 threads on one line
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe(`    - [incomplete] 30 thread(s) q0, q1, q2, q3, q4, …: ${stoppedReason}`);
    expect(lines[4]).toContain('/api/info (deletion re-check');
    expect(partial).toEqual([
      'thread fetches stopped after 3 in a row got no answer from reddit (it looks down): 30 thread(s) were not fetched; the next run fetches them',
      expect.stringMatching(/^34 record\(s\) could not be fetched/),
    ]);
  });

  it('a night without it says nothing of it', () => {
    const { ctx, partial, stderr } = createContext();
    summariseRun(ctx, makeRun({ skipped: [NOT_FETCHED] }));
    expect(stderr()).toContain('  threads: 0 new, 0 updated\n');
    expect(partial).toHaveLength(1);
  });
});
