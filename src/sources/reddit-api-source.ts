import pLimit from 'p-limit';
import { toSkipRecord } from '../errors/to-skip-record.js';
import { askInfoInBatches, INFO_BATCH } from './ask-info-in-batches.js';
import { countSearchFailures } from './count-search-failures.js';
import { createStoppableContext } from './create-stoppable-context.js';
import { skipMissingSeeds } from './skip-missing-seeds.js';
import { collectThreadTree, type ThreadTree } from '../reddit/collect-thread-tree.js';
import type { RedditApi, SearchParams } from '../reddit/reddit-api.js';
import type { InfoListing, InvalidInfoThing } from '../reddit/reddit-schemas.js';
import { statusFromBody, toThread } from '../reddit/to-domain.js';
import { DELETED_AUTHOR, type ContentStatus, type EventConfig, type SkipRecord, type Thread } from '../types.js';
import type { CheckedStatuses, CheckedText, CheckedThreadStatuses, FetchedThread, FoundThreads, Source, SourceContext } from './source.js';

/** Reddit listings stop near 1000 items; a listing that returns this many may have been cut. */
export const LISTING_CAP = 1000;
/**
 * At the cap Reddit simply ends the listing (after = null), sometimes a little
 * short of 1000 because of filtered items: a listing that ends this deep
 * without reaching the window start is treated as cut.
 */
const CAP_SUSPECT = 900;
/** Search listings fetched at once (pages within one listing stay sequential: each needs the previous `after`). */
const SEARCH_CONCURRENCY = 3;

/**
 * A Source over any RedditApi (live OAuth client or recorded fixtures): the
 * search, windowing, cap detection, tree collection and re-check logic is
 * shared, only the transport differs.
 */
