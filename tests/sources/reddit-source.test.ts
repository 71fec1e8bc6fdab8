import { afterEach, describe, expect, it } from 'vitest';
import { collectEvent } from '../../src/collect/collect-event.js';
import nock from 'nock';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialsError, RateLimitError, RefusedRequestError, SchemaError, SourceError, StoreError } from '../../src/errors/errors.js';
import { isNoAnswer } from '../../src/sources/count-search-failures.js';
import { readUnconfirmedComments } from '../../src/collect/unconfirmed-comments.js';
import { runEvent } from '../../src/pipeline/run-event.js';
import type { RedditApi } from '../../src/reddit/reddit-api.js';
import { infoListingSchema, searchListingSchema } from '../../src/reddit/reddit-schemas.js';
import { createRedditApiSource } from '../../src/sources/reddit-api-source.js';
import { createRedditSource } from '../../src/sources/reddit-source.js';
import type { ProgressEvent } from '../../src/sources/source.js';
import { Store } from '../../src/store/store.js';
import type { EventConfig, TagOutcome } from '../../src/types.js';
import { buildReport } from '../../src/report/build-report.js';
import { formatUtcDateTime } from '../../src/report/format-values.js';
import { loadReportInput } from '../helpers/load-report-input.js';
import { taggerOf } from '../../src/tag/tagger-of.js';
import { makeThread } from '../helpers/make-domain.js';

const NO_TAGS: TagOutcome['tags'] = {
  cynicism: { score: 0.1, label: false, cues: [] },
  distrust: { score: 0.1, label: false, cues: [] },
  bubble_caution: { score: 0.1, label: false, cues: [] },
};
import {
  createVirtualClock,
  FakeReddit,
  generateSyntheticThread,
  mountFakeReddit,
  TEST_ENV,
  type Fault,
  type FakeRedditOptions,
} from '../helpers/synthetic-thread.js';
import { describeSourceContract } from './source-contract.js';

const WINDOW_FROM = 1_766_000_000;
const THREADS = [
  generateSyntheticThread({ id: 'th1aaa', comments: 300, seed: 1, subreddit: 'technology', createdUtc: WINDOW_FROM + 1000 }),
  generateSyntheticThread({ id: 'th2bbb', comments: 1200, seed: 2, subreddit: 'stocks', createdUtc: WINDOW_FROM + 5000 }),
  generateSyntheticThread({ id: 'th3ccc', comments: 800, seed: 3, subreddit: 'technology', createdUtc: WINDOW_FROM + 9000 }),
];
// Outside the window: found by search, must be dropped.
const OLD = generateSyntheticThread({ id: 'oldddd', comments: 5, seed: 4, subreddit: 'stocks', createdUtc: WINDOW_FROM - 10 });

const EVENT: EventConfig = {
  id: 'synthetic-event',
  title: 'Synthetic',
  description: 'Synthetic event served by a fake Reddit',
  window: { from: WINDOW_FROM, to: WINDOW_FROM + 86_400 },
  queries: ['openai'],
  subreddits: ['technology', 'stocks'],
  seedThreads: [], bots: [],
  configHash: 'test',
};

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function setUp(fakeOptions: Partial<FakeRedditOptions> = {}) {
  const clock = createVirtualClock((WINDOW_FROM + 2 * 86_400) * 1000);
  const fake = new FakeReddit({ threads: [...THREADS, OLD], now: clock.now, rateLimit: { perWindow: 1000, windowSeconds: 600 }, ...fakeOptions });
  unmount?.();
  unmount = mountFakeReddit(fake);
  const source = createRedditSource(TEST_ENV, { clock, random: () => 0.5, retry: { timeoutMs: 1500, baseDelayMs: 1000 } });
  const now = () => Math.floor(clock.now() / 1000);
  return { clock, fake, source, now };
}

/** The store as a comparable snapshot (fetch times excluded: they move with simulated waits). */
function snapshot(store: Store): string[] {
  return store
    .listComments(EVENT.id)
    .map((c) => [c.id, c.threadId, c.parentId, c.depth, c.status, c.body, c.author, c.score].join('|'))
    .sort();
}

async function collectOnce(fakeOptions: Partial<FakeRedditOptions> = {}, faults: Array<[Fault, string]> = [], concurrency = 3) {
  const { fake, source, now } = setUp(fakeOptions);
  for (const [fault, path] of faults) fake.injectFault(fault, (p) => p.startsWith(path));
  const store = Store.open(':memory:');
  const summary = await collectEvent(EVENT, source, store, { now }, { concurrency });
  // Every injected fault was actually served.
  expect(fake.pendingFaults).toBe(0);
  return { fake, source, store, summary };
}

describeSourceContract('reddit (live client over nock)', () => {
  const { source, now } = setUp();
  return { source, event: EVENT, now, unknownThreadId: 'nothere', maxThreads: 3 };
});

