import pLimit from 'p-limit';
import { RefusedRequestError, SchemaError, SourceError } from '../errors/errors.js';
import { NO_ANSWER_BODY, toSkipRecord } from '../errors/to-skip-record.js';
import { createStoppableContext } from '../sources/create-stoppable-context.js';
import { addSaveCounts, emptySaveCounts, type SaveCounts, type Store } from '../store/store.js';
import type { CheckedStatuses, CheckedText, CheckedThreadStatuses, FetchedThread, Source, SourceContext } from '../sources/source.js';
import { DELETED_AUTHOR, type EventConfig, type ShortThread, type SkipRecord, type Thread } from '../types.js';
import { countUnconfirmed } from '../report/count-unconfirmed.js';
import { formatUtcDateTime } from '../report/format-values.js';
import { detectShortThread } from './detect-short-thread.js';
import { readUnconfirmedComments, toRecheckSkipRecords } from './unconfirmed-comments.js';

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
  /**
   * Threads due for a fetch that were not fetched because UNANSWERED_FETCHES_TO_STOP fetches in a row got no answer
   * (the source went down mid-run): each has a skip record, and the next run fetches it.
   */
  threadsNotFetched: number;
  commentsRechecked: number;
  /** Live comments of this event on the store's unconfirmed list after tonight (see countUnconfirmed): not quoted until confirmed. */
  commentsUnconfirmed: number;
  /** Of those, the ones that were not already unconfirmed before tonight. */
  commentsNewlyUnconfirmed: number;
  capped: boolean;
  skipped: SkipRecord[];
  /** Threads fetched tonight that hold far fewer comments than their source counts (a warning, not a skip). */
  shortThreads: ShortThread[];
}

export function emptyCollectSummary(): CollectSummary {
  return {
    ...emptySaveCounts(),
    threadsFound: 0,
    threadsFetched: 0,
    threadsUnchanged: 0,
    threadsNotFetched: 0,
    commentsRechecked: 0,
    commentsUnconfirmed: 0,
    commentsNewlyUnconfirmed: 0,
    capped: false,
    skipped: [],
    shortThreads: [],
  };
}

const DAY = 86_400;
/** The record of a thread's skip record when the thread was not fetched because the source looked down. */
export const NOT_FETCHED = '(not fetched)';
/** Fetches in a row of a thread with unreadable comments, after which it is left as it is (until its comment count grows). */
export const UNREADABLE_FETCHES = 3;
/**
 * Thread fetches in a row that got no answer, each after its client's whole retry schedule (Reddit about 2.7 min, the
 * archive about 5), after which the threads still queued are not fetched tonight and the fetches still under way are
 * stopped (their retries would only spend the same schedule before the same verdict). Three, as for searches and
 * re-check batches (GIVE_UP_AFTER): below the default four fetches at once, so an outage is settled by the fetches
 * already under way, within about one retry schedule; and three different threads each failing five attempts back to
 * back while the source is up is rare (a flaky thread is one failure between answers, which start the count again),
 * and costs only a partial night whose next run fetches them.
 */
export const UNANSWERED_FETCHES_TO_STOP = 3;

/**
 * The collect stage: find the event's threads, fetch the ones that are new,
 * incomplete or still active, and store each in its own transaction (a crash
 * loses at most the thread in flight). Then re-check older comments and purge
 * what was deleted or removed since. `summary` is filled in as things are stored: a caller that passes its own still
 * has the counts of what was stored when the stage is stopped (Ctrl-C) or fails part way.
 */
export async function collectEvent(
  event: EventConfig,
  source: Source,
  store: Store,
  ctx: SourceContext,
  options: CollectOptions = {},
  summary: CollectSummary = emptyCollectSummary(),
): Promise<CollectSummary> {
  try {
    return await collectInto(summary, event, source, store, ctx, options);
  } catch (error) {
    // a stopped or failed collection is recorded with this count too: the comments it left withheld are on the list
    // (an archive's held ones above all), and a run record saying 0 would tell the nightly log none are
    try {
      summary.commentsUnconfirmed = countStoredUnconfirmed(store, event.id, readUnconfirmedComments(store));
    } catch {
      // the stage's own error is the one to report (a damaged list, a store that cannot be read: that error says so)
    }
    throw error;
  }
}

