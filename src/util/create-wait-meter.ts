/** A wait meter: called, it counts a wait and returns the part not covered before; `peek` returns that part, counting nothing. */
export interface WaitMeter {
  (startMs: number, ms: number): number;
  peek(startMs: number, ms: number): number;
}

/**
 * Measures waiting as time on the clock, not as a sum: requests in flight together (concurrent searches sharing one
 * failed token request, archive threads backing off from one 503) wait side by side, and adding their waits up
 * reported more seconds than the run took. Returns, for a wait of `ms` starting at `startMs`, the part not already
 * covered by a wait counted earlier.
 */
export function createWaitMeter(): WaitMeter {
  let coveredUntil = Number.NEGATIVE_INFINITY;
  const uncovered = (startMs: number, ms: number): number => Math.max(0, startMs + ms - Math.max(startMs, coveredUntil));
  return Object.assign(
    (startMs: number, ms: number): number => {
      const added = uncovered(startMs, ms);
      coveredUntil = Math.max(coveredUntil, startMs + ms);
      return added;
    },
    { peek: uncovered },
  );
}