export function createRedditApiSource(
  name: string,
  api: RedditApi,
  /** Told the context of every call, so a transport can report progress and honour the abort signal. */
  onContext: (ctx: SourceContext) => void = () => {},
): Source {
  return {
    name,
    async findThreads(event: EventConfig, ctx: SourceContext): Promise<FoundThreads> {
      onContext(ctx);
      const found = new Map<string, Thread>();
      const skipped: SkipRecord[] = [];
      let capped = false;
      const scopes: Array<string | undefined> = event.subreddits.length > 0 ? event.subreddits : [undefined];
      // Reddit search has no date range; `t` is relative to now, so pick the smallest span covering the window start.
      const time = pickTimeFilter(ctx.now() - event.window.from);
      const limit = pLimit(SEARCH_CONCURRENCY);
      const listings = event.queries.flatMap((query) => scopes.map((subreddit) => ({ query, subreddit })));
      const searches = countSearchFailures();
      // Aborted once the source counts as down: a search under way (one started when the first failures freed its slot)
      // would otherwise spend its own whole retry schedule, minutes, before a verdict already made. The client reads the
      // signal of the call it serves (onContext), so the searches get it beside the run's own.
      const stoppable = createStoppableContext(ctx);
      onContext(stoppable.ctx);
      await Promise.all(
        listings.map(({ query, subreddit }) =>
          limit(async () => {
            // once the source counts as down the searches still queued are not sent (after refused credentials the
            // client fails each at once, without a request, and the first refusal has already ended the stage)
            if (searches.givingUp) return;
            const where = `${subreddit === undefined ? '/search' : `/r/${subreddit}/search`}?q=${query}`;
            try {
              const result = await searchWindow(api, { query, subreddit, sort: 'new', time, limit: 100 }, event, stoppable.ctx);
              searches.answered();
              for (const t of result.threads) found.set(t.id, t);
              if (result.capped) {
                capped = true;
                skipped.push({
                  source: where,
                  record: '(listing)',
                  reason: `listing stopped at Reddit's ~${LISTING_CAP}-item cap before reaching the window start: older threads may be missing`,
                  kind: 'incomplete',
                });
              }
            } catch (error) {
              // stopped as the source counts as down, like the searches still queued (a Ctrl-C is rethrown by failed)
              if (stoppable.isStoppedBy(error)) return;
              skipped.push(searches.failed(error, where));
              if (searches.givingUp) stoppable.stop(`${name} looks down: searches stopped`);
            }
          }),
        ),
      );
      // the seeds are asked for whatever the searches found: with the run's own signal, not the stopped searches'
      onContext(ctx);
      const seeds = event.seedThreads.filter((id) => !found.has(id));
      for (let i = 0; i < seeds.length; i += INFO_BATCH) {
        const batch = seeds.slice(i, i + INFO_BATCH);
        try {
          const listing = await api.info(batch.map((id) => `t3_${id}`));
          const answered = new Set<string>();
          for (const child of listing.data.children) {
            // Seeds are kept even outside the window: a user named them on purpose.
            if (child.kind === 't3') {
              answered.add(child.data.id);
              found.set(child.data.id, toThread(child.data, ctx.now()));
            }
            // one unreadable seed is skipped, not the others asked with it
            else if (child.kind === 'invalid') {
              if (child.id !== null) answered.add(child.id);
              skipped.push(skipInvalidInfo(child, `/api/info?id=${batch.join(',')}`, 'thread'));
            }
          }
          skipped.push(...skipMissingSeeds(batch.filter((id) => !answered.has(id)), `/api/info?id=${batch.join(',')}`, 'Reddit'));
        } catch (error) {
          skipped.push(toSkipRecord(error, `/api/info?id=${batch.join(',')}`));
        }
      }
      // seeds first: a thread the user named still counts when every search failed
      if (found.size === 0) searches.throwIfNoneAnswered(name);
      const threads = [...found.values()].sort((a, b) => a.createdUtc - b.createdUtc || a.id.localeCompare(b.id));
      return { threads, capped, skipped };
    },

    async fetchThread(threadId: string, ctx: SourceContext): Promise<FetchedThread> {
      onContext(ctx);
      const collected = (comments: number): void => ctx.progress?.({ kind: 'comments', threadId, comments });
      let tree: ThreadTree;
      try {
        tree = await collectThreadTree(api, threadId, ctx.now(), collected);
      } catch (error) {
        collected(0); // nothing of a failed thread is stored: its comments leave the progress line again
        throw error;
      }
      ctx.progress?.({ kind: 'thread', threadId, comments: tree.collected });
      return { thread: tree.thread, comments: tree.comments, expected: tree.expected, collected: tree.collected, skipped: tree.skipped };
    },

    async checkStatus(commentIds: string[], ctx: SourceContext, onAnswer: (answer: CheckedStatuses) => void): Promise<SkipRecord[]> {
      onContext(ctx);
      // each answer goes to onAnswer as it arrives (its skip records with it), so only unanswered batches come back here
      return askInfoInBatches(api, commentIds, { prefix: 't1', name: 'deletion re-check', noun: 'comments' }, ctx, (listing, batch) =>
        onAnswer(readStatusAnswer(listing, batch)),
      );
    },

    async checkThreads(threadIds: string[], ctx: SourceContext, onAnswer: (answer: CheckedThreadStatuses) => void): Promise<SkipRecord[]> {
      onContext(ctx);
      // each answer goes to onAnswer as it arrives (its unreadable entries with it), so only unanswered batches come
      // back here; a failed batch leaves its threads as stored, and the next run asks again
      return askInfoInBatches(api, threadIds, { prefix: 't3', name: 'thread re-check', noun: 'threads' }, ctx, (listing, batch) => {
        const statuses = new Map<string, ContentStatus>();
        const authorsDeleted = new Set<string>();
        const skipped: SkipRecord[] = [];
        for (const child of listing.data.children) {
          if (child.kind === 't3' && batch.includes(child.data.id)) {
            const thread = toThread(child.data, ctx.now());
            statuses.set(thread.id, thread.status);
            if (thread.status === 'live' && thread.author === DELETED_AUTHOR) authorsDeleted.add(thread.id);
          } else if (child.kind === 'invalid') skipped.push({ ...skipInvalidInfo(child, '/api/info (thread re-check)', 'thread'), kind: 'incomplete' });
        }
        onAnswer({ statuses, skipped, authorsDeleted });
      });
    },

    stats: () => api.stats(),
  };
}