describe('reddit source: collecting', () => {
  it('stores every comment of every thread in the window, once, with no 429', async () => {
    const { fake, store, summary, source } = await collectOnce();
    expect(summary.skipped).toEqual([]);
    expect(summary.threadsFound).toBe(3);
    expect(summary.commentsNew).toBe(2300);
    expect(store.countEvent(EVENT.id).comments).toBe(2300);
    expect(store.getThread(OLD.id)).toBeUndefined();
    expect(fake.stats.maxConcurrentMoreChildren).toBe(1);
    expect(fake.stats.rateLimited).toBe(0);
    const stats = source.stats();
    expect(stats.requests).toBe(fake.stats.requests + fake.stats.tokenRequests); // token requests are requests too
    expect(stats.rateLimited).toBe(0);
  });

  it('tells progress which waits are rate limits and which are retry backoffs', async () => {
    const { fake, source, now } = setUp();
    fake.injectFault('503', (p) => p.startsWith('/r/technology/search'));
    fake.injectFault('429', (p) => p.startsWith('/r/stocks/search'));
    const waits: Array<[string, string]> = [];
    const progress = (e: ProgressEvent): void => void (e.kind === 'wait' && waits.push([e.cause, e.reason]));
    await collectEvent(EVENT, source, Store.open(':memory:'), { now, progress });
    expect(fake.pendingFaults).toBe(0);
    expect(waits).toContainEqual(['retry', expect.stringMatching(/^retrying \/r\/technology\/search after: .*503/)]);
    expect(waits).toContainEqual(['rate-limit', '429 from Reddit on /r/stocks/search']);
    for (const [cause, reason] of waits) expect(reason.startsWith('retrying ')).toBe(cause === 'retry');
  });

  it("tells progress how far a big thread's morechildren phase and the deletion re-check have got, as they go", async () => {
    const { clock, source, now } = setUp();
    const store = Store.open(':memory:');
    const events: ProgressEvent[] = [];
    const progress = (e: ProgressEvent): void => void events.push(e);
    await collectEvent(EVENT, source, store, { now, progress }, { concurrency: 1 });
    const big = events.flatMap((e) => (e.kind === 'comments' && e.threadId === 'th2bbb' ? [e.comments] : []));
    expect(big.length).toBeGreaterThan(2); // the first page, then each morechildren answer
    expect(big).toEqual([...big].sort((a, b) => a - b));
    expect(big[0]).toBeLessThan(1200);
    const done = events.findIndex((e) => e.kind === 'thread' && e.threadId === 'th2bbb');
    expect(events.findLastIndex((e) => e.kind === 'comments' && e.threadId === 'th2bbb')).toBeLessThan(done);
    expect(big.at(-1)).toBe((events[done] as { comments: number }).comments);

    await clock.sleep(2 * 86_400_000);
    events.length = 0;
    const summary = await collectEvent(EVENT, source, store, { now, progress }, { activeForSeconds: 0 });
    const rechecks = events.flatMap((e) => (e.kind === 'recheck' ? [[e.comments, e.of]] : []));
    const due = store.listLiveCommentIds(EVENT.id).length;
    expect(rechecks).toHaveLength(Math.ceil(due / 100)); // one per answer, each after its request
    expect(rechecks[0]).toEqual([100, due]);
    expect(rechecks.at(-1)).toEqual([summary.commentsRechecked, due]);
  });

  it('is incremental: a second run duplicates nothing and updates scores', async () => {
    const { fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const first = snapshot(store);
    THREADS[0]!.comments[5]!.score += 10;
    try {
      const again = await collectEvent(EVENT, source, store, { now });
      expect(again.commentsNew).toBe(0);
      expect(again.commentsUpdated).toBeGreaterThanOrEqual(1);
      expect(store.countEvent(EVENT.id).comments).toBe(first.length);
      expect(fake.stats.rateLimited).toBe(0);
    } finally {
      THREADS[0]!.comments[5]!.score -= 10;
    }
  });

  it('paces from x-ratelimit-* headers running down to 0: waits for the reset instead of getting a 429', async () => {
    const { fake, source, store, summary } = await collectOnce({ rateLimit: { perWindow: 20, windowSeconds: 60 } });
    expect(summary.skipped).toEqual([]);
    expect(store.countEvent(EVENT.id).comments).toBe(2300);
    expect(fake.stats.requests).toBeGreaterThan(40);
    expect(fake.stats.rateLimited).toBe(0);
    expect(source.stats().waitMs).toBeGreaterThanOrEqual(60_000);
  });

  it('renews the token before it expires (no 401 on a long run)', async () => {
    // One request at a time: in simulated time another request's wait would jump the clock past expiry mid-flight.
    // (Reddit's own 600 s window: the client does not believe a longer reset, so a longer fake window would mean 429s.)
    const { fake } = await collectOnce({ rateLimit: { perWindow: 20, windowSeconds: 600 }, tokenLifetimeSeconds: 900 }, [], 1);
    expect(fake.stats.tokenRequests).toBeGreaterThanOrEqual(2);
    expect(fake.stats.unauthorized).toBe(0);
  });

  it('honours Retry-After on a 429 and counts it', async () => {
    const { source, summary, store } = await collectOnce({}, [['429', '/api/morechildren']]);
    expect(summary.skipped).toEqual([]);
    expect(store.countEvent(EVENT.id).comments).toBe(2300);
    expect(source.stats().rateLimited).toBe(1);
    expect(source.stats().waitMs).toBeGreaterThanOrEqual(3000);
  });

  it('tolerates unknown extra fields', async () => {
    const { store, summary } = await collectOnce({ variant: 'extra-fields' });
    expect(summary.skipped).toEqual([]);
    expect(store.countEvent(EVENT.id).comments).toBe(2300);
  });

  it('tolerates missing optional fields (score, edited, stickied, depth, permalink …)', async () => {
    const baseline = await collectOnce();
    const { store, summary } = await collectOnce({ variant: 'minimal-fields' });
    expect(summary.skipped).toEqual([]);
    const shape = (s: Store) => s.listComments(EVENT.id).map((c) => `${c.id}|${c.parentId}|${c.depth}|${c.body}`).sort();
    expect(shape(store)).toEqual(shape(baseline.store));
  });

  it('purges comments found deleted or removed on re-check via /api/info', async () => {
    const { fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const victims = THREADS[1]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]').slice(10, 16);
    victims.forEach((c, i) => fake.edits.set(c.id, i % 2 === 0 ? 'deleted' : 'removed'));
    const infoBefore = fake.stats.info;
    // Checked moments ago: a nightly run does not re-check them again (that would cost a request per 100 comments).
    const skippedCheck = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });
    expect(fake.stats.info - infoBefore).toBe(0);
    expect(skippedCheck.commentsPurged).toBe(0);
    // activeForSeconds 0: nothing is refetched, so only the re-check can see the deletions.
    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect(summary.threadsFetched).toBe(0);
    expect(fake.stats.info - infoBefore).toBe(Math.ceil(store.countEvent(EVENT.id).live / 100) + (victims.length > 0 ? 0 : 0));
    expect(summary.commentsPurged).toBe(victims.length);
    for (const [i, c] of victims.entries()) {
      const stored = store.getComment(c.id)!;
      expect(stored.status).toBe(i % 2 === 0 ? 'deleted' : 'removed');
      expect(stored.body).toBe('');
      expect(stored.author).toBeNull();
    }
  });
});

describe('reddit source: a thread deleted or removed after its first fetch', () => {
  /** The report's view of the store: titles in the thread list, the titles beside quotes (one comment of each thread tagged). */
  const reportTitles = (store: Store) => {
    // the synthetic threads share their texts (screened out as duplicates): one comment of each gets its own
    const picked = THREADS.map((t) => ({ id: t.comments.find((c, i) => i > 0 && c.body !== '[deleted]' && c.body !== '[removed]')!.id, body: `Circular financing, thread ${t.id}. What could go wrong.`, editedUtc: 1 }));
    store.applyCheckedTexts(picked);
    const texts = new Set(picked.map((p) => p.body));
    const some = taggerOf('some', (text) => ({ tags: texts.has(text) ? { ...NO_TAGS, cynicism: { score: 0.9, label: true, cues: [] } } : NO_TAGS }));
    const report = buildReport(loadReportInput(store, EVENT, some, { withAuthors: false }).input);
    return {
      listed: new Map(report.threads.map((t) => [t.id, t.title])),
      quoted: new Map([...report.quotes.highlights, ...report.quotes.byTag.cynicism].map((q) => [q.threadId, q.threadTitle])),
    };
  };

  it('is purged when tonight\'s search listing shows it gone, though its comments did not change (no refetch)', async () => {
    const { fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const [removed, deleted, kept] = THREADS.map((t) => t.id) as [string, string, string];
    expect(reportTitles(store).listed.get(removed)).toBe(THREADS[0]!.title);
    fake.edits.set(removed, 'removed');
    fake.edits.set(deleted, 'deleted');

    // activeForSeconds 0: old threads with unchanged comment counts are not refetched; only the listing says they are gone
    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });

    expect(summary.threadsFetched).toBe(0);
    expect(summary.threadsUpdated).toBe(2);
    expect(store.getThread(removed)).toMatchObject({ status: 'removed', title: '', selftext: '', author: null, permalink: `https://www.reddit.com/r/technology/comments/${removed}/` });
    expect(store.getThread(deleted)).toMatchObject({ status: 'deleted', title: '', selftext: '', author: null, url: `https://www.reddit.com/r/stocks/comments/${deleted}/` });
    expect(store.getThread(kept)).toMatchObject({ status: 'live', title: THREADS[2]!.title, author: 'poster' });
    // its comments keep their own status: Reddit still shows them under the removed post
    expect(store.getComment(THREADS[0]!.comments.find((c) => c.body !== '[deleted]' && c.body !== '[removed]')!.id)?.status).toBe('live');
    // the report never shows a purged thread's title, in its thread list or beside a quote of a comment under it
    const { listed, quoted } = reportTitles(store);
    expect([...quoted.keys()].sort()).toEqual([removed, deleted, kept].sort());
    for (const id of [removed, deleted]) expect([listed.get(id), quoted.get(id)]).toEqual(['', '']);
    expect([listed.get(kept), quoted.get(kept)]).toEqual([THREADS[2]!.title, THREADS[2]!.title]);

    // purged once, purged for good: a later night changes nothing
    const again = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });
    expect(again.threadsUpdated).toBe(0);
  });

  it('is purged when the re-check asks /api/info about a stored thread search no longer lists', async () => {
    const { fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const [gone, unlisted] = [THREADS[1]!.id, THREADS[2]!.id];
    fake.searchOmitted.add(gone);
    fake.searchOmitted.add(unlisted);
    fake.edits.set(gone, 'removed');
    const infoBefore = fake.stats.info;

    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });

    expect(summary.threadsFound).toBe(1);
    expect(summary.threadsUpdated).toBe(1);
    expect(summary.skipped).toEqual([]);
    expect(fake.stats.info - infoBefore).toBe(1); // one request for both unlisted threads
    expect(store.getThread(gone)).toMatchObject({ status: 'removed', title: '', selftext: '', author: null });
    expect(store.getThread(unlisted)).toMatchObject({ status: 'live', title: THREADS[2]!.title });
    // with the re-check off, nothing is asked
    await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheck: false });
    expect(fake.stats.info - infoBefore).toBe(1);
  });
});

