import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { detectShortThread } from '../../src/collect/detect-short-thread.js';
import type { RunRecord } from '../../src/types.js';
import { BASE, FROM, comment, post } from '../archive/archive-fixtures.js';
import { mountFakeArcticShift } from '../archive/fake-arctic-shift.js';
import { cli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const tempDir = useTempDirs('rl-short-threads-');

afterEach(() => {
  nock.cleanAll();
});

function writeEvent(dir: string): string {
  const events = join(dir, 'events');
  mkdirSync(events);
  const event = {
    id: 'short-event',
    title: 'Short event',
    description: 'An event with one thread the archive holds only part of.',
    window: { from: new Date(FROM * 1000).toISOString(), to: new Date((FROM + 15 * 86_400) * 1000).toISOString() },
    queries: ['amazon openai'],
    subreddits: ['stocks'],
  };
  writeFileSync(join(events, 'short-event.json'), JSON.stringify(event));
  return events;
}

function commentsOf(threadId: string, n: number): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => comment(`${threadId}c${i}`, threadId, `t3_${threadId}`, FROM + 100 + i));
}

describe('a thread collected far short of the comments its source counts', () => {
  it('is named in the run summary and in collect --json, as a warning: the run is not partial for it', async () => {
    const dir = tempDir();
    const events = writeEvent(dir);
    // p1: 40 of 300 (the archive lags behind the thread); p2: 30 of 45, and p3: 2 of 15, are within what deleted and
    // removed comments (counted in num_comments, not served) explain
    const posts = [post('p1', FROM + 10, { num_comments: 300 }), post('p2', FROM + 20, { num_comments: 45 }), post('p3', FROM + 30, { num_comments: 15 })];
    const fake = mountFakeArcticShift(BASE, { posts, comments: [...commentsOf('p1', 40), ...commentsOf('p2', 30), ...commentsOf('p3', 2)] });
    const result = await cli(['collect', '--event', 'short-event', '--source', 'arctic-shift', '--events-dir', events, '--db', join(dir, 's.db'), '--no-recheck', '--json'], {
      cwd: dir,
      env: { ARCTIC_SHIFT_BASE: BASE },
    });
    fake.unmount();
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toMatch(/collected short: 1 thread\(s\)[^\n]*not a partial run/);
    expect(result.stderr).toContain('thread p1 (r/stocks): 40 of 300 comments collected');
    expect(result.stderr).not.toContain('thread p2');
    const run = JSON.parse(result.stdout) as RunRecord & { partial: string[] };
    expect(run.shortThreads).toEqual([{ threadId: 'p1', subreddit: 'stocks', expected: 300, collected: 40 }]);
    expect(run.status).toBe('ok');
    expect(run.partial).toEqual([]);
  });

  it('needs both a shortfall under half and at least 20 comments missing', () => {
    const thread = { id: 'x', subreddit: 'stocks' } as Parameters<typeof detectShortThread>[0]['thread'];
    const short = (expected: number, collected: number) => detectShortThread({ thread, expected, collected });
    expect(short(300, 40)).toEqual({ threadId: 'x', subreddit: 'stocks', expected: 300, collected: 40 });
    expect(short(41, 20)).toEqual({ threadId: 'x', subreddit: 'stocks', expected: 41, collected: 20 });
    expect(short(40, 20)).toBeNull(); // half is not under half
    expect(short(30, 12)).toBeNull(); // under half, but 18 missing
    expect(short(12, 15)).toBeNull(); // more than counted (new comments since the count)
  });
});
