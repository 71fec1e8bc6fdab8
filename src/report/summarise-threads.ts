import { TAG_NAMES } from '../types.js';
import type { Interval, TagName, Thread } from '../types.js';
import { computeShareCell, computeShareRecord, type SharedComment } from './compute-shares.js';
import type { SubredditBreakdown, ThreadActivity } from './report.js';
import type { ResolvedTags } from './resolve-tags.js';
import { showPermalink } from './show-permalink.js';
import { postedByDeletedAccount, showSubreddit } from './show-subreddit.js';
import { showThreadTitle } from './show-thread-title.js';

export interface CommentFacts {
  threadId: string;
  subreddit: string;
  excluded: boolean;
  /** null when analysed but untagged, or excluded. */
  tags: ResolvedTags | null;
  /** True when its thread is a deleted account's (or, with no thread known, the comment is): see postedByDeletedAccount. */
  deletedAccount?: boolean;
}

/** The most active threads by analysed comments, with their tag shares and intervals (titles shown as showThreadTitle says). */
export function summariseThreads(
  threads: readonly Thread[],
  facts: readonly CommentFacts[],
  options: { withAuthors: boolean },
  top = 5,
): ThreadActivity[] {
  const byThread = new Map<string, { analysed: number; excluded: number; tagged: ResolvedTags[] }>();
  for (const f of facts) {
    let entry = byThread.get(f.threadId);
    if (entry === undefined) byThread.set(f.threadId, (entry = { analysed: 0, excluded: 0, tagged: [] }));
    if (f.excluded) entry.excluded++;
    else entry.analysed++;
    if (f.tags !== null) entry.tagged.push(f.tags);
  }
  return threads
    .map((t): ThreadActivity => {
      const entry = byThread.get(t.id) ?? { analysed: 0, excluded: 0, tagged: [] };
      const shares = {} as Record<TagName, number>;
      const ci95 = {} as Record<TagName, Interval>;
      for (const tag of TAG_NAMES) {
        // one thread is one cluster: how alike its comments are cannot be measured, so they count as independent
        // (as a subreddit of one thread does), and the renderers say the interval is too narrow for that
        const cell = computeShareCell(entry.tagged.filter((x) => x[tag].label).length, entry.tagged.length);
        shares[tag] = cell.share;
        ci95[tag] = cell.ci95;
      }
      return {
        id: t.id,
        subreddit: showSubreddit(t.subreddit, { ...options, deletedAccount: postedByDeletedAccount(t) }),
        title: showThreadTitle(t, options),
        permalink: showPermalink(t.permalink, t, { ...options, deletedAccount: postedByDeletedAccount(t) }),
        createdUtc: t.createdUtc,
        analysed: entry.analysed,
        tagged: entry.tagged.length,
        excluded: entry.excluded,
        shares,
        ci95,
      };
    })
    .sort((a, b) => b.analysed - a.analysed || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, top);
}

/**
 * Tag shares per subreddit, largest first: does the mood differ between r/stocks and r/technology? Named as showSubreddit
 * names them: without `withAuthors`, posts on users' profiles make one row, `u_[user]` (with it, those of deleted accounts).
 */
export function summariseSubreddits(threads: readonly Thread[], facts: readonly CommentFacts[], options: { withAuthors: boolean }): SubredditBreakdown[] {
  const threadCounts = new Map<string, number>();
  for (const t of threads) {
    const shown = showSubreddit(t.subreddit, { ...options, deletedAccount: postedByDeletedAccount(t) });
    threadCounts.set(shown, (threadCounts.get(shown) ?? 0) + 1);
  }
  // `analysed` counts every comment that passed screening, as in the header and the thread list; the shares are
  // of the `tagged` ones among them (a comment the tagger skipped, emoji-only or non-English, has no stance)
  const analysed = new Map<string, number>();
  const tagged = new Map<string, SharedComment[]>();
  for (const f of facts) {
    if (f.excluded) continue;
    const shown = showSubreddit(f.subreddit, { ...options, deletedAccount: f.deletedAccount === true });
    analysed.set(shown, (analysed.get(shown) ?? 0) + 1);
    if (f.tags === null) continue;
    let list = tagged.get(shown);
    if (list === undefined) tagged.set(shown, (list = []));
    list.push({ tags: f.tags, threadId: f.threadId });
  }
  const names = new Set([...threadCounts.keys(), ...analysed.keys()]);
  return [...names]
    .map((subreddit): SubredditBreakdown => {
      const list = tagged.get(subreddit) ?? [];
      return {
        subreddit,
        threads: threadCounts.get(subreddit) ?? 0,
        analysed: analysed.get(subreddit) ?? 0,
        tagged: list.length,
        shares: computeShareRecord(list),
      };
    })
    .sort((a, b) => b.analysed - a.analysed || (a.subreddit < b.subreddit ? -1 : a.subreddit > b.subreddit ? 1 : 0));
}
