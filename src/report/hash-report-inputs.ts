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
}): ReportInputHashes {
  const hasher = new ReportInputHasher();
  for (const screened of input.screened) hasher.add(screened, input.tags.get(screened.comment.id));
  return hasher.digest(input);
}

export interface ReportInputHashes {
  threads: string;
  comments: string;
  tags: string;
  labels: string;
  history: string;
}

/** hashReportInputs one comment at a time, in the order given (the report commands read an event a page at a time). */
export class ReportInputHasher {
  private readonly comments = new LineHash();
  private readonly tags = new LineHash();

  add({ comment: c, excluded }: ScreenedComment, result: TagResult | undefined): void {
    this.comments.add(`${c.id}\t${c.threadId}\t${c.status}\t${excluded ?? ''}\t${c.score}\t${c.createdUtc}\t${c.fetchedAt}\t${c.body.length}:${c.body}`);
    // A tag result is a function of (text, tagger version), both hashed already; what can still differ
    // is which comments have a result (stale or missing ones) and whether the tagger skipped them.
    this.tags.add(result === undefined ? '-' : `${result.tagger}\t${result.skipped ?? ''}`);
  }

  digest(input: { threads: readonly Thread[]; labels: ReadonlyMap<string, LabelOverride>; history: readonly TrendPoint[] }): ReportInputHashes {
    const threads = new LineHash();
    for (const t of input.threads) {
      threads.add(`${t.id}\t${t.subreddit}\t${t.status}\t${t.score}\t${t.numComments}\t${t.fetchedAt}\t${t.permalink.length}:${t.permalink}\t${t.title.length}:${t.title}`);
    }
    const labels = new LineHash();
    for (const id of [...input.labels.keys()].sort()) labels.add(JSON.stringify([id, input.labels.get(id)]));
    const history = createHash('sha256').update(JSON.stringify(input.history)).digest('hex');
    return { threads: threads.digest(), comments: this.comments.digest(), tags: this.tags.digest(), labels: labels.digest(), history };
  }
}

/** SHA-256 of the lines, each ended by a line break, fed to the hash in chunks. */
class LineHash {
  private readonly hash: Hash = createHash('sha256');
  private chunk: string[] = [];

  add(line: string): void {
    this.chunk.push(line);
    if (this.chunk.length === 2048) {
      this.hash.update(`${this.chunk.join('\n')}\n`);
      this.chunk = [];
    }
  }

  digest(): string {
    if (this.chunk.length > 0) this.hash.update(`${this.chunk.join('\n')}\n`);
    this.chunk = [];
    return this.hash.digest('hex');
  }
}
