import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvent } from '../../src/collect/collect-event.js';
import type { CheckedStatuses, FetchedThread, Source, SourceContext } from '../../src/sources/source.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import type { Thread } from '../../src/types.js';
import { runReportCommand } from '../helpers/run-report-commands.js';
import { EVENT, makeComment, makeThread, T0 } from '../report/report-fixture.js';
import Database from 'better-sqlite3';
import { keywordTagger } from '../helpers/keyword-tagger.js';

// `quotes --collected-since <the last feed's time>` must offer every comment once, whenever the feed ran: also a feed
// fetched while a run was storing. A comment's "collected" time is when it first became quotable in this store (stored
// with its text, not withheld for a re-check), not when the fetch that brought it started.

const tagger = keywordTagger;

const NIGHT = T0 + 2 * 86_400;
let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'rl-collected-since-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const TEXTS: Record<string, string> = {
  big1a: 'This is a bubble with extra steps and everyone in the room knows it.',
  big1b: 'Trust me, nobody audits these numbers before the next bubble pops.',
  arc1a: 'The whole sector is a bubble held up by press releases.',
  arc1b: 'Circular financing: Amazon pays OpenAI, OpenAI pays Amazon back.',
  arc2a: 'I do not trust a single figure in this announcement, they lied before.',
  arc2b: 'Dot-com bubble vibes, only the tickers changed since then.',
};

function bundleOf(thread: Thread, fetchedAt: number, ids: string[]): FetchedThread {
  const fetched = { ...thread, fetchedAt };
  const comments = ids.map((id) => makeComment(id, fetched, TEXTS[id]!, { fetchedAt, author: `user_${id}` }));
  return { thread: fetched, comments, expected: comments.length, collected: comments.length, skipped: [] };
}

function fakeSource(overrides: Partial<Source> & Pick<Source, 'fetchThread'>, threads: Thread[]): Source {
  return {
    name: 'reddit',
    findThreads: async () => ({ threads, capped: false, skipped: [] }),
    stats: () => ({ requests: 0, rateLimited: 0, waitMs: 0 }),
    ...overrides,
  };
}

/** The writer's JSON feed of the event at the clock's time, as the ids of its quotes. */
function feedOf(store: Store, now: () => number): (...flags: string[]) => Promise<string[]> {
  return async (...flags) => {
    const out = await runReportCommand(['quotes', '--event', EVENT.id, '--limit', '50', ...flags], { store, tagger, cwd, now: now() });
    return (JSON.parse(out.stdout) as { quotes: Array<{ comment_id: string }> }).quotes.map((q) => q.comment_id);
  };
}

