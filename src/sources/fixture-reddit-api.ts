import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { SchemaError, SourceError } from '../errors/errors.js';
import { formatZodIssues } from '../errors/format-zod-issues.js';
import { stripBom } from '../util/strip-bom.js';
import type { ApiStats, RedditApi, SearchParams } from '../reddit/reddit-api.js';
import {
  commentsResponseSchema,
  moreChildrenResponseSchema,
  searchListingSchema,
  type CommentThing,
  type CommentsResponse,
  type InfoListing,
  type MoreChildrenResponse,
  type InvalidThing,
  type ReplyThing,
  type SearchListing,
} from '../reddit/reddit-schemas.js';

/**
 * Replays recorded Reddit responses from fixtures/reddit/<event>/ (layout in
 * fixtures/README.md). It answers like the server would: morechildren returns
 * the requested ids (plus recorded descendants) whatever batches are asked for,
 * so the same traversal code runs against fixtures and the live API.
 */
export function createFixtureRedditApi(eventDir: string, onRequest: (path: string) => void = () => {}): RedditApi {
  const stats: ApiStats = { requests: 0, rateLimited: 0, waitMs: 0 };
  const moreCache = new Map<string, Map<string, ReplyThing>>();

  // One served call is one request, however many files answer it (the morechildren file is read once).
  const serve = (path: string): void => {
    stats.requests++;
    onRequest(path);
  };

  const read = <S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> => {
    let raw: unknown;
    try {
      raw = JSON.parse(stripBom(readFileSync(file, 'utf8')));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw new SourceError(`No recorded response: ${file}`, { cause });
      throw new SchemaError(`${file}: not valid JSON (${(cause as Error).message})`, file, '(file)', { cause });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new SchemaError(`${file}: ${formatZodIssues(parsed.error)}`, file, first ? first.path.map(String).join('.') : '(root)');
    }
    markInvalidSource(parsed.data, file);
    return parsed.data;
  };

  const moreThings = (threadId: string): Map<string, ReplyThing> => {
    let things = moreCache.get(threadId);
    if (things !== undefined) return things;
    things = new Map();
    const file = join(eventDir, 'morechildren', `${threadId}.json`);
    if (existsSync(file)) {
      const answers = read(file, moreChildrenResponseSchema.array());
      for (const answer of answers) answer.json.data.things.forEach((thing, k) => things!.set(thingKey(thing, k), thing));
    }
    moreCache.set(threadId, things);
    return things;
  };

  // Every recorded comment by id, for /api/info: read once, on the first re-check.
  let recordedComments: Map<string, CommentThing> | undefined;
  const commentsById = (): Map<string, CommentThing> => {
    if (recordedComments !== undefined) return recordedComments;
    const byId = new Map<string, CommentThing>();
    const add = (thing: ReplyThing): void => {
      // an unreadable recorded comment cannot be answered, but its readable replies can
      if (thing.kind === 'invalid') for (const child of thing.replies?.data.children ?? []) add(child);
      if (thing.kind !== 't1') return;
      if (!byId.has(thing.data.id)) byId.set(thing.data.id, { kind: 't1', data: { ...thing.data, replies: '' } });
      const replies = thing.data.replies;
      if (replies !== undefined && replies !== '') for (const child of replies.data.children) add(child);
    };
    const commentsDir = join(eventDir, 'comments');
    const pages = existsSync(commentsDir) ? readdirSync(commentsDir, { recursive: true, encoding: 'utf8' }) : [];
    for (const page of pages.filter((f) => f.endsWith('.json')).sort()) {
      for (const thing of read(join(commentsDir, page), commentsResponseSchema)[1].data.children) add(thing);
    }
    const moreDir = join(eventDir, 'morechildren');
    const answers = existsSync(moreDir) ? readdirSync(moreDir).filter((f) => f.endsWith('.json')).sort() : [];
    for (const file of answers) for (const thing of moreThings(file.slice(0, -'.json'.length)).values()) add(thing);
    recordedComments = byId;
    return byId;
  };

  return {
    async search(params: SearchParams): Promise<SearchListing> {
      serve('/search');
      const listing = read(join(eventDir, 'search.json'), searchListingSchema);
      const wanted = params.subreddit?.toLowerCase();
      const children = listing.data.children.filter((c) => wanted === undefined || c.data.subreddit.toLowerCase() === wanted);
      return { kind: 'Listing', data: { after: null, before: null, children } };
    },
    async comments(threadId: string, commentId?: string): Promise<CommentsResponse> {
      const file =
        commentId === undefined
          ? join(eventDir, 'comments', `${threadId}.json`)
          : join(eventDir, 'comments', threadId, `${commentId}.json`);
      serve(file);
      return read(file, commentsResponseSchema);
    },
    async moreChildren(threadId: string, childIds: string[]): Promise<MoreChildrenResponse> {
      serve(`/api/morechildren?link_id=t3_${threadId}`);
      const recorded = moreThings(threadId);
      // Return the requested comments and every recorded descendant of them, parents first.
      const wanted = new Set(childIds);
      const out: ReplyThing[] = [];
      for (const thing of recorded.values()) {
        // an unreadable recorded comment is served as recorded, for the collector to skip
        if (thing.kind === 'invalid') {
          if (thing.id !== null && wanted.has(thing.id)) out.push(thing);
          continue;
        }
        const parent = thing.data.parent_id.replace(/^t\d_/, '');
        if ((thing.kind === 't1' && wanted.has(thing.data.id)) || wanted.has(parent)) {
          out.push(thing);
          if (thing.kind === 't1') wanted.add(thing.data.id);
        }
      }
      return { json: { errors: [], data: { things: out } } };
    },
    async info(fullnames: string[]): Promise<InfoListing> {
      // As the server does for a re-check: each asked comment in its recorded state (live, or a recorded
      // "[deleted]"/"[removed]"), unknown ids left out. Threads by id are not answered: seeds come from search.json.
      serve('/api/info');
      const recorded = commentsById();
      const children = fullnames.flatMap((name) => {
        const thing = name.startsWith('t1_') ? recorded.get(name.slice(3)) : undefined;
        return thing === undefined ? [] : [thing];
      });
      return { kind: 'Listing', data: { after: null, before: null, children } };
    },
    stats: () => ({ ...stats }),
  };
}

function thingKey(thing: ReplyThing, index: number): string {
  if (thing.kind === 'invalid') return `invalid:${thing.id ?? index}`;
  return thing.kind === 't1' ? thing.data.id : `more:${thing.data.parent_id}:${thing.data.id}`;
}

/** Names the recorded file in every unreadable comment of a parsed answer, so its skip record points at the file. */
function markInvalidSource(value: unknown, file: string): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (typeof v === 'object' && v !== null) {
      const thing = v as Partial<InvalidThing> & Record<string, unknown>;
      if (thing.kind === 'invalid') thing.source = file;
      for (const child of Object.values(thing)) if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}
