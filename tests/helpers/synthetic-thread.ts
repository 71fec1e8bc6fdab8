// A synthetic Reddit for tests and the bench: generated comment trees of any
// size, served in Reddit's exact shapes (first page with `more` and
// continue-this-thread stubs, flat /api/morechildren answers, /api/info,
// paged search, OAuth tokens, x-ratelimit-* headers), with a rate-limit window
// it enforces and faults it can inject once. Served either as an injected
// `fetch` (bench) or through nock (tests): see mountFakeReddit.

import nock from 'nock';
import { createRandom } from '../../src/util/create-random.js';
import type { EventConfig } from '../../src/types.js';
export { createRandom };

export interface SyntheticComment {
  id: string;
  parentId: string | null;
  depth: number;
  body: string;
  author: string;
  score: number;
  createdUtc: number;
  stickied: boolean;
  distinguished: string | null;
}

export interface SyntheticThread {
  id: string;
  subreddit: string;
  title: string;
  createdUtc: number;
  comments: SyntheticComment[];
}

export interface SyntheticThreadOptions {
  id: string;
  comments: number;
  seed?: number;
  subreddit?: string;
  createdUtc?: number;
  /** Share of comments replying to the previous comment (back-and-forth chains that go deep). */
  chainShare?: number;
  /** Share of top-level comments. */
  topLevelShare?: number;
}


const BODIES = [
  'This is just a bubble, mark my words.',
  'Sure, and I have a bridge to sell you 🙃',
  '> they said it was fine\n\nThey always say that.',
  'Honestly this **seems** reasonable to me.',
  'Source? [link](https://example.com)',
  'Circular deals all the way down.',
];

/** Generates a thread of exactly `comments` comments; ids are unique base36 per thread. */
export function generateSyntheticThread(options: SyntheticThreadOptions): SyntheticThread {
  const random = createRandom(options.seed ?? 1);
  const created = options.createdUtc ?? 1_765_000_000;
  const subreddit = options.subreddit ?? 'technology';
  const chainShare = options.chainShare ?? 0.3;
  const topShare = options.topLevelShare ?? 0.12;
  const comments: SyntheticComment[] = [];
  const prefix = options.id.slice(-3);
  for (let i = 0; i < options.comments; i++) {
    const id = `${prefix}${i.toString(36).padStart(4, '0')}`;
    let parent: SyntheticComment | undefined;
    const r = random();
    if (i === 0 || r < topShare) parent = undefined;
    else if (r < topShare + chainShare) parent = comments[i - 1];
    else parent = comments[Math.floor(random() * i)];
    const roll = random();
    let body = `${BODIES[i % BODIES.length]} #${i}`;
    let author = `user_${Math.floor(random() * 5000)}`;
    if (roll < 0.03) {
      body = '[deleted]';
      author = '[deleted]';
    } else if (roll < 0.05) {
      body = '[removed]';
      author = '[deleted]';
    }
    const automod = i === 0;
    comments.push({
      id,
      parentId: parent?.id ?? null,
      depth: parent === undefined ? 0 : parent.depth + 1,
      body: automod ? 'Please keep it civil. *I am a bot.*' : body,
      author: automod ? 'AutoModerator' : author,
      score: Math.floor(random() * 200) - 5,
      createdUtc: created + 60 + i * 7,
      stickied: automod,
      distinguished: automod ? 'moderator' : null,
    });
  }
  return { id: options.id, subreddit, title: `Synthetic thread ${options.id}`, createdUtc: created, comments };
}

// ---- the fake server --------------------------------------------------------

export type Fault = '500' | '502' | '503' | '429' | '429-two-hours' | '429-day-reset' | '429-reset-only' | '401' | 'truncated' | 'html' | 'timeout' | 'reset';

