import { isAbortError } from '../errors/errors.js';
import type { SourceContext } from './source.js';

export interface StoppableContext {
  /** The run's context with a signal that aborts on `stop` as well as on the run's own (Ctrl-C). */
  ctx: SourceContext;
  /** Cut the calls under way short: their clients stop retrying, waiting and receiving at once. */
  stop(reason: string): void;
  /**
   * True when `error` is how a call ended because of `stop`: its reason itself (a client that rethrows it, fetch) or
   * an AbortError (node:timers' abortable waits reject with one of their own). False once the run itself is stopped:
   * a Ctrl-C is the run's to rethrow, not a call to skip.
   */
  isStoppedBy(error: unknown): boolean;
}

/**
 * A context for one group of a source's calls (the searches, the thread fetches) that can be stopped apart from the
 * run: once the source looks down, the calls still under way would each spend their own whole retry schedule, minutes,
 * before a verdict already made.
 */
export function createStoppableContext(ctx: SourceContext): StoppableContext {
  const controller = new AbortController();
  const signal = ctx.signal === undefined ? controller.signal : AbortSignal.any([ctx.signal, controller.signal]);
  return {
    ctx: { ...ctx, signal },
    stop: (reason) => controller.abort(new DOMException(reason, 'AbortError')),
    isStoppedBy: (error) =>
      controller.signal.aborted && ctx.signal?.aborted !== true && (error === controller.signal.reason || isAbortError(error)),
  };
}