async function collectInto(
  summary: CollectSummary,
  event: EventConfig,
  source: Source,
  store: Store,
  ctx: SourceContext,
  options: CollectOptions,
): Promise<CollectSummary> {
  // read before any request: a damaged list stops the run before a night of fetching is spent on it
  const unconfirmedBefore = readUnconfirmedComments(store);
  const found = await source.findThreads(event, ctx);
  summary.threadsFound = found.threads.length;
  summary.capped = found.capped;
  summary.skipped.push(...found.skipped);

  const toFetch = found.threads.filter((t) => needsFetch(store, t, options.activeForSeconds ?? 2 * DAY));
  const notFetched = found.threads.filter((t) => !toFetch.includes(t));
  summary.threadsUnchanged = notFetched.length;
  for (const t of notFetched) store.linkThread(event.id, t.id);
  // A listing that shows a stored thread deleted or removed says as much as a refetch would: it is purged tonight,
  // not kept live (its title quoted beside its comments) because its comments did not change.
  // And one that shows its poster's account deleted (the post live, its author `[deleted]`) takes the name from the store.
  summary.threadsUpdated += applyListedStatus(store, notFetched);

  // An archive's copy is the text as first archived, not as Reddit shows it tonight: it confirms nothing (it is stored
  // with no check time of its own), and the re-check asks Reddit about tonight's fetched comments and threads as well
  // as the ones due.
  const fetchConfirms = source.archived !== true;
  // Its copies are held (on the unconfirmed list) as they are stored, in the same transaction, until Reddit's answer
  // about them is stored: never quotable as first archived, not while the run still fetches, nor after a run stopped
  // before its re-check; and a comment becomes quotable (its collected time, see firstQuotableAt) only when confirmed.
  const holdUnconfirmed = !fetchConfirms && options.recheck !== false && source.checkStatus !== undefined;
  const fetchedIds = new Set<string>();
  const limit = pLimit(options.concurrency ?? 4);
  // in the order fetches end (several run at once); once it reaches UNANSWERED_FETCHES_TO_STOP it stays there: no new
  // fetch starts, and the ones under way are stopped (`fetches.stop`)
  let unansweredInARow = 0;
  // Stopped when the source looks down: a fetch under way would otherwise spend its own whole retry schedule (minutes)
  // before failing the same way, and a cron night would end that much later. The fetches get it beside the run's own
  // signal (Ctrl-C), so their clients stop retrying, waiting and receiving at once; nothing of a stopped thread was
  // stored (a thread is stored only once fetched whole), so it is recorded as not fetched and the next run fetches it.
  const fetches = createStoppableContext(ctx);
  const skipNotFetched = (threadId: string): void => {
    summary.threadsNotFetched++;
    summary.skipped.push({
      source: `thread ${threadId}`,
      record: NOT_FETCHED,
      reason:
        `not fetched: ${UNANSWERED_FETCHES_TO_STOP} thread fetches in a row got no answer from ${source.name} after their retries, ` +
        'so it looks down and the threads still queued or under way were not fetched tonight; the next run fetches them',
      kind: 'incomplete',
    });
  };
  const savedThreads = new Set<string>();
  await Promise.all(
    toFetch.map((t) =>
      limit(async () => {
        ctx.signal?.throwIfAborted();
        if (unansweredInARow >= UNANSWERED_FETCHES_TO_STOP) {
          skipNotFetched(t.id);
          return;
        }
        let fetched: FetchedThread;
        try {
          fetched = await source.fetchThread(t.id, fetches.ctx);
        } catch (error) {
          // stopped because the source looks down (not by the user: a Ctrl-C is rethrown below, by toSkipRecord)
          if (fetches.isStoppedBy(error)) {
            skipNotFetched(t.id);
            return;
          }
          // refused credentials end the stage (toSkipRecord rethrows them); the source fails the threads still queued
          // at once, without a request
          summary.skipped.push(toSkipRecord(error, `thread ${t.id}`));
          if (unansweredInARow < UNANSWERED_FETCHES_TO_STOP) {
            unansweredInARow = isUnanswered(error) ? unansweredInARow + 1 : 0;
            if (unansweredInARow >= UNANSWERED_FETCHES_TO_STOP) fetches.stop(`${source.name} looks down: thread fetches stopped`);
          }
          return;
        }
        if (unansweredInARow < UNANSWERED_FETCHES_TO_STOP) unansweredInARow = 0;
        // Comments skipped as unreadable may be served readable later: the thread stays incomplete, so the next run
        // fetches it again, but only UNREADABLE_FETCHES times in a row, so a comment Reddit keeps serving broken does
        // not fail every night's cron job (nor cost a refetch) for ever.
        const unreadable = fetched.skipped.some((r) => r.kind === 'invalid');
        const unreadableFetches = unreadable ? (store.getThreadState(t.id)?.unreadableFetches ?? 0) + 1 : 0;
        const retry = unreadable && unreadableFetches < UNREADABLE_FETCHES;
        // what the fetch before found unreadable, so a comment Reddit keeps serving broken is not reported as news
        const unreadableBefore = unreadable ? store.listUnreadableRecords(t.id) : new Map<string, number>();
        const unreadableRecords = dateUnreadableRecords(fetched.skipped, unreadableBefore, fetched.thread.fetchedAt);
        addSaveCounts(summary, store.saveThreadBundle(event.id, fetched, { complete: !retry, unreadableFetches, unreadableRecords, confirmsLive: fetchConfirms, holdUnconfirmed }));
        summary.skipped.push(...(unreadable ? fetched.skipped.map((r) => sayWhatNext(r, unreadableFetches, retry, unreadableBefore)) : fetched.skipped));
        summary.threadsFetched++;
        savedThreads.add(t.id);
        const short = detectShortThread(fetched);
        if (short !== null) summary.shortThreads.push(short);
        for (const c of fetched.comments) fetchedIds.add(c.id);
      }),
    ),
  );

  // A thread due for a refetch that the listing shows deleted or removed, whose fetch failed or was not made (the source
  // went down, a 404): the listing said so all the same, so it is purged tonight as one not due is, not kept live (its
  // title quoted) until a night whose refetch gets an answer. A thread fetched was stored with its own status. So is one
  // the listing shows with its poster's account deleted: its name goes tonight, as a thread's not due does.
  summary.threadsUpdated += applyListedStatus(store, toFetch.filter((t) => !savedThreads.has(t.id)));

  // A source found down mid-run would spend each re-check pass on its whole give-up schedule (three batches of full
  // retries, minutes each) before the same verdict, when the re-checks ask that same service: they are not made tonight.
  // What they would have confirmed stays withheld as after a failed re-check, and the next run re-checks.
  const recheckNotMade = unansweredInARow >= UNANSWERED_FETCHES_TO_STOP && (source.recheckedBy ?? source.name) === source.name;
  const notMade = (where: string): SkipRecord => ({
    source: where,
    record: '(request)',
    reason: `not made tonight: ${source.name} looks down (${UNANSWERED_FETCHES_TO_STOP} thread fetches in a row got no answer) and the re-check asks it too; the next run re-checks`,
    kind: 'incomplete',
  });

  // the unconfirmed list as stored right now (tonight's held archive copies on it): the re-check takes the comments it
  // confirms off it as it goes
  const listed = holdUnconfirmed ? store.listUnconfirmedComments() : new Map(unconfirmedBefore);
  // an archive's live comments as tonight's fetches left them, for the re-check's due list (the thread re-check before
  // it purges threads, never their comments)
  const archivedLive = holdUnconfirmed ? store.listLiveCommentIds(event.id) : [];

  if (options.recheck !== false && source.checkThreads !== undefined) {
    // threads found tonight were seen in tonight's listings; the others (gone from search) are asked about by id
    const foundIds = fetchConfirms ? new Set(found.threads.map((t) => t.id)) : new Set<string>();
    const unseen = store.listLiveThreadIds(event.id).filter((id) => !foundIds.has(id));
    if (unseen.length > 0 && recheckNotMade) summary.skipped.push(notMade('thread re-check'));
    else if (unseen.length > 0) {
      // Each answer is stored as it comes back (purgeThreads is one transaction), so a stopped re-check (Ctrl-C, a crash)
      // keeps the threads found gone so far; the next run asks again only about those still live.
      const answerSkipped: SkipRecord[] = [];
      const applyThreadAnswer = ({ statuses, skipped, authorsDeleted }: CheckedThreadStatuses): void => {
        answerSkipped.push(...skipped);
        summary.threadsUpdated += store.purgeThreads(toGone([...statuses].map(([id, status]) => ({ id, status }))));
        if (authorsDeleted !== undefined) store.forgetThreadAuthors([...authorsDeleted]);
      };
      try {
        const failed = await source.checkThreads(unseen, ctx, applyThreadAnswer);
        summary.skipped.push(...answerSkipped, ...failed);
      } catch (error) {
        summary.skipped.push(...answerSkipped);
        summary.skipped.push(toSkipRecord(error, 'thread re-check'));
      }
    }
  }

  // a refetched comment's state is tonight's: live copies confirm, gone ones are purged (not so an archive's copies)
  const confirmed = new Set(fetchConfirms ? fetchedIds : []);
  let unconfirmed: string[] = [];
  if (options.recheck !== false && source.checkStatus !== undefined) {
    const checkedBefore = ctx.now() - (options.recheckAfterSeconds ?? 20 * 3600);
    const stale = fetchConfirms
      ? store.listLiveCommentIds(event.id, checkedBefore).filter((id) => !fetchedIds.has(id))
      : listArchivedDue(store, event.id, checkedBefore, archivedLive, fetchedIds, listed);
    if (stale.length > 0 && recheckNotMade) {
      unconfirmed = stale;
      summary.skipped.push(notMade('deletion re-check'));
    } else if (stale.length > 0) {
      // whatever the re-check does not answer usably (an unreadable item, a failed batch, a failed re-check) stays unconfirmed
      unconfirmed = stale;
      const answerSkipped: SkipRecord[] = [];
      const unanswered: string[] = [];
      // Each answer is stored as it comes back, so a stopped re-check (Ctrl-C, a crash) keeps what was answered:
      // deleted comments purged, edits and status_checked_at saved; the next run asks only about the rest.
      const applyAnswer = (answer: CheckedStatuses): void => {
        answerSkipped.push(...answer.skipped);
        unanswered.push(...(answer.unanswered ?? []));
        applyRecheckAnswer(store, answer, listed, ctx.now(), summary);
        for (const id of answer.statuses.keys()) confirmed.add(id);
        ctx.progress?.({ kind: 'recheck', comments: summary.commentsRechecked, of: stale.length });
      };
      try {
        const failed = await source.checkStatus(stale, ctx, applyAnswer);
        unconfirmed = stale.filter((id) => !confirmed.has(id));
        const isNews = unconfirmed.some((id) => !unconfirmedBefore.has(id));
        summary.skipped.push(...toRecheckSkipRecords([...answerSkipped, ...failed], unanswered.filter((id) => !confirmed.has(id)), isNews));
      } catch (error) {
        unconfirmed = stale.filter((id) => !confirmed.has(id));
        summary.skipped.push(toSkipRecord(error, 'deletion re-check'));
      }
    }
  }
  const unconfirmedAfter = new Map([...unconfirmedBefore].filter(([id]) => !confirmed.has(id)));
  for (const id of unconfirmed) if (!unconfirmedAfter.has(id)) unconfirmedAfter.set(id, ctx.now());
  // from the store's list, not tonight's re-check alone: with --no-recheck (or nothing stale) the comments withheld
  // from quotes are still there, and the summary must say what the report will
  summary.commentsUnconfirmed = countStoredUnconfirmed(store, event.id, unconfirmedAfter);
  summary.commentsNewlyUnconfirmed = unconfirmed.filter((id) => !unconfirmedBefore.has(id)).length;
  // what the answers did not already store: comments a fetch confirmed off the list, tonight's newly unconfirmed on it
  const delisted = [...listed.keys()].filter((id) => !unconfirmedAfter.has(id));
  const added = [...unconfirmedAfter.keys()].filter((id) => !listed.has(id));
  if (delisted.length > 0 || added.length > 0) {
    store.db.transaction(() => {
      store.removeUnconfirmedComments(delisted);
      store.addUnconfirmedComments(added, ctx.now());
    })();
  }
  return summary;
}

