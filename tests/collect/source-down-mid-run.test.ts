import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { collectEvent, UNANSWERED_FETCHES_TO_STOP } from '../../src/collect/collect-event.js';
import { createArcticShiftSource } from '../../src/sources/arctic-shift-source.js';
import { createRedditSource } from '../../src/sources/reddit-source.js';
import type { ProgressEvent } from '../../src/sources/source.js';
import { Store } from '../../src/store/store.js';
import { BASE, FROM, TO, answer, comment, makeEvent, post } from '../archive/archive-fixtures.js';
import { createVirtualClock, FakeReddit, generateSyntheticThreads, makeSyntheticEvent, mountFakeReddit, SYNTHETIC_WINDOW_FROM, TEST_ENV, type FakeResponse } from '../helpers/synthetic-thread.js';

// The source goes down after the searches answered: each thread fetch then spends its client's whole retry schedule
// (5 attempts; minutes of backoff and timeouts) before failing. Only UNANSWERED_FETCHES_TO_STOP fetches in a row are
// allowed to do that; the threads still queued are skipped as not fetched (the night is partial, and the next run
// fetches them). Counted in requests, on simulated clocks: no test waits.

const WINDOW_FROM = SYNTHETIC_WINDOW_FROM;
const THREADS = generateSyntheticThreads(12, 8);
const EVENT = makeSyntheticEvent('source-down', 'Source down mid-run', 'Searches answer, then the thread pages stop answering');
const ATTEMPTS = 5; // both clients: 1 + 4 retries

type Outage = 'status-503' | 'timed-out';
/** The thread page gets no answer until `release` is called, then a 503: a fetch still under way when the stop comes. */
type Hanging = { hang: Promise<void> };
/** Reddit answers the thread with JSON that is no thread we can read (its submission without a subreddit or title). */
type BadThread = 'unreadable';

/**
 * Reddit served by a FakeReddit through nock, whose thread pages (`/comments/<id>`) answer as `outage(id)` says: a 503
 * maintenance page, the client's own timeout, or (undefined) the thread. Counts the thread page requests.
 */
function serveReddit(
  outage: (threadId: string) => Outage | BadThread | Hanging | undefined,
  searchItems?: Array<{ id: string; subreddit: string; createdUtc: number }>,
  morechildren?: { errors: unknown[] },
) {
  const clock = createVirtualClock((WINDOW_FROM + 2 * 86_400) * 1000);
  // with morechildren's answer given, a first page holds 2 comments: the others are asked for by /api/morechildren
  const fake = new FakeReddit({ threads: THREADS, now: clock.now, ...(searchItems === undefined ? {} : { searchItems }), ...(morechildren === undefined ? {} : { pageLimit: 2 }) });
  const pages = new Map<string, number>();
  const handle = fake.handle.bind(fake);
  fake.handle = async (method: string, url: URL, headers: Record<string, string | undefined>, body?: string): Promise<FakeResponse> => {
    if (morechildren !== undefined && url.pathname === '/api/morechildren') {
      return { status: 200, body: JSON.stringify({ json: morechildren }), headers: { 'content-type': 'application/json' } };
    }
    const id = /^\/comments\/([a-z0-9]+)/.exec(url.pathname)?.[1];
    if (id === undefined) return handle(method, url, headers, body);
    pages.set(id, (pages.get(id) ?? 0) + 1);
    const down = outage(id);
    if (typeof down === 'object') {
      await down.hang;
      return { status: 503, body: '<html><head><title>Reddit is down</title></head></html>', headers: { 'content-type': 'text/html' } };
    }
    if (down === 'timed-out') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    if (down === 'unreadable') {
      const listing = (children: unknown[]) => ({ kind: 'Listing', data: { after: null, children } });
      const submission = { kind: 't3', data: { id, permalink: `/r/technology/comments/${id}/x/`, created_utc: WINDOW_FROM + 1000 } };
      return { status: 200, body: JSON.stringify([listing([submission]), listing([])]), headers: { 'content-type': 'application/json' } };
    }
    if (down === 'status-503') return { status: 503, body: '<html><head><title>Reddit is down</title></head></html>', headers: { 'content-type': 'text/html' } };
    return handle(method, url, headers, body);
  };
  unmount = mountFakeReddit(fake);
  const source = createRedditSource(TEST_ENV, { clock, random: () => 0.5 });
  const ctx = { now: () => Math.floor(clock.now() / 1000) };
  const threadPages = (): number => [...pages.values()].reduce((a, b) => a + b, 0);
  return { source, ctx, pages, threadPages, fake };
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
  nock.cleanAll();
});

