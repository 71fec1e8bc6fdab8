import type { SkipRecord } from '../types.js';

/**
 * The seed threads a lookup by id did not return (no such thread: a typo in the event file; or one this client cannot
 * see: a private or banned subreddit), each a skip record: the user named them on purpose, and a run that quietly
 * collected without them would read as complete.
 */
export function skipMissingSeeds(ids: readonly string[], request: string, sourceName: string): SkipRecord[] {
  return ids.map((id) => ({
    source: request,
    record: `thread ${id}`,
    reason: `seed thread (seedThreads) not found: ${sourceName} did not return it (no such thread, or one it does not show), so it is not collected; check the id in the event file's seedThreads (the part after /comments/ in the thread's link) or take it out, and the run is complete again`,
    kind: 'incomplete' as const,
  }));
}
