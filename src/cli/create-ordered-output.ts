// stdout and stderr often end in one file (`2>&1`, cron). Node writes to a pipe asynchronously when the pipe is
// full, so a large stdout line can still be on its way while a later stderr line is written at once: the error
// lands in the middle of the line. These writers keep the order in which text was written across both streams.

export interface OrderedOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Resolves once stdout takes more text without buffering it (at once unless its reader is slower than we write),
   * or when `signal` aborts: a producer awaits it between chunks instead of queueing output in memory without limit.
   */
  waitForStdout: (signal?: AbortSignal) => Promise<void>;
  /**
   * Resolves once everything given has been written or dropped (a stream that failed takes nothing more), and the
   * error events of those writes have been emitted: the process decides its exit code only after the last line's fate
   * is known (a full disk fails a write a few ticks after it was made).
   */
  settled: () => Promise<void>;
}

type Target = 'stdout' | 'stderr';

/**
 * Writes go straight through while they stay on one stream, or while the stream written before has flushed
 * everything (the usual case: no cost). Switching streams while the previous one still holds unwritten bytes
 * queues the text, and everything after it, until that stream's pending writes have completed.
 */
/**
 * What the writers need of a stream: `destroyed` once its reader has gone away (EPIPE), `writableNeedDrain` while a
 * write has returned false and 'drain' has not come yet.
 */
type OutputStream = NodeJS.WritableStream & { writableLength: number; destroyed?: boolean; writableNeedDrain?: boolean };

export function createOrderedOutput(streams: Record<Target, OutputStream>): OrderedOutput {
  const queue: Array<{ to: Target; text: string }> = [];
  let last: Target | null = null;
  let waiting = false;
  const drainWaiters = new Set<() => void>();
  const settleWaiters = new Set<() => void>();

  // stdout takes more once nothing of ours is queued for it and it has room (or its reader went away: nothing to wait for)
  const stdoutReady = (): boolean =>
    queue.length === 0 && (streams.stdout.writableNeedDrain !== true || streams.stdout.destroyed === true);

  const wakeDrainWaiters = (): void => {
    if (drainWaiters.size === 0 || !stdoutReady()) return;
    for (const wake of drainWaiters) wake();
    drainWaiters.clear();
  };

  const flushed = (to: Target): boolean => {
    // a destroyed stream (the reader went away) will never flush: nothing to wait for
    return streams[to].writableLength === 0 || streams[to].destroyed === true;
  };

  // Called back after each write completes (writes complete in order): resume once the awaited stream is flushed.
  const written = (): void => {
    if (waiting && last !== null && flushed(last)) {
      waiting = false;
      pump();
    }
    wakeDrainWaiters();
    wakeSettleWaiters();
  };

  const isSettled = (): boolean => queue.length === 0 && flushed('stdout') && flushed('stderr');
  const wakeSettleWaiters = (): void => {
    if (settleWaiters.size === 0 || !isSettled()) return;
    for (const wake of settleWaiters) wake();
    settleWaiters.clear();
  };

  // a stream closed with writes in flight (EPIPE) may call them back late or never: its close ends the wait too
  streams.stdout.on('close', written);
  streams.stderr.on('close', written);
  streams.stdout.on('drain', wakeDrainWaiters);

  const pump = (): void => {
    while (queue.length > 0) {
      const next = queue[0]!;
      if (last !== null && last !== next.to && !flushed(last)) {
        waiting = true;
        return;
      }
      queue.shift();
      // a stream whose reader went away takes no more text (writing would raise EPIPE again)
      if (streams[next.to].destroyed === true) continue;
      last = next.to;
      streams[next.to].write(next.text, written);
    }
  };

  const writer = (to: Target) => (text: string): void => {
    queue.push({ to, text });
    if (!waiting) pump();
  };
  const waitForStdout = (signal?: AbortSignal): Promise<void> => {
    if (stdoutReady() || signal?.aborted === true) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        drainWaiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      drainWaiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  };
  const settled = (): Promise<void> =>
    new Promise((resolve) => {
      // a failed write is reported by an 'error' event on a later tick: setImmediate runs after those ticks
      const done = (): void => void setImmediate(resolve);
      if (isSettled()) done();
      else settleWaiters.add(done);
    });
  return { stdout: writer('stdout'), stderr: writer('stderr'), waitForStdout, settled };
}
