import type { Source, SourceStats } from './source.js';

/**
 * An archive source whose deletion re-check is asked of Reddit: finding and fetching stay the archive's, while
 * checkStatus and checkThreads are the Reddit source's own (its batching, rate limiting, retries, progress, skip
 * records and answer-by-answer storing), so an archived copy its author has since deleted on Reddit is purged and never
 * quoted. stats() adds up both clients' requests and waits: the run's figures cover everything it asked.
 */
export function withRedditRecheck(archive: Source, reddit: Source): Source {
  const { checkStatus, checkThreads } = reddit;
  return {
    name: archive.name,
    recheckedBy: reddit.name,
    archived: archive.archived === true,
    findThreads: (event, ctx) => archive.findThreads(event, ctx),
    fetchThread: (threadId, ctx) => archive.fetchThread(threadId, ctx),
    ...(checkStatus !== undefined && { checkStatus: (ids, ctx, onAnswer) => checkStatus.call(reddit, ids, ctx, onAnswer) }),
    ...(checkThreads !== undefined && { checkThreads: (ids, ctx, onAnswer) => checkThreads.call(reddit, ids, ctx, onAnswer) }),
    stats: () => addStats(archive.stats(), reddit.stats()),
  };
}

/** The stages that use each client run one after the other, so their waits add up without overlapping. */
function addStats(a: SourceStats, b: SourceStats): SourceStats {
  return { requests: a.requests + b.requests, rateLimited: a.rateLimited + b.rateLimited, waitMs: a.waitMs + b.waitMs };
}