describe('reddit source: a thread whose poster deleted their account', () => {
  // Reddit serves such a post with its title and text as they were and the author `[deleted]`: the content was not
  // deleted, so it is not purged; only the name goes (and with it the profile a --with-authors report would name)
  it('stays live with its title and text, and loses its poster\'s name, whether a listing, the re-check or a refetch shows it so', async () => {
    const { fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const [listed, unlisted, refetched] = THREADS as [(typeof THREADS)[number], (typeof THREADS)[number], (typeof THREADS)[number]];
    for (const t of THREADS) expect(store.getThread(t.id)).toMatchObject({ status: 'live', author: 'poster' });
    fake.edits.set(listed.id, 'account-deleted');
    fake.edits.set(unlisted.id, 'account-deleted');
    fake.searchOmitted.add(unlisted.id);

    // no refetch: tonight's listing shows the first so, the re-check (/api/info) the one search no longer lists
    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });

    expect(summary.threadsFetched).toBe(0);
    expect(summary.threadsUpdated).toBe(0);
    for (const t of [listed, unlisted]) {
      expect(store.getThread(t.id)).toMatchObject({ status: 'live', title: t.title, selftext: 'What do you think?', author: '[deleted]' });
      expect(store.getThread(t.id)?.permalink).toContain('/synthetic/');
    }
    expect(store.getThread(refetched.id)).toMatchObject({ status: 'live', author: 'poster' });

    // a refetch says the same
    fake.edits.set(refetched.id, 'account-deleted');
    fake.searchOmitted.clear();
    await collectEvent(EVENT, source, store, { now });
    expect(store.getThread(refetched.id)).toMatchObject({ status: 'live', title: refetched.title, author: '[deleted]' });
    // and an older copy naming the poster (an archive, a dump) does not bring the name back
    store.saveItems(EVENT.id, { threads: [{ ...store.getThread(refetched.id)!, author: 'poster' }], comments: [] }, { confirmsLive: false });
    expect(store.getThread(refetched.id)?.author).toBe('[deleted]');
    expect(store.db.prepare("SELECT COUNT(*) FROM threads WHERE author = 'poster'").pluck().get()).toBe(0);
  });
});

describe('reddit source: a thread re-check stopped half way (Ctrl-C)', () => {
  it('keeps the threads the answered batches found gone (purged), and the next run asks only about the live rest', async () => {
    const { fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    // 150 more stored threads of the event that search no longer lists: the re-check asks about 152, in id order, in
    // two batches; the removed thread (th1aaa) is in the first
    for (let i = 0; i < 150; i++) {
      const id = `tz${String(i).padStart(3, '0')}`;
      store.saveThreadBundle(EVENT.id, { thread: makeThread({ id }), comments: [], expected: 0, collected: 0 });
    }
    const [gone, unlisted] = [THREADS[0]!.id, THREADS[2]!.id];
    fake.searchOmitted.add(gone);
    fake.searchOmitted.add(unlisted);
    fake.edits.set(gone, 'removed');

    const stop = new AbortController();
    let infoRequests = 0;
    const progress = (e: ProgressEvent) => {
      if (e.kind === 'request' && e.path === '/api/info' && ++infoRequests === 2) stop.abort(new Error('SIGINT'));
    };
    const infoBefore = fake.stats.info;
    await expect(collectEvent(EVENT, source, store, { now, progress, signal: stop.signal }, { activeForSeconds: 0 })).rejects.toThrow('SIGINT');
    expect(fake.stats.info - infoBefore).toBe(1);
    expect(store.getThread(gone)).toMatchObject({ status: 'removed', title: '', selftext: '', author: null });
    expect(store.getThread(unlisted)).toMatchObject({ status: 'live', title: THREADS[2]!.title });

    const resumed = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });
    expect(resumed.threadsUpdated).toBe(0); // already purged: not counted again
    expect(store.listLiveThreadIds(EVENT.id)).not.toContain(gone);
  });
});

describe('reddit source: comments skipped as unreadable when their thread was fetched', () => {
  it('leave the thread to be fetched again, so they are collected once Reddit serves them readable; a comment that stays broken stops costing refetches after three', async () => {
    const { clock, fake, source, now } = setUp();
    const thread = THREADS[0]!;
    const [fixed, broken] = thread.comments.filter((c, i) => i > 0 && c.body !== '[deleted]' && c.body !== '[removed]').slice(5, 7) as [(typeof thread.comments)[number], (typeof thread.comments)[number]];
    fake.commentPatches.set(fixed.id, { score: 'oops' });
    fake.commentPatches.set(broken.id, { created_utc: null });
    const store = Store.open(':memory:');
    const night = async () => {
      await clock.sleep(86_400_000);
      // activeForSeconds 0: only the unreadable comments can bring a thread back (it is old, its count unchanged)
      return collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });
    };

    const first = await collectEvent(EVENT, source, store, { now });
    expect(first.skipped.map((r) => [r.record, r.kind]).sort()).toEqual([[`comment ${fixed.id}`, 'invalid'], [`comment ${broken.id}`, 'invalid']].sort());
    expect(first.skipped.find((r) => r.record === `comment ${fixed.id}`)!.reason).toMatch(/data\.score.*; the thread is fetched again next run to collect it \(fetch 1 of 3\)$/);
    expect(store.getThreadState(thread.id)).toMatchObject({ complete: false, unreadableFetches: 1 });
    expect(store.getComment(fixed.id)).toBeUndefined();

    // Reddit serves one of them readable again: it arrives; the comments stored already are not news
    fake.commentPatches.delete(fixed.id);
    const second = await night();
    expect([second.threadsFetched, second.commentsNew, second.commentsUpdated]).toEqual([1, 1, 0]);
    expect(store.getComment(fixed.id)).toMatchObject({ status: 'live', body: fixed.body });
    expect(second.skipped.map((r) => r.record)).toEqual([`comment ${broken.id}`]);
    expect(store.getThreadState(thread.id)).toMatchObject({ complete: false, unreadableFetches: 2 });

    // the other stays broken: the third fetch in a row is the last, and says so
    const third = await night();
    expect(third.threadsFetched).toBe(1);
    expect(third.skipped).toEqual([{ source: `/comments/${thread.id}`, record: `comment ${broken.id}`, reason: expect.stringMatching(/not fetched again for it \(3 fetches in a row could not read it\)/), kind: 'invalid' }]);
    expect(store.getThreadState(thread.id)).toMatchObject({ complete: true, unreadableFetches: 3 });

    // from then on a nightly run leaves the thread alone: exit 0, not an exit 2 every night
    const fourth = await night();
    expect([fourth.threadsFetched, fourth.skipped]).toEqual([0, []]);
  });

  it('each skip record says whether its comment is newly unreadable or still unreadable since an earlier fetch', async () => {
    const { clock, fake, source, now } = setUp();
    const thread = THREADS[0]!;
    const [old, young] = thread.comments.filter((c, i) => i > 0 && c.body !== '[deleted]' && c.body !== '[removed]').slice(5, 7) as [(typeof thread.comments)[number], (typeof thread.comments)[number]];
    fake.commentPatches.set(old.id, { created_utc: null });
    const store = Store.open(':memory:');
    const night = async () => {
      await clock.sleep(86_400_000);
      return collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });
    };
    const reasonOf = (summary: { skipped: Array<{ record: string; reason: string }> }, id: string) => summary.skipped.find((r) => r.record === `comment ${id}`)?.reason;

    const first = await collectEvent(EVENT, source, store, { now });
    expect(reasonOf(first, old.id)).toMatch(/data\.created_utc.*; newly unreadable; the thread is fetched again next run to collect it \(fetch 1 of 3\)$/);
    const firstSeen = store.listUnreadableRecords(thread.id).get(`comment ${old.id}`)!;
    expect(firstSeen).toBeGreaterThan(0);

    // the next night the same comment is still broken, and another one breaks: only that one is news
    fake.commentPatches.set(young.id, { score: 'oops' });
    const second = await night();
    expect(reasonOf(second, old.id)).toMatch(new RegExp(`; still unreadable since ${formatUtcDateTime(firstSeen)}; the thread is fetched again next run to collect it \\(fetch 2 of 3\\)$`));
    expect(reasonOf(second, young.id)).toMatch(/; newly unreadable; the thread is fetched again/);
    expect(formatUtcDateTime(firstSeen)).not.toBe(formatUtcDateTime(now()));

    // one is served readable again: it drops off the list, the other keeps its first night
    fake.commentPatches.delete(young.id);
    const third = await night();
    expect(third.skipped.map((r) => r.record)).toEqual([`comment ${old.id}`]);
    expect(reasonOf(third, old.id)).toMatch(new RegExp(`; still unreadable since ${formatUtcDateTime(firstSeen)}; the thread is not fetched again for it`));
    expect([...store.listUnreadableRecords(thread.id)]).toEqual([[`comment ${old.id}`, firstSeen]]);
  });

  it('a later fetch that reads every comment clears the count and the list of unreadable records', async () => {
    const store = Store.open(':memory:');
    const bundle = { thread: makeThread(), comments: [], expected: 1, collected: 0 };
    store.saveThreadBundle('ev', bundle, { complete: false, unreadableFetches: 2, unreadableRecords: new Map([['comment c9', 1_766_000_000]]) });
    expect(store.getThreadState('th1')).toMatchObject({ complete: false, unreadableFetches: 2 });
    expect([...store.listUnreadableRecords('th1')]).toEqual([['comment c9', 1_766_000_000]]);
    store.saveThreadBundle('ev', bundle);
    expect(store.getThreadState('th1')).toMatchObject({ complete: true, unreadableFetches: 0 });
    // so the next comment found unreadable there is news again
    expect(store.listUnreadableRecords('th1').size).toBe(0);
  });
});

