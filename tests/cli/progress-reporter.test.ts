import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../src/cli/progress-reporter.js';

describe('progress line', () => {
  it('counts retry backoffs apart from rate-limit waits', () => {
    let text = '';
    const progress = createProgressReporter((t) => void (text += t), { isTTY: false, now: () => 0 });
    progress.onEvent({ kind: 'request', path: '/api/posts/search' });
    progress.onEvent({ kind: 'wait', ms: 4000, reason: 'archive network error', cause: 'retry' });
    progress.onEvent({ kind: 'wait', ms: 1500, reason: 'archive status 503', cause: 'retry' });
    progress.onEvent({ kind: 'wait', ms: 2000, reason: 'archive rate limited (429)', cause: 'rate-limit' });
    progress.done();
    expect(text.trim().split('\n').at(-1)).toBe('threads 0 · comments 0 · requests 1 · rate-limit waits 1 (2 s) · retries 2 (6 s)');
  });

  it('leaves retries out while there are none', () => {
    let text = '';
    const progress = createProgressReporter((t) => void (text += t), { isTTY: false, now: () => 0 });
    progress.onEvent({ kind: 'thread', threadId: 't1', comments: 12 });
    progress.onEvent({ kind: 'wait', ms: 3000, reason: 'rate limit budget spent; waiting for the window reset', cause: 'rate-limit' });
    progress.done();
    expect(text.trim().split('\n').at(-1)).toBe('threads 1 · comments 12 · requests 0 · rate-limit waits 1 (3 s)');
  });

  it("shows a thread's comments while it is still being fetched, replaced by its thread event, taken back when it fails", () => {
    let text = '';
    const progress = createProgressReporter((t) => void (text += t), { isTTY: true, now: () => 0 });
    const line = (): string => text.split('\r\x1b[2K').at(-1)!;
    progress.onEvent({ kind: 'comments', threadId: 'big', comments: 500 });
    progress.onEvent({ kind: 'comments', threadId: 'other', comments: 40 });
    expect(line()).toMatch(/^threads 0 · comments 540 · /);
    progress.onEvent({ kind: 'comments', threadId: 'big', comments: 900 }); // a running total, not an increment
    expect(line()).toMatch(/^threads 0 · comments 940 · /);
    progress.onEvent({ kind: 'thread', threadId: 'big', comments: 1200 });
    expect(line()).toMatch(/^threads 1 · comments 1240 · /);
    progress.onEvent({ kind: 'comments', threadId: 'other', comments: 0 }); // its fetch failed: nothing was stored
    expect(line()).toMatch(/^threads 1 · comments 1200 · /);
  });

  it('shows how far the deletion re-check has got', () => {
    let text = '';
    const progress = createProgressReporter((t) => void (text += t), { isTTY: false, now: () => 0 });
    progress.onEvent({ kind: 'request', path: '/api/info' });
    progress.onEvent({ kind: 'recheck', comments: 100, of: 3100 });
    progress.onEvent({ kind: 'recheck', comments: 1100, of: 3100 });
    progress.done();
    expect(text.trim().split('\n').at(-1)).toBe('threads 0 · comments 0 · requests 1 · rate-limit waits 0 (0 s) · re-checked 1100 of 3100');
  });
});
