/**
 * Blocks this thread for `ms` milliseconds. For a short wait inside synchronous work (a scrub waiting for a reports
 * folder's lock): timers and I/O callbacks of this process wait too, so never for long.
 */
export function pauseSync(ms: number): void {
  if (ms <= 0) return;
  // the one synchronous sleep Node has that does not spin the CPU: a wait on a value no other thread will change
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