export interface FakeRedditOptions {
  threads: SyntheticThread[];
  /** Submissions for search (newest first is applied by the server); default: the threads. */
  searchItems?: Array<{ id: string; subreddit: string; createdUtc: number; title?: string }>;
  /** Epoch ms; default Date.now. Share it with the client's clock for simulated time. */
  now?: () => number;
  rateLimit?: { perWindow: number; windowSeconds: number };
  /** Comments in the first page / a continue page (Reddit's ~500 maximum). */
  pageLimit?: number;
  /** Replies shown per comment on a page before the rest go into a `more` stub. */
  pageShown?: number;
  /** Levels of replies included under each requested id in a morechildren answer. */
  moreDepth?: number;
  /** Replies shown per comment in a morechildren answer. */
  moreShown?: number;
  /** Depth at which Reddit stops nesting and shows "continue this thread". */
  maxDepth?: number;
  /** Listings stop after this many items (Reddit: ~1000). */
  listingCap?: number;
  tokenLifetimeSeconds?: number;
  /** Field variants: extra unknown fields everywhere, or optional fields left out. */
  variant?: 'plain' | 'extra-fields' | 'minimal-fields';
  /** Real-time latency of a morechildren answer, so overlapping calls would be seen. */
  moreLatencyMs?: number;
}

export interface FakeRedditStats {
  requests: number;
  tokenRequests: number;
  comments: number;
  continues: number;
  moreChildren: number;
  maxIdsPerMoreChildren: number;
  /** Max morechildren calls in progress at once (must stay 1). */
  maxConcurrentMoreChildren: number;
  rateLimited: number;
  unauthorized: number;
  info: number;
  search: number;
  /** Distinct ids ever listed in a `more` stub, per thread. */
  hiddenIds: Map<string, Set<string>>;
  /** Distinct continue-this-thread stubs served, per thread. */
  continueStubs: Map<string, Set<string>>;
  /** `more` stubs served (with ids), per thread: what a one-request-per-stub client would pay. */
  moreStubs: Map<string, number>;
}

export interface FakeResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

type Json = Record<string, unknown>;

export class FakeReddit {
  readonly stats: FakeRedditStats = {
    requests: 0,
    tokenRequests: 0,
    comments: 0,
    continues: 0,
    moreChildren: 0,
    maxIdsPerMoreChildren: 0,
    maxConcurrentMoreChildren: 0,
    rateLimited: 0,
    unauthorized: 0,
    info: 0,
    search: 0,
    hiddenIds: new Map(),
    continueStubs: new Map(),
    moreStubs: new Map(),
  };
  /** Body/status changes applied after collection (deleted/removed on re-check), by comment or thread id. */
  /** How Reddit serves an item now; 'account-deleted' (threads only): the post as it was, its author `[deleted]`. */
  readonly edits = new Map<string, 'deleted' | 'removed' | 'account-deleted'>();
  /** Fields overlaid on a comment's /api/info entry only (to serve one unreadable entry in a re-check). */
  readonly infoPatches = new Map<string, Record<string, unknown>>();
  /** Fields overlaid on a comment wherever it is served (thread pages, morechildren, /api/info): one Reddit serves unreadable. */
  readonly commentPatches = new Map<string, Record<string, unknown>>();
  /** Threads search no longer lists (still served by id). */
  readonly searchOmitted = new Set<string>();
  /** Comments /api/info leaves out of its answer although asked about. */
  readonly infoOmitted = new Set<string>();
  private readonly threads = new Map<string, SyntheticThread>();
  private readonly byId = new Map<string, { thread: SyntheticThread; comment: SyntheticComment }>();
  private readonly childrenOf = new Map<string, string[]>();
  private readonly faults: Array<{ match: (path: string) => boolean; fault: Fault }> = [];
  private readonly now: () => number;
  private windowStart: number;
  private used = 0;
  private tokens = new Map<string, number>();
  private tokenCount = 0;
  private activeMore = 0;

  constructor(private readonly options: FakeRedditOptions) {
    this.now = options.now ?? (() => Date.now());
    this.windowStart = this.now();
    for (const thread of options.threads) {
      this.threads.set(thread.id, thread);
      for (const c of thread.comments) {
        this.byId.set(c.id, { thread, comment: c });
        const key = c.parentId ?? `t3_${thread.id}`;
        const list = this.childrenOf.get(key) ?? [];
        list.push(c.id);
        this.childrenOf.set(key, list);
      }
    }
  }