describe('reddit source: an unreadable entry in a deletion re-check', () => {
  it('skips only that entry (naming the request, the comment and the field), purges the others, and asks about it again next time', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const collectedAt = now();
    await clock.sleep(3_600_000);
    const live = THREADS[1]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]');
    const victims = live.slice(10, 14);
    victims.forEach((c, i) => fake.edits.set(c.id, i % 2 === 0 ? 'deleted' : 'removed'));
    // still live on Reddit, but its entry does not parse: not confirmed live, so not marked checked
    const unreadable = live[20]!;
    fake.infoPatches.set(unreadable.id, { score: 'oops' });
    // deleted since, and its entry does not parse either: the body still says so, and it is purged
    const unreadableDeleted = live[21]!;
    fake.edits.set(unreadableDeleted.id, 'deleted');
    fake.infoPatches.set(unreadableDeleted.id, { created_utc: null });

    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });

    expect(summary.threadsFetched).toBe(0);
    // Reddit's answer, not the user's input: incomplete (a partial run, exit 4), not invalid (exit 2)
    expect(summary.skipped).toEqual([
      { source: '/api/info (deletion re-check)', record: `comment ${unreadable.id}`, reason: expect.stringMatching(/data\.score: .*number.*not quoted until a re-check confirms it/), kind: 'incomplete' },
      { source: '/api/info (deletion re-check)', record: `comment ${unreadableDeleted.id}`, reason: expect.stringMatching(/data\.created_utc/), kind: 'incomplete' },
    ]);
    expect(summary.commentsPurged).toBe(victims.length + 1);
    for (const c of [...victims, unreadableDeleted]) expect(store.getComment(c.id)).toMatchObject({ body: '', author: null });
    expect(store.getComment(victims[1]!.id)?.status).toBe('removed');
    expect(store.getComment(unreadableDeleted.id)?.status).toBe('deleted');
    // the unreadable live one keeps its text but is not confirmed: the next run re-checks it
    expect(store.getComment(unreadable.id)).toMatchObject({ status: 'live', body: unreadable.body });
    expect(store.listLiveCommentIds(EVENT.id, collectedAt)).toEqual([unreadable.id]);
    expect(store.getComment(live[22]!.id)?.statusCheckedAt).toBeGreaterThan(collectedAt);
  });

  it('a comment the re-check could not confirm is not quoted (it still counts) until a later re-check confirms it; only the first night is partial', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const bodies = THREADS.flatMap((t) => t.comments.map((c) => c.body));
    const unique = THREADS[1]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]' && bodies.indexOf(c.body) === bodies.lastIndexOf(c.body));
    const unreadable = unique[5]!;
    // only this comment is tagged, so it is the one quote the report can make
    const onlyIt = taggerOf('only-it', (text) => {
      const hit = text === unreadable.body;
      const score = { score: hit ? 0.9 : 0.1, label: hit, cues: [] };
      return { tags: { cynicism: score, distrust: score, bubble_caution: score } };
    });
    const quoted = (): string[] => {
      const report = buildReport(loadReportInput(store, EVENT, onlyIt, { withAuthors: false }).input);
      expect(report.shares.find((x) => x.tag === 'cynicism')?.count).toBe(1); // counted in the shares either way
      return [...report.quotes.highlights, ...report.quotes.byTag.cynicism].map((q) => q.commentId);
    };
    expect(quoted()).toContain(unreadable.id);

    fake.infoPatches.set(unreadable.id, { score: 'oops' });
    await clock.sleep(3_600_000);
    const night1 = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect(night1.skipped.map((r) => [r.record, r.kind])).toEqual([[`comment ${unreadable.id}`, 'incomplete']]);
    expect([night1.commentsUnconfirmed, night1.commentsNewlyUnconfirmed]).toEqual([1, 1]);
    expect(quoted()).toEqual([]);
    expect(buildReport(loadReportInput(store, EVENT, onlyIt, { withAuthors: false }).input).counts.unconfirmed).toBe(1);

    // Reddit keeps serving it unreadable: still not quoted, but no longer news, so not a skip record (the run is not partial)
    await clock.sleep(3_600_000);
    const night2 = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect(night2.skipped).toEqual([]);
    expect([night2.commentsUnconfirmed, night2.commentsNewlyUnconfirmed]).toEqual([1, 0]);
    expect(quoted()).toEqual([]);

    // a readable answer confirms it live: quotable again
    fake.infoPatches.delete(unreadable.id);
    await clock.sleep(3_600_000);
    const night3 = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect([night3.skipped, night3.commentsUnconfirmed]).toEqual([[], 0]);
    expect(quoted()).toContain(unreadable.id);
  });

  it('a comment left out of the answer is unconfirmed like an unreadable one: a skip record the first night only', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const omitted = THREADS[1]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]')[7]!;
    fake.infoOmitted.add(omitted.id);
    await clock.sleep(3_600_000);
    const night1 = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect(night1.skipped).toEqual([
      { source: '/api/info (deletion re-check)', record: `comment ${omitted.id}`, reason: expect.stringMatching(/left out of Reddit's answer .*not quoted until a re-check confirms it/), kind: 'incomplete' },
    ]);
    expect([night1.commentsUnconfirmed, night1.commentsNewlyUnconfirmed]).toEqual([1, 1]);
    expect([...readUnconfirmedComments(store).keys()]).toEqual([omitted.id]);

    await clock.sleep(3_600_000);
    const night2 = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect(night2.skipped).toEqual([]);
    expect([night2.commentsUnconfirmed, night2.commentsNewlyUnconfirmed]).toEqual([1, 0]);
  });

  it('with the re-check off, the summary still counts the comments withheld as unconfirmed, as the report does', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const unreadable = THREADS[1]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]')[9]!;
    fake.infoPatches.set(unreadable.id, { score: 'oops' });
    await clock.sleep(3_600_000);
    await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    const noRecheck = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheck: false });
    expect([noRecheck.commentsUnconfirmed, noRecheck.commentsNewlyUnconfirmed, noRecheck.skipped]).toEqual([1, 0, []]);
    const tagger = taggerOf('none', () => ({ tags: NO_TAGS }));
    expect(buildReport(loadReportInput(store, EVENT, tagger, { withAuthors: false }).input).counts.unconfirmed).toBe(1);
  });

  it("a damaged list left by the upgrade stops the collection before any request; the remedy it names (delete the row, collect) rebuilds it", async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const unreadable = THREADS[1]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]')[5]!;
    fake.infoPatches.set(unreadable.id, { score: 'oops' });
    await clock.sleep(3_600_000);
    await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect([...readUnconfirmedComments(store).keys()]).toEqual([unreadable.id]);

    // what an upgrade to schema 9 leaves of a damaged list: the row, and nothing in the table
    store.db.prepare('DELETE FROM unconfirmed_comments').run();
    store.db.prepare("INSERT INTO cursors (key, value, updated_at) VALUES ('recheck:unconfirmed', 'null', 1)").run();
    const searchesBefore = fake.stats.search;
    await expect(collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 })).rejects.toThrow(StoreError);
    expect(fake.stats.search).toBe(searchesBefore);

    store.db.prepare("DELETE FROM cursors WHERE key = 'recheck:unconfirmed'").run();
    await clock.sleep(3_600_000);
    // default re-check age: the unconfirmed comment was never marked checked, so it is asked again
    await collectEvent(EVENT, source, store, { now: () => now() + 86_400 }, { activeForSeconds: 0 });
    expect([...readUnconfirmedComments(store).keys()]).toEqual([unreadable.id]);
  });

  it('skips only an unreadable seed thread, not the others asked with it', async () => {
    const seed = (id: string, extra: Record<string, unknown> = {}) => ({
      kind: 't3',
      data: { id, subreddit: 'stocks', title: `Seed ${id}`, permalink: `/r/stocks/comments/${id}/s/`, created_utc: WINDOW_FROM + 100, ...extra },
    });
    const api: RedditApi = {
      search: () => Promise.resolve(searchListingSchema.parse({ kind: 'Listing', data: { after: null, children: [] } })),
      comments: () => Promise.reject(new Error('not used')),
      moreChildren: () => Promise.reject(new Error('not used')),
      info: () => Promise.resolve(infoListingSchema.parse({ kind: 'Listing', data: { after: null, children: [seed('s1'), seed('s2', { permalink: 7 }), seed('s3')] } })),
      stats: () => ({ requests: 0, rateLimited: 0, waitMs: 0 }),
    };
    const found = await createRedditApiSource('test', api).findThreads({ ...EVENT, seedThreads: ['s1', 's2', 's3'] }, { now: () => WINDOW_FROM + 86_400 });
    expect(found.threads.map((t) => t.id)).toEqual(['s1', 's3']);
    expect(found.skipped).toEqual([{ source: '/api/info?id=s1,s2,s3', record: 'thread s2', reason: expect.stringMatching(/data\.permalink/), kind: 'invalid' }]);
  });
});

