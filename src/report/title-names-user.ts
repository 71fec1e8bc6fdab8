import type { Thread } from '../types.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';
import { redactUserMentions, type RedactOptions } from './redact-user-mentions.js';

/**
 * Whether a thread's title, as a report shows it, names a user ("u/DeepValue_99 posts his position"): the slug Reddit
 * made from it may then spell the name, so without `--with-authors` the links to that thread lose it, its own
 * permalinks (showPermalink) and the links to it in quotes (RedactOptions) alike. A thread not live shows no title.
 */
export function titleNamesUser(thread: Pick<Thread, 'status' | 'title'> | undefined): boolean {
  if (thread === undefined || thread.status !== 'live') return false;
  const title = decodeRedditEntities(thread.title);
  return redactUserMentions(title) !== title;
}

/** Redaction options for a report's text: links to the threads it holds lose the slug where the title names a user. */
export function linkedThreadOptions(threads: ReadonlyMap<string, Pick<Thread, 'status' | 'title'>> | undefined): RedactOptions {
  return { titleNamesUser: (threadId) => titleNamesUser(threads?.get(threadId)) };
}
