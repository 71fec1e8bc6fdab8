/**
 * Measures waiting as time on the clock, not as a sum: requests in flight together (concurrent searches sharing one
 * failed token request, archive threads backing off from one 503) wait side by side, and adding their waits up
 * reported more seconds than the run took. Returns, for a wait of `ms` starting at `startMs`, the part not already
 * covered by a wait counted earlier.
 */
export function createWaitMeter(): (startMs: number, ms: number) => number {
  let coveredUntil = Number.NEGATIVE_INFINITY;
  return (startMs, ms) => {
    const end = startMs + ms;
    const added = Math.max(0, end - Math.max(startMs, coveredUntil));
    coveredUntil = Math.max(coveredUntil, end);
    return added;
  };
}