  /** The next request whose path matches fails once with `fault`. */
  injectFault(fault: Fault, match: (path: string) => boolean = () => true): void {
    this.faults.push({ match, fault });
  }

  /** Faults injected but not yet served. */
  get pendingFaults(): number {
    return this.faults.length;
  }

  /** Every issued token stops working (a revoked or expired token mid-run). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** Minimum requests to collect a thread: 1 + ceil(hidden ids / 100) + continue stubs. */
  minimumRequests(threadId: string): number {
    const hidden = this.stats.hiddenIds.get(threadId)?.size ?? 0;
    const continues = this.stats.continueStubs.get(threadId)?.size ?? 0;
    return 1 + Math.ceil(hidden / 100) + continues;
  }

  /** Answers one request. Throws for 'reset' faults (the connection dies). */
  async handle(method: string, url: URL, headers: Record<string, string | undefined>, body = ''): Promise<FakeResponse> {
    const path = url.pathname;
    if (method === 'POST' && path === '/api/v1/access_token') return this.token(headers, body);
    const faultIndex = this.faults.findIndex((f) => f.match(path + url.search));
    if (faultIndex >= 0) {
      const fault = this.faults.splice(faultIndex, 1)[0]!.fault;
      const injected = await this.fault(fault);
      if (injected !== undefined) return injected;
    }
    const auth = headers.authorization ?? '';
    const token = auth.replace(/^bearer /i, '');
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined || this.now() >= expiresAt) {
      this.stats.unauthorized++;
      return { status: 401, body: JSON.stringify({ message: 'Unauthorized', error: 401 }), headers: {} };
    }
    const limit = this.options.rateLimit;
    if (limit !== undefined) {
      const windowMs = limit.windowSeconds * 1000;
      if (this.now() >= this.windowStart + windowMs) {
        this.windowStart += Math.floor((this.now() - this.windowStart) / windowMs) * windowMs;
        this.used = 0;
      }
      if (this.used >= limit.perWindow) {
        this.stats.rateLimited++;
        const reset = Math.ceil((this.windowStart + windowMs - this.now()) / 1000);
        return { status: 429, body: '{"message":"Too Many Requests","error":429}', headers: { 'retry-after': String(reset), ...this.rateHeaders() } };
      }
      this.used++;
    }
    this.stats.requests++;
    const json = await this.route(url);
    if (json === undefined) return { status: 404, body: '{"message":"Not Found","error":404}', headers: this.rateHeaders() };
    return { status: 200, body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...this.rateHeaders() } };
  }

  /** The server as a fetch function (bench, or tests without nock). */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const answer = await this.handle(init?.method ?? 'GET', url, headers, typeof init?.body === 'string' ? init.body : '');
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };

  private rateHeaders(): Record<string, string> {
    const limit = this.options.rateLimit;
    if (limit === undefined) return {};
    const reset = Math.max(0, Math.ceil((this.windowStart + limit.windowSeconds * 1000 - this.now()) / 1000));
    return {
      'x-ratelimit-used': `${this.used}.0`,
      'x-ratelimit-remaining': `${limit.perWindow - this.used}.0`,
      'x-ratelimit-reset': String(reset),
    };
  }

  private token(headers: Record<string, string | undefined>, body: string): FakeResponse {
    this.stats.tokenRequests++;
    if (!(headers.authorization ?? '').startsWith('Basic ')) return { status: 401, body: '{"error":401}', headers: {} };
    const grant = new URLSearchParams(body).get('grant_type');
    if (grant === null) return { status: 400, body: '{"error":"unsupported_grant_type"}', headers: {} };
    const lifetime = this.options.tokenLifetimeSeconds ?? 86_400;
    const token = `token-${++this.tokenCount}`;
    this.tokens.set(token, this.now() + lifetime * 1000);
    return {
      status: 200,
      body: JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: lifetime, scope: '*' }),
      headers: { 'content-type': 'application/json' },
    };
  }

  private async fault(fault: Fault): Promise<FakeResponse | undefined> {
    switch (fault) {
      case '500':
      case '502':
      case '503':
        return { status: Number(fault), body: '<html>upstream error</html>', headers: {} };
      case '429':
        this.stats.rateLimited++;
        return { status: 429, body: '{"error":429}', headers: { 'retry-after': '3', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-used': '1000.0', 'x-ratelimit-reset': '3' } };
      case '429-two-hours':
        // as a proxy or an overloaded edge answers: a long Retry-After and no rate-limit headers
        this.stats.rateLimited++;
        return { status: 429, body: '{"error":429}', headers: { 'retry-after': '7200' } };
      case '429-day-reset':
        // a broken rate-limit header: no Retry-After, budget spent, and a reset a day away (Reddit's window is 600 s)
        this.stats.rateLimited++;
        return { status: 429, body: '{"error":429}', headers: { 'x-ratelimit-remaining': '0.0', 'x-ratelimit-used': '1000.0', 'x-ratelimit-reset': '86400' } };
      case '429-reset-only':
        // as Reddit answers a spent window: no Retry-After, only the rate-limit headers, the reset 9 minutes away
        this.stats.rateLimited++;
        return { status: 429, body: '{"message":"Too Many Requests","error":429}', headers: { 'x-ratelimit-remaining': '0.0', 'x-ratelimit-used': '1000.0', 'x-ratelimit-reset': '540' } };
      case '401':
        this.revokeTokens();
        return undefined; // the request itself now meets a revoked token
      case 'truncated':
        return { status: 200, body: '[{"kind": "Listing", "data": {"after": null, "chil', headers: { 'content-type': 'application/json' } };
      case 'html':
        // a maintenance page served with 200, as a proxy in front of Reddit does
        return { status: 200, body: '<!doctype html><html><body>reddit is down for maintenance</body></html>', headers: { 'content-type': 'text/html' } };
      case 'timeout':
        // Longer than the client's (test) timeout; the client aborts first. Unref'd: never holds the process open.
        await new Promise((resolve) => setTimeout(resolve, 4000).unref());
        return { status: 504, body: 'late', headers: {} };
      case 'reset':
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
  }

  private async route(url: URL): Promise<unknown> {
    const path = url.pathname;
    const q = url.searchParams;
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/comments\/([a-z0-9]+)(?:\/_\/([a-z0-9]+))?$/)) !== null) {
      const thread = this.threads.get(m[1]!);
      if (thread === undefined) return undefined;
      const limit = Math.min(Number(q.get('limit') ?? 200), this.options.pageLimit ?? 500);
      if (m[2] === undefined) {
        this.stats.comments++;
        return [this.listing([this.submission(thread)]), this.listing(this.renderPage(thread, this.childrenOf.get(`t3_${thread.id}`) ?? [], `t3_${thread.id}`, limit, 0))];
      }
      const head = this.byId.get(m[2]);
      if (head === undefined) return undefined;
      this.stats.continues++;
      return [this.listing([this.submission(thread)]), this.listing(this.renderPage(thread, [head.comment.id], head.comment.parentId === null ? `t3_${thread.id}` : `t1_${head.comment.parentId}`, limit, -head.comment.depth))];
    }
    if (path === '/api/morechildren') {
      this.activeMore++;
      this.stats.maxConcurrentMoreChildren = Math.max(this.stats.maxConcurrentMoreChildren, this.activeMore);
      try {
        if (this.options.moreLatencyMs !== undefined) await new Promise((resolve) => setTimeout(resolve, this.options.moreLatencyMs));
        else await new Promise((resolve) => setImmediate(resolve));
        const thread = this.threads.get((q.get('link_id') ?? '').replace(/^t3_/, ''));
        if (thread === undefined) return undefined;
        const ids = (q.get('children') ?? '').split(',').filter((s) => s !== '');
        this.stats.moreChildren++;
        this.stats.maxIdsPerMoreChildren = Math.max(this.stats.maxIdsPerMoreChildren, ids.length);
        return { json: { errors: [], data: { things: this.renderMore(thread, ids) } } };
      } finally {
        this.activeMore--;
      }
    }
    if (path === '/api/info') {
      this.stats.info++;
      const children: unknown[] = [];
      for (const fullname of (q.get('id') ?? '').split(',')) {
        if (fullname.startsWith('t1_')) {
          const found = this.byId.get(fullname.slice(3));
          if (found === undefined || this.infoOmitted.has(found.comment.id)) continue;
          const thing = this.commentThing(found.thread, found.comment, found.comment.depth, '');
          const patch = this.infoPatches.get(found.comment.id);
          children.push(patch === undefined ? thing : { ...thing, data: { ...(thing['data'] as Json), ...patch } });
        } else if (fullname.startsWith('t3_')) {
          const thread = this.threads.get(fullname.slice(3));
          if (thread !== undefined) children.push(this.submission(thread));
        }
      }
      return this.listing(children);
    }
    if ((m = path.match(/^(?:\/r\/([^/]+))?\/search$/)) !== null) {
      this.stats.search++;
      const sub = m[1]?.toLowerCase();
      const items = (this.options.searchItems ?? [...this.threads.values()])
        .filter((t) => (sub === undefined || t.subreddit.toLowerCase() === sub) && !this.searchOmitted.has(t.id))
        .sort((a, b) => b.createdUtc - a.createdUtc)
        .slice(0, this.options.listingCap ?? 1000);
      const after = q.get('after');
      const start = after === null ? 0 : items.findIndex((t) => `t3_${t.id}` === after) + 1;
      const page = items.slice(start, start + Number(q.get('limit') ?? 25));
      const last = page[page.length - 1];
      const things = page.map((t) => this.submission(this.threads.get(t.id) ?? { ...t, title: t.title ?? `Post ${t.id}`, comments: [] }));
      return { kind: 'Listing', data: { after: last === undefined || start + page.length >= items.length ? null : `t3_${last.id}`, before: null, children: things } };
    }
    return undefined;
  }

  private listing(children: unknown[]): Json {
    return { kind: 'Listing', data: { after: null, before: null, dist: children.length, children } };
  }

  private submission(thread: SyntheticThread): Json {
    const data: Json = {
      id: thread.id,
      name: `t3_${thread.id}`,
      subreddit: thread.subreddit,
      title: thread.title,
      selftext: 'What do you think?',
      url: `https://example.com/${thread.id}`,
      permalink: `/r/${thread.subreddit}/comments/${thread.id}/synthetic/`,
      created_utc: thread.createdUtc,
      score: 1234,
      num_comments: thread.comments.length,
      author: 'poster',
      stickied: false,
    };
    // as Reddit serves a submission its author deleted, or one moderators removed
    const edit = this.edits.get(thread.id);
    if (edit === 'deleted') Object.assign(data, { selftext: '[deleted]', author: '[deleted]' });
    if (edit === 'removed') Object.assign(data, { selftext: '[removed]', removed_by_category: 'moderator' });
    if (edit === 'account-deleted') Object.assign(data, { author: '[deleted]' });
    return { kind: 't3', data: this.vary(data) };
  }

  private commentThing(thread: SyntheticThread, c: SyntheticComment, depth: number, replies: unknown): Json {
    const edit = this.edits.get(c.id);
    const data: Json = {
      id: c.id,
      name: `t1_${c.id}`,
      parent_id: c.parentId === null ? `t3_${thread.id}` : `t1_${c.parentId}`,
      link_id: `t3_${thread.id}`,
      subreddit: thread.subreddit,
      body: edit === 'deleted' ? '[deleted]' : edit === 'removed' ? '[removed]' : c.body,
      author: edit !== undefined ? '[deleted]' : c.author,
      score: c.score,
      created_utc: c.createdUtc,
      permalink: `/r/${thread.subreddit}/comments/${thread.id}/synthetic/${c.id}/`,
      edited: false,
      stickied: c.stickied,
      distinguished: c.distinguished,
      depth,
      replies,
      ...this.commentPatches.get(c.id),
    };
    return { kind: 't1', data: this.vary(data) };
  }

  private vary(data: Json): Json {
    if (this.options.variant === 'extra-fields') {
      return { ...data, all_awardings: [], gilded: 0, future_field_2027: { nested: [1, 2, 3] }, author_flair_richtext: [{ e: 'text', t: 'x' }] };
    }
    if (this.options.variant === 'minimal-fields') {
      const { score: _s, edited: _e, stickied: _st, distinguished: _d, depth: _dp, permalink, name: _n, selftext: _t, url: _u, num_comments: _nc, ...rest } = data;
      // Submissions need their permalink; comments may come without one.
      return data.title !== undefined ? { ...rest, permalink } : rest;
    }
    return data;
  }

  private moreStub(thread: SyntheticThread, parentFullname: string, ids: string[], depth: number): Json {
    let hidden = this.stats.hiddenIds.get(thread.id);
    if (hidden === undefined) this.stats.hiddenIds.set(thread.id, (hidden = new Set()));
    for (const id of ids) hidden.add(id);
    this.stats.moreStubs.set(thread.id, (this.stats.moreStubs.get(thread.id) ?? 0) + 1);
    const count = ids.reduce((n, id) => n + this.subtreeSize(id), 0);
    return { kind: 'more', data: { id: ids[0], name: `t1_${ids[0]}`, parent_id: parentFullname, count, depth, children: ids } };
  }

  private continueStub(thread: SyntheticThread, parentId: string, depth: number): Json {
    let stubs = this.stats.continueStubs.get(thread.id);
    if (stubs === undefined) this.stats.continueStubs.set(thread.id, (stubs = new Set()));
    stubs.add(parentId);
    return { kind: 'more', data: { id: '_', name: 't1__', parent_id: `t1_${parentId}`, count: 0, depth, children: [] } };
  }

  private subtreeSize(id: string): number {
    let n = 0;
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      n++;
      for (const child of this.childrenOf.get(next) ?? []) stack.push(child);
    }
    return n;
  }

  /**
   * A threaded page: `roots` under `parentFullname`, depth-first, at most
   * `limit` comments; beyond `pageShown` replies per comment (or the limit) the
   * rest go into a `more` stub; at maxDepth a continue stub. `depthOffset`
   * renumbers depth from a continue page's head, as Reddit does.
   */
  private renderPage(thread: SyntheticThread, roots: string[], parentFullname: string, limit: number, depthOffset: number): Json[] {
    const maxDepth = this.options.maxDepth ?? 10;
    const shown = this.options.pageShown ?? 8;
    let budget = limit;
    const render = (ids: string[], parent: string, relDepth: number, cap: number): Json[] => {
      const out: Json[] = [];
      for (let i = 0; i < ids.length; i++) {
        if (budget <= 0 || i >= cap) {
          out.push(this.moreStub(thread, parent, ids.slice(i), relDepth));
          break;
        }
        budget--;
        const c = this.byId.get(ids[i]!)!.comment;
        const kids = this.childrenOf.get(c.id) ?? [];
        let replies: unknown = '';
        if (kids.length > 0) {
          replies =
            relDepth + 1 >= maxDepth
              ? this.listing([this.continueStub(thread, c.id, relDepth + 1)])
              : this.listing(render(kids, `t1_${c.id}`, relDepth + 1, shown));
        }
        out.push(this.commentThing(thread, c, c.depth + depthOffset, replies));
      }
      return out;
    };
    return render(roots, parentFullname, 0, roots.length === 1 ? 1 : Number.POSITIVE_INFINITY);
  }

  /** A flat morechildren answer: each requested comment plus a few levels of replies, stubs for the rest. */
  private renderMore(thread: SyntheticThread, ids: string[]): Json[] {
    const maxDepth = this.options.maxDepth ?? 10;
    const levels = this.options.moreDepth ?? 2;
    const shown = this.options.moreShown ?? 4;
    const out: Json[] = [];
    const emit = (id: string, level: number): void => {
      const c = this.byId.get(id)?.comment;
      if (c === undefined) return;
      out.push(this.commentThing(thread, c, c.depth, ''));
      const kids = this.childrenOf.get(id) ?? [];
      if (kids.length === 0) return;
      if (c.depth + 1 >= maxDepth) {
        out.push(this.continueStub(thread, id, c.depth + 1));
        return;
      }
      if (level >= levels) {
        out.push(this.moreStub(thread, `t1_${id}`, kids, c.depth + 1));
        return;
      }
      kids.slice(0, shown).forEach((kid) => emit(kid, level + 1));
      if (kids.length > shown) out.push(this.moreStub(thread, `t1_${id}`, kids.slice(shown), c.depth + 1));
    };
    for (const id of ids) emit(id, 0);
    return out;
  }
}

