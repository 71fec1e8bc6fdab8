import { SchemaError } from '../errors/errors.js';
import type { Comment, SkipRecord, Thread } from '../types.js';
import type { RedditApi } from './reddit-api.js';
import type { MoreThing, ReplyThing } from './reddit-schemas.js';
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
export async function collectThreadTree(
  api: RedditApi,
  threadId: string,
  fetchedAt: number,
  /** Told the comments held so far after each page or morechildren answer: a big thread's drain can take minutes. */
  onCollected: (comments: number) => void = () => {},
): Promise<ThreadTree> {
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
  // Queues are arrays with a read index: Array.shift is O(n) and made big threads quadratic.
  const pendingIds: string[] = [];
  let pendingHead = 0;
  const pendingSet = new Set<string>();
  const continueParents: string[] = [];
  let continueHead = 0;
  const continueSeen = new Set<string>();

  const addMore = (more: MoreThing['data']): void => {
    if (more.id === '_' || more.children.length === 0) {
      // continue-this-thread: the parent's replies need their own page
      if (more.parent_id.startsWith('t3_')) return;
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

  const visit = (things: ReplyThing[]): void => {
    // Depth-first over nested replies; iterative so very deep threads cannot blow the stack.
    const stack: ReplyThing[] = [...things].reverse();
    while (stack.length > 0) {
      const thing = stack.pop()!;
      if (thing.kind === 'more') {
        addMore(thing.data);
        continue;
      }
      if (thing.kind === 'invalid') {
        // one unreadable comment is skipped, not its thread; its readable replies are still kept
        skipped.push({ source: thing.source ?? `/comments/${threadId}`, record: thing.id === null ? '(a comment without an id)' : `comment ${thing.id}`, reason: thing.reason, kind: 'invalid' });
        const replies = thing.replies?.data.children ?? [];
        for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]!);
        continue;
      }
      const data = thing.data;
      // A comment already held (e.g. the head of a continue-this-thread page) is not
      // replaced, but its replies are still walked: they are what the page adds.
      const known = depthById.get(data.id);
      // The parent's depth wins over `data.depth`: continue pages number depth from their own head.
      const parentDepth = data.parent_id.startsWith('t3_') ? -1 : depthById.get(stripFullnamePrefix(data.parent_id));
      const depth = known ?? (parentDepth !== undefined ? parentDepth + 1 : (data.depth ?? 0));
      if (known === undefined) {
        depthById.set(data.id, depth);
        byId.set(data.id, toComment(data, depth, fetchedAt));
        pendingSet.delete(data.id);
      }
      const replies = data.replies;
      if (replies !== undefined && replies !== '') {
        for (let i = replies.data.children.length - 1; i >= 0; i--) stack.push(replies.data.children[i]!);
      }
    }
  };

  visit(listing.data.children);
  onCollected(byId.size);

  const pendingCount = (): number => {
    // Drop ids answered meanwhile (a continue page may have delivered them) from the head.
    while (pendingHead < pendingIds.length && !pendingSet.has(pendingIds[pendingHead]!)) pendingHead++;
    return pendingSet.size;
  };

  // Drain. A morechildren call is sent full (100 ids) whenever possible; a partial
  // batch waits until no continue page is left, because those pages may reveal
  // more ids to fill it. This keeps requests near 1 + ceil(hidden / 100) + continues.
  while (pendingCount() > 0 || continueHead < continueParents.length) {
    const full = pendingSet.size >= MORECHILDREN_BATCH;
    if (full || continueHead >= continueParents.length) {
      const batch: string[] = [];
      while (pendingHead < pendingIds.length && batch.length < MORECHILDREN_BATCH) {
        const id = pendingIds[pendingHead++]!;
        if (!pendingSet.has(id)) continue;
        batch.push(id);
      }
      // Asked once, never again: Reddit omits deleted-and-childless or spam ids from the answer.
      for (const id of batch) pendingSet.delete(id);
      requests.moreChildren++;
      const answer = await api.moreChildren(threadId, batch);
      visit(orderParentsFirst(answer.json.data.things));
      onCollected(byId.size);
      continue;
    }
    const parent = continueParents[continueHead++]!;
    requests.continue++;
    const [, page] = await api.comments(threadId, parent);
    // The page starts at the parent comment itself; its replies are what we lacked.
    visit(page.data.children);
    onCollected(byId.size);
  }

  const comments = [...byId.values()];
  return { thread, comments, expected: thread.numComments, collected: comments.length, skipped, requests };
}

/** Orders a flat morechildren answer so every parent precedes its children (depth is derived from the parent). */
function orderParentsFirst(things: ReplyThing[]): ReplyThing[] {
  const ids = new Set(things.flatMap((t) => (t.kind === 't1' ? [t.data.id] : [])));
  const children = new Map<string, ReplyThing[]>();
  const roots: ReplyThing[] = [];
  for (const thing of things) {
    const parent = thing.kind === 'invalid' ? null : stripFullnamePrefix(thing.data.parent_id);
    if (parent !== null && ids.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(thing);
      children.set(parent, list);
    } else {
      roots.push(thing);
    }
  }
  // Breadth-first; `out` doubles as the queue (read index `i`), avoiding Array.shift.
  const out: ReplyThing[] = [...roots];
  for (let i = 0; i < out.length; i++) {
    const thing = out[i]!;
    if (thing.kind === 't1') for (const child of children.get(thing.data.id) ?? []) out.push(child);
  }
  return out;
}