/**
 * True when a thread fetch failed without an answer from the source (after the client's retries): no connection, a
 * timeout, a 5xx, a rate limit longer than a run waits, a body that is no answer at all (a maintenance page served
 * with 200). A refusal (404 for a thread deleted since, 403) or a thread answered with JSON we cannot read is an
 * answer: the source is up, and only that thread failed.
 */
function isUnanswered(error: unknown): boolean {
  if (error instanceof SchemaError) return error.record === NO_ANSWER_BODY;
  return error instanceof SourceError && !(error instanceof RefusedRequestError);
}

function countStoredUnconfirmed(store: Store, eventId: string, unconfirmed: ReadonlyMap<string, number>): number {
  return countUnconfirmed(store.listLiveCommentIds(eventId).map((id) => ({ id, status: 'live' as const })), unconfirmed);
}

/**
 * The comments an archive source's re-check asks about, of the event's `live` ones: those not confirmed since
 * `checkedBefore`, those fetched tonight (a stored comment keeps the check time Reddit gave it, but tonight's archive
 * copy may hold other words, and a new one is due anyway: stored as never checked) and those on the unconfirmed list,
 * in id order.
 */
function listArchivedDue(
  store: Store,
  eventId: string,
  checkedBefore: number,
  live: readonly string[],
  fetchedIds: ReadonlySet<string>,
  listed: ReadonlyMap<string, number>,
): string[] {
  const due = new Set(store.listLiveCommentIds(eventId, checkedBefore));
  return live.filter((id) => due.has(id) || fetchedIds.has(id) || listed.has(id));
}

