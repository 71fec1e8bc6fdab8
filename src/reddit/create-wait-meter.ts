/**
 * Measures waiting as time on the clock, not as a sum: requests in flight together (concurrent searches sharing one
 * failed token request) back off side by side, and adding their waits up reported more seconds than the run took.
 * Returns, for a wait of `ms` starting now, the part not already covered by a wait counted earlier.
 */
export function createWaitMeter(now: () => number): (ms: number) => number {
  let coveredUntil = Number.NEGATIVE_INFINITY;
  return (ms) => {
    const start = now();
    const end = start + ms;
    const added = Math.max(0, end - Math.max(start, coveredUntil));
    coveredUntil = Math.max(coveredUntil, end);
    return added;
  };
}
