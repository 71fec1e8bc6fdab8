import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient, resolveArcticShiftBase } from '../../src/archive/arctic-shift-client.js';
import { collectEvent } from '../../src/collect/collect-event.js';
import { ConfigError, RateLimitError, RefusedRequestError, SourceError } from '../../src/errors/errors.js';
import { createArcticShiftSource } from '../../src/sources/arctic-shift-source.js';
import type { ProgressEvent, SourceContext } from '../../src/sources/source.js';
import { Store } from '../../src/store/store.js';
import { BASE, FROM, TO, answer, comment, makeEvent, post } from './archive-fixtures.js';
import { mountFakeArcticShift } from './fake-arctic-shift.js';

const NOW = TO + 30 * 86_400;

function setup(pageLimit = 2) {
  const waits: number[] = [];
  const events: ProgressEvent[] = [];
  // simulated time: a wait moves the clock on, as a real one does (the stats count waits as time on the clock)
  let now = NOW;
  const source = createArcticShiftSource({
    baseUrl: BASE,
    pageLimit,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms / 1000;
    },
  });
  const ctx: SourceContext = { now: () => now, progress: (e) => events.push(e) };
  return { source, ctx, waits, events };
}

afterEach(() => {
  nock.cleanAll();
});

describe('createArcticShiftSource', () => {
  it('pages submissions by time until the window is covered, then a thread’s comments with derived depth', async () => {
    const { source, ctx } = setup(2);
    const api = nock(BASE)
      .get('/api/posts/search')
      .query({ subreddit: 'stocks', query: 'amazon openai', after: String(FROM - 1), before: String(TO + 1), limit: '2', sort: 'asc' })
      .reply(200, answer([post('p1', FROM + 10), post('p2', FROM + 20)]))
      .get('/api/posts/search')
      .query({ subreddit: 'stocks', query: 'amazon openai', after: String(FROM + 19), before: String(TO + 1), limit: '2', sort: 'asc' })
      // p2 again (same second boundary) is deduplicated; p3 is outside the window and dropped.
      // A full page past the window end ends the paging.
      .reply(200, answer([post('p2', FROM + 20), post('p3', TO + 5)]))
      .get('/api/comments/search')
      .query({ link_id: 'p1', after: String(FROM + 9), limit: '2', sort: 'asc' })
      .reply(200, answer([comment('c1', 'p1', 't3_p1', FROM + 100), comment('c2', 'p1', 't1_c1', FROM + 200)]))
      .get('/api/comments/search')
      .query({ link_id: 'p1', after: String(FROM + 199), limit: '2', sort: 'asc' })
      .reply(200, answer([comment('c3', 'p1', 't1_c2', FROM + 300)]))
      // a short page is not the end: the next one, adding nothing new, is
      .get('/api/comments/search')
      .query({ link_id: 'p1', after: String(FROM + 299), limit: '2', sort: 'asc' })
      .reply(200, answer([comment('c3', 'p1', 't1_c2', FROM + 300)]));

    const found = await source.findThreads(makeEvent(), ctx);
    expect(found.threads.map((t) => t.id)).toEqual(['p1', 'p2']);
    expect(found.capped).toBe(false);
    expect(found.threads[0]?.fetchedAt).toBe(NOW); // when we read the archive, not when it read Reddit

    const fetched = await source.fetchThread('p1', ctx);
    expect(fetched.comments.map((c) => [c.id, c.depth, c.parentId])).toEqual([
      ['c1', 0, null],
      ['c2', 1, 'c1'],
      ['c3', 2, 'c2'],
    ]);
    expect(fetched.comments[0]?.body).toContain('🤔');
    expect(fetched.skipped).toEqual([]);
    expect(api.isDone()).toBe(true);
    expect(source.stats().requests).toBe(5);
  });

  it('keeps deleted/removed items only as text-less tombstones and reports orphans', async () => {
    const { source, ctx } = setup(100);
    nock(BASE)
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([post('p1', FROM + 10), post('gone', FROM + 11, { _meta: { removal_type: 'moderator' } })]))
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([]))
      .get('/api/comments/search')
      .query(true)
      .reply(
        200,
        answer([
          comment('a', 'p1', 't3_p1', FROM + 100, { _meta: { removal_type: 'deleted' } }),
          comment('b', 'p1', 't3_p1', FROM + 101, { _meta: { was_deleted_later: true } }),
          comment('c', 'p1', 't3_p1', FROM + 102, { body: '[removed]' }),
          comment('d', 'p1', 't1_missing', FROM + 103),
          { id: 'bad', body: 42 },
        ]),
      )
      .get('/api/comments/search')
      .query(true)
      .reply(200, answer([]));
    const found = await source.findThreads(makeEvent(), ctx);
    const removed = found.threads.find((t) => t.id === 'gone');
    expect(removed).toMatchObject({ status: 'removed', selftext: '', author: null });
    const fetched = await source.fetchThread('p1', ctx);
    const byId = new Map(fetched.comments.map((c) => [c.id, c]));
    expect(byId.get('a')).toMatchObject({ status: 'deleted', body: '', author: null });
    expect(byId.get('b')).toMatchObject({ status: 'deleted', body: '', author: null });
    expect(byId.get('c')).toMatchObject({ status: 'removed', body: '', author: null });
    expect(byId.get('d')).toMatchObject({ status: 'live', depth: 0 });
    expect(fetched.skipped.map((s) => [s.record, s.kind])).toEqual([
      ['bad', 'invalid'],
      ['t3_p1', 'incomplete'],
    ]);
  });

  it('honours 429 Retry-After, retries 5xx with backoff, and waits out a spent budget', async () => {
    const { source, ctx, waits, events } = setup(100);
    nock(BASE)
      .get('/api/posts/search')
      .query(true)
      .reply(429, { error: 'slow down' }, { 'retry-after': '2' })
      .get('/api/posts/search')
      .query(true)
      .reply(503, 'upstream down')
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([post('p1', FROM + 10)]), { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' })
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([]))
      .get('/api/comments/search')
      .query(true)
      .reply(200, answer([]));
    await source.findThreads(makeEvent(), ctx);
    await source.fetchThread('p1', ctx);
    expect(waits).toEqual([2250, 2000, 5000]);
    expect(source.stats()).toEqual({ requests: 5, rateLimited: 1, waitMs: 9250 });
    expect(events.filter((e) => e.kind === 'wait').map((e) => (e.kind === 'wait' ? [e.cause, e.reason] : []))).toEqual([
      ['rate-limit', 'archive rate limited (429)'],
      ['retry', 'archive status 503'],
      ['rate-limit', 'archive rate limit budget spent'],
    ]);
  });

  it('gives up after bounded retries and turns the failure into a skip record', async () => {
    const { source, ctx, waits } = setup(100);
    nock(BASE)
      .get('/api/posts/search')
      .query((q) => q.query === 'amazon openai')
      .times(5)
      .reply(502, 'bad gateway')
      .get('/api/posts/search')
      .query((q) => q.query === 'openai trainium')
      .reply(200, answer([]));
    const found = await source.findThreads(makeEvent({ queries: ['amazon openai', 'openai trainium'] }), ctx);
    expect(found.threads).toEqual([]);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(found.skipped).toHaveLength(1);
    expect(found.skipped[0]).toMatchObject({ kind: 'incomplete', reason: expect.stringContaining('status 502 after 5 attempts') });
  });

  it('fails the collection when not one search gets an answer (archive down), instead of skipping each', async () => {
    const { source, ctx } = setup(100);
    const queried: string[] = [];
    interceptSearches(queried).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const store = Store.open(':memory:');
    const queries = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    const failure = collectEvent(makeEvent({ queries }), source, store, ctx);
    await expect(failure).rejects.toThrow(SourceError);
    await expect(failure).rejects.toThrow(/none of the 3 searches tried got an answer.*ECONNREFUSED/s);
    // three searches failing (each after its retries) with none answered is enough: the rest are not tried
    expect([...new Set(queried)]).toEqual(['q1', 'q2', 'q3']);
  });

  it.each([
    // the first answer's wait holds for the searches after it: they fail at once without being sent into it
    // a longer wait is not ours to make: not retried
    ['a rate limit longer than a run waits (429, Retry-After 120 s)', () => [429, '{"error":"Too many requests"}', { 'retry-after': '120' }] as const, /rate limit: the archive asks to wait 120 s before the next request, more than the 60 s a run waits/, ['q1'], []],
    // a page is no answer yet: each search is retried as after a 5xx (five attempts), then counts as not answered
    [
      'a maintenance page (200, HTML)',
      () => [200, '<html><body>down for maintenance</body></html>', { 'content-type': 'text/html' }] as const,
      /Arctic Shift answered with an HTML page, not JSON \(46 bytes, status 200\), on the last of 5 attempts/,
      ['q1', 'q2', 'q3'].flatMap((q) => Array<string>(5).fill(q)),
      [1000, 2000, 4000, 8000, 1000, 2000, 4000, 8000, 1000, 2000, 4000, 8000],
    ],
  ])('fails the collection when every search meets %s, after three searches', async (_name, reply, message, sent, backoff) => {
    const { source, ctx, waits } = setup(100);
    const queried: string[] = [];
    interceptSearches(queried).reply(() => {
        const [status, body, headers] = reply();
        return [status, body, headers];
      });
    const queries = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
    const failure = collectEvent(makeEvent({ queries }), source, Store.open(':memory:'), ctx);
    await expect(failure).rejects.toThrow(SourceError);
    await expect(failure).rejects.toThrow(message);
    expect(queried).toEqual(sent);
    expect(waits).toEqual(backoff);
  });

  it("a thread whose comments are answered with a maintenance page is a thread not fetched (partial), not invalid input", async () => {
    const { source, ctx } = setup(100);
    nock(BASE).get('/api/posts/search').query(true).reply(200, answer([post('p1', FROM + 100)]));
    nock(BASE).get('/api/posts/search').query(true).reply(200, answer([]));
    // on every attempt: one page is retried (tests/archive/web-page-retried.test.ts)
    nock(BASE).get('/api/comments/search').query(true).times(5).reply(200, '<html><body>down for maintenance</body></html>', { 'content-type': 'text/html' });
    const summary = await collectEvent(makeEvent(), source, Store.open(':memory:'), ctx);
    expect(summary.skipped).toEqual([{ source: expect.stringMatching(/^GET \S+\/api\/comments\/search\?link_id=p1/), record: '(body)', reason: expect.stringMatching(/Arctic Shift answered with an HTML page, not JSON \(46 bytes, status 200\)/), kind: 'incomplete' }]);
  });

  it('holds later requests back while a Retry-After longer than a run waits lasts, failing them at once, then sends them again', async () => {
    let now = NOW;
    const ctx: SourceContext = { now: () => now };
    const client = createArcticShiftClient({ baseUrl: BASE, sleep: async () => {} });
    nock(BASE).get('/api/posts/search').query(true).reply(429, { error: 'Too many requests' }, { 'retry-after': '120' });
    const first = await client.get('/api/posts/search', { query: 'q1' }, ctx).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RateLimitError);

    // would answer, but must not be asked while the archive's wait lasts
    const later = nock(BASE).get('/api/comments/search').query(true).reply(200, answer([]));
    now += 119;
    const held = await client.get('/api/comments/search', { link_id: 'p1' }, ctx).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(RateLimitError);
    expect((held as Error).message).toMatch(/^GET \S+\/api\/comments\/search\?link_id=p1 not sent: Arctic Shift rate limit: the archive asks to wait 120 s before the next request/);
    expect(later.isDone()).toBe(false);
    expect(client.stats().requests).toBe(1);

    now += 1;
    await expect(client.get('/api/comments/search', { link_id: 'p1' }, ctx)).resolves.toEqual([]);
    expect(later.isDone()).toBe(true);
  });

  it('a rate limit longer than a run waits is its own error, not a refusal', async () => {
    const { ctx } = setup(100);
    nock(BASE).get('/api/posts/search').query(true).reply(429, { error: 'Too many requests' }, { 'retry-after': '120' });
    const error = await createArcticShiftClient({ baseUrl: BASE }).get('/api/posts/search', {}, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).not.toBeInstanceOf(RefusedRequestError);
    expect((error as Error).message).toMatch(/^Arctic Shift rate limit: .*\(Too many requests\)$/);
    // NOW is 2026-01-30 00:00 UTC: the message says when the 120 s are over, not only how long they are
    expect((error as Error).message).toContain('asks to wait 120 s before the next request, more than the 60 s a run waits; run again after 2026-01-30 00:02 UTC: GET');
  });

  it('counts a refusal (a 4xx answer) as an answer: the archive is up, each refused search is one skipped record', async () => {
    const { source, ctx } = setup(100);
    nock(BASE).get('/api/posts/search').query(true).times(4).reply(400, { data: null, error: 'Invalid subreddit' });
    const found = await source.findThreads(makeEvent({ queries: ['q1', 'q2', 'q3', 'q4'] }), ctx);
    expect(found.threads).toEqual([]);
    expect(found.skipped.map((s) => s.kind)).toEqual(['incomplete', 'incomplete', 'incomplete', 'incomplete']);
  });

  it('keeps trying the remaining searches once one has answered', async () => {
    const { source, ctx } = setup(100);
    nock(BASE)
      .get('/api/posts/search')
      .query((q) => q.query === 'q1')
      .reply(200, answer([]))
      .get('/api/posts/search')
      .query((q) => q.query !== 'q1')
      .times(100)
      .replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const found = await source.findThreads(makeEvent({ queries: ['q1', 'q2', 'q3', 'q4', 'q5'] }), ctx);
    expect(found.skipped.map((s) => s.source.replace(/.*query=/, ''))).toEqual(['q2', 'q3', 'q4', 'q5']);
  });

  it('reports an API error message and a malformed answer without retrying', async () => {
    const { source, ctx, waits } = setup(100);
    nock(BASE)
      .get('/api/posts/search')
      .query((q) => q.query === 'amazon openai')
      .reply(400, { data: null, error: 'Invalid subreddit' })
      .get('/api/posts/search')
      .query((q) => q.query === 'openai trainium')
      .reply(200, { rows: [] , data: 'nope' });
    const found = await source.findThreads(makeEvent({ queries: ['amazon openai', 'openai trainium'] }), ctx);
    expect(waits).toEqual([]);
    // an answer that is no listing at all is the archive's failure (partial run), not the user's input to fix
    expect(found.skipped.map((s) => s.kind)).toEqual(['incomplete', 'incomplete']);
    expect(found.skipped[0]?.reason).toContain('Invalid subreddit');
    expect(found.skipped[1]?.reason).toContain('data');
  });

  it('fetches seed threads by id and a thread it has not seen yet', async () => {
    const { source, ctx } = setup(100);
    nock(BASE)
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([]))
      .get('/api/posts/ids')
      .query({ ids: 'old1' })
      .reply(200, answer([post('old1', FROM - 90 * 86_400)]))
      .get('/api/posts/ids')
      .query({ ids: 'zz9' })
      .reply(200, answer([]));
    const found = await source.findThreads(makeEvent({ seedThreads: ['old1'] }), ctx);
    expect(found.threads.map((t) => t.id)).toEqual(['old1']);
    await expect(source.fetchThread('zz9', ctx)).rejects.toThrow(/not in the Arctic Shift archive/);
  });

  it('is driven by collectEvent into the store like the live source', async () => {
    const { source, ctx } = setup(100);
    nock(BASE)
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([post('p1', FROM + 10)]))
      .get('/api/posts/search')
      .query(true)
      .reply(200, answer([]))
      .get('/api/comments/search')
      .query(true)
      .reply(200, answer([comment('c1', 'p1', 't3_p1', FROM + 100), comment('c2', 'p1', 't1_c1', FROM + 200, { body: '[deleted]', author: '[deleted]' })]))
      .get('/api/comments/search')
      .query(true)
      .reply(200, answer([]));
    const store = Store.open(':memory:');
    const summary = await collectEvent(makeEvent(), source, store, ctx);
    expect(summary).toMatchObject({ threadsFound: 1, threadsFetched: 1, threadsNew: 1, commentsNew: 2 });
    expect(store.countEvent('test-event')).toEqual({ threads: 1, comments: 2, live: 1 });
    expect(store.getComment('c2')).toMatchObject({ body: '', author: null, status: 'deleted', depth: 1 });
    store.close();
  });
});

