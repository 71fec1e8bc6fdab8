import { type ArcticShiftClient, type ArcticShiftClientOptions, createArcticShiftClient } from '../archive/arctic-shift-client.js';
import { type ArchiveComment, archiveCommentSchema, archiveSubmissionSchema } from '../archive/archive-schemas.js';
import { toArchiveComment, toArchiveThread } from '../archive/archive-to-domain.js';
import { deriveDepths } from '../archive/derive-depths.js';
import { pageByTime } from '../archive/page-by-time.js';
import { SourceError } from '../errors/errors.js';
import { formatZodIssues } from '../errors/format-zod-issues.js';
import { toSkipRecord } from '../errors/to-skip-record.js';
import { countSearchFailures } from './count-search-failures.js';
import { skipMissingSeeds } from './skip-missing-seeds.js';
import { stripFullnamePrefix } from '../reddit/to-domain.js';
import type { Comment, EventConfig, SkipRecord, Thread } from '../types.js';
import type { FetchedThread, FoundThreads, Source, SourceContext } from './source.js';

export interface ArcticShiftSourceOptions extends ArcticShiftClientOptions {
  /** Items per page, at most 100 (the API's maximum). */
  pageLimit?: number | undefined;
  /** A ready client (tests, or a shared one); otherwise one is built from the options. */
  client?: ArcticShiftClient | undefined;
}

const IDS_BATCH = 100;

/**
 * Past events without API keys: the Arctic Shift archive as a Source, so
 * collectEvent drives it exactly like the live one. Searches cover the event
 * window by time paging (no 1000-item cap, so `capped` is always false); a
 * thread's comments come from comment search by link_id. Items the archive
 * marks deleted/removed (`_meta`, or a [deleted]/[removed] body) are kept
 * only as text-less tombstones, like the live source's, so thread trees and
 * exclusion counts stay right. It cannot tell what Reddit deleted after the
 * archive saw it: it has no re-check of its own (see withRedditRecheck).
 */