describe('Reddit goes down after the search answered', () => {
  it('503s: three thread fetches spend their retries, the other nine are not fetched, and the next run fetches them', async () => {
    let down = true;
    const reddit = serveReddit(() => (down ? 'status-503' : undefined));
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });

    expect(summary.threadsFound).toBe(12);
    // before: 12 threads × 5 attempts = 60 requests (and 12 retry schedules of the night's time)
    expect(reddit.threadPages()).toBe(UNANSWERED_FETCHES_TO_STOP * ATTEMPTS);
    expect(summary.threadsFetched).toBe(0);
    expect(summary.threadsNotFetched).toBe(12 - UNANSWERED_FETCHES_TO_STOP);
    const failed = summary.skipped.filter((s) => s.record === '(request)');
    expect(failed).toHaveLength(UNANSWERED_FETCHES_TO_STOP);
    for (const f of failed) expect(f.reason).toMatch(/failed after 5 attempts: status 503 \(an HTML page, title "Reddit is down"\)/);
    const notFetched = summary.skipped.filter((s) => s.record === '(not fetched)');
    expect(notFetched.map((s) => s.source)).toEqual(THREADS.slice(UNANSWERED_FETCHES_TO_STOP).map((t) => `thread ${t.id}`));
    for (const s of notFetched) {
      expect(s.kind).toBe('incomplete');
      expect(s.reason).toBe(
        'not fetched: 3 thread fetches in a row got no answer from reddit after their retries, so it looks down and the threads still queued or under way were not fetched tonight; the next run fetches them',
      );
    }
    expect(store.countEvent(EVENT.id).threads).toBe(0);

    // Reddit is back: the next night fetches every thread, the nine not fetched included
    down = false;
    const next = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });
    expect(next.threadsFetched).toBe(12);
    expect(next.threadsNotFetched).toBe(0);
    expect(next.skipped).toEqual([]);
    expect(store.countEvent(EVENT.id).threads).toBe(12);
    store.close();
  });

  it('timeouts, four threads at once (the default): the third failure stops the fetches under way, no new one starts', async () => {
    const reddit = serveReddit(() => 'timed-out');
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, reddit.source, store, reddit.ctx);

    // the stop comes with the third failure; threads that started before it (at most 4 + 2) are stopped where they are
    const started = reddit.pages.size;
    expect(started).toBeGreaterThanOrEqual(4);
    expect(started).toBeLessThanOrEqual(4 + UNANSWERED_FETCHES_TO_STOP - 1);
    expect(summary.skipped.filter((s) => s.record === '(request)')).toHaveLength(UNANSWERED_FETCHES_TO_STOP);
    expect(summary.threadsNotFetched).toBe(12 - UNANSWERED_FETCHES_TO_STOP);
    expect(summary.skipped.filter((s) => s.record === '(not fetched)')).toHaveLength(12 - UNANSWERED_FETCHES_TO_STOP);
    // before: every thread started spent its 5 attempts
    expect(reddit.threadPages()).toBeLessThan(started * ATTEMPTS);
    store.close();
  });

  it('a fetch still under way when the third failure comes is stopped, not retried: not fetched, and the next run fetches it', async () => {
    // thr103 gets no answer until the three others have failed (then a 503, which the client would retry 4 times)
    let release = (): void => {};
    const hang = new Promise<void>((resolve) => {
      release = resolve;
    });
    let down = true;
    const reddit = serveReddit((id) => (!down ? undefined : id === 'thr103' ? { hang } : 'timed-out'));
    const store = Store.open(':memory:');
    let failed = 0;
    const ctx = {
      ...reddit.ctx,
      progress: (event: ProgressEvent) => {
        // a failed thread takes its comments back (0): once the third has, and collectEvent has counted it, answer thr103
        if (event.kind === 'comments' && event.comments === 0 && event.threadId !== 'thr103' && ++failed === UNANSWERED_FETCHES_TO_STOP) setImmediate(release);
      },
    };
    const summary = await collectEvent(EVENT, reddit.source, store, ctx);

    // before: thr103 spent its 5 attempts after the stop, and was one more failed request
    expect(reddit.pages.get('thr103')).toBe(1);
    expect(summary.skipped.filter((s) => s.record === '(request)').map((s) => s.source)).toEqual(['thread thr100', 'thread thr101', 'thread thr102']);
    const notFetched = summary.skipped.filter((s) => s.record === '(not fetched)');
    expect(notFetched.map((s) => s.source)).toContain('thread thr103');
    expect(summary.threadsNotFetched).toBe(12 - UNANSWERED_FETCHES_TO_STOP);
    // a thread stopped under way made fewer than its 5 attempts
    for (const [id, n] of reddit.pages) if (!['thr100', 'thr101', 'thr102'].includes(id)) expect(n).toBeLessThan(ATTEMPTS);
    expect(store.countEvent(EVENT.id).threads).toBe(0);

    // the stop was this night's only: Reddit is back, and the next run fetches every thread
    down = false;
    const next = await collectEvent(EVENT, reddit.source, store, reddit.ctx);
    expect(next.threadsFetched).toBe(12);
    expect(next.skipped).toEqual([]);
    store.close();
  });

  it('a stop the user asked for (Ctrl-C) while the source is down still ends the stage with the abort', async () => {
    const reddit = serveReddit(() => 'timed-out');
    const store = Store.open(':memory:');
    const stop = new AbortController();
    let failed = 0;
    const ctx = {
      ...reddit.ctx,
      signal: stop.signal,
      progress: (event: ProgressEvent) => {
        if (event.kind === 'comments' && event.comments === 0 && ++failed === 1) stop.abort(new DOMException('stopped by the user', 'AbortError'));
      },
    };
    await expect(collectEvent(EVENT, reddit.source, store, ctx)).rejects.toThrow('stopped by the user');
    store.close();
  });

  it('one flaky thread among good ones is skipped alone; so are two, then two more, with answers between them', async () => {
    const flaky = new Set(['thr101', 'thr102', 'thr104', 'thr105']);
    const reddit = serveReddit((id) => (flaky.has(id) ? 'status-503' : undefined));
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });

    expect(summary.threadsFetched).toBe(8);
    expect(summary.threadsNotFetched).toBe(0);
    expect(summary.skipped.map((s) => s.source).sort()).toEqual([...flaky].map((id) => `thread ${id}`));
    expect(reddit.threadPages()).toBe(8 + flaky.size * ATTEMPTS);
    store.close();
  });

  it('threads deleted since the search (404) answer: any number of them in a row stops nothing', async () => {
    // five threads search lists that Reddit answers 404 for, listed oldest, so they are fetched first and in a row
    const gone = Array.from({ length: 5 }, (_, i) => ({ id: `gone${i}`, subreddit: 'technology', createdUtc: WINDOW_FROM + 10 + i }));
    const reddit = serveReddit(() => undefined, [...gone, ...THREADS]);
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });

    expect(summary.threadsFound).toBe(17);
    expect(summary.threadsFetched).toBe(12);
    expect(summary.threadsNotFetched).toBe(0);
    expect(summary.skipped.map((s) => s.reason)).toEqual(gone.map((g) => expect.stringMatching(new RegExp(`status code 404: GET /comments/${g.id}`))));
    store.close();
  });

  it('threads answered with JSON we cannot read are answers: four of them in a row stop nothing', async () => {
    const bad = new Set(['thr100', 'thr101', 'thr102', 'thr103']);
    const reddit = serveReddit((id) => (bad.has(id) ? 'unreadable' : undefined));
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });

    expect(summary.threadsFetched).toBe(8);
    expect(summary.threadsNotFetched).toBe(0);
    expect(summary.skipped).toHaveLength(4);
    for (const s of summary.skipped) expect(s).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/subreddit/) });
    // not retried: one request each
    expect(reddit.threadPages()).toBe(12);
    store.close();
  });
});