describe('reddit source: an edit seen by the deletion re-check', () => {
  it('replaces the stored text and edit time, drops the old tag results, and counts it as updated', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const live = THREADS[1]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]');
    const [edited, untouched] = [live[30]!, live[31]!];
    store.saveTags([edited, untouched].map((c) => ({ commentId: c.id, tagger: 't1', body: c.body, tags: NO_TAGS })), now());
    await clock.sleep(3_600_000);
    const editedAt = now() - 60;
    const withdrawn = 'EDIT: I no longer stand by this comment.';
    fake.infoPatches.set(edited.id, { body: withdrawn, edited: editedAt });

    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });

    expect(summary.threadsFetched).toBe(0);
    expect(summary.commentsUpdated).toBe(1);
    expect(store.getComment(edited.id)).toMatchObject({ status: 'live', body: withdrawn, editedUtc: editedAt, statusCheckedAt: now() });
    expect(store.getComment(untouched.id)).toMatchObject({ body: untouched.body, editedUtc: null, statusCheckedAt: now() });
    // the old result (cue snippets of the withdrawn words) is gone, so the tag stage tags the new text
    expect(store.db.prepare('SELECT comment_id FROM tags ORDER BY comment_id').pluck().all()).toEqual([untouched.id]);
  });
});

describe('reddit source: an account deleted since its comment was collected', () => {
  it('loses its name in the store at the re-check (the text stays live), and an older copy naming it does not bring it back', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    // of the first thread: the later threads repeat its texts, and a copy is screened out as a duplicate
    const live = THREADS[0]!.comments.filter((c) => c.body !== '[deleted]' && c.body !== '[removed]' && c.author !== 'AutoModerator');
    const [orphaned, untouched] = [live[40]!, live[41]!];
    expect(store.getComment(orphaned.id)?.author).toBe(orphaned.author);
    await clock.sleep(3_600_000);
    // Reddit's answer for a comment whose account was deleted: the words, no name
    fake.infoPatches.set(orphaned.id, { author: '[deleted]' });

    await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });

    expect(store.getComment(orphaned.id)).toMatchObject({ status: 'live', body: orphaned.body, author: '[deleted]', statusCheckedAt: now() });
    expect(store.getComment(untouched.id)).toMatchObject({ author: untouched.author });
    expect(store.db.prepare('SELECT COUNT(*) FROM comments WHERE author = ?').pluck().get(orphaned.author)).toBe(
      THREADS.flatMap((t) => t.comments).filter((c) => c.author === orphaned.author && c.id !== orphaned.id).length,
    );

    // a dump or archive copy from before the account was deleted still names it
    const stored = store.getComment(orphaned.id)!;
    store.saveItems(EVENT.id, { threads: [], comments: [{ ...stored, author: orphaned.author, fetchedAt: now() }] }, { confirmsLive: false });
    expect(store.getComment(orphaned.id)?.author).toBe('[deleted]');
    // and so does a refetch's, were Reddit to serve one
    store.saveItems(EVENT.id, { threads: [], comments: [{ ...stored, author: orphaned.author, fetchedAt: now() }] });
    expect(store.getComment(orphaned.id)?.author).toBe('[deleted]');

    // the comment is still reported and can be quoted; with --with-authors it names no one
    const cynical = { ...NO_TAGS, cynicism: { score: 0.9, label: true, cues: [] } };
    const tagger = taggerOf('orphan', (text) => ({ tags: text === orphaned.body ? cynical : NO_TAGS }));
    const report = buildReport(loadReportInput(store, EVENT, tagger, { withAuthors: true }).input);
    const quote = report.quotes.highlights.find((q) => q.commentId === orphaned.id);
    expect(quote).toBeDefined();
    expect(quote!.author).toBeUndefined();
    expect(JSON.stringify(report)).not.toMatch(new RegExp(`${orphaned.author}\\b|\\[deleted\\]`));
  });
});

describe('reddit source: a deletion re-check batch that fails past its retries', () => {
  it('applies the batches that answered and leaves only the failed batch unchecked', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const collectedAt = now();
    await clock.sleep(3_600_000);
    // the re-check asks in id order, 100 per request: the first request is the one that fails
    const ids = store.listLiveCommentIds(EVENT.id);
    const firstBatch = ids.slice(0, 100);
    const inFailed = firstBatch[5]!;
    const inAnswered = [ids[150]!, ids[420]!];
    for (const id of [inFailed, ...inAnswered]) fake.edits.set(id, 'deleted');
    fake.infoPatches.set(ids[700]!, { body: 'EDIT: never mind.', edited: now() - 60 });
    for (let i = 0; i < 5; i++) fake.injectFault('503', (p) => p.startsWith('/api/info'));

    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });

    expect(fake.pendingFaults).toBe(0);
    expect(summary.skipped).toEqual([
      { source: expect.stringMatching(/^\/api\/info \(deletion re-check, batch 1 of \d+: 100 comments left unchecked\)$/), record: '(request)', reason: expect.stringMatching(/503/), kind: 'incomplete' },
    ]);
    expect(summary.commentsPurged).toBe(2);
    for (const id of inAnswered) expect(store.getComment(id)).toMatchObject({ status: 'deleted', body: '', author: null });
    expect(store.getComment(ids[700]!)?.body).toBe('EDIT: never mind.');
    expect(summary.commentsRechecked).toBe(ids.length - 100);
    // the failed batch is untouched and not marked checked: the next run asks about it again
    expect(store.getComment(inFailed)).toMatchObject({ status: 'live', statusCheckedAt: collectedAt });
    expect(store.listLiveCommentIds(EVENT.id, collectedAt)).toEqual(firstBatch);
  });

  it('stops asking after three failed batches in a row (Reddit is down), leaving the rest unchecked', async () => {
    const { fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const ids = store.listLiveCommentIds(EVENT.id);
    const infoBefore = fake.stats.info;
    for (let i = 0; i < 15; i++) fake.injectFault('503', (p) => p.startsWith('/api/info'));
    const summary = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0, recheckAfterSeconds: 0 });
    expect(fake.pendingFaults).toBe(0);
    expect(fake.stats.info - infoBefore).toBe(0); // every request was a fault: none more was sent
    expect(summary.skipped).toHaveLength(4);
    expect(summary.skipped[3]!.reason).toMatch(new RegExp(`3 batches in a row failed, so the last ${Math.ceil(ids.length / 100) - 3} batch\\(es\\) \\(${ids.length - 300} comments\\) were not asked`));
    expect(summary.commentsRechecked).toBe(0);
  });
});

