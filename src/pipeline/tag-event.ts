import type { CommentToTag, Store, TagCursor } from '../store/store.js';
import { TAG_BATCH_CHARS, TAG_BATCH_SIZE, type TagResult, type Tagger } from '../types.js';

export interface TagSummary {
  /** Comments tagged and stored by this call. */
  tagged: number;
  /** Comments that had a result for this tagger version and text already (of those read so far, when the stage is stopped). */
  cached: number;
}

export function emptyTagSummary(): TagSummary {
  return { tagged: 0, cached: 0 };
}

export interface TagEventOptions {
  /** Results are saved every this many comments. */
  batchSize?: number;
  /** Comments read from the store at a time (the stage holds about this many, never the whole event). */
  pageSize?: number;
  /** Aborting stops the stage at the next yield, after saving what was tagged (the next run resumes from there). */
  signal?: AbortSignal;
}

/**
 * The tag stage over the store: tags every live comment of the event that has
 * no result yet for this tagger version and its current text (an edited
 * comment is tagged again). Results are saved in batches. `summary` is filled in
 * as results are stored, so a caller whose stage is stopped (Ctrl-C) or fails still
 * has the count of what it stored, for the run record.
 */
export async function tagEvent(
  store: Store,
  eventId: string,
  tagger: Tagger,
  now: number,
  options: TagEventOptions = {},
  summary: TagSummary = emptyTagSummary(),
): Promise<TagSummary> {
  const batchSize = options.batchSize ?? 2_000;
  const pageSize = options.pageSize ?? 2_000;
  const pending: Array<TagResult & { body: string }> = [];
  const save = (results: Array<TagResult & { body: string }>): void => {
    store.saveTags(results, now);
    summary.tagged += results.length;
  };
  // The event's comments are read a page at a time, between writes (SQLite cannot write on a connection while a read
  // cursor is open): an event of a million comments costs a page of memory, not the event's comments and every
  // stored result. The cursor moves past what was read, whether or not it was tagged yet.
  const todo: CommentToTag[] = [];
  let after: TagCursor | null = null;
  let more = true;
  const refill = (): void => {
    while (more && todo.length < TAG_BATCH_SIZE) {
      const page = store.listCommentsToTag(eventId, tagger.version, after, pageSize);
      more = page.length === pageSize;
      after = page.at(-1)?.cursor ?? after;
      for (const comment of page) {
        if (comment.cached) summary.cached++;
        else todo.push(comment);
      }
    }
  };
  refill();
  for (let first = true; todo.length > 0; first = false) {
    // comments tagged together (faster per comment); the event loop gets a turn between batches
    let chars = 0;
    let to = 0;
    for (; to < todo.length && to < TAG_BATCH_SIZE && (to === 0 || chars < TAG_BATCH_CHARS); to++) chars += todo[to]!.body.length;
    if (!first) {
      await new Promise<void>((resume) => setImmediate(resume));
      if (options.signal?.aborted === true) {
        if (pending.length > 0) save(pending.splice(0));
        options.signal.throwIfAborted();
      }
    }
    const batch = todo.splice(0, to);
    const outcomes = tagger.tagMany(batch.map((c) => c.body));
    for (let k = 0; k < batch.length; k++) {
      const comment = batch[k]!;
      pending.push({ ...outcomes[k]!, commentId: comment.id, tagger: tagger.version, body: comment.body });
    }
    if (pending.length >= batchSize) save(pending.splice(0));
    refill();
  }
  if (pending.length > 0) save(pending.splice(0));
  // a stop asked for during a short stage (under one yield) is honoured too; everything is saved
  options.signal?.throwIfAborted();
  return summary;
}
