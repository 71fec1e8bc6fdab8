/**
 * How long after a first stop signal another one counts as the same request. GNU `timeout` (a common cron wrapper),
 * and process managers that signal a whole process group, deliver one request to the process twice, a moment apart:
 * taken as a second Ctrl-C, it killed the run at once, leaving its lock and a run record still `running`. A person
 * pressing Ctrl-C again because the first one seems slow does so later than this.
 */
export const SAME_STOP_REQUEST_MS = 500;

export interface StopHandlerOptions {
  /** Asks the work to stop cleanly (the lock released, the run recorded as partial). */
  stop: () => void;
  /** Ends the process at once. */
  kill: () => void;
  /** Milliseconds on a monotonic clock. Default: performance.now(). */
  now?: () => number;
}

/**
 * The handler of SIGINT and SIGTERM: the first signal stops the work cleanly; one that follows within
 * SAME_STOP_REQUEST_MS is the same request delivered twice and is ignored; one after that (a second Ctrl-C) kills.
 */
export function createStopHandler(options: StopHandlerOptions): () => void {
  const now = options.now ?? (() => performance.now());
  let firstAt: number | null = null;
  return () => {
    const at = now();
    if (firstAt === null) {
      firstAt = at;
      options.stop();
    } else if (at - firstAt >= SAME_STOP_REQUEST_MS) {
      options.kill();
    }
  };
}