describe('collecting a past event twice from the archive', () => {
  it('stores it once: the second run finds the threads complete and fetches nothing again', async () => {
    const posts = [post('p1', FROM + 10), post('p2', FROM + 20)];
    const comments = Array.from({ length: 230 }, (_, i) => comment(`k${i}`, i % 2 === 0 ? 'p1' : 'p2', i < 2 ? `t3_${i % 2 === 0 ? 'p1' : 'p2'}` : `t1_k${i - 2}`, FROM + 100 + i));
    const fake = mountFakeArcticShift(BASE, { posts, comments });
    const store = Store.open(':memory:');
    const { source, ctx } = setup(100);
    const first = await collectEvent(makeEvent(), source, store, ctx);
    expect(first).toMatchObject({ threadsFetched: 2, commentsNew: 230 });
    expect(store.getComment('k229')?.depth).toBe(114);
    const requests = fake.requests.length;
    const second = await collectEvent(makeEvent(), createArcticShiftSource({ baseUrl: BASE }), store, ctx);
    expect(second).toMatchObject({ threadsFetched: 0, threadsUnchanged: 2, threadsNew: 0, commentsNew: 0 });
    expect(fake.requests.length - requests).toBe(2); // the search only: its one page and the empty one that ends it
    fake.unmount();
    store.close();
  });

  it('purges a thread the archive now marks removed or deleted, though it is not fetched again', async () => {
    const posts = [post('p1', FROM + 10), post('p2', FROM + 20), post('p3', FROM + 30)];
    const comments = [comment('k1', 'p1', 't3_p1', FROM + 100), comment('k2', 'p2', 't3_p2', FROM + 100)];
    const fake = mountFakeArcticShift(BASE, { posts, comments });
    const store = Store.open(':memory:');
    const { source, ctx } = setup(100);
    await collectEvent(makeEvent(), source, store, ctx);
    posts[0] = post('p1', FROM + 10, { selftext: '[removed]', _meta: { removal_type: 'moderator' } });
    posts[1] = post('p2', FROM + 20, { selftext: '[deleted]', author: '[deleted]' });
    const second = await collectEvent(makeEvent(), createArcticShiftSource({ baseUrl: BASE }), store, ctx);
    expect(second).toMatchObject({ threadsFetched: 0, threadsUnchanged: 3, threadsUpdated: 2 });
    expect(store.getThread('p1')).toMatchObject({ status: 'removed', title: '', selftext: '', author: null, permalink: 'https://www.reddit.com/r/stocks/comments/p1/' });
    expect(store.getThread('p2')).toMatchObject({ status: 'deleted', title: '', selftext: '', author: null });
    expect(store.getThread('p3')).toMatchObject({ status: 'live', title: 'Amazon to invest in OpenAI (p3) 🚀' });
    expect(store.getComment('k1')?.status).toBe('live'); // a comment keeps its own status
    fake.unmount();
    store.close();
  });
});

