import { isRemovedPlaceholder, stripFullnamePrefix, toAbsolutePermalink, toThread } from '../reddit/to-domain.js';
import type { Comment, ContentStatus, Thread } from '../types.js';
import type { ArchiveComment, ArchiveMeta, ArchiveSubmission } from './archive-schemas.js';

/**
 * What `_meta` says about an item. The archive often saw the text before it
 * was deleted or removed; the author's or the moderators' later decision wins,
 * so such text is never stored.
 */
export function statusFromMeta(meta: ArchiveMeta | null | undefined): ContentStatus {
  if (meta == null) return 'live';
  if (meta.removal_type != null && meta.removal_type !== '') return meta.removal_type === 'deleted' ? 'deleted' : 'removed';
  if (meta.was_deleted_later === true) return 'deleted';
  return 'live';
}

/**
 * `fetchedAt` is when we read the archive, not when the archive read Reddit:
 * the collect stage judges whether a thread is still active from it, and an
 * archive copy taken seconds after posting would make every thread look new.
 */
export function toArchiveThread(data: ArchiveSubmission, fetchedAt: number): Thread {
  const permalink = data.permalink ?? `/r/${data.subreddit}/comments/${data.id}/`;
  const thread = toThread(
    {
      ...data,
      permalink,
      selftext: data.selftext ?? '',
      stickied: data.stickied ?? false,
    },
    fetchedAt,
  );
  const metaStatus = statusFromMeta(data._meta);
  if (thread.status !== 'live' || metaStatus === 'live') return thread;
  return { ...thread, status: metaStatus, selftext: '', author: null };
}

/** `[deleted]` bodies are gone whoever the author is: there is no text to keep. */
export function statusFromArchiveBody(body: string): ContentStatus {
  if (isRemovedPlaceholder(body)) return 'removed';
  if (body === '[deleted]') return 'deleted';
  return 'live';
}

/** An archive comment → our Comment; `depth` comes from the caller, which knows the parent links. */
export function toArchiveComment(data: ArchiveComment, depth: number, fetchedAt: number): Comment {
  const bodyStatus = statusFromArchiveBody(data.body);
  const status = bodyStatus !== 'live' ? bodyStatus : statusFromMeta(data._meta);
  const threadId = stripFullnamePrefix(data.link_id);
  const live = status === 'live';
  const edited = data.edited;
  return {
    id: data.id,
    threadId,
    parentId: data.parent_id.startsWith('t3_') ? null : stripFullnamePrefix(data.parent_id),
    depth,
    body: live ? data.body : '',
    score: data.score,
    createdUtc: data.created_utc,
    permalink: toAbsolutePermalink(data.permalink ?? `/r/${data.subreddit}/comments/${threadId}/_/${data.id}/`),
    editedUtc: typeof edited === 'number' && edited > 0 ? edited : null,
    status,
    stickied: data.stickied ?? false,
    distinguished: data.distinguished ?? null,
    author: live ? (data.author ?? null) : null,
    fetchedAt,
  };
}
