/**
 * A budget of waiting measured as time on the clock, as createWaitMeter measures it: waits side by side (requests in
 * flight together, told to wait for the same reset) count once. `take` counts a wait of `ms` starting at `startMs` and
 * returns true when the time it adds keeps the total within `limitMs`; otherwise it counts nothing and returns false,
 * and the caller does not wait. `spentMs` is the total counted so far.
 */
export function createWaitBudget(limitMs: number): { take(startMs: number, ms: number): boolean; spentMs(): number } {
  let coveredUntil = Number.NEGATIVE_INFINITY;
  let spent = 0;
  return {
    take(startMs, ms) {
      const end = startMs + ms;
      const added = Math.max(0, end - Math.max(startMs, coveredUntil));
      if (spent + added > limitMs) return false;
      spent += added;
      coveredUntil = Math.max(coveredUntil, end);
      return true;
    },
    spentMs: () => spent,
  };
}
