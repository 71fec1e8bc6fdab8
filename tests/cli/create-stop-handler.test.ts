import { describe, expect, it } from 'vitest';
import { createStopHandler, SAME_STOP_REQUEST_MS } from '../../src/cli/create-stop-handler.js';

function handler(): { signal: (atMs: number) => void; calls: string[] } {
  const calls: string[] = [];
  let clock = 0;
  const onSignal = createStopHandler({ stop: () => calls.push('stop'), kill: () => calls.push('kill'), now: () => clock });
  return {
    calls,
    signal: (atMs) => {
      clock = atMs;
      onSignal();
    },
  };
}

describe('createStopHandler (SIGINT / SIGTERM)', () => {
  it('stops cleanly on the first signal and kills on a second one, as Ctrl-C pressed twice', () => {
    const { signal, calls } = handler();
    signal(1_000);
    expect(calls).toEqual(['stop']);
    signal(1_000 + 2_000);
    expect(calls).toEqual(['stop', 'kill']);
  });

  it('takes a signal soon after the first as the same request delivered twice (timeout signals the process and its group)', () => {
    const { signal, calls } = handler();
    signal(1_000);
    signal(1_000);
    signal(1_000 + SAME_STOP_REQUEST_MS - 1);
    expect(calls).toEqual(['stop']);
    // a person pressing again later still kills
    signal(1_000 + SAME_STOP_REQUEST_MS);
    expect(calls).toEqual(['stop', 'kill']);
  });
});