/**
 * Stores one re-check answer in one transaction: gone comments purged, edits applied, live ones marked checked now,
 * and every comment it answered taken off the unconfirmed list (`listed`, kept equal to the stored list). One
 * transaction, because a comment marked checked must be off the list too: the list's remedy (see
 * unconfirmed-comments.ts) relies on a listed comment never having its status_checked_at refreshed.
 */
function applyRecheckAnswer(store: Store, answer: CheckedStatuses, listed: Map<string, number>, now: number, summary: CollectSummary): void {
  const gone: Array<{ id: string; status: 'deleted' | 'removed' }> = [];
  const live: string[] = [];
  const edits: Array<{ id: string } & CheckedText> = [];
  for (const [id, status] of answer.statuses) {
    if (status === 'live') {
      live.push(id);
      const text = answer.texts?.get(id);
      if (text !== undefined) edits.push({ id, ...text });
    } else gone.push({ id, status });
  }
  const delisted = [...answer.statuses.keys()].filter((id) => listed.has(id));
  // the store's own writes are transactions too; better-sqlite3 nests them as savepoints of this one
  const counts = store.db.transaction(() => {
    const purged = store.purgeComments(gone, now);
    // An edit seen by the re-check replaces the stored text before the comment is marked checked: a comment
    // must never be "confirmed today" with words its author has since withdrawn.
    const updated = store.applyCheckedTexts(edits);
    store.markStatusChecked(live, now);
    store.removeUnconfirmedComments(delisted);
    return { purged, updated };
  })();
  // the purged words out of the -wal file too, now that the answer's transaction is committed (see checkpointPurges)
  store.checkpointPurges();
  // only once committed: a failed transaction leaves the list and the counts as they were
  for (const id of delisted) listed.delete(id);
  summary.commentsPurged += counts.purged;
  summary.commentsUpdated += counts.updated;
  summary.commentsRechecked += answer.statuses.size;
}

