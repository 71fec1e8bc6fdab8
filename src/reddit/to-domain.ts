import { DELETED_AUTHOR, type Comment, type ContentStatus, type Thread } from '../types.js';
import type { CommentData, SubmissionData } from './reddit-schemas.js';

const REDDIT_ORIGIN = 'https://www.reddit.com';

/** Strips a `t1_` / `t3_` prefix. */
export function stripFullnamePrefix(fullname: string): string {
  return fullname.replace(/^t\d_/, '');
}

/**
 * Reddit permalinks are relative ("/r/x/comments/…"); archives sometimes give absolute ones. An absolute one is kept
 * only on Reddit's own hosts: reports label the link "Reddit, r/…", so a dump or archive record naming another host
 * (`https://evil.example/…`, `https://www.reddit.com@evil.example/…`) keeps only its path, on www.reddit.com.
 */
export function toAbsolutePermalink(permalink: string): string {
  if (/^https?:\/\//i.test(permalink)) {
    const url = URL.canParse(permalink) ? new URL(permalink) : null;
    if (url !== null && isRedditHost(url.hostname) && url.username === '' && url.password === '') return permalink.replace(/^http:/i, 'https:');
    return REDDIT_ORIGIN + (url === null ? '/' : `${url.pathname}${url.search}`);
  }
  return REDDIT_ORIGIN + (permalink.startsWith('/') ? permalink : `/${permalink}`);
}

function isRedditHost(hostname: string): boolean {
  return hostname === 'reddit.com' || hostname.endsWith('.reddit.com');
}

/**
 * Reddit's placeholders for removed text: "[removed]" (moderators) and "[ Removed by Reddit ]" or
 * "[ Removed by Reddit on account of violating the content policy. ]" (Reddit's own admins).
 */
const REMOVED_PLACEHOLDER = /^\[ ?removed(?: by reddit\b[^\]]{0,80})? ?\]$/i;

export function isRemovedPlaceholder(text: string): boolean {
  return REMOVED_PLACEHOLDER.test(text.trim());
}

/** How Reddit marks user-deleted vs. moderator-removed text. */
export function statusFromBody(body: string, author: string | null | undefined): ContentStatus {
  if (isRemovedPlaceholder(body)) return 'removed';
  if (body === '[deleted]' && (author === '[deleted]' || author == null)) return 'deleted';
  return 'live';
}

/**
 * A submission → our Thread. Its author deleting it reads `selftext: "[deleted]"`; its author deleting their account
 * reads `author: "[deleted]"` with the text as it was, and the post stays (live, author `[deleted]`: see DELETED_AUTHOR).
 * A post with no text to tell by (a link post, a title alone) whose author reads `[deleted]` may be either, so it is taken
 * as deleted: its title is purged rather than a post its author withdrew kept.
 */
export function toThread(data: SubmissionData, fetchedAt: number): Thread {
  const selftext = data.selftext ?? '';
  let status: ContentStatus = 'live';
  if (data.removed_by_category != null || isRemovedPlaceholder(selftext)) status = 'removed';
  else if (selftext === '[deleted]' || (data.author === DELETED_AUTHOR && selftext.trim() === '')) status = 'deleted';
  const permalink = toAbsolutePermalink(data.permalink);
  return {
    id: data.id,
    subreddit: data.subreddit,
    title: data.title,
    selftext: status === 'live' ? selftext : '',
    url: data.url ?? permalink,
    permalink,
    createdUtc: Number(data.created_utc),
    score: data.score ?? 0,
    numComments: data.num_comments ?? 0,
    author: status === 'live' ? (data.author ?? null) : null,
    status,
    fetchedAt,
  };
}

/**
 * A Reddit comment → our Comment. `depth` is passed in because morechildren and
 * archive answers do not always carry it; the tree rebuild knows it.
 */
export function toComment(data: Omit<CommentData, 'replies'>, depth: number, fetchedAt: number): Comment {
  const status = statusFromBody(data.body, data.author);
  const threadId = stripFullnamePrefix(data.link_id);
  const parentId = data.parent_id.startsWith('t3_') ? null : stripFullnamePrefix(data.parent_id);
  const permalink = toAbsolutePermalink(data.permalink ?? `/r/${data.subreddit}/comments/${threadId}/_/${data.id}/`);
  return {
    id: data.id,
    threadId,
    parentId,
    depth,
    body: status === 'live' ? data.body : '',
    score: data.score,
    createdUtc: Number(data.created_utc),
    permalink,
    editedUtc: typeof data.edited === 'number' ? data.edited : null,
    status,
    stickied: data.stickied,
    distinguished: data.distinguished ?? null,
    author: status === 'live' ? (data.author ?? null) : null,
    fetchedAt,
  };
}