/**
 * Serves a FakeReddit through nock at Reddit's two hosts (or the given bases).
 * Returns a function that removes the interceptors.
 */
export function mountFakeReddit(
  fake: FakeReddit,
  apiBase = 'https://oauth.reddit.com',
  authBase = 'https://www.reddit.com',
): () => void {
  const api = nock(apiBase)
    .persist()
    .get(/.*/)
    .reply(async function (uri) {
      const headers = this.req.headers as Record<string, string | undefined>;
      const answer = await fake.handle('GET', new URL(uri, apiBase), headers);
      return [answer.status, answer.body, answer.headers];
    });
  const auth = nock(authBase)
    .persist()
    .post('/api/v1/access_token')
    .reply(async function (uri, body) {
      const headers = this.req.headers as Record<string, string | undefined>;
      const answer = await fake.handle('POST', new URL(uri, authBase), headers, typeof body === 'string' ? body : new URLSearchParams(body as Record<string, string>).toString());
      return [answer.status, answer.body, answer.headers];
    });
  return () => {
    api.persist(false);
    auth.persist(false);
    nock.cleanAll();
  };
}

/** Simulated time: sleeping advances the clock at once, so rate-limit waits cost no real time. */
export function createVirtualClock(startMs = 1_766_500_000_000): { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void>; slept: number } {
  let t = startMs;
  const clock = {
    slept: 0,
    now: () => t,
    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
      signal?.throwIfAborted();
      t += ms;
      clock.slept += ms;
    },
  };
  return clock;
}

