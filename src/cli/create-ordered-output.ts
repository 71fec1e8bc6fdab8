// stdout and stderr often end in one file (`2>&1`, cron). Node writes to a pipe asynchronously when the pipe is
// full, so a large stdout line can still be on its way while a later stderr line is written at once: the error
// lands in the middle of the line. These writers keep the order in which text was written across both streams.

export interface OrderedOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type Target = 'stdout' | 'stderr';

/**
 * Writes go straight through while they stay on one stream, or while the stream written before has flushed
 * everything (the usual case: no cost). Switching streams while the previous one still holds unwritten bytes
 * queues the text, and everything after it, until that stream's pending writes have completed.
 */
/** What the writers need of a stream: `destroyed` once its reader has gone away (EPIPE). */
type OutputStream = NodeJS.WritableStream & { writableLength: number; destroyed?: boolean };

export function createOrderedOutput(streams: Record<Target, OutputStream>): OrderedOutput {
  const queue: Array<{ to: Target; text: string }> = [];
  let last: Target | null = null;
  let waiting = false;

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
  };

  // a stream closed with writes in flight (EPIPE) may call them back late or never: its close ends the wait too
  streams.stdout.on('close', written);
  streams.stderr.on('close', written);

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
  return { stdout: writer('stdout'), stderr: writer('stderr') };
}
