import type { CheckedStatuses, Source } from '../../src/sources/source.js';
import type { EventConfig } from '../../src/types.js';
import { makeEvent } from './make-domain.js';

/** An event whose run finds no thread: collectEvent then only re-checks the comments the store holds for it. */
export const RECHECK_EVENT: EventConfig = makeEvent({ title: 'ev', description: '', window: { from: 1_765_800_000, to: 1_766_200_000 }, queries: ['q'], subreddits: ['stocks'] });

/** A Reddit source that finds nothing and answers every re-check with `answer(ids)`. */
export function recheckOnlySource(answer: (ids: string[]) => CheckedStatuses): Source {
  return {
    name: 'reddit',
    findThreads: async () => ({ threads: [], capped: false, skipped: [] }),
    fetchThread: async () => {
      throw new Error('not asked');
    },
    checkStatus: async (ids, _ctx, onAnswer) => {
      onAnswer(answer(ids));
      return [];
    },
    stats: () => ({ requests: 0, rateLimited: 0, waitMs: 0 }),
  };
}