/**
 * An unreadable comment's skip record, saying whether it is new or was already unreadable on the thread's fetch before
 * (and since when), and whether its thread is fetched again for it.
 */
function sayWhatNext(record: SkipRecord, fetches: number, retry: boolean, unreadableBefore: ReadonlyMap<string, number>): SkipRecord {
  if (record.kind !== 'invalid') return record;
  const since = unreadableBefore.get(record.record);
  const news = !namesItem(record) ? [] : [since === undefined ? 'newly unreadable' : `still unreadable since ${formatUtcDateTime(since)}`];
  const next = retry
    ? `the thread is fetched again next run to collect it (fetch ${fetches} of ${UNREADABLE_FETCHES})`
    : `the thread is not fetched again for it (${fetches} fetches in a row could not read it), only when its comment count grows`;
  return { ...record, reason: [record.reason, ...news, next].join('; ') };
}

/** This fetch's unreadable records by locator, each with when it was first found unreadable: as before if the fetch before found it too, else this fetch's time. */
function dateUnreadableRecords(skipped: readonly SkipRecord[], before: ReadonlyMap<string, number>, fetchedAt: number): Map<string, number> {
  const dated = new Map<string, number>();
  for (const record of skipped) if (record.kind === 'invalid' && namesItem(record)) dated.set(record.record, before.get(record.record) ?? fetchedAt);
  return dated;
}