describe('reddit source: a deletion re-check stopped half way (Ctrl-C)', () => {
  it('keeps the answers that came back (purges, edits, checked times, the unconfirmed list) and the next run asks only about the rest', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    const collectedAt = now();
    await clock.sleep(2 * 86_400_000); // two nights later: every comment is due for a re-check
    // the re-check asks in id order, 100 per request; the run is stopped as the fourth request goes out
    const ids = store.listLiveCommentIds(EVENT.id);
    const batches = Math.ceil(ids.length / 100);
    const answered = ids.slice(0, 300);
    const [goneEarly, goneLater] = [ids[50]!, ids[1500]!];
    fake.edits.set(goneEarly, 'deleted');
    fake.edits.set(goneLater, 'removed');
    fake.infoPatches.set(ids[120]!, { body: 'EDIT: I take it back.', edited: now() - 60 });
    const onList = ids[210]!; // not confirmed by an earlier re-check; tonight's answer confirms it
    store.addUnconfirmedComments([onList], collectedAt);

    const stop = new AbortController();
    let infoRequests = 0;
    const progress = (e: ProgressEvent) => {
      if (e.kind === 'request' && e.path === '/api/info' && ++infoRequests === 4) stop.abort(new Error('SIGINT'));
    };
    const infoBefore = fake.stats.info;
    await expect(collectEvent(EVENT, source, store, { now, progress, signal: stop.signal }, { activeForSeconds: 0 })).rejects.toThrow('SIGINT');
    expect(fake.stats.info - infoBefore).toBe(3);
    const checkedAt = now();
    expect(store.getComment(goneEarly)).toMatchObject({ status: 'deleted', body: '', author: null });
    expect(store.getComment(ids[120]!)).toMatchObject({ status: 'live', body: 'EDIT: I take it back.', statusCheckedAt: checkedAt });
    expect(store.listLiveCommentIds(EVENT.id, checkedAt - 1)).toEqual(ids.slice(300)); // only the unanswered are still due
    expect(readUnconfirmedComments(store).has(onList)).toBe(false);
    expect(store.getComment(goneLater)).toMatchObject({ status: 'live', statusCheckedAt: collectedAt });

    const resumed = await collectEvent(EVENT, source, store, { now }, { activeForSeconds: 0 });
    expect(fake.stats.info - infoBefore).toBe(3 + (batches - 3));
    expect(resumed.commentsRechecked).toBe(ids.length - answered.length);
    expect(resumed.commentsPurged).toBe(1);
    expect(store.getComment(goneLater)).toMatchObject({ status: 'removed', body: '', author: null });
    expect(resumed.skipped).toEqual([]);
  });

  it('the run stopped there is recorded as partial with the counts of what the answered batches stored', async () => {
    const { clock, fake, source, now } = setUp();
    const store = Store.open(':memory:');
    await collectEvent(EVENT, source, store, { now });
    await clock.sleep(2 * 86_400_000);
    const ids = store.listLiveCommentIds(EVENT.id);
    fake.edits.set(ids[50]!, 'deleted'); // answered before the stop
    fake.edits.set(ids[1500]!, 'removed'); // never asked about
    fake.infoPatches.set(ids[120]!, { body: 'EDIT: I take it back.', edited: now() - 60 });
    // on the unconfirmed list from an earlier night: one answered before the stop (taken off), one never asked about
    store.addUnconfirmedComments([ids[210]!, ids.at(-1)!], now() - 86_400);
    const stop = new AbortController();
    let infoRequests = 0;
    const progress = (e: ProgressEvent) => {
      // as the CLI stops on SIGINT: abort() without a reason (an AbortError)
      if (e.kind === 'request' && e.path === '/api/info' && ++infoRequests === 4) stop.abort();
    };
    const notReached = (): never => {
      throw new Error('not reached');
    };
    const run = runEvent({
      event: EVENT,
      source,
      store,
      tagger: notReached,
      ctx: { now, progress, signal: stop.signal },
      runId: 'stopped',
      reportsDir: '',
      formats: [],
      withAuthors: false,
      collect: { activeForSeconds: 0 },
      stopAfterCollect: true,
    });
    await expect(run).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    const [record] = store.listRuns(EVENT.id).runs;
    expect(record?.status).toBe('partial');
    expect(record?.counts).toMatchObject({ commentsPurged: 1, commentsUpdated: 1, commentsUnconfirmed: 1 });
    expect(record?.counts.requests).toBeGreaterThan(0);
    expect(record?.errors).toContain('interrupted while collecting; the next run resumes');
  });
});

describe('reddit source: faults leave the store exactly as an unfaulted run', () => {
  let baseline: string[] | undefined;
  const getBaseline = async (): Promise<string[]> => {
    if (baseline === undefined) baseline = snapshot((await collectOnce()).store);
    return baseline;
  };

  it.each<[string, Array<[Fault, string]>]>([
    ['500 on morechildren', [['500', '/api/morechildren']]],
    ['502 on a thread page', [['502', '/comments/th2bbb']]],
    ['503 on search', [['503', '/r/technology/search']]],
    ['three 503s in a row', [['503', '/api/morechildren'], ['503', '/api/morechildren'], ['503', '/api/morechildren']]],
    ['timeout on a thread page', [['timeout', '/comments/th3ccc']]],
    ['connection reset on morechildren', [['reset', '/api/morechildren']]],
    ['truncated JSON on a thread page', [['truncated', '/comments/th1aaa']]],
    ['truncated JSON on morechildren', [['truncated', '/api/morechildren']]],
    ['401 mid-run (token revoked)', [['401', '/api/morechildren']]],
    ['429 on search', [['429', '/r/stocks/search']]],
  ])('%s', async (_name, faults) => {
    const expected = await getBaseline();
    const { store, summary, fake } = await collectOnce({}, faults);
    expect(summary.skipped).toEqual([]);
    expect(snapshot(store)).toEqual(expected);
    expect(fake.stats.maxConcurrentMoreChildren).toBe(1);
  });

  it('a thread that fails past the retries is skipped, left incomplete, and the next run completes it', async () => {
    const expected = await getBaseline();
    const { fake, source, now } = setUp();
    for (let i = 0; i < 5; i++) fake.injectFault('503', (p) => p.startsWith('/comments/th2bbb'));
    const store = Store.open(':memory:');
    const first = await collectEvent(EVENT, source, store, { now });
    expect(first.skipped).toHaveLength(1);
    expect(first.skipped[0]!.reason).toMatch(/503/);
    expect(store.getThreadState('th2bbb')).toBeUndefined();
    expect(fake.pendingFaults).toBe(0);
    await collectEvent(EVENT, source, store, { now });
    expect(snapshot(store)).toEqual(expected);
  });

  // Reddit (or a proxy in front of it) down for maintenance serves an HTML page with 200; a connection cut midway leaves
  // half a body. Past the retries, the thread could not be fetched, as after a 5xx: partial (exit 4), not invalid input
  // (exit 2, which tells the cron operator to fix the config).
  it.each([
    ['an HTML maintenance page', 'html', /^an HTML page, not JSON \(\d+ bytes, status 200\), on the last of 5 attempts$/],
    ['a body cut short on every attempt', 'truncated', /^unreadable JSON \(\d+ bytes, status 200\): .*, on the last of 5 attempts$/],
  ] as const)('%s: the thread is skipped as not fetched (incomplete), and the next run completes it', async (_, fault, reason) => {
    const expected = await getBaseline();
    const { fake, source, now } = setUp();
    for (let i = 0; i < 5; i++) fake.injectFault(fault, (p) => p.startsWith('/comments/th2bbb'));
    const store = Store.open(':memory:');
    const first = await collectEvent(EVENT, source, store, { now });
    expect(fake.pendingFaults).toBe(0);
    expect(first.skipped).toEqual([{ source: expect.stringMatching(/^GET \/comments\/th2bbb/), record: '(body)', reason: expect.stringMatching(reason), kind: 'incomplete' }]);
    expect(store.getThreadState('th2bbb')).toBeUndefined();
    await collectEvent(EVENT, source, store, { now });
    expect(snapshot(store)).toEqual(expected);
  });
});

