import { TAG_BATCH_SIZE, type TagOutcome, type Tagger } from '../types.js';

/**
 * Tag every text, TAG_BATCH_SIZE at a time (tagMany is faster per text than tag() one by one, and a
 * batch bounds what is held at once). Outcomes come back in input order.
 */
export function tagInBatches(tagger: Tagger, texts: readonly string[]): TagOutcome[] {
  const out: TagOutcome[] = [];
  for (let from = 0; from < texts.length; from += TAG_BATCH_SIZE) {
    for (const o of tagger.tagMany(texts.slice(from, from + TAG_BATCH_SIZE))) out.push(o);
  }
  return out;
}
