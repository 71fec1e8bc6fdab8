import type { StoreError } from '../errors/errors.js';
import type { Store } from '../store/store.js';
import type { EventConfig, Tagger } from '../types.js';
import { reportQuotePoolSize, type TalliedReportInput } from './build-report.js';
import type { TrendPoint } from './report.js';
import { readEventComments, readEventContext } from './read-event-comments.js';
import { ReportTally } from './report-tally.js';

export interface LoadReportOptions {
  withAuthors: boolean;
  maxQuotes?: number;
  /** The event's earlier nightly points (its reports folder's history.json, read by the caller under the folder's lock): the trend. */
  history?: TrendPoint[];
  botNames?: readonly string[];
}

/**
 * The I/O edge of the report commands (report, compare, run): what loadReportInput (tests/helpers) reads, with the event's comments
 * tallied a page at a time as they are read (readEventComments) instead of held, so a report of a big event costs a
 * page of comments and the few quote candidates that can still be picked. buildTalliedReport makes the same report of
 * it, byte for byte, as buildReport of loadReportInput's. Runs whose stored record cannot be read are left out and
 * returned, for the command to report.
 */
export function loadReportTally(
  store: Store,
  event: EventConfig,
  tagger: Tagger,
  options: LoadReportOptions & { pageSize?: number },
): { input: TalliedReportInput; taggedNow: number; unreadableRuns: StoreError[] } {
  return store.readAtOnce(() => {
    const { threads, labels, unconfirmed } = readEventContext(store, event.id);
    const tally = new ReportTally({
      threads: new Map(threads.map((t) => [t.id, t])),
      labels,
      unconfirmed,
      withAuthors: options.withAuthors,
      quotePoolSize: reportQuotePoolSize(options.maxQuotes),
    });
    const { taggedNow } = readEventComments(
      store,
      event,
      tagger,
      { ...(options.botNames === undefined ? {} : { botNames: options.botNames }), ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }) },
      (comment, excluded, result) => tally.add(comment, excluded, result),
    );
    const { runs, unreadable: unreadableRuns } = store.listRuns(event.id);
    const input: TalliedReportInput = {
      event,
      threads,
      tally,
      labels,
      unconfirmed,
      tagger: tagger.version,
      runs,
      history: options.history ?? [],
      options: { withAuthors: options.withAuthors, ...(options.maxQuotes === undefined ? {} : { maxQuotes: options.maxQuotes }) },
    };
    return { input, taggedNow, unreadableRuns };
  });
}