describe('reddit source: search limits', () => {
  it('pages with after to the ~1000-item cap and reports it', async () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ id: `s${i.toString(36).padStart(5, '0')}`, subreddit: 'technology', createdUtc: WINDOW_FROM + 80_000 - i * 50 }));
    const { fake, source, now } = setUp({ searchItems: items });
    const found = await source.findThreads({ ...EVENT, subreddits: ['technology'] }, { now });
    expect(found.capped).toBe(true);
    expect(fake.stats.search).toBe(10);
    expect(found.threads).toHaveLength(1000);
  });

  it('stops paging at the window start', async () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ id: `s${i.toString(36).padStart(5, '0')}`, subreddit: 'technology', createdUtc: WINDOW_FROM + 20_000 - i * 50 }));
    const { fake, source, now } = setUp({ searchItems: items });
    const found = await source.findThreads({ ...EVENT, subreddits: ['technology'] }, { now });
    expect(found.capped).toBe(false);
    expect(found.threads).toHaveLength(401);
    expect(fake.stats.search).toBe(5);
  });
});

describe('reddit source: Reddit down', () => {
  it('fails instead of reporting an empty event when no search gets an answer, and stops trying after a few', async () => {
    const { fake, source, now } = setUp();
    for (let i = 0; i < 60; i++) fake.injectFault('503', (p) => p.includes('/search'));
    const event = { ...EVENT, queries: ['openai', 'amazon', 'nvidia', 'oracle', 'coreweave', 'stargate'] };
    const store = Store.open(':memory:');
    const failure = collectEvent(event, source, store, { now });
    await expect(failure).rejects.toThrow(SourceError);
    await expect(failure).rejects.toThrow(/searches tried got an answer.*503/s);
    // 12 searches planned; three failed ones (plus those already in flight) settle it
    const tried = 60 - fake.pendingFaults;
    expect(tried).toBeGreaterThan(0);
    expect(tried).toBeLessThan(12 * 5);
  });
});

describe('reddit source: Reddit down from the first search', () => {
  it('the third failed search stops the searches under way: only the three that settled it spend their retries', async () => {
    const { fake, source, now } = setUp();
    for (let i = 0; i < 60; i++) fake.injectFault('503', (p) => p.includes('/search'));
    const event = { ...EVENT, queries: ['openai', 'amazon', 'nvidia', 'oracle', 'coreweave', 'stargate'] };
    const failure = collectEvent(event, source, Store.open(':memory:'), { now });
    await expect(failure).rejects.toThrow(/none of the 3 searches tried got an answer.*status 503/s);
    // three searches at once: as each of the first two failed, the next one started; before, those two went on to
    // spend their 5 attempts each after the third failure had settled it (25 requests)
    const tried = 60 - fake.pendingFaults;
    expect(tried).toBeGreaterThanOrEqual(3 * 5);
    expect(tried).toBeLessThan(3 * 5 + 2 * 5);
  });
});