describe('Reddit down on a night whose re-checks are due', () => {
  it('makes no re-check of Reddit tonight: the comments due stay withheld and the next run re-checks them', async () => {
    let down = false;
    const reddit = serveReddit(() => (down ? 'status-503' : undefined));
    let infos = 0;
    const handle = reddit.fake.handle.bind(reddit.fake);
    reddit.fake.handle = async (method, url, headers, body) => {
      if (url.pathname === '/api/info') infos++;
      return handle(method, url, headers, body);
    };
    const store = Store.open(':memory:');
    const first = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });
    expect(first.threadsFetched).toBe(12);
    // a day later every stored comment is due for its deletion re-check, and the thread pages get no answer
    const later = { now: () => reddit.ctx.now() + 86_400 };
    down = true;
    infos = 0;
    const next = await collectEvent(EVENT, reddit.source, store, later, { concurrency: 1 });
    expect(next.threadsNotFetched).toBe(12 - UNANSWERED_FETCHES_TO_STOP);
    // before: the re-check asked Reddit anyway, spending its own give-up schedule on the same outage
    expect(infos).toBe(0);
    const notMade = next.skipped.filter((r) => r.source === 'deletion re-check');
    expect(notMade).toEqual([
      {
        source: 'deletion re-check',
        record: '(request)',
        reason: 'not made tonight: reddit looks down (3 thread fetches in a row got no answer) and the re-check asks it too; the next run re-checks',
        kind: 'incomplete',
      },
    ]);
    expect(next.commentsUnconfirmed).toBeGreaterThan(0);

    // Reddit is back: the next night fetches the threads again, which confirms their comments
    down = false;
    const after = await collectEvent(EVENT, reddit.source, store, later, { concurrency: 1 });
    expect(after.skipped).toEqual([]);
    expect(after.commentsUnconfirmed).toBe(0);
    store.close();
  });
});

