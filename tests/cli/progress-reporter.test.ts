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
});
