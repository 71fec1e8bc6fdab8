import type { Store } from '../store/store.js';
import type { TagResult, Tagger } from '../types.js';

export interface TagSummary {
  tagged: number;
  cached: number;
}

/**
 * The tag stage over the store: tags every live comment of the event that has
 * no result yet for this tagger version and its current text (an edited
 * comment is tagged again). Results are saved in batches.
 */
export function tagEvent(store: Store, eventId: string, tagger: Tagger, now: number, batchSize = 2_000): TagSummary {
  const cached = store.loadTags(eventId, tagger.version);
  const pending: Array<TagResult & { body: string }> = [];
  let tagged = 0;
  // Read first, then write: SQLite cannot write on a connection while a read cursor is open.
  const todo = store.listComments(eventId).filter((c) => c.status === 'live' && !cached.has(c.id));
  for (const comment of todo) {
    const outcome = tagger.tag(comment.body);
    pending.push({ ...outcome, commentId: comment.id, tagger: tagger.version, body: comment.body });
    tagged++;
    if (pending.length >= batchSize) store.saveTags(pending.splice(0), now);
  }
  if (pending.length > 0) store.saveTags(pending, now);
  return { tagged, cached: cached.size };
}
