import type { Comment } from '../types.js';
import { compareChronologically, screenOne, toBotSet, toDuplicateKey, type ScreenOptions } from './screen-comments.js';

/** What screening reads of a comment. */
export type ScreeningFacts = Pick<Comment, 'id' | 'createdUtc' | 'status' | 'author' | 'distinguished' | 'stickied' | 'body'>;

/**
 * The ids screenComments excludes as duplicates (later copies of a text an earlier analysed comment has), from one pass
 * over the event in any order, holding a hash, a time and an id per comment instead of its text. Only comments whose
 * hash another shares (copies, and any collision) are compared by their text, read again through `readBody`, so the
 * result is exactly screenComments', collisions or not.
 */
export function findDuplicateComments(
  comments: Iterable<ScreeningFacts>,
  options: ScreenOptions,
  readBody: (id: string) => string | undefined,
): Set<string> {
  const bots = toBotSet(options);
  const ids: string[] = [];
  let hashes = new Float64Array(1024);
  let times = new Float64Array(1024);
  for (const comment of comments) {
    if (screenOne(comment, bots) !== null) continue;
    const key = toDuplicateKey(comment.body);
    if (key === null) continue;
    if (ids.length === hashes.length) {
      hashes = grow(hashes);
      times = grow(times);
    }
    hashes[ids.length] = hashKey(key);
    times[ids.length] = comment.createdUtc;
    ids.push(comment.id);
  }
  const sorted = hashes.slice(0, ids.length).sort();
  const shared = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i]!);
  const suspects: Array<{ id: string; createdUtc: number; key: string }> = [];
  for (let i = 0; i < ids.length; i++) {
    if (!shared.has(hashes[i]!)) continue;
    const id = ids[i]!;
    const body = readBody(id);
    const key = body === undefined ? null : toDuplicateKey(body);
    if (key !== null) suspects.push({ id, createdUtc: times[i]!, key });
  }
  // the first copy of each text, by time then id, is analysed; the others are duplicates
  suspects.sort(compareChronologically);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { id, key } of suspects) {
    if (seen.has(key)) duplicates.add(id);
    else seen.add(key);
  }
  return duplicates;
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** A 53-bit hash of the text (cyrb53): equal texts hash alike; unequal ones almost never do, and are told apart by text. */
function hashKey(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