describe('reddit source: rate limited past the retries', () => {
  it('a search answered 429 on every attempt is one search skipped as Reddit\'s rate limit (incomplete); the others still count', async () => {
    const { fake, source, now } = setUp();
    // one request's six attempts (the first and its five 429 retries)
    for (let i = 0; i < 6; i++) fake.injectFault('429', (p) => p.startsWith('/r/stocks/search'));
    const summary = await collectEvent(EVENT, source, Store.open(':memory:'), { now }, { recheck: false });
    expect(fake.pendingFaults).toBe(0);
    expect(summary.threadsFound).toBe(2);
    expect(summary.skipped).toEqual([
      {
        source: '/r/stocks/search?q=openai',
        record: '(request)',
        reason: expect.stringMatching(/^Reddit rate limit: status code 429 on all 6 attempts, with a wait before each retry: GET \/r\/stocks\/search\?/),
        kind: 'incomplete',
      },
    ]);
  });

  it('a Retry-After longer than a run waits (60 s) is not waited out: that search is skipped as the rate limit at once, and no later request is sent into it', async () => {
    const { clock, fake, source, now } = setUp();
    fake.injectFault('429-two-hours', (p) => p.startsWith('/r/stocks/search'));
    const summary = await collectEvent(EVENT, source, Store.open(':memory:'), { now }, { recheck: false });
    expect(fake.pendingFaults).toBe(0);
    expect(clock.slept).toBeLessThan(60_000); // not two hours of a cron job's night
    expect(source.stats().rateLimited).toBe(1);
    expect(summary.threadsFound).toBe(2);
    // when to try again, as a time: the summary is read long after the answer came
    const until = new Date(Math.ceil((WINDOW_FROM + 2 * 86_400 + 7200) / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    const told = `Reddit rate limit: Reddit asks to wait 7200 s before the next request, more than the 60 s a run waits; run again after ${until} UTC: GET /r/stocks/search?`;
    expect(summary.skipped).toEqual([
      { source: '/r/stocks/search?q=openai', record: '(request)', reason: expect.stringMatching(new RegExp(`^${escape(told)}`)), kind: 'incomplete' },
      // the thread fetches queued behind it fail at once, naming Reddit's answer, instead of each meeting it again
      ...['th1aaa', 'th3ccc'].map((id) => ({
        source: `thread ${id}`,
        record: '(request)',
        reason: expect.stringMatching(new RegExp(`^GET /comments/${id}\\?limit=500&raw_json=1 not sent: ${escape(told)}`)),
        kind: 'incomplete',
      })),
    ]);
    expect(fake.stats.comments).toBe(0);
  });

  it('an x-ratelimit-reset of a day (86400) on a 429 is capped at Reddit\'s 600 s window: the run waits no longer, then completes', async () => {
    const { clock, fake, source, now } = setUp();
    fake.injectFault('429-day-reset', (p) => p.startsWith('/r/stocks/search'));
    const summary = await collectEvent(EVENT, source, Store.open(':memory:'), { now }, { recheck: false });
    expect(fake.pendingFaults).toBe(0);
    expect(source.stats().rateLimited).toBe(1);
    expect(clock.slept).toBeLessThanOrEqual(600_000 + 1000); // the window and the reset margin, not a day
    expect(clock.slept).toBeGreaterThanOrEqual(600_000);
    expect(summary.skipped).toEqual([]);
    expect(summary.threadsFound).toBe(3);
  });

  it('429s with only x-ratelimit-reset are waited out within one budget for the run (one window and a minute), not five windows per request', async () => {
    const { clock, fake, source, now } = setUp();
    // Reddit keeps refusing with its window's reset (540 s): before, the search waited it out five times (45 minutes),
    // and failed only then
    let down = true;
    for (let i = 0; i < 6; i++) fake.injectFault('429-reset-only', (p) => down && p.startsWith('/r/stocks/search'));
    const store = Store.open(':memory:');
    const summary = await collectEvent(EVENT, source, store, { now }, { recheck: false });
    expect(source.stats().rateLimited).toBe(2);
    expect(clock.slept).toBeLessThanOrEqual(660_000);
    expect(clock.slept).toBeGreaterThanOrEqual(540_000); // the first reset is Reddit's window: waited out
    const told = 'Reddit rate limit: Reddit asks to wait 541 s before the next request, more than this run waits after 429s: it has waited 541 s of its 660 s for them already; run again after ';
    expect(summary.skipped[0]).toEqual({ source: '/r/stocks/search?q=openai', record: '(request)', reason: expect.stringMatching(new RegExp(`^${escape(told)}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: GET /r/stocks/search\\?`)), kind: 'incomplete' });
    // the threads the other search found are not sent into that wait: they fail at once, and the night is partial
    expect(summary.skipped.slice(1).map((s) => s.reason)).toEqual([expect.stringMatching(/^GET \/comments\/th1aaa\S* not sent: Reddit rate limit: Reddit asks to wait 541 s/), expect.stringMatching(/^GET \/comments\/th3ccc\S* not sent: Reddit rate limit/)]);
    expect(summary.threadsFetched).toBe(0);

    // the next run, once that wait has passed and Reddit answers again, collects the event
    await clock.sleep(541_000);
    down = false;
    const next = await collectEvent(EVENT, createRedditSource(TEST_ENV, { clock, random: () => 0.5 }), store, { now }, { recheck: false });
    expect(next.threadsFetched).toBe(3);
  });

  it('once that Retry-After has passed, requests are sent again', async () => {
    const { clock, fake, source, now } = setUp();
    fake.injectFault('429-two-hours', (p) => p.startsWith('/r/stocks/search'));
    const first = await collectEvent(EVENT, source, Store.open(':memory:'), { now }, { recheck: false });
    expect(first.threadsFetched).toBe(0);
    await clock.sleep(7200 * 1000);
    const later = await collectEvent(EVENT, source, Store.open(':memory:'), { now }, { recheck: false });
    expect(later.skipped).toEqual([]);
    expect(later.threadsFetched).toBeGreaterThan(0);
  });

  it('fails the collection (a SourceError: exit 3) when every search stays rate limited, naming the rate limit', async () => {
    const { fake, source, now } = setUp();
    for (let i = 0; i < 200; i++) fake.injectFault('429', (p) => p.includes('/search'));
    const event = { ...EVENT, queries: ['openai', 'amazon', 'nvidia', 'oracle', 'coreweave', 'stargate'] };
    const error = await collectEvent(event, source, Store.open(':memory:'), { now }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/none of the \d+ searches tried got an answer, so nothing was collected\. The first failure: Reddit rate limit: status code 429 on all 6 attempts/);
    const first = (error as Error).cause;
    expect(first).toBeInstanceOf(RateLimitError);
    expect(first).not.toBeInstanceOf(RefusedRequestError);
    expect(isNoAnswer(first)).toBe(true);
  });
});

describe('reddit source: Reddit answering searches with something that is not a listing', () => {
  it('a maintenance page (200, HTML) on every search is Reddit down: the run fails (exit 3) after a few, no report is written', async () => {
    const { fake, source, now } = setUp();
    for (let i = 0; i < 60; i++) fake.injectFault('html', (p) => p.includes('/search'));
    const event = { ...EVENT, queries: ['openai', 'amazon', 'nvidia', 'oracle', 'coreweave', 'stargate'] };
    const store = Store.open(':memory:');
    const reportsDir = mkdtempSync(join(tmpdir(), 'rl-html-search-'));
    try {
      const run = runEvent({ event, source, store, tagger: () => { throw new Error('not reached'); }, ctx: { now }, runId: 'r1', reportsDir, formats: ['md', 'json'], withAuthors: false });
      await expect(run).rejects.toThrow(SourceError);
      await expect(run).rejects.toThrow(/none of the \d+ searches tried got an answer.*: an HTML page, not JSON \(\d+ bytes, status 200\)/s);
      // 12 searches planned; three failed ones (plus those already in flight) settle it
      expect(60 - fake.pendingFaults).toBeLessThan(12 * 5);
      expect(store.listRuns(event.id).runs).toMatchObject([{ id: 'r1', status: 'failed' }]);
      expect(readdirSync(reportsDir, { recursive: true })).toEqual([]);
    } finally {
      rmSync(reportsDir, { recursive: true, force: true });
    }
  });

  it('one search answered with a maintenance page is the source\'s failure (partial), not invalid input; the others still count', async () => {
    const { fake, source, now } = setUp();
    for (let i = 0; i < 5; i++) fake.injectFault('html', (p) => p.startsWith('/r/stocks/search'));
    const summary = await collectEvent(EVENT, source, Store.open(':memory:'), { now });
    expect(fake.pendingFaults).toBe(0);
    expect(summary.threadsFound).toBe(2);
    expect(summary.skipped).toEqual([{ source: expect.stringMatching(/^GET \/r\/stocks\/search/), record: '(body)', reason: expect.stringMatching(/^an HTML page, not JSON \(\d+ bytes, status 200\)/), kind: 'incomplete' }]);
  });

  it('a listing with one unreadable submission is still an answer: that record is invalid input (exit 2)', async () => {
    const api: RedditApi = {
      search: () => Promise.reject(new SchemaError('GET /search: data.children.1.data.permalink: expected string', 'GET /search', 'data.children.1.data.permalink')),
      comments: () => Promise.reject(new Error('not used')),
      moreChildren: () => Promise.reject(new Error('not used')),
      info: () => Promise.reject(new Error('not used')),
      stats: () => ({ requests: 0, rateLimited: 0, waitMs: 0 }),
    };
    const found = await createRedditApiSource('test', api).findThreads({ ...EVENT, queries: ['a', 'b', 'c', 'd'] }, { now: () => WINDOW_FROM + 86_400 });
    expect(found.threads).toEqual([]);
    expect(found.skipped.map((r) => [r.record, r.kind])).toEqual(Array(8).fill(['data.children.1.data.permalink', 'invalid']));
  });
});

describe('reddit source: credentials', () => {
  it('stops at the first refusal of the credentials: no searches, no thread fetches, the run is recorded as failed', async () => {
    const clock = createVirtualClock((WINDOW_FROM + 2 * 86_400) * 1000);
    let tokenRequests = 0;
    let apiRequests = 0;
    const auth = nock('https://www.reddit.com')
      .persist()
      .post('/api/v1/access_token')
      .reply(() => {
        tokenRequests++;
        return [401, JSON.stringify({ message: 'Unauthorized', error: 401 })];
      });
    const api = nock('https://oauth.reddit.com')
      .persist()
      .get(/.*/)
      .reply(() => {
        apiRequests++;
        return [200, '{}'];
      });
    unmount = () => {
      auth.persist(false);
      api.persist(false);
      nock.cleanAll();
    };
    const source = createRedditSource(TEST_ENV, { clock, random: () => 0.5, retry: { timeoutMs: 1500, baseDelayMs: 1000 } });
    const now = () => Math.floor(clock.now() / 1000);
    const store = Store.open(':memory:');
    const event = { ...EVENT, queries: ['openai', 'amazon', 'nvidia', 'oracle', 'coreweave', 'stargate'] };
    const run = runEvent({ event, source, store, tagger: () => { throw new Error('not reached'); }, ctx: { now }, runId: 'r1', reportsDir: '', formats: [], withAuthors: false });
    await expect(run).rejects.toThrow(CredentialsError);
    await expect(run).rejects.toThrow(/Reddit refused the credentials/);
    // 12 searches share one token fetch; those still queued are dropped, not each refused in turn
    expect(tokenRequests).toBeLessThanOrEqual(3);
    expect(apiRequests).toBe(0);
    const [recorded] = store.listRuns(event.id).runs;
    expect(recorded).toMatchObject({ id: 'r1', status: 'failed' });
    expect(recorded?.finishedAt).not.toBeNull();
    expect(recorded?.errors.join(' ')).toMatch(/collection failed: Reddit refused the credentials/);
  });

  it('names the missing variables and the sources that work without them', () => {
    expect(() => createRedditSource({})).toThrow(SourceError);
    expect(() => createRedditSource({})).toThrow(/REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_USER_AGENT.*archive.*import/s);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
