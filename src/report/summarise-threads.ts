import { TAG_NAMES } from '../types.js';
import type { Interval, TagName, Thread } from '../types.js';
import { computeShareCell, computeTagSharesOf, ShareTally, toShareRecord } from './compute-shares.js';
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

/**
 * Per thread and per shown subreddit, what the two summaries below need of the comments, added one comment at a time:
 * the report commands read an event a page at a time and never hold its comments. A subreddit's shares are tallied in
 * the order the comments come, as an array of them would be.
 */
export class CommentFactsTally {
  readonly byThread = new Map<string, { analysed: number; excluded: number; tagged: number; labelled: Record<TagName, number> }>();
  readonly bySubreddit = new Map<string, { analysed: number; shares: ShareTally }>();

  constructor(private readonly options: { withAuthors: boolean }) {}

  add(f: CommentFacts): void {
    let entry = this.byThread.get(f.threadId);
    if (entry === undefined) this.byThread.set(f.threadId, (entry = { analysed: 0, excluded: 0, tagged: 0, labelled: { cynicism: 0, distrust: 0, bubble_caution: 0 } }));
    if (f.excluded) entry.excluded++;
    else entry.analysed++;
    if (f.tags !== null) {
      entry.tagged++;
      for (const tag of TAG_NAMES) if (f.tags[tag].label) entry.labelled[tag]++;
    }
    if (f.excluded) return;
    // `analysed` counts every comment that passed screening, as in the header and the thread list; the shares are
    // of the `tagged` ones among them (a comment the tagger skipped, emoji-only or non-English, has no stance)
    const shown = showSubreddit(f.subreddit, { ...this.options, deletedAccount: f.deletedAccount === true });
    let sub = this.bySubreddit.get(shown);
    if (sub === undefined) this.bySubreddit.set(shown, (sub = { analysed: 0, shares: new ShareTally() }));
    sub.analysed++;
    if (f.tags !== null) sub.shares.add({ tags: f.tags, threadId: f.threadId }, 1);
  }
}

/** The most active threads by analysed comments, with their tag shares and intervals (titles shown as showThreadTitle says). */
export function summariseThreads(
  threads: readonly Thread[],
  facts: CommentFactsTally,
  options: { withAuthors: boolean },
  top = 5,
): ThreadActivity[] {
  const byThread = facts.byThread;
  const none = { analysed: 0, excluded: 0, tagged: 0, labelled: { cynicism: 0, distrust: 0, bubble_caution: 0 } };
  return threads
    .map((t): ThreadActivity => {
      const entry = byThread.get(t.id) ?? none;
      const shares = {} as Record<TagName, number>;
      const ci95 = {} as Record<TagName, Interval>;
      for (const tag of TAG_NAMES) {
        // one thread is one cluster: how alike its comments are cannot be measured, so they count as independent
        // (as a subreddit of one thread does), and the renderers say the interval is too narrow for that
        const cell = computeShareCell(entry.labelled[tag], entry.tagged);
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
        tagged: entry.tagged,
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
export function summariseSubreddits(threads: readonly Thread[], facts: CommentFactsTally, options: { withAuthors: boolean }): SubredditBreakdown[] {
  const threadCounts = new Map<string, number>();
  for (const t of threads) {
    const shown = showSubreddit(t.subreddit, { ...options, deletedAccount: postedByDeletedAccount(t) });
    threadCounts.set(shown, (threadCounts.get(shown) ?? 0) + 1);
  }
  const names = new Set([...threadCounts.keys(), ...facts.bySubreddit.keys()]);
  return [...names]
    .map((subreddit): SubredditBreakdown => {
      const sub = facts.bySubreddit.get(subreddit);
      const shares = sub?.shares ?? new ShareTally();
      return {
        subreddit,
        threads: threadCounts.get(subreddit) ?? 0,
        analysed: sub?.analysed ?? 0,
        tagged: shares.comments,
        shares: toShareRecord(computeTagSharesOf(shares)),
      };
    })
    .sort((a, b) => b.analysed - a.analysed || (a.subreddit < b.subreddit ? -1 : a.subreddit > b.subreddit ? 1 : 0));
}
