import type { Store } from '../store/store.js';
import type { EventConfig, Tagger } from '../types.js';
import { FeedTally, type FeedOptions } from './pick-feed-quotes.js';
import type { ReportQuote } from './pick-quotes.js';
import { readEventComments, readEventContext } from './read-event-comments.js';

/**
 * The quotes command's read of the store: the feed (pickFeedQuotes) of an event read a page at a time, keeping only the
 * candidates the feed can pick, with when each quote's comment became quotable (the JSON feed's collected_at), how many
 * comments the store holds and how many in the window were withheld as unconfirmed, and how many were tagged now in memory.
 */
export function loadFeedQuotes(
  store: Store,
  event: EventConfig,
  tagger: Tagger,
  options: FeedOptions & { withAuthors: boolean; pageSize?: number },
): { quotes: ReportQuote[]; collectedAt: Map<string, number | null>; stored: number; withheld: number; taggedNow: number } {
  return store.readAtOnce(() => {
    const { threads, labels, unconfirmed } = readEventContext(store, event.id);
    const feed = new FeedTally({ threads, labels, unconfirmed, options: { withAuthors: options.withAuthors } }, options, true);
    const { taggedNow } = readEventComments(store, event, tagger, options.pageSize === undefined ? {} : { pageSize: options.pageSize }, (comment, excluded, result) =>
      feed.add(comment, excluded, result),
    );
    const quotes = feed.pick();
    return { quotes, collectedAt: feed.collectedAt(quotes), stored: feed.stored, withheld: feed.withheld, taggedNow };
  });
}