export function createArcticShiftSource(options: ArcticShiftSourceOptions = {}): Source {
  const client = options.client ?? createArcticShiftClient(options);
  const limit = Math.min(100, options.pageLimit ?? 100);
  // Threads found by findThreads, so fetchThread need not ask for them again.
  const known = new Map<string, Thread>();

  const parseThreads = (items: unknown[], where: string, fetchedAt: number, skipped: SkipRecord[]): Thread[] => {
    const threads: Thread[] = [];
    items.forEach((item, index) => {
      const parsed = archiveSubmissionSchema.safeParse(item);
      if (parsed.success) threads.push(toArchiveThread(parsed.data, fetchedAt));
      else skipped.push({ source: where, record: recordName(item, index), reason: formatZodIssues(parsed.error), kind: 'invalid' });
    });
    return threads;
  };

  /** `missing`: ids the archive answered without (a failed request, an unreadable item have skip records of their own). */
  const fetchByIds = async (ids: string[], ctx: SourceContext, skipped: SkipRecord[]): Promise<{ threads: Thread[]; missing: string[] }> => {
    const threads: Thread[] = [];
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += IDS_BATCH) {
      const batch = ids.slice(i, i + IDS_BATCH);
      const where = `${client.baseUrl}/api/posts/ids?ids=${batch.join(',')}`;
      try {
        const items = await client.get('/api/posts/ids', { ids: batch.join(',') }, ctx);
        threads.push(...parseThreads(items, where, ctx.now(), skipped));
        const answered = new Set(items.map((item, index) => recordName(item, index)));
        missing.push(...batch.filter((id) => !answered.has(id)));
      } catch (error) {
        skipped.push(toSkipRecord(error, where));
      }
    }
    return { threads, missing };
  };

  return {
    name: 'arctic-shift',
    // the archive keeps the text as first archived: a fetch confirms nothing about Reddit tonight
    archived: true,

    async findThreads(event: EventConfig, ctx: SourceContext): Promise<FoundThreads> {
      const found = new Map<string, Thread>();
      const skipped: SkipRecord[] = [];
      const scopes: Array<string | undefined> = event.subreddits.length > 0 ? event.subreddits : [undefined];
      const searches = countSearchFailures();
      for (const query of event.queries) {
        if (searches.givingUp) break;
        for (const subreddit of scopes) {
          if (searches.givingUp) break;
          const where = `${client.baseUrl}/api/posts/search?${subreddit === undefined ? '' : `subreddit=${subreddit}&`}query=${query}`;
          try {
            const page = await pageByTime(client, '/api/posts/search', { subreddit, query }, event.window, ctx, limit);
            searches.answered();
            skipped.push(...page.skipped);
            for (const thread of parseThreads(page.items, where, ctx.now(), skipped)) {
              // The archive's bounds are trusted only as far as we check them.
              if (thread.createdUtc >= event.window.from && thread.createdUtc <= event.window.to) found.set(thread.id, thread);
            }
          } catch (error) {
            skipped.push(searches.failed(error, where));
          }
        }
      }
      const seeds = event.seedThreads.filter((id) => !found.has(id));
      // Seeds are kept even outside the window: a user named them on purpose.
      const bySeed = await fetchByIds(seeds, ctx, skipped);
      for (const thread of bySeed.threads) found.set(thread.id, thread);
      skipped.push(...skipMissingSeeds(bySeed.missing, `${client.baseUrl}/api/posts/ids`, 'the Arctic Shift archive'));
      // seeds first: a thread the user named still counts when every search failed
      if (found.size === 0) searches.throwIfNoneAnswered('arctic-shift');
      for (const thread of found.values()) known.set(thread.id, thread);
      const threads = [...found.values()].sort((a, b) => a.createdUtc - b.createdUtc || a.id.localeCompare(b.id));
      return { threads, capped: false, skipped };
    },

    async fetchThread(threadId: string, ctx: SourceContext): Promise<FetchedThread> {
      const skipped: SkipRecord[] = [];
      let thread = known.get(threadId);
      if (thread === undefined) {
        const [byId] = (await fetchByIds([threadId], ctx, skipped)).threads;
        if (byId === undefined) throw new SourceError(`thread ${threadId} is not in the Arctic Shift archive${skipped[0] ? `: ${skipped[0].reason}` : ''}`);
        thread = byId;
      }
      const where = `${client.baseUrl}/api/comments/search?link_id=${threadId}`;
      const page = await pageByTime(client, '/api/comments/search', { link_id: threadId }, { from: thread.createdUtc }, ctx, limit);
      skipped.push(...page.skipped);
      const raw = new Map<string, ArchiveComment>();
      page.items.forEach((item, index) => {
        const parsed = archiveCommentSchema.safeParse(item);
        if (!parsed.success) {
          skipped.push({ source: where, record: recordName(item, index), reason: formatZodIssues(parsed.error), kind: 'invalid' });
        } else if (stripFullnamePrefix(parsed.data.link_id) !== threadId) {
          skipped.push({ source: where, record: `t1_${parsed.data.id}`, reason: `belongs to thread ${parsed.data.link_id}, not t3_${threadId}`, kind: 'invalid' });
        } else raw.set(parsed.data.id, parsed.data);
      });
      const comments = buildComments(raw, ctx.now());
      if (comments.orphans > 0) {
        skipped.push({
          source: where,
          record: `t3_${threadId}`,
          reason: `${comments.orphans} comment(s) reply to a parent the archive does not have; their subtree depth starts at 0`,
          kind: 'incomplete',
        });
      }
      ctx.progress?.({ kind: 'thread', threadId, comments: comments.list.length });
      return { thread, comments: comments.list, expected: thread.numComments, collected: comments.list.length, skipped };
    },

    stats: () => client.stats(),
  };
}

/** Archive comments carry no depth: rebuild it from parent links within the thread. */
function buildComments(raw: Map<string, ArchiveComment>, now: number): { list: Comment[]; orphans: number } {
  const parents = new Map<string, string | null>();
  for (const c of raw.values()) parents.set(c.id, c.parent_id.startsWith('t3_') ? null : stripFullnamePrefix(c.parent_id));
  const { depths, orphans } = deriveDepths(parents);
  const list = [...raw.values()]
    .map((c) => toArchiveComment(c, depths.get(c.id) ?? 0, now))
    .sort((a, b) => a.createdUtc - b.createdUtc || a.id.localeCompare(b.id));
  return { list, orphans: orphans.length };
}

function recordName(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null && 'id' in item ? (item as { id: unknown }).id : undefined;
  return typeof id === 'string' ? id : `item ${index}`;
}
