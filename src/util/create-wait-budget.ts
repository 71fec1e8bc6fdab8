import { createWaitMeter } from './create-wait-meter.js';

/**
 * A budget of waiting measured as time on the clock, by a wait meter: waits side by side (requests in flight together,
 * told to wait for the same reset) count once. `take` counts a wait of `ms` starting at `startMs` and returns true when
 * the time it adds keeps the total within `limitMs`; otherwise it counts nothing and returns false, and the caller does
 * not wait. `spentMs` is the total counted so far.
 */
export function createWaitBudget(limitMs: number): { take(startMs: number, ms: number): boolean; spentMs(): number } {
  const meter = createWaitMeter();
  let spent = 0;
  return {
    take(startMs, ms) {
      if (spent + meter.peek(startMs, ms) > limitMs) return false;
      spent += meter(startMs, ms);
      return true;
    },
    spentMs: () => spent,
  };
}