describe('a stored thread the search now lists as removed, whose refetch gets no answer', () => {
  it('is purged tonight all the same: the listing said so, whether or not its comments could be fetched again', async () => {
    let down = false;
    const reddit = serveReddit(() => (down ? 'status-503' : undefined));
    const store = Store.open(':memory:');
    const first = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });
    expect(first.threadsFetched).toBe(12);
    expect(store.getThread('thr100')).toMatchObject({ status: 'live', title: expect.stringMatching(/\S/) });

    // the next night the threads are still young enough to refetch, the listing shows thr100 removed by moderators,
    // and the thread pages get no answer
    reddit.fake.edits.set('thr100', 'removed');
    down = true;
    const next = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });
    expect(next.threadsFetched).toBe(0);
    // before: it stayed live, title and text kept, until a night whose refetch got an answer
    expect(store.getThread('thr100')).toMatchObject({ status: 'removed', title: '', selftext: '' });
    expect(store.getThread('thr101')).toMatchObject({ status: 'live' });
    expect(next.threadsUpdated).toBe(1);
    store.close();
  });
});

describe("a stored thread the search now lists with its poster's account deleted, whose refetch gets no answer", () => {
  it('loses its author tonight all the same, as a thread not due for a refetch does: --with-authors never names it', async () => {
    let down = false;
    const reddit = serveReddit(() => (down ? 'status-503' : undefined));
    const store = Store.open(':memory:');
    await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });
    expect(store.getThread('thr100')).toMatchObject({ status: 'live', author: 'poster' });

    // the next night the listing shows thr100 live, its text intact, its author `[deleted]`; the thread pages get no answer
    reddit.fake.edits.set('thr100', 'account-deleted');
    down = true;
    const next = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });
    expect(next.threadsFetched).toBe(0);
    // before: it kept naming its poster until a night whose refetch got an answer
    expect(store.getThread('thr100')).toMatchObject({ status: 'live', author: '[deleted]', selftext: 'What do you think?' });
    expect(store.getThread('thr101')).toMatchObject({ status: 'live', author: 'poster' });
    store.close();
  });
});

describe('a thread whose /api/morechildren Reddit answers with errors', () => {
  it('is an answer, refusing that thread: every thread so in a row stops nothing', async () => {
    const reddit = serveReddit(() => undefined, undefined, { errors: [['INVALID_ID', 'that is not a valid id', 'children']] });
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, reddit.source, store, reddit.ctx, { concurrency: 1 });

    expect(summary.threadsNotFetched).toBe(0);
    expect(summary.skipped).toHaveLength(12);
    for (const s of summary.skipped) expect(s.reason).toMatch(/answered with errors: .*INVALID_ID/);
    expect(reddit.threadPages()).toBe(12);
    store.close();
  });
});