describe('quotes --collected-since with a feed fetched while a run was storing', () => {
  it('offers a comment whose thread was being fetched when the feed ran: its collected time is when it was stored, not when its fetch started', async () => {
    let clock = NIGHT;
    const store = Store.open(':memory:', { now: () => clock });
    const feed = feedOf(store, () => clock);
    try {
      const thread = makeThread('big1', 'stocks', 'Amazon and OpenAI: a thread that takes minutes to fetch');
      let duringRun = 0;
      const source = fakeSource(
        {
          fetchThread: async () => {
            const fetchedAt = clock; // the fetch starts
            clock += 600; // its pages and morechildren take ten minutes
            duringRun = clock;
            expect(await feed()).toEqual([]); // the writer's feed, now: nothing is stored yet
            clock += 600;
            return bundleOf(thread, fetchedAt, ['big1a', 'big1b']);
          },
        },
        [thread],
      );
      await collectEvent(EVENT, source, store, { now: () => clock });
      const storedAt = duringRun + 600;
      expect(store.getComment('big1a')).toMatchObject({ firstSeenAt: NIGHT, firstQuotableAt: storedAt });
      clock += 86_400; // the next day's feed, from the time of the one before
      expect(await feed('--collected-since', new Date(duringRun * 1000).toISOString())).toEqual(expect.arrayContaining(['big1a', 'big1b']));
      // the feed says when each quote was collected: the time --collected-since compares
      const out = await runReportCommand(['quotes', '--event', EVENT.id], { store, tagger, cwd, now: clock });
      const records = (JSON.parse(out.stdout) as { quotes: Array<{ collected_at: string | null; fetched_at: string }> }).quotes;
      expect(records.length).toBeGreaterThan(0);
      for (const q of records) expect(q).toMatchObject({ collected_at: new Date(storedAt * 1000).toISOString(), fetched_at: new Date(NIGHT * 1000).toISOString() });
    } finally {
      store.close();
    }
  });

  it('offers an archive comment withheld for its re-check when the feed ran, once the re-check confirms it; never offers it before', async () => {
    let clock = NIGHT;
    const store = Store.open(':memory:', { now: () => clock });
    const feed = feedOf(store, () => clock);
    try {
      const threads = [makeThread('arc1', 'stocks', 'Archived thread one'), makeThread('arc2', 'stocks', 'Archived thread two')];
      const feeds: Array<{ at: number; ids: string[] }> = [];
      const source = fakeSource(
        {
          name: 'arctic-shift',
          archived: true,
          recheckedBy: 'reddit',
          fetchThread: async (id: string) => {
            const fetchedAt = clock;
            clock += 60;
            // a feed while the second thread is fetched: the first one's comments are stored, held for the re-check
            feeds.push({ at: clock, ids: await feed() });
            clock += 60;
            return bundleOf(threads.find((t) => t.id === id)!, fetchedAt, [`${id}a`, `${id}b`]);
          },
          checkStatus: async (ids: string[], _ctx: SourceContext, onAnswer: (answer: CheckedStatuses) => void) => {
            clock += 600;
            // a feed while the re-check runs: everything is stored, nothing confirmed yet
            feeds.push({ at: clock, ids: await feed() });
            clock += 600;
            onAnswer({ statuses: new Map(ids.map((id) => [id, 'live' as const])), skipped: [] });
            return [];
          },
        },
        threads,
      );
      await collectEvent(EVENT, source, store, { now: () => clock }, { concurrency: 1 });
      // withheld until Reddit confirmed them: not one feed during the run offered an archive copy
      expect(feeds.flatMap((f) => f.ids)).toEqual([]);
      expect(feeds).toHaveLength(3);
      clock += 86_400;
      const all = ['arc1a', 'arc1b', 'arc2a', 'arc2b'];
      // each feed's next one, from its time, offers them all: none was offered before, none is lost
      for (const { at } of feeds) expect((await feed('--collected-since', new Date(at * 1000).toISOString())).sort()).toEqual(all);
    } finally {
      store.close();
    }
  });

  it('the upgrade gives stored comments that are or were quotable the time they were first stored, and none to the never confirmed withheld and the purged', () => {
    const path = join(cwd, 'upgrade.db');
    const old = Store.open(path);
    const thread = makeThread('up1', 'stocks', 'Upgraded');
    old.saveItems(EVENT.id, {
      threads: [thread],
      comments: [
        makeComment('upLive', thread, 'A bubble.', { fetchedAt: NIGHT }),
        makeComment('upHeld', thread, 'A bubble too.', { fetchedAt: NIGHT }),
        makeComment('upGone', thread, '', { fetchedAt: NIGHT, status: 'deleted', author: null }),
      ],
    });
    // an archive copy Reddit never confirmed, held for its first re-check
    old.saveItems(EVENT.id, { threads: [thread], comments: [makeComment('upArchived', thread, 'A bubble three.', { fetchedAt: NIGHT })] }, { confirmsLive: false });
    // upHeld was confirmed live by its fetch (feeds offered it from then on) and withheld by a later re-check
    old.addUnconfirmedComments(['upHeld', 'upArchived'], NIGHT + 86_400);
    old.close();
    // back to the schema before the column, as a store written by the reactionlens before this one
    const raw = new Database(path);
    const version = MIGRATIONS.findIndex((m) => m.includes('first_quotable_at'));
    expect(version).toBeGreaterThan(0);
    raw.exec('ALTER TABLE comments DROP COLUMN first_quotable_at');
    raw.pragma(`user_version = ${version}`);
    raw.close();
    const upgraded = Store.open(path);
    try {
      expect(upgraded.getComment('upLive')?.firstQuotableAt).toBe(NIGHT);
      // quotable before it was withheld: a later confirmation must not offer it as new again
      expect(upgraded.getComment('upHeld')?.firstQuotableAt).toBe(NIGHT);
      expect(upgraded.getComment('upArchived')?.firstQuotableAt).toBeNull();
      expect(upgraded.getComment('upGone')?.firstQuotableAt).toBeNull();
    } finally {
      upgraded.close();
    }
  });
});