describe('resolveArcticShiftBase', () => {
  it.each([
    [undefined, {}, 'https://arctic-shift.photon-reddit.com'],
    [undefined, { ARCTIC_SHIFT_BASE: 'http://127.0.0.1:8080/' }, 'http://127.0.0.1:8080'],
    ['https://proxy.example/arctic/', { ARCTIC_SHIFT_BASE: 'http://localhost:1' }, 'https://proxy.example/arctic'],
  ])('%s with %o → %s', (option, env, expected) => {
    expect(resolveArcticShiftBase(option, env)).toBe(expected);
  });

  it.each([['http://proxy.example'], ['ftp://127.0.0.1'], ['not a url']])('refuses %s', (base) => {
    expect(() => createArcticShiftClient({ baseUrl: base })).toThrow(ConfigError);
  });

  it('takes an empty ARCTIC_SHIFT_BASE (as .env.example leaves it) for unset', () => {
    expect(resolveArcticShiftBase(undefined, { ARCTIC_SHIFT_BASE: '' })).toBe('https://arctic-shift.photon-reddit.com');
  });

  it('refuses a user:password@ in ARCTIC_SHIFT_BASE, naming the variable and not the password', () => {
    expect(() => resolveArcticShiftBase(undefined, { ARCTIC_SHIFT_BASE: 'http://user:ProxyPassSecret@127.0.0.1:9' })).toThrow(
      /^ARCTIC_SHIFT_BASE must not contain a user name or password \(user:password@host; the value is not shown\)/,
    );
    expect(() => resolveArcticShiftBase(undefined, { ARCTIC_SHIFT_BASE: 'http://user:ProxyPassSecret@127.0.0.1:9' })).not.toThrow(/ProxyPassSecret/);
  });
});

/** Up to 100 archive searches, each one's query recorded in `queried` in the order sent. */
function interceptSearches(queried: string[]): nock.Interceptor {
  return nock(BASE)
    .get('/api/posts/search')
    .query((q) => {
      queried.push(String(q.query));
      return true;
    })
    .times(100);
}
