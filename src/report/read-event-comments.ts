import { readUnconfirmedComments } from '../collect/unconfirmed-comments.js';
import { findDuplicateComments } from '../screen/find-duplicate-comments.js';
import { DEFAULT_BOT_NAMES, screenOne, toBotSet } from '../screen/screen-comments.js';
import type { Store, StoredComment, TagCursor } from '../store/store.js';
import type { EventConfig, ExclusionReason, LabelOverride, Tagger, TagResult, Thread } from '../types.js';
import { tagInBatches } from '../tag/tag-in-batches.js';

/** Comments read from the store at a time by the report commands: what they hold of an event's comments at once. */
export const REPORT_PAGE_SIZE = 2_000;

export interface ReadEventCommentsOptions {
  botNames?: readonly string[];
  /** Comments read at a time (default REPORT_PAGE_SIZE). */
  pageSize?: number;
}

/** What the report commands read of an event besides its comments. */
export interface EventContext {
  threads: Thread[];
  labels: Map<string, LabelOverride>;
  unconfirmed: Set<string>;
}

export function readEventContext(store: Store, eventId: string): EventContext {
  return {
    threads: store.listThreads(eventId),
    labels: store.loadLabelsInForce(),
    unconfirmed: new Set(readUnconfirmedComments(store).keys()),
  };
}

/**
 * Hands every stored comment of the event to `visit` in the store's order (thread, time, id), screened as screenComments
 * screens the whole event, with its tag result for this tagger version: the stored one, or, for an analysed comment
 * the tag stage has not reached, one tagged now in memory (not stored), so the reports work on a store that was only
 * collected. The comments are read a page at a time, so only a page is held: first one pass for what screening needs
 * to find copies of a text (findDuplicateComments), then the pages. Call it inside store.readAtOnce, so both passes
 * read one state of the store.
 */
export function readEventComments(
  store: Store,
  event: EventConfig,
  tagger: Tagger,
  options: ReadEventCommentsOptions,
  visit: (comment: StoredComment, excluded: ExclusionReason | null, result: TagResult | undefined) => void,
): { taggedNow: number } {
  const screen = { botNames: options.botNames ?? [...DEFAULT_BOT_NAMES, ...event.bots] };
  const bots = toBotSet(screen);
  const duplicates = findDuplicateComments(store.iterateScreeningFacts(event.id), screen, (id) => store.getComment(id)?.body);
  const pageSize = options.pageSize ?? REPORT_PAGE_SIZE;
  let taggedNow = 0;
  let after: TagCursor | null = null;
  for (;;) {
    const page = store.listEventComments(event.id, tagger.version, after, pageSize);
    const last = page.at(-1);
    if (last === undefined) break;
    after = last.cursor;
    const excluded = page.map(({ comment }) => screenOne(comment, bots) ?? (duplicates.has(comment.id) ? 'duplicate' : null));
    const pending = page.filter(({ result }, k) => excluded[k] === null && result === undefined);
    const outcomes = tagInBatches(tagger, pending.map(({ comment }) => comment.body));
    const taggedHere = new Map(pending.map(({ comment }, k) => [comment.id, { ...outcomes[k]!, commentId: comment.id, tagger: tagger.version }]));
    taggedNow += pending.length;
    page.forEach(({ comment, result }, k) => visit(comment, excluded[k] ?? null, result ?? taggedHere.get(comment.id)));
    if (page.length < pageSize) break;
  }
  return { taggedNow };
}
