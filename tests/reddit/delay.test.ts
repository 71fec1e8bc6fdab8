import { describe, expect, it } from 'vitest';
import { delay } from '../../src/util/delay.js';

describe('delay', () => {
  it('resolves after the time', async () => {
    const start = performance.now();
    await delay(20);
    expect(performance.now() - start).toBeGreaterThanOrEqual(15);
  });

  it('rejects at once when aborted mid-wait (Ctrl-C during a rate-limit wait)', async () => {
    const controller = new AbortController();
    const start = performance.now();
    const waiting = delay(60_000, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('interrupted')), 10);
    await expect(waiting).rejects.toThrow('interrupted');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('rejects before waiting when already aborted', async () => {
    await expect(delay(10, { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone');
  });
});
