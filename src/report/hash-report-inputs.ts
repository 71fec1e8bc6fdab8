import { createHash } from 'node:crypto';
import type { LabelOverride, ScreenedComment, TagResult, Thread } from '../types.js';
import type { TrendPoint } from './report.js';

/**
 * Content hashes of everything a report was built from, so an auditor can
 * tell whether two reports saw the same data. Pure: hashing is
 * deterministic; iteration follows sorted ids, not input order.
 */
export function hashReportInputs(input: {
  threads: readonly Thread[];
  screened: readonly ScreenedComment[];
  tags: ReadonlyMap<string, TagResult>;
  labels: ReadonlyMap<string, LabelOverride>;
  history: readonly TrendPoint[];
}): { threads: string; comments: string; tags: string; labels: string; history: string } {
  const threads = createHash('sha256');
  for (const t of [...input.threads].sort(byId)) {
    threads.update(JSON.stringify([t.id, t.subreddit, t.title, t.permalink, t.status, t.score, t.numComments, t.fetchedAt]));
    threads.update('\n');
  }
  const comments = createHash('sha256');
  for (const s of [...input.screened].sort((a, b) => byId(a.comment, b.comment))) {
    const c = s.comment;
    comments.update(JSON.stringify([c.id, c.threadId, c.status, s.excluded, c.score, c.createdUtc, c.fetchedAt, c.body]));
    comments.update('\n');
  }
  const tags = createHash('sha256');
  for (const id of [...input.tags.keys()].sort()) {
    tags.update(JSON.stringify([id, input.tags.get(id)]));
    tags.update('\n');
  }
  const labels = createHash('sha256');
  for (const id of [...input.labels.keys()].sort()) {
    labels.update(JSON.stringify([id, input.labels.get(id)]));
    labels.update('\n');
  }
  const history = createHash('sha256').update(JSON.stringify(input.history));
  return {
    threads: threads.digest('hex'),
    comments: comments.digest('hex'),
    tags: tags.digest('hex'),
    labels: labels.digest('hex'),
    history: history.digest('hex'),
  };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