/**
 * True when a skip record's locator names the item (`comment abc123`), not describes it: `(a comment without an id)`
 * could be a different comment on every fetch, so it is never said to be the same one as before.
 */
function namesItem(record: SkipRecord): boolean {
  return !record.record.startsWith('(');
}

/**
 * What tonight's listing says of threads not stored tonight: one shown deleted or removed is purged, one shown with its
 * poster's account deleted loses its author. Returns how many were purged.
 */
function applyListedStatus(store: Store, threads: ReadonlyArray<Pick<Thread, 'id' | 'status' | 'author'>>): number {
  const purged = store.purgeThreads(toGone(threads));
  store.forgetThreadAuthors(listAuthorsDeleted(threads));
  return purged;
}

/** The live threads whose author reads `[deleted]`: their poster's account was deleted (see toThread). */
function listAuthorsDeleted(threads: ReadonlyArray<Pick<Thread, 'id' | 'status' | 'author'>>): string[] {
  return threads.flatMap((t) => (t.status === 'live' && t.author === DELETED_AUTHOR ? [t.id] : []));
}

function toGone(threads: ReadonlyArray<Pick<Thread, 'id' | 'status'>>): Array<{ id: string; status: 'deleted' | 'removed' }> {
  return threads.flatMap((t) => (t.status === 'live' ? [] : [{ id: t.id, status: t.status }]));
}

function needsFetch(store: Store, thread: Thread, activeForSeconds: number): boolean {
  const state = store.getThreadState(thread.id);
  if (state === undefined || !state.complete) return true;
  if (state.expected !== null && thread.numComments > state.expected) return true; // new comments since
  return state.fetchedAt - thread.createdUtc < activeForSeconds;
}