describe('the Arctic Shift archive goes down after the search answered', () => {
  const POSTS = Array.from({ length: 12 }, (_, i) => post(`p${i}`, FROM + 10 + i));

  function serveArchive(outage: Outage | 'p3-hangs') {
    let now = TO + 30 * 86_400;
    const source = createArcticShiftSource({
      baseUrl: BASE,
      // simulated time: a wait moves the clock on
      sleep: async (ms) => {
        now += ms / 1000;
      },
    });
    let commentSearches = 0;
    nock(BASE).get('/api/posts/search').query(true).reply(200, answer(POSTS)).get('/api/posts/search').query(true).reply(200, answer([]));
    const comments = nock(BASE).persist().get('/api/comments/search').query(true);
    const pages = new Map<string, number>();
    if (outage === 'p3-hangs') {
      // p3 gets no answer (until its request is aborted, or for a long while); the others time out
      comments.reply(async (uri) => {
        commentSearches++;
        const id = new URL(uri, BASE).searchParams.get('link_id')!;
        pages.set(id, (pages.get(id) ?? 0) + 1);
        if (id === 'p3') {
          // only a fallback, so that a fetch that is never stopped fails the test instead of hanging it
          if (pages.get(id) === 1) await new Promise((resolve) => setTimeout(resolve, 3000));
          return [503, '<html><head><title>Arctic Shift is down</title></head></html>', { 'content-type': 'text/html' }];
        }
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      });
    } else if (outage === 'status-503') {
      comments.reply(() => {
        commentSearches++;
        return [503, '<html><head><title>Arctic Shift is down</title></head></html>', { 'content-type': 'text/html' }];
      });
    } else {
      // thrown from an async reply, so nock fails the request with it (as a connection error), not the test
      comments.reply(async () => {
        commentSearches++;
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      });
    }
    return { source, ctx: { now: () => now }, requests: () => commentSearches, pages };
  }

  it('a thread fetch still under way when the third failure comes is stopped at once, and recorded as not fetched', async () => {
    const archive = serveArchive('p3-hangs');
    const store = Store.open(':memory:');
    const summary = await collectEvent(makeEvent(), archive.source, store, archive.ctx, { concurrency: 4 });

    // before: p3 waited for its answer, then spent its 5 attempts, and was one more failed request
    expect(archive.pages.get('p3')).toBeLessThan(ATTEMPTS);
    expect(summary.skipped.filter((s) => s.record === '(request)')).toHaveLength(UNANSWERED_FETCHES_TO_STOP);
    expect(summary.skipped.filter((s) => s.record === '(not fetched)').map((s) => s.source)).toContain('thread p3');
    expect(summary.threadsNotFetched).toBe(12 - UNANSWERED_FETCHES_TO_STOP);
    store.close();
  }, 10_000);

  for (const outage of ['status-503', 'timed-out'] as const) {
    it(`${outage}: three thread fetches spend their retries, the other nine are not fetched`, async () => {
      const archive = serveArchive(outage);
      const store = Store.open(':memory:');
      const summary = await collectEvent(makeEvent(), archive.source, store, archive.ctx, { concurrency: 1 });

      expect(summary.threadsFound).toBe(12);
      // before: 12 threads × 5 attempts = 60 requests, about 5 minutes of retries each
      expect(archive.requests()).toBe(UNANSWERED_FETCHES_TO_STOP * ATTEMPTS);
      expect(summary.threadsNotFetched).toBe(12 - UNANSWERED_FETCHES_TO_STOP);
      const notFetched = summary.skipped.filter((s) => s.record === '(not fetched)');
      expect(notFetched.map((s) => s.source)).toEqual(POSTS.slice(UNANSWERED_FETCHES_TO_STOP).map((p) => `thread ${p.id as string}`));
      expect(notFetched[0]!.reason).toMatch(/^not fetched: 3 thread fetches in a row got no answer from arctic-shift after their retries/);
      store.close();
    });
  }
});
