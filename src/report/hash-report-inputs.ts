import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { LabelOverride, ScreenedComment, TagResult, Thread } from '../types.js';
import type { TrendPoint } from './report.js';

/**
 * Content hashes of everything a report was built from, so an auditor can
 * tell whether two reports saw the same data. Records are hashed in the
 * order given (the store's stable order: thread, time, id), which keeps this
 * linear: sorting 100k ids cost more than hashing them. Tag results follow
 * the comments' order. Records are tab-separated with free text
 * length-prefixed (unambiguous without JSON-encoding 100k bodies), and fed
 * to the hash in chunks.
 */
export function hashReportInputs(input: {
  threads: readonly Thread[];
  screened: readonly ScreenedComment[];
  tags: ReadonlyMap<string, TagResult>;
  labels: ReadonlyMap<string, LabelOverride>;
  history: readonly TrendPoint[];
}): { threads: string; comments: string; tags: string; labels: string; history: string } {
  const threads = hashLines(
    input.threads,
    (t) => `${t.id}\t${t.subreddit}\t${t.status}\t${t.score}\t${t.numComments}\t${t.fetchedAt}\t${t.permalink.length}:${t.permalink}\t${t.title.length}:${t.title}`,
  );
  const comments = hashLines(
    input.screened,
    ({ comment: c, excluded }) =>
      `${c.id}\t${c.threadId}\t${c.status}\t${excluded ?? ''}\t${c.score}\t${c.createdUtc}\t${c.fetchedAt}\t${c.body.length}:${c.body}`,
  );
  // A tag result is a function of (text, tagger version), both hashed already; what can still differ
  // is which comments have a result (stale or missing ones) and whether the tagger skipped them.
  const tags = hashLines(input.screened, ({ comment: { id } }) => {
    const r = input.tags.get(id);
    return r === undefined ? '-' : `${r.tagger}\t${r.skipped ?? ''}`;
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
