import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { TAG_NAMES } from '../types.js';
import type { LabelOverride, ScreenedComment, TagResult, Thread } from '../types.js';
import type { TrendPoint } from './report.js';

/**
 * Content hashes of everything a report was built from, so an auditor can
 * tell whether two reports saw the same data. Pure: hashing is
 * deterministic; records are hashed in id order, not input order. Records
 * are tab-separated with free text length-prefixed (unambiguous without
 * JSON-encoding 100k bodies), and fed to the hash in chunks.
 */
export function hashReportInputs(input: {
  threads: readonly Thread[];
  screened: readonly ScreenedComment[];
  tags: ReadonlyMap<string, TagResult>;
  labels: ReadonlyMap<string, LabelOverride>;
  history: readonly TrendPoint[];
}): { threads: string; comments: string; tags: string; labels: string; history: string } {
  const threads = hashLines(
    sortById(input.threads, (t) => t.id),
    (t) => `${t.id}\t${t.subreddit}\t${t.status}\t${t.score}\t${t.numComments}\t${t.fetchedAt}\t${t.permalink.length}:${t.permalink}\t${t.title.length}:${t.title}`,
  );
  const comments = hashLines(
    sortById(input.screened, (s) => s.comment.id),
    ({ comment: c, excluded }) =>
      `${c.id}\t${c.threadId}\t${c.status}\t${excluded ?? ''}\t${c.score}\t${c.createdUtc}\t${c.fetchedAt}\t${c.body.length}:${c.body}`,
  );
  // Scores and labels decide the report; cues are a function of text + tagger version, both hashed already.
  const tags = hashLines([...input.tags.keys()].sort(), (id) => {
    const r = input.tags.get(id);
    if (r === undefined) return id;
    return `${id}\t${r.tagger}\t${r.skipped ?? ''}\t${TAG_NAMES.map((t) => `${r.tags[t].score}:${r.tags[t].label ? 1 : 0}:${r.tags[t].cues.length}`).join('\t')}`;
  });
  const labels = hashLines([...input.labels.keys()].sort(), (id) => JSON.stringify([id, input.labels.get(id)]));
  const history = createHash('sha256').update(JSON.stringify(input.history)).digest('hex');
  return { threads, comments, tags, labels, history };
}

function hashLines<T>(items: readonly T[], toLine: (item: T) => string): string {
  const hash: Hash = createHash('sha256');
  let chunk: string[] = [];
  for (const item of items) {
    chunk.push(toLine(item));
    if (chunk.length === 2048) {
      hash.update(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) hash.update(`${chunk.join('\n')}\n`);
  return hash.digest('hex');
}

/** Sort by id with the engine's native string sort (no comparator calls); ids are unique. */
function sortById<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const byId = new Map<string, T>();
  for (const item of items) byId.set(idOf(item), item);
  return [...byId.keys()].sort().map((id) => byId.get(id) as T);
}
