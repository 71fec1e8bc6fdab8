import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatImportProgress } from '../../src/import/format-import-progress.js';

describe('formatImportProgress', () => {
  it('shows bytes done, rate, ETA, lines and what was kept', () => {
    const text = formatImportProgress({
      path: '/data/RC_2025-12.zst',
      bytesRead: 400e6,
      totalBytes: 1.2e9,
      lines: 3_100_000,
      threadsKept: 120,
      commentsKept: 5123,
      badLines: 3,
      elapsedMs: 10_000,
      resumedBytes: 0,
    });
    expect(text).toBe('RC_2025-12.zst 400 MB / 1.2 GB (33%) · 40.0 MB/s · ETA 0:20 · 3.1 M lines (310 k/s) · kept 120 threads, 5123 comments · 3 bad lines');
  });

  it('says "1 line", "1 thread", "1 comment", "1 bad line", not "1 lines"', () => {
    const text = formatImportProgress({ path: 'a', bytesRead: 10, totalBytes: 10, lines: 1, threadsKept: 1, commentsKept: 1, badLines: 1, elapsedMs: 1000, resumedBytes: 0 });
    expect(text).toMatch(/ · 1 line \(1\/s\) · kept 1 thread, 1 comment · 1 bad line$/);
  });

  it('leaves resumed bytes out of the rate', () => {
    const text = formatImportProgress({ path: 'a', bytesRead: 600, totalBytes: 1000, lines: 1, threadsKept: 0, commentsKept: 0, badLines: 0, elapsedMs: 1000, resumedBytes: 500 });
    expect(text).toContain('100 B/s · ETA 0:04');
  });

  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.5 KB'],
    [250e6, '250 MB'],
  ])('formatBytes(%i) = %s', (n, s) => expect(formatBytes(n)).toBe(s));

  it.each([
    [5, '0:05'],
    [75, '1:15'],
    [3725, '1:02:05'],
  ])('formatDuration(%i) = %s', (n, s) => expect(formatDuration(n)).toBe(s));
});
