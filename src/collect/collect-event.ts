import pLimit from 'p-limit';
import { CredentialsError } from '../errors/errors.js';
import { toSkipRecord } from '../errors/to-skip-record.js';
import { addSaveCounts, emptySaveCounts, type SaveCounts, type Store } from '../store/store.js';
import type { CheckedText, FetchedThread, Source, SourceContext } from '../sources/source.js';
import type { EventConfig, SkipRecord, Thread } from '../types.js';

export interface CollectOptions {
  /**
   * Threads fetched at once. Default 4: the live client paces all of them
   * against one rate-limit budget and serialises morechildren across threads,
   * so more workers only overlap thread pages with each other's waits.
   */
  concurrency?: number;
  /** A thread younger than this (seconds, at its last fetch) is still active and is refreshed. */
  activeForSeconds?: number;
  /** Re-check stored comments for deletion/removal when the source can. */
  recheck?: boolean;
  /** Only comments not confirmed live for this long (seconds) are re-checked, so a nightly run stays cheap. */
  recheckAfterSeconds?: number;
}

export interface CollectSummary extends SaveCounts {
  threadsFound: number;
  threadsFetched: number;
  threadsUnchanged: number;
  commentsRechecked: number;
  capped: boolean;
  skipped: SkipRecord[];
}

const DAY = 86_400;

/**
 * The collect stage: find the event's threads, fetch the ones that are new,
 * incomplete or still active, and store each in its own transaction (a crash
 * loses at most the thread in flight). Then re-check older comments and purge
 * what was deleted or removed since.
 */
export async function collectEvent(
  event: EventConfig,
  source: Source,
  store: Store,
  ctx: SourceContext,
  options: CollectOptions = {},
): Promise<CollectSummary> {
  const summary: CollectSummary = {
    ...emptySaveCounts(),
    threadsFound: 0,
    threadsFetched: 0,
    threadsUnchanged: 0,
    commentsRechecked: 0,
    capped: false,
    skipped: [],
  };
  const found = await source.findThreads(event, ctx);
  summary.threadsFound = found.threads.length;
  summary.capped = found.capped;
  summary.skipped.push(...found.skipped);

  const toFetch = found.threads.filter((t) => needsFetch(store, t, options.activeForSeconds ?? 2 * DAY));
  summary.threadsUnchanged = found.threads.length - toFetch.length;
  for (const t of found.threads) if (!toFetch.includes(t)) store.linkThread(event.id, t.id);

  const fetchedIds = new Set<string>();
  const limit = pLimit(options.concurrency ?? 4);
  let refused = false;
  await Promise.all(
    toFetch.map((t) =>
      limit(async () => {
        ctx.signal?.throwIfAborted();
        // after refused credentials the threads still queued are not fetched: the first refusal ends the stage
        if (refused) return;
        let fetched: FetchedThread;
        try {
          fetched = await source.fetchThread(t.id, ctx);
        } catch (error) {
          // refused credentials refuse every thread still queued (toSkipRecord rethrows the error)
          if (error instanceof CredentialsError) refused = true;
          summary.skipped.push(toSkipRecord(error, `thread ${t.id}`));
          return;
        }
        addSaveCounts(summary, store.saveThreadBundle(event.id, fetched));
        summary.skipped.push(...fetched.skipped);
        summary.threadsFetched++;
        for (const c of fetched.comments) fetchedIds.add(c.id);
      }),
    ),
  );

  if (options.recheck !== false && source.checkStatus !== undefined) {
    const checkedBefore = ctx.now() - (options.recheckAfterSeconds ?? 20 * 3600);
    const stale = store.listLiveCommentIds(event.id, checkedBefore).filter((id) => !fetchedIds.has(id));
    if (stale.length > 0) {
      try {
        const { statuses, texts, skipped } = await source.checkStatus(stale, ctx);
        summary.skipped.push(...skipped);
        const gone: Array<{ id: string; status: 'deleted' | 'removed' }> = [];
        const live: string[] = [];
        const edits: Array<{ id: string } & CheckedText> = [];
        for (const [id, status] of statuses) {
          if (status === 'live') {
            live.push(id);
            const text = texts?.get(id);
            if (text !== undefined) edits.push({ id, ...text });
          } else gone.push({ id, status });
        }
        summary.commentsPurged += store.purgeComments(gone, ctx.now());
        // An edit seen by the re-check replaces the stored text before the comment is marked checked: a comment
        // must never be "confirmed today" with words its author has since withdrawn.
        summary.commentsUpdated += store.applyCheckedTexts(edits);
        store.markStatusChecked(live, ctx.now());
        summary.commentsRechecked = statuses.size;
      } catch (error) {
        summary.skipped.push(toSkipRecord(error, 'deletion re-check'));
      }
    }
  }
  return summary;
}

function needsFetch(store: Store, thread: Thread, activeForSeconds: number): boolean {
  const state = store.getThreadState(thread.id);
  if (state === undefined || !state.complete) return true;
  if (state.expected !== null && thread.numComments > state.expected) return true; // new comments since
  return state.fetchedAt - thread.createdUtc < activeForSeconds;
}