export const TEST_ENV = {
  REDDIT_CLIENT_ID: 'test-client',
  REDDIT_CLIENT_SECRET: 'test-secret',
  REDDIT_USER_AGENT: 'node:reactionlens-test:0.1.0 (by /u/reactionlens_test)',
} as const;

/** The window start the queue tests share: threads are created just after it. */
export const SYNTHETIC_WINDOW_FROM = 1_766_000_000;

/** `count` synthetic r/technology threads of `comments` comments each, ids thr100…, one second apart in the window. */
export function generateSyntheticThreads(count: number, comments: number): SyntheticThread[] {
  return Array.from({ length: count }, (_, i) =>
    generateSyntheticThread({ id: `thr${100 + i}`, comments, seed: i + 1, subreddit: 'technology', createdUtc: SYNTHETIC_WINDOW_FROM + 1000 + i }),
  );
}

/** A one-day event searching r/technology for "openai", as the fake Reddit answers it. */
export function makeSyntheticEvent(id: string, title: string, description: string): EventConfig {
  return {
    id,
    title,
    description,
    window: { from: SYNTHETIC_WINDOW_FROM, to: SYNTHETIC_WINDOW_FROM + 86_400 },
    queries: ['openai'],
    subreddits: ['technology'],
    seedThreads: [],
    bots: [],
    configHash: 'test',
  };
}