/** Pages a search newest-first until the window start, the end of the listing, or the cap. */
async function searchWindow(
  api: RedditApi,
  params: SearchParams,
  event: EventConfig,
  ctx: SourceContext,
): Promise<{ threads: Thread[]; capped: boolean }> {
  const threads: Thread[] = [];
  let after: string | undefined;
  let seen = 0;
  for (;;) {
    ctx.signal?.throwIfAborted();
    const page = await api.search(after === undefined ? params : { ...params, after });
    let reachedStart = false;
    for (const child of page.data.children) {
      seen++;
      const created = Number(child.data.created_utc);
      if (created < event.window.from) reachedStart = true;
      else if (created <= event.window.to) threads.push(toThread(child.data, ctx.now()));
    }
    const next = page.data.after;
    if (reachedStart) return { threads, capped: false };
    if (next === null || next === undefined || page.data.children.length === 0) {
      return { threads, capped: seen >= CAP_SUSPECT };
    }
    if (seen >= LISTING_CAP) return { threads, capped: true };
    after = next;
  }
}

/** One /api/info answer of the deletion re-check as statuses, current texts, unreadable entries and ids left out. */
function readStatusAnswer(listing: InfoListing, batch: readonly string[]): CheckedStatuses {
  const statuses = new Map<string, ContentStatus>();
  const texts = new Map<string, CheckedText>();
  const skipped: SkipRecord[] = [];
  const answered = new Set<string>();
  for (const child of listing.data.children) {
    if (child.kind === 't1') {
      answered.add(child.data.id);
      const status = statusFromBody(child.data.body, child.data.author);
      statuses.set(child.data.id, status);
      if (status === 'live') {
        const editedUtc = typeof child.data.edited === 'number' ? child.data.edited : null;
        texts.set(child.data.id, { body: child.data.body, editedUtc, ...(child.data.author === DELETED_AUTHOR ? { authorDeleted: true } : {}) });
      }
    } else if (child.kind === 'invalid') {
      if (child.id !== null) answered.add(child.id);
      skipped.push(skipInvalidInfo(child, '/api/info (deletion re-check)', 'comment'));
      // An unreadable answer never confirms a comment live: it stays out of the map (unknown), so its
      // status_checked_at is not refreshed and the next run asks again. Only when its body still reads as
      // Reddit's "[deleted]"/"[removed]" is it taken as gone and purged: purging needs nothing else from
      // the answer, and erring that way can never let deleted text be quoted.
      if (child.id !== null && child.body !== null && batch.includes(child.id)) {
        const status = statusFromBody(child.body, child.author);
        if (status !== 'live') statuses.set(child.id, status);
      }
    }
  }
  return { statuses, texts, skipped, unanswered: batch.filter((id) => !answered.has(id)) };
}

/** A skip record for one unreadable /api/info entry, naming the request, the item and the field. */
function skipInvalidInfo(thing: InvalidInfoThing, request: string, what: 'comment' | 'thread'): SkipRecord {
  return { source: request, record: thing.id === null ? `(a ${what} without an id)` : `${what} ${thing.id}`, reason: thing.reason, kind: 'invalid' };
}

function pickTimeFilter(ageSeconds: number): SearchParams['time'] {
  const day = 86_400;
  if (ageSeconds <= day) return 'day';
  if (ageSeconds <= 7 * day) return 'week';
  if (ageSeconds <= 30 * day) return 'month';
  if (ageSeconds <= 365 * day) return 'year';
  return 'all';
}
