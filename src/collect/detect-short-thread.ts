import type { ShortThread, ThreadBundle } from '../types.js';

/** A fetch holding less than this share of the comments its source counts for the thread may be flagged… */
export const SHORT_THREAD_SHARE = 0.5;
/** …when at least this many comments are missing: a thread of 12 counted and 5 collected is noise, not news. */
export const SHORT_THREAD_MISSING = 20;

/**
 * The thread as a short one when its fetch collected far fewer comments than Reddit (or the archive) counts for it
 * (`num_comments`): `more` stubs Reddit would not expand, an archive that has not caught up with the thread. Else
 * null. num_comments also counts deleted, removed and spam comments Reddit no longer serves, and an archive's copy
 * may be stale, so a shortfall is no proof: only one both relative and absolute is flagged, and it is a warning with
 * the numbers, never a partial run on its own.
 */
export function detectShortThread(fetched: Pick<ThreadBundle, 'thread' | 'expected' | 'collected'>): ShortThread | null {
  const { expected, collected } = fetched;
  if (collected >= expected * SHORT_THREAD_SHARE || expected - collected < SHORT_THREAD_MISSING) return null;
  return { threadId: fetched.thread.id, subreddit: fetched.thread.subreddit, expected, collected };
}
