import { SchemaError } from '../errors/errors.js';
import type { Comment, SkipRecord, Thread } from '../types.js';
import type { RedditApi } from './reddit-api.js';
import type { CommentThing, MoreThing } from './reddit-schemas.js';
import { stripFullnamePrefix, toComment, toThread } from './to-domain.js';

/** Reddit accepts at most 100 ids per /api/morechildren call. */
export const MORECHILDREN_BATCH = 100;

export interface ThreadTree {
  thread: Thread;
  comments: Comment[];
  expected: number;
  collected: number;
  skipped: SkipRecord[];
  requests: { comments: number; moreChildren: number; continue: number };
}

/**
 * Fetches a thread's complete comment tree with as few requests as Reddit
 * allows: one page, then every hidden id from every `more` stub batched 100 per
 * /api/morechildren call (strictly one call at a time), then each
 * continue-this-thread stub. The tree is rebuilt from parent_id, so answers may
 * arrive in any order; a comment seen twice is kept once.
 */
export async function collectThreadTree(api: RedditApi, threadId: string, fetchedAt: number): Promise<ThreadTree> {
  const [head, listing] = await api.comments(threadId);
  const submission = head.data.children[0];
  if (submission === undefined) {
    throw new SchemaError(`Thread ${threadId} answered without its submission`, `/comments/${threadId}`, '[0].data.children[0]');
  }
  const thread = toThread(submission.data, fetchedAt);
  const requests = { comments: 1, moreChildren: 0, continue: 0 };
  const skipped: SkipRecord[] = [];

  const byId = new Map<string, Comment>();
  const depthById = new Map<string, number>();
  const pendingIds: string[] = [];
  const pendingSet = new Set<string>();
  const continueParents: string[] = [];
  const continueSeen = new Set<string>();

  const depthFromParent = (parentFullname: string): number | undefined => {
    if (parentFullname.startsWith('t3_')) return 0;
    const parentDepth = depthById.get(stripFullnamePrefix(parentFullname));
    return parentDepth === undefined ? undefined : parentDepth + 1;
  };

  const addMore = (more: MoreThing['data']): void => {
    if (more.id === '_' || more.children.length === 0) {
      // continue-this-thread: the parent's replies need their own page
      const parent = stripFullnamePrefix(more.parent_id);
      if (!continueSeen.has(parent)) {
        continueSeen.add(parent);
        continueParents.push(parent);
      }
      return;
    }
    for (const id of more.children) {
      if (byId.has(id) || pendingSet.has(id)) continue;
      pendingSet.add(id);
      pendingIds.push(id);
    }
  };

  const visit = (things: Array<CommentThing | MoreThing>, fallbackDepth: number | undefined): void => {
    // Depth-first over nested replies; iterative so very deep threads cannot blow the stack.
    const stack: Array<{ thing: CommentThing | MoreThing; depth: number | undefined }> = things
      .map((thing) => ({ thing, depth: fallbackDepth }))
      .reverse();
    while (stack.length > 0) {
      const { thing } = stack.pop()!;
      if (thing.kind === 'more') {
        addMore(thing.data);
        continue;
      }
      const data = thing.data;
      // A comment already held (e.g. the head of a continue-this-thread page) is not
      // replaced, but its replies are still walked: they are what the page adds.
      const known = depthById.get(data.id);
      // Depth from the parent we hold wins: continue-this-thread pages restart data.depth at 0.
      const depth = known ?? depthFromParent(data.parent_id) ?? data.depth ?? 0;
      if (known === undefined) {
        depthById.set(data.id, depth);
        byId.set(data.id, toComment(data, depth, fetchedAt));
        pendingSet.delete(data.id);
      }
      const replies = data.replies;
      if (replies !== undefined && replies !== '') {
        for (let i = replies.data.children.length - 1; i >= 0; i--) {
          stack.push({ thing: replies.data.children[i]!, depth: depth + 1 });
        }
      }
    }
  };

  visit(listing.data.children, 0);

  // Drain: morechildren batches first (they are the bulk), then continue pages; either may reveal more of both.
  while (pendingIds.length > 0 || continueParents.length > 0) {
    if (pendingIds.length > 0) {
      const batch = takeBatch(pendingIds, pendingSet, byId);
      if (batch.length === 0) continue;
      requests.moreChildren++;
      const answer = await api.moreChildren(threadId, batch);
      // morechildren answers are flat: parents come before children, but sort by depth to be safe.
      const things = [...answer.json.data.things];
      visit(orderParentsFirst(things), undefined);
      for (const id of batch) {
        if (!byId.has(id) && pendingSet.has(id)) {
          // Reddit did not return it (deleted and childless, or spam): never ask again.
          pendingSet.delete(id);
        }
      }
      continue;
    }
    const parent = continueParents.shift()!;
    requests.continue++;
    const [, page] = await api.comments(threadId, parent);
    // The page starts at the parent comment itself; its replies are what we lacked.
    visit(page.data.children, undefined);
  }

  const comments = [...byId.values()];
  return { thread, comments, expected: thread.numComments, collected: comments.length, skipped, requests };
}

function takeBatch(pending: string[], pendingSet: Set<string>, byId: Map<string, Comment>): string[] {
  const batch: string[] = [];
  while (pending.length > 0 && batch.length < MORECHILDREN_BATCH) {
    const id = pending.shift()!;
    if (byId.has(id) || !pendingSet.has(id)) continue;
    batch.push(id);
  }
  return batch;
}

/** Orders a flat morechildren answer so every parent precedes its children (depth is derived from the parent). */
function orderParentsFirst(things: Array<CommentThing | MoreThing>): Array<CommentThing | MoreThing> {
  const ids = new Set(things.filter((t) => t.kind === 't1').map((t) => t.data.id));
  const children = new Map<string, Array<CommentThing | MoreThing>>();
  const roots: Array<CommentThing | MoreThing> = [];
  for (const thing of things) {
    const parent = stripFullnamePrefix(thing.data.parent_id);
    if (ids.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(thing);
      children.set(parent, list);
    } else {
      roots.push(thing);
    }
  }
  const out: Array<CommentThing | MoreThing> = [];
  const queue = [...roots];
  while (queue.length > 0) {
    const thing = queue.shift()!;
    out.push(thing);
    if (thing.kind === 't1') queue.push(...(children.get(thing.data.id) ?? []));
  }
  return out;
}
