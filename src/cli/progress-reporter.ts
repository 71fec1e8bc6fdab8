import type { ProgressEvent } from '../sources/source.js';

export interface ProgressReporter {
  onEvent: (event: ProgressEvent) => void;
  /** A one-off status line ("tagging 812 comments"). */
  note: (text: string) => void;
  done: () => void;
}

/**
 * Progress on stderr: one line redrawn in place on a terminal; under cron (not
 * a TTY) a plain line at most every `intervalSeconds`, so logs stay readable.
 */
export function createProgressReporter(
  write: (text: string) => void,
  options: { isTTY: boolean; now: () => number; intervalSeconds?: number; quiet?: boolean },
): ProgressReporter {
  const state = { threads: 0, comments: 0, requests: 0, waits: 0, waitMs: 0, retries: 0, retryMs: 0, rechecked: 0, recheckOf: 0 };
  // comments of threads still being fetched, by thread: shown beside the finished ones until their thread event
  const inFlight = new Map<string, number>();
  const comments = (): number => {
    let n = state.comments;
    for (const partial of inFlight.values()) n += partial;
    return n;
  };
  let lastLine = 0;
  let drawn = false;
  // retry backoffs (network errors, 5xx) are counted apart from rate-limit waits: they point at a different cause
  const render = (): string =>
    `threads ${state.threads} · comments ${comments()} · requests ${state.requests} · rate-limit waits ${state.waits} (${Math.round(state.waitMs / 1000)} s)` +
    (state.retries > 0 ? ` · retries ${state.retries} (${Math.round(state.retryMs / 1000)} s)` : '') +
    (state.recheckOf > 0 ? ` · re-checked ${state.rechecked} of ${state.recheckOf}` : '');
  const flush = (force: boolean): void => {
    if (options.quiet) return;
    if (options.isTTY) {
      write(`\r\x1b[2K${render()}`);
      drawn = true;
      return;
    }
    const now = options.now();
    if (force || now - lastLine >= (options.intervalSeconds ?? 10)) {
      write(`${render()}\n`);
      lastLine = now;
    }
  };
  return {
    onEvent(event) {
      if (event.kind === 'request') state.requests++;
      else if (event.kind === 'wait' && event.cause === 'retry') {
        state.retries++;
        state.retryMs += event.ms;
      } else if (event.kind === 'wait') {
        state.waits++;
        state.waitMs += event.ms;
      } else if (event.kind === 'comments') {
        if (event.comments > 0) inFlight.set(event.threadId, event.comments);
        else inFlight.delete(event.threadId);
      } else if (event.kind === 'recheck') {
        state.rechecked = event.comments;
        state.recheckOf = event.of;
      } else {
        inFlight.delete(event.threadId);
        state.threads++;
        state.comments += event.comments;
      }
      flush(false);
    },
    note(text) {
      if (options.quiet) return;
      if (drawn) write('\n');
      drawn = false;
      write(`${text}\n`);
    },
    done() {
      if (options.quiet) return;
      if (options.isTTY) {
        if (drawn) write('\n');
      } else if (state.threads + state.requests > 0) flush(true);
      drawn = false;
    },
  };
}
