import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { cli } from '../helpers/run-cli.js';
import { FakeReddit, generateSyntheticThread, mountFakeReddit, TEST_ENV } from '../helpers/synthetic-thread.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const tempDir = useTempDirs('rl-progress-');
let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the progress line of a run stopped half way (not a terminal, as under cron)', () => {
  it('ends with the state the run was in when it stopped, not the line printed at its first request', async () => {
    const createdUtc = Math.floor(Date.now() / 1000) - 30 * 86_400;
    const thread = generateSyntheticThread({ id: 'th9big', comments: 1500, seed: 9, subreddit: 'technology', createdUtc });
    const fake = new FakeReddit({ threads: [thread] });
    unmount = mountFakeReddit(fake);
    const dir = tempDir();
    mkdirSync(join(dir, 'events'));
    const window = { from: new Date((createdUtc - 3600) * 1000).toISOString(), to: new Date((createdUtc + 3600) * 1000).toISOString() };
    writeFileSync(join(dir, 'events', 'big-thread.json'), JSON.stringify({ id: 'big-thread', title: 'Big', description: 'one big thread', window, queries: ['openai'], subreddits: ['technology'], seedThreads: [] }));

    // stopped (Ctrl-C) as the third morechildren request goes out: seconds into a thread, well inside the 10 s between lines
    const stop = new AbortController();
    let moreChildren = 0;
    fake.injectFault('503', (path) => {
      if (path.startsWith('/api/morechildren') && ++moreChildren === 3) stop.abort();
      return false;
    });
    const result = await cli(['collect', '--event', 'big-thread', '--source', 'reddit', '--events-dir', join(dir, 'events'), '--db', join(dir, 'store.db')], {
      env: { ...TEST_ENV },
      cwd: dir,
      signal: stop.signal,
    });

    expect(result.code, result.stderr).toBe(EXIT.interrupted);
    const lines = result.stderr.trim().split('\n');
    const progressLines = lines.filter((l) => l.startsWith('threads '));
    expect(progressLines[0]).toMatch(/^threads 0 · comments 0 · requests 1 · /); // the token request
    const last = progressLines.at(-1)!;
    expect(lines.indexOf(last)).toBe(lines.findIndex((l) => /interrupted/.test(l)) - 1);
    const [, comments, requests] = /^threads 0 · comments (\d+) · requests (\d+) · /.exec(last) ?? [];
    expect(Number(requests)).toBeGreaterThanOrEqual(5); // token, search, thread page, two morechildren answered (the third stopped)
    expect(Number(comments)).toBe(0); // the thread in flight is dropped, not stored: its comments left the line again
  });
});
