import type { Store } from '../store/store.js';
import type { TagResult, Tagger } from '../types.js';

export interface TagSummary {
  tagged: number;
  cached: number;
}

export interface TagEventOptions {
  /** Results are saved every this many comments. */
  batchSize?: number;
  /** Aborting stops the stage at the next yield, after saving what was tagged (the next run resumes from there). */
  signal?: AbortSignal;
}

/** Tagging is synchronous work: hand the event loop a turn this often, so Ctrl-C / SIGTERM is seen within ~50 ms. */
const YIELD_EVERY = 200;

/**
 * The tag stage over the store: tags every live comment of the event that has
 * no result yet for this tagger version and its current text (an edited
 * comment is tagged again). Results are saved in batches.
 */
export async function tagEvent(store: Store, eventId: string, tagger: Tagger, now: number, options: TagEventOptions = {}): Promise<TagSummary> {
  const batchSize = options.batchSize ?? 2_000;
  const cached = store.loadTags(eventId, tagger.version);
  const pending: Array<TagResult & { body: string }> = [];
  let tagged = 0;
  // Read first, then write: SQLite cannot write on a connection while a read cursor is open.
  const todo = store.listComments(eventId).filter((c) => c.status === 'live' && !cached.has(c.id));
  for (const comment of todo) {
    if (tagged > 0 && tagged % YIELD_EVERY === 0) {
      await new Promise<void>((resume) => setImmediate(resume));
      if (options.signal?.aborted === true) {
        if (pending.length > 0) store.saveTags(pending, now);
        options.signal.throwIfAborted();
      }
    }
    const outcome = tagger.tag(comment.body);
    pending.push({ ...outcome, commentId: comment.id, tagger: tagger.version, body: comment.body });
    tagged++;
    if (pending.length >= batchSize) store.saveTags(pending.splice(0), now);
  }
  if (pending.length > 0) store.saveTags(pending, now);
  // a stop asked for during a short stage (under one yield) is honoured too; everything is saved
  options.signal?.throwIfAborted();
  return { tagged, cached: cached.size };
}
