import type { ReportInput, TalliedReportInput } from './build-report.js';

/** Two compared events that hold some of the same threads, and so some of the same comments. */
export interface SharedThreads {
  from: string;
  to: string;
  threads: number;
  /** Analysed comments in those threads: counted in both events' shares. */
  comments: number;
}

/** An event's threads with their analysed comments: all countSharedThreads needs, so compare need not keep every input. */
export interface ThreadMembership {
  eventId: string;
  analysedByThread: ReadonlyMap<string, number>;
}

export function toThreadMembership(input: Pick<ReportInput, 'event' | 'threads' | 'screened'>): ThreadMembership {
  const analysedByThread = new Map(input.threads.map((t) => [t.id, 0]));
  for (const { comment, excluded } of input.screened) {
    if (excluded === null) analysedByThread.set(comment.threadId, (analysedByThread.get(comment.threadId) ?? 0) + 1);
  }
  return { eventId: input.event.id, analysedByThread };
}

/** toThreadMembership of an event read a page at a time (its tally counted the analysed comments per thread). */
export function toTalliedThreadMembership(input: Pick<TalliedReportInput, 'event' | 'threads' | 'tally'>): ThreadMembership {
  const analysedByThread = new Map(input.threads.map((t) => [t.id, 0]));
  for (const [id, analysed] of input.tally.analysedByThread) analysedByThread.set(id, analysed);
  return { eventId: input.event.id, analysedByThread };
}

/**
 * Every pair of events (in argument order) whose stored threads overlap by submission id. The two-proportion test
 * assumes independent samples; comments counted on both sides make a difference look more certain than it is.
 */
export function countSharedThreads(events: readonly ThreadMembership[]): SharedThreads[] {
  const out: SharedThreads[] = [];
  events.forEach((a, i) => {
    for (const b of events.slice(i + 1)) {
      let threads = 0;
      let comments = 0;
      for (const [id, analysed] of a.analysedByThread) {
        if (!b.analysedByThread.has(id)) continue;
        threads++;
        comments += analysed;
      }
      if (threads > 0) out.push({ from: a.eventId, to: b.eventId, threads, comments });
    }
  });
  return out;
}
