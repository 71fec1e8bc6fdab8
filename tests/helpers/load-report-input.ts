import type { StoreError } from '../../src/errors/errors.js';
import { DEFAULT_BOT_NAMES, screenComments } from '../../src/screen/screen-comments.js';
import type { Store } from '../../src/store/store.js';
import type { EventConfig, Tagger, TagResult } from '../../src/types.js';
import type { ReportInput } from '../../src/report/build-report.js';
import type { LoadReportOptions } from '../../src/report/load-report-tally.js';
import { tagInBatches } from '../../src/tag/tag-in-batches.js';
import { readUnconfirmedComments } from '../../src/collect/unconfirmed-comments.js';


/**
 * The event held whole in memory: read the store snapshot, screen it,
 * and tag (in memory, without writing the store) any live comment the tag
 * stage has not reached yet. Runs whose stored record cannot be read are
 * left out of the input and returned. The commands read an event a page at a time instead (loadReportTally,
 * loadFeedQuotes), which makes the same report and feed; this form is what tests build reports from and the reference
 * the paged reading is tested against (tests/report/load-report-tally.test.ts), so it lives with the tests.
 */
export function loadReportInput(
  store: Store,
  event: EventConfig,
  tagger: Tagger,
  options: LoadReportOptions,
): { input: ReportInput; taggedNow: number; unreadableRuns: StoreError[] } {
  const snapshot = store.loadEventSnapshot(event.id, tagger.version);
  const screened = screenComments(snapshot.comments, { botNames: options.botNames ?? [...DEFAULT_BOT_NAMES, ...event.bots] });
  // The snapshot's map is ours (built for this call), so comments the tag stage has not reached are
  // added to it in place: a copy of 100k entries would only cost memory.
  const tags: Map<string, TagResult> = snapshot.tags;
  const pending = screened.filter(({ comment, excluded }) => excluded === null && !tags.has(comment.id)).map(({ comment }) => comment);
  const outcomes = tagInBatches(tagger, pending.map((c) => c.body));
  pending.forEach((c, k) => tags.set(c.id, { ...outcomes[k]!, commentId: c.id, tagger: tagger.version }));
  const taggedNow = pending.length;
  const { runs, unreadable: unreadableRuns } = store.listRuns(event.id);
  const input: ReportInput = {
    event,
    threads: snapshot.threads,
    screened,
    tags,
    labels: snapshot.labels,
    unconfirmed: new Set(readUnconfirmedComments(store).keys()),
    tagger: tagger.version,
    runs,
    history: options.history ?? [],
    options: { withAuthors: options.withAuthors, ...(options.maxQuotes === undefined ? {} : { maxQuotes: options.maxQuotes }) },
  };
  return { input, taggedNow, unreadableRuns };
}
