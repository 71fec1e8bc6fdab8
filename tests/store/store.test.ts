import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readUnconfirmedComments } from '../../src/collect/unconfirmed-comments.js';
import { StoreError } from '../../src/errors/errors.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store, toStoreError, type TagCursor } from '../../src/store/store.js';
import { hashText } from '../../src/util/hash-text.js';
import { emptyRunCounts, NEVER_CHECKED, type RunRecord, type TagScores } from '../../src/types.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';

const noTags: TagScores = {
  cynicism: { score: 0.1, label: false, cues: [] },
  distrust: { score: 0.1, label: false, cues: [] },
  bubble_caution: { score: 0.9, label: true, cues: [{ start: 0, end: 4, text: 'More', cue: 'x', weight: 1 }] },
};

/**
 * A database as a reactionlens of schema `version` left it: its first `version` migrations applied, with the SQL
 * functions those migrations call (the slug one as the identity: no stored permalink of these tests has a title slug).
 */
function createDatabaseAtVersion(path: string, version: number): Database.Database {
  const db = new Database(path);
  db.function('rl_text_hash', { deterministic: true }, (text: unknown) => hashText(String(text)));
  db.function('rl_strip_title_slug', { deterministic: true }, (permalink: unknown) => String(permalink));
  for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql);
  db.pragma(`user_version = ${version}`);
  return db;
}

describe('Store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-store-'));
    store = Store.open(join(dir, 'nested', 'db.sqlite'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration once and reopens without re-running them', () => {
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    store.close();
    store = Store.open(join(dir, 'nested', 'db.sqlite'));
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
  });

  it('migrates an older store in place: existing tag results stay matched to their text', () => {
    const path = join(dir, 'v2.sqlite');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!);
    db.exec(MIGRATIONS[1]!);
    db.pragma('user_version = 2');
    db.prepare(
      `INSERT INTO threads (id, subreddit, title, selftext, url, permalink, created_utc, score, num_comments, author, status, fetched_at, first_seen_at)
       VALUES ('th1', 'stocks', 't', '', 'u', 'p', 1, 1, 1, NULL, 'live', 1, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO comments (id, thread_id, parent_id, depth, body, score, created_utc, permalink, edited_utc, status, stickied, distinguished, author, fetched_at, first_seen_at, status_checked_at)
       VALUES ('a', 'th1', NULL, 0, 'old text', 1, 1, 'p', NULL, 'live', 0, NULL, NULL, 1, 1, 1)`,
    ).run();
    db.prepare("INSERT INTO event_threads VALUES ('ev', 'th1')").run();
    db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v1', hashText('old text'), JSON.stringify({ tags: noTags }), 1);
    db.close();
    const migrated = Store.open(path);
    try {
      expect(migrated.schemaVersion()).toBe(MIGRATIONS.length);
      expect(migrated.loadTags('ev', 'v1').get('a')?.tags.bubble_caution.label).toBe(true);
    } finally {
      migrated.close();
    }
  });

  it('migration 4 takes corrections stored before it as made on the text stored then: they apply until that text is edited', () => {
    const path = join(dir, 'v3.sqlite');
    const db = createDatabaseAtVersion(path, 3);
    db.prepare(
      `INSERT INTO threads (id, subreddit, title, selftext, url, permalink, created_utc, score, num_comments, author, status, fetched_at, first_seen_at)
       VALUES ('th1', 'stocks', 't', '', 'u', 'p', 1, 1, 1, NULL, 'live', 1, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO comments (id, thread_id, parent_id, depth, body, body_hash, score, created_utc, permalink, edited_utc, status, stickied, distinguished, author, fetched_at, first_seen_at, status_checked_at)
       VALUES ('a', 'th1', NULL, 0, 'old text', ?, 1, 1, 'p', NULL, 'live', 0, NULL, NULL, 1, 1, 1)`,
    ).run(hashText('old text'));
    db.prepare("INSERT INTO event_threads VALUES ('ev', 'th1')").run();
    // a correction of a stored comment, and one recorded with --force for a comment the store does not hold
    db.prepare("INSERT INTO labels (comment_id, labels, created_at, note) VALUES ('a', '{\"cynicism\":true}', 2, 'sarcasm')").run();
    db.prepare("INSERT INTO labels (comment_id, labels, created_at, note) VALUES ('ghost', '{\"distrust\":true}', 2, NULL)").run();
    db.close();

    const migrated = Store.open(path);
    try {
      expect(migrated.schemaVersion()).toBe(MIGRATIONS.length);
      expect(migrated.db.prepare('SELECT comment_id, body_hash FROM labels ORDER BY comment_id').all()).toEqual([
        { comment_id: 'a', body_hash: hashText('old text') },
        { comment_id: 'ghost', body_hash: null },
      ]);
      // the text is as it was when corrected: the correction applies
      expect(migrated.listLabels()).toEqual([
        { commentId: 'a', labels: { cynicism: true }, createdAt: 2, note: 'sarcasm' },
        { commentId: 'ghost', labels: { distrust: true }, createdAt: 2, note: null },
      ]);
      expect(migrated.loadEventSnapshot('ev', 'v1').labels.get('a')?.labels).toEqual({ cynicism: true });

      // its author edits it later: the correction is kept, flagged as made on the earlier text, and no longer applied
      expect(migrated.applyCheckedTexts([{ id: 'a', body: 'new text', editedUtc: 5 }])).toBe(1);
      expect(migrated.listLabels()).toEqual([
        { commentId: 'a', labels: { cynicism: true }, createdAt: 2, note: 'sarcasm', textChanged: true },
        { commentId: 'ghost', labels: { distrust: true }, createdAt: 2, note: null },
      ]);
      expect(migrated.loadEventSnapshot('ev', 'v1').labels.has('a')).toBe(false);
    } finally {
      migrated.close();
    }
  });

  it('migration 5 blanks the title (and its slug in the links) of threads already stored as deleted or removed', () => {
    const path = join(dir, 'v4.sqlite');
    const db = createDatabaseAtVersion(path, 4);
    const insert = db.prepare(
      `INSERT INTO threads (id, subreddit, title, selftext, url, permalink, created_utc, score, num_comments, author, status, fetched_at, first_seen_at)
       VALUES (?, 'stocks', 'Amazon in talks', '', 'https://example.com/a', ?, 1, 1, 1, NULL, ?, 1, 1)`,
    );
    insert.run('gone1', 'https://www.reddit.com/r/stocks/comments/gone1/amazon_in_talks/', 'removed');
    insert.run('live1', 'https://www.reddit.com/r/stocks/comments/live1/amazon_in_talks/', 'live');
    db.close();
    const migrated = Store.open(path);
    try {
      expect(migrated.getThread('gone1')).toMatchObject({ title: '', url: 'https://www.reddit.com/r/stocks/comments/gone1/', permalink: 'https://www.reddit.com/r/stocks/comments/gone1/' });
      expect(migrated.getThread('live1')).toMatchObject({ title: 'Amazon in talks', url: 'https://example.com/a' });
    } finally {
      migrated.close();
    }
  });

  it('keeps none of a deleted or removed thread\'s words, whether a refetch or a listing says so', () => {
    store.saveThreadBundle('ev', { thread: makeThread({ id: 'a', status: 'removed', selftext: '', author: null }), comments: [], expected: 0, collected: 0 });
    expect(store.getThread('a')).toMatchObject({ title: '', selftext: '', author: null, url: 'https://www.reddit.com/r/stocks/comments/a/', permalink: 'https://www.reddit.com/r/stocks/comments/a/' });
    store.saveThreadBundle('ev', { thread: makeThread({ id: 'b', selftext: 'Self text' }), comments: [], expected: 0, collected: 0 });
    expect(store.purgeThreads([{ id: 'b', status: 'deleted' }, { id: 'a', status: 'deleted' }, { id: 'nothere', status: 'removed' }])).toBe(1);
    expect(store.getThread('b')).toMatchObject({ status: 'deleted', title: '', selftext: '', author: null, permalink: 'https://www.reddit.com/r/stocks/comments/b/' });
    expect(store.getThread('a')?.status).toBe('removed'); // purged once, with the status Reddit gave first
    // an older live copy (an archive, a dump) brings nothing back
    store.saveItems('ev', { threads: [makeThread({ id: 'b', selftext: 'Self text' })], comments: [] });
    expect(store.getThread('b')).toMatchObject({ status: 'deleted', title: '', selftext: '', author: null });
  });

  it("keeps no title slug in the links of a deleted or removed thread's comments, whichever way it was purged", () => {
    const slugged = (thread: string, id: string): string => `https://www.reddit.com/r/stocks/comments/${thread}/amazon_in_talks/${id}/`;
    const bare = (thread: string, id: string): string => `https://www.reddit.com/r/stocks/comments/${thread}/_/${id}/`;
    const bundle = (thread: ReturnType<typeof makeThread>, ids: string[]) => ({
      thread,
      comments: ids.map((id) => makeComment({ id, threadId: thread.id, permalink: slugged(thread.id, id) })),
      expected: ids.length,
      collected: ids.length,
    });
    // a listing or re-check purge
    store.saveThreadBundle('ev', bundle(makeThread({ id: 'p' }), ['p1', 'p2']));
    store.purgeThreads([{ id: 'p', status: 'removed' }]);
    expect([store.getComment('p1')?.permalink, store.getComment('p2')?.permalink]).toEqual([bare('p', 'p1'), bare('p', 'p2')]);
    expect(store.getComment('p1')).toMatchObject({ status: 'live', body: 'More circular financing.' }); // only the link changes
    // a refetch that finds the thread gone, bringing a comment not stored before
    store.saveThreadBundle('ev', bundle(makeThread({ id: 'r' }), ['r1']));
    store.saveThreadBundle('ev', bundle(makeThread({ id: 'r', status: 'deleted', selftext: '', author: null }), ['r1', 'r2']));
    expect([store.getComment('r1')?.permalink, store.getComment('r2')?.permalink]).toEqual([bare('r', 'r1'), bare('r', 'r2')]);
    // comments saved later under a thread already purged (an import of an older copy)
    store.saveItems('ev', { threads: [makeThread({ id: 'p' })], comments: [makeComment({ id: 'p3', threadId: 'p', permalink: slugged('p', 'p3') })] });
    expect(store.getComment('p3')?.permalink).toBe(bare('p', 'p3'));
    // a live thread's comments keep theirs
    store.saveThreadBundle('ev', bundle(makeThread({ id: 'l' }), ['l1']));
    expect(store.getComment('l1')?.permalink).toBe(slugged('l', 'l1'));
  });

  it("migration 7 takes the title slug out of the links of comments under threads already stored as deleted or removed", () => {
    const path = join(dir, 'v6.sqlite');
    const db = createDatabaseAtVersion(path, 6);
    const thread = db.prepare(
      `INSERT INTO threads (id, subreddit, title, selftext, url, permalink, created_utc, score, num_comments, author, status, fetched_at, first_seen_at)
       VALUES (?, 'stocks', ?, '', ?, ?, 1, 1, 1, NULL, ?, 1, 1)`,
    );
    thread.run('gone1', '', 'https://www.reddit.com/r/stocks/comments/gone1/', 'https://www.reddit.com/r/stocks/comments/gone1/', 'removed');
    thread.run('live1', 'Amazon in talks', 'https://example.com/a', 'https://www.reddit.com/r/stocks/comments/live1/amazon_in_talks/', 'live');
    const comment = db.prepare(
      `INSERT INTO comments (id, thread_id, parent_id, depth, body, score, created_utc, permalink, edited_utc, status, stickied, distinguished, author, fetched_at, first_seen_at, status_checked_at)
       VALUES (?, ?, NULL, 0, 'words', 1, 1, ?, NULL, 'live', 0, NULL, NULL, 1, 1, 1)`,
    );
    comment.run('g1', 'gone1', 'https://www.reddit.com/r/stocks/comments/gone1/amazon_in_talks/g1/');
    comment.run('l1', 'live1', 'https://www.reddit.com/r/stocks/comments/live1/amazon_in_talks/l1/');
    db.close();
    const migrated = Store.open(path);
    try {
      expect(migrated.getComment('g1')).toMatchObject({ body: 'words', permalink: 'https://www.reddit.com/r/stocks/comments/gone1/_/g1/' });
      expect(migrated.getComment('l1')?.permalink).toBe('https://www.reddit.com/r/stocks/comments/live1/amazon_in_talks/l1/');
    } finally {
      migrated.close();
    }
  });

  it('migration 8 adds the list of unreadable records to a store of version 7: a thread stored before it has none (the next unreadable fetch is news)', () => {
    const path = join(dir, 'v7.sqlite');
    const db = createDatabaseAtVersion(path, 7);
    db.prepare(
      `INSERT INTO threads (id, subreddit, title, selftext, url, permalink, created_utc, score, num_comments, author, status, fetched_at, first_seen_at, unreadable_fetches)
       VALUES ('th1', 'stocks', 'Amazon in talks', '', 'https://example.com/a', 'https://www.reddit.com/r/stocks/comments/th1/amazon_in_talks/', 1, 1, 1, NULL, 'live', 1, 1, 2)`,
    ).run();
    db.close();
    const migrated = Store.open(path);
    try {
      expect(migrated.schemaVersion()).toBe(MIGRATIONS.length);
      expect(migrated.getThreadState('th1')?.unreadableFetches).toBe(2);
      expect(migrated.listUnreadableRecords('th1').size).toBe(0);
      migrated.saveThreadBundle('ev', { thread: makeThread(), comments: [], expected: 1, collected: 0 }, { complete: false, unreadableFetches: 3, unreadableRecords: new Map([['comment c1', 5]]) });
      expect([...migrated.listUnreadableRecords('th1')]).toEqual([['comment c1', 5]]);
    } finally {
      migrated.close();
    }
  });

  /** A store of version 8 whose unconfirmed list is the cursors row (its only home then), holding `value`. */
  function openVersion8WithList(name: string, value: string): Store {
    const path = join(dir, `${name}.sqlite`);
    const db = createDatabaseAtVersion(path, 8);
    db.prepare("INSERT INTO cursors (key, value, updated_at) VALUES ('recheck:unconfirmed', ?, 1), ('import:x', '{\"lines\":3}', 1)").run(value);
    db.close();
    return Store.open(path);
  }

  it('migration 9 moves a readable unconfirmed list from its cursors row into its own table, times kept', () => {
    // a key written twice (by hand) keeps its last time, as JSON.parse read it, and does not fail the upgrade
    const migrated = openVersion8WithList('v8-list', '{"c2":1700000000.5,"c1":1,"c1":1690000000}');
    try {
      expect(migrated.schemaVersion()).toBe(MIGRATIONS.length);
      expect([...migrated.listUnconfirmedComments()]).toEqual([['c1', 1690000000], ['c2', 1700000000.5]]);
      expect(migrated.getCursorText('recheck:unconfirmed')).toBeUndefined();
      expect(migrated.getCursorText('import:x')).toBe('{"lines":3}');
      expect([...readUnconfirmedComments(migrated).keys()]).toEqual(['c1', 'c2']);
    } finally {
      migrated.close();
    }
  });

  // the upgrade must not fail on it (the store would not open at all) nor drop it (its comments would be quotable)
  it.each([['not json{'], ['null'], ['["c1"]'], ['{"c1":"soon"}'], ['{"c1":1,"c2":null}']])(
    'migration 9 leaves a damaged unconfirmed list (%s) in its row, where reading the list stops with the remedy',
    (value) => {
      const migrated = openVersion8WithList(`v8-${value.replace(/\W/g, '_')}`, value);
      try {
        expect(migrated.schemaVersion()).toBe(MIGRATIONS.length);
        expect(migrated.getCursorText('recheck:unconfirmed')).toBe(value);
        expect(migrated.listUnconfirmedComments().size).toBe(0);
        expect(() => readUnconfirmedComments(migrated)).toThrow(/unconfirmed"\) is damaged: .*DELETE FROM cursors WHERE key = 'recheck:unconfirmed'/);
      } finally {
        migrated.close();
      }
    },
  );

  it('migration 11 takes the note out of corrections of comments already purged: the tags stay, live comments keep theirs', () => {
    const path = join(dir, 'v10.sqlite');
    const db = createDatabaseAtVersion(path, 10);
    db.prepare(
      `INSERT INTO threads (id, subreddit, title, selftext, url, permalink, created_utc, score, num_comments, author, status, fetched_at, first_seen_at)
       VALUES ('th1', 'stocks', 'Amazon in talks', '', 'https://example.com/a', 'https://www.reddit.com/r/stocks/comments/th1/amazon_in_talks/', 1, 1, 1, NULL, 'live', 1, 1)`,
    ).run();
    const comment = db.prepare(
      `INSERT INTO comments (id, thread_id, parent_id, depth, body, body_hash, score, created_utc, permalink, edited_utc, status, stickied, distinguished, author, fetched_at, first_seen_at, status_checked_at)
       VALUES (?, 'th1', NULL, 0, ?, '', 1, 1, 'https://www.reddit.com/r/stocks/comments/th1/amazon_in_talks/x/', NULL, ?, 0, NULL, NULL, 1, 1, 1)`,
    );
    comment.run('gone', '', 'deleted');
    comment.run('live', 'Ponzi with extra steps', 'live');
    const label = db.prepare('INSERT INTO labels (comment_id, labels, created_at, note, body_hash) VALUES (?, \'{"cynicism":true}\', 1, ?, NULL)');
    label.run('gone', '"cooking your books" is sarcasm here');
    label.run('live', '"Ponzi" as a joke');
    label.run('forced', 'not collected yet');
    db.close();
    const migrated = Store.open(path);
    try {
      expect(migrated.listLabels().map((l) => [l.commentId, l.labels, l.note])).toEqual([
        ['forced', { cynicism: true }, 'not collected yet'],
        ['gone', { cynicism: true }, null],
        ['live', { cynicism: true }, '"Ponzi" as a joke'],
      ]);
    } finally {
      migrated.close();
    }
  });

  it('migration 10 adds the folders compare --out wrote into to a store of version 9: none known before it', () => {
    const path = join(dir, 'v9.sqlite');
    const db = createDatabaseAtVersion(path, 9);
    db.prepare("INSERT INTO unconfirmed_comments (comment_id, since) VALUES ('c1', 5)").run();
    db.close();
    const migrated = Store.open(path);
    try {
      expect(migrated.schemaVersion()).toBe(MIGRATIONS.length);
      expect(migrated.listComparisonFolders()).toEqual([]);
      expect([...migrated.listUnconfirmedComments()]).toEqual([['c1', 5]]);
      migrated.recordComparisonFolder('/srv/analysis', 10);
      migrated.recordComparisonFolder('/home/ana/deck', 11);
      // a folder written again keeps one row, with its last time
      migrated.recordComparisonFolder('/srv/analysis', 12);
      expect(migrated.listComparisonFolders()).toEqual([
        { path: '/home/ana/deck', writtenAt: 11, missingSince: null },
        { path: '/srv/analysis', writtenAt: 12, missingSince: null },
      ]);
      // missed by a scrub: only the row it read (written_at 11) is marked; a compare --out writing again finds it again
      expect(migrated.markComparisonFolderMissing('/home/ana/deck', 10, 20)).toBe(false);
      expect(migrated.markComparisonFolderMissing('/home/ana/deck', 11, 20)).toBe(true);
      expect(migrated.listComparisonFolders()[0]).toEqual({ path: '/home/ana/deck', writtenAt: 11, missingSince: 20 });
      migrated.recordComparisonFolder('/home/ana/deck', 21);
      expect(migrated.listComparisonFolders()[0]).toEqual({ path: '/home/ana/deck', writtenAt: 21, missingSince: null });
      // forgotten only while it has the written_at read, or by hand (no written_at)
      expect(migrated.forgetComparisonFolder('/home/ana/deck', 11)).toBe(false);
      expect(migrated.forgetComparisonFolder('/home/ana/deck', 21)).toBe(true);
      expect(migrated.forgetComparisonFolder('/never/recorded')).toBe(false);
      expect(migrated.listComparisonFolders().map((folder) => folder.path)).toEqual(['/srv/analysis']);
      expect(migrated.forgetComparisonFolder('/srv/analysis')).toBe(true);
      expect(migrated.listComparisonFolders()).toEqual([]);
    } finally {
      migrated.close();
    }
  });

  it('a copy that confirms nothing (archive, dump) stores a new comment as never checked and leaves a stored one\'s check time', () => {
    const thread = makeThread();
    store.saveThreadBundle('ev', { thread, comments: [makeComment({ id: 'old', body: 'seen live', fetchedAt: 100 })], expected: 1, collected: 1 });
    const archived = [makeComment({ id: 'old', body: 'seen live', score: 9, fetchedAt: 500 }), makeComment({ id: 'new', body: 'archived', fetchedAt: 500 })];
    store.saveThreadBundle('ev', { thread, comments: archived, expected: 2, collected: 2 }, { confirmsLive: false });
    expect(store.getComment('old')).toMatchObject({ score: 9, fetchedAt: 500, statusCheckedAt: 100 });
    expect(store.getComment('new')).toMatchObject({ fetchedAt: 500, statusCheckedAt: NEVER_CHECKED });
    store.saveItems('ev', { threads: [], comments: [makeComment({ id: 'dumped', body: 'from a dump', fetchedAt: 600 })] }, { confirmsLive: false });
    expect(store.getComment('dumped')?.statusCheckedAt).toBe(NEVER_CHECKED);
    // never checked is always due for the re-check
    expect(store.listLiveCommentIds('ev', 50)).toEqual(['dumped', 'new']);
    // a fetch from Reddit confirms
    store.saveThreadBundle('ev', { thread, comments: [makeComment({ id: 'new', body: 'archived', fetchedAt: 700 })], expected: 1, collected: 1 });
    expect(store.getComment('new')?.statusCheckedAt).toBe(700);
    // even a Reddit copy older than the stored edit (its words are not taken back) shows the comment live tonight
    store.saveItems('ev', { threads: [], comments: [makeComment({ id: 'edited', body: 'edited in a dump', editedUtc: 50, fetchedAt: 600 })] }, { confirmsLive: false });
    store.saveThreadBundle('ev', { thread, comments: [makeComment({ id: 'edited', body: 'as first posted', editedUtc: null, fetchedAt: 800 })], expected: 1, collected: 1 });
    expect(store.getComment('edited')).toMatchObject({ body: 'edited in a dump', statusCheckedAt: 800 });
  });

  it('keeps the first time a comment was listed as unconfirmed, and takes comments off the list', () => {
    store.addUnconfirmedComments(['b', 'a'], 10);
    store.addUnconfirmedComments(['a', 'c'], 20);
    expect([...store.listUnconfirmedComments()]).toEqual([['a', 10], ['b', 10], ['c', 20]]);
    store.removeUnconfirmedComments(['b', 'missing']);
    expect([...store.listUnconfirmedComments()]).toEqual([['a', 10], ['c', 20]]);
  });

  it("reads an event's comments in index order: no sort of the whole event in a temporary B-tree", () => {
    const sqls: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((source: string) => (sqls.push(source), prepare(source))) as typeof store.db.prepare;
    store.saveThreadBundle('ev', { thread: makeThread({ id: 'tb' }), comments: [makeComment({ id: 'x2', threadId: 'tb', createdUtc: 5 })], expected: 1, collected: 1 });
    store.saveThreadBundle('ev', { thread: makeThread({ id: 'ta' }), comments: [makeComment({ id: 'x3', threadId: 'ta', createdUtc: 9 }), makeComment({ id: 'x1', threadId: 'ta', createdUtc: 7 })], expected: 2, collected: 2 });
    expect(store.listComments('ev').map((c) => c.id)).toEqual(['x1', 'x3', 'x2']);
    const read = sqls.find((sql) => sql.includes('FROM comments c JOIN event_threads'))!;
    const plan = prepare(`EXPLAIN QUERY PLAN ${read}`).all('ev').map((row) => (row as { detail: string }).detail);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|\bSCAN\b/);
  });

  it("reads the tag stage's pages along indexes: no sort and no scan of the event's comments per page", () => {
    const sqls: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((source: string) => (sqls.push(source), prepare(source))) as typeof store.db.prepare;
    store.listCommentsToTag('ev', 'v1', { threadId: 't1', createdUtc: 0, id: '' }, 10);
    const reads = sqls.filter((sql) => sql.includes('t.result'));
    expect(reads).toHaveLength(2);
    for (const sql of reads) {
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ event: 'ev', thread: 't1', time: 0, id: '', tagger: 'v1', limit: 10 })
        .map((row) => (row as { detail: string }).detail);
      // a sort (USE TEMP B-TREE) reads the whole rest of the event before the first row: every page would cost the event
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|\bSCAN\b/);
      expect(plan.some((line) => /comments_by_thread_time/.test(line))).toBe(true);
    }
    // the rest of the current thread is a range on the index, not the thread from its start
    expect(prepare(`EXPLAIN QUERY PLAN ${reads[0]!}`).all({ thread: 't1', time: 0, id: '', tagger: 'v1', limit: 10 }).map((r) => (r as { detail: string }).detail).join('\n')).toMatch(
      /comments_by_thread_time \(thread_id=\? AND \(created_utc,id\)>\(\?,\?\)\)/,
    );
  });

  it('lists the comments to tag in pages that go on where the last one stopped, across threads, live ones only', () => {
    const comments = (thread: string) => [1, 2, 3].map((n) => makeComment({ id: `${thread}c${n}`, threadId: thread, createdUtc: 100 + n, body: `${thread} ${n}` }));
    store.saveThreadBundle('ev', { thread: makeThread({ id: 'ta' }), comments: comments('ta'), expected: 3, collected: 3 });
    store.saveThreadBundle('ev', { thread: makeThread({ id: 'tb' }), comments: [...comments('tb'), makeComment({ id: 'gone', threadId: 'tb', status: 'deleted', body: '', author: null })], expected: 4, collected: 4 });
    store.saveThreadBundle('other', { thread: makeThread({ id: 'tc' }), comments: comments('tc'), expected: 3, collected: 3 });
    store.saveTags([{ commentId: 'tac2', tagger: 'v1', body: 'ta 2', tags: noTags }], 1);
    const seen: string[] = [];
    let after: TagCursor | null = null;
    for (;;) {
      const page = store.listCommentsToTag('ev', 'v1', after, 2);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((c) => `${c.id}${c.cached ? '*' : ''}`));
      after = page.at(-1)!.cursor;
    }
    expect(seen).toEqual(['tac1', 'tac2*', 'tac3', 'tbc1', 'tbc2', 'tbc3']);
  });

  it('ignores an unreadable cached tag result (it is tagged again) instead of failing the report', () => {
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'a', body: 'x' })], expected: 1, collected: 1 });
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v1', hashText('x'), '{"tags":{"cynicism":{}}}', 1);
    expect(store.loadTags('ev', 'v1').size).toBe(0);
    // not JSON at all (a hand edit cut short, a damaged page): the same, not an internal error for every report
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v0', hashText('x'), '{"tags":', 1);
    expect(store.loadTags('ev', 'v0').size).toBe(0);
    // a cue without its name or weight (an older result shape) is not trusted either; a whole result is
    const tag = (cues: unknown[]) => ({ score: 0.9, label: true, cues });
    const result = (cue: object) => JSON.stringify({ tags: { cynicism: tag([cue]), distrust: tag([]), bubble_caution: tag([]) } });
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v2', hashText('x'), result({ start: 0, end: 1, text: 'x' }), 1);
    expect(store.loadTags('ev', 'v2').size).toBe(0);
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v3', hashText('x'), result({ start: 0, end: 1, text: 'x', cue: 'laughter', weight: 1 }), 1);
    expect(store.loadTags('ev', 'v3').get('a')?.tags.cynicism.cues[0]?.cue).toBe('laughter');
    // the picker's strength: read when a number, the result not trusted when it is something else
    const strong = (strength: unknown) => JSON.stringify({ tags: { cynicism: { ...tag([]), strength }, distrust: tag([]), bubble_caution: tag([]) } });
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v4', hashText('x'), strong(0.97), 1);
    expect(store.loadTags('ev', 'v4').get('a')?.tags.cynicism.strength).toBe(0.97);
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v5', hashText('x'), strong('high'), 1);
    expect(store.loadTags('ev', 'v5').size).toBe(0);
  });

  it('tags again a stored result with a null where a tag or a cue should be, in every reader, instead of a TypeError', () => {
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'a', body: 'x' })], expected: 1, collected: 1 });
    const tag = { score: 0.9, label: true, cues: [] };
    // a hand edit that blanked a tag, or a cue list with a hole: JSON, but not a result
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v1', hashText('x'), JSON.stringify({ tags: { cynicism: null, distrust: tag, bubble_caution: tag } }), 1);
    store.db.prepare('INSERT INTO tags VALUES (?, ?, ?, ?, ?)').run('a', 'v2', hashText('x'), JSON.stringify({ tags: { cynicism: { ...tag, cues: [null] }, distrust: tag, bubble_caution: tag } }), 1);
    for (const tagger of ['v1', 'v2']) {
      expect(store.loadTags('ev', tagger).size).toBe(0);
      expect(store.listCommentsToTag('ev', tagger, null, 10).map((c) => c.cached)).toEqual([false]);
    }
  });

  it("makes the store's own folder (data/ on a first run) but not the folders above it: a mistyped --db fails", () => {
    const first = join(dir, 'data', 'reactionlens.db');
    Store.open(first).close();
    expect(existsSync(first)).toBe(true);
    const typo = join(dir, 'nosuch', 'data', 'reactionlens.db');
    expect(() => Store.open(typo)).toThrow(StoreError);
    expect(() => Store.open(typo)).toThrow(`Cannot create the store's folder ${join(dir, 'nosuch', 'data')}: its parent folder ${join(dir, 'nosuch')} does not exist`);
    expect(existsSync(join(dir, 'nosuch'))).toBe(false);
  });

  it('refuses a store written by a newer schema', () => {
    const path = join(dir, 'future.sqlite');
    Store.open(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => Store.open(path)).toThrow(/newer than this reactionlens/);
  });

  it.each([
    ['SQLITE_FULL', 'database or disk is full', /: database or disk is full \(SQLITE_FULL\)\. The disk holding it is full: free space there and run the command again/],
    ['SQLITE_CORRUPT', 'database disk image is malformed', /\(SQLITE_CORRUPT\)\. The database file is damaged.*restore .*store\.db from a backup, or salvage what SQLite can still read into a new file \(the sqlite3 shell's \.recover or \.dump\) and pass that --db/],
    ['SQLITE_READONLY', 'attempt to write a readonly database', /\(SQLITE_READONLY\)\. .*store\.db or its folder cannot be written.*make both writable/],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', /\(SQLITE_IOERR_WRITE\)\. The disk failed a read or write/],
    ['SQLITE_BUSY', 'database is locked', /\(SQLITE_BUSY\)\. Another program, or a reactionlens command writing at the same time \(`label` takes no lock\), held the database longer than the 5 s wait/],
  ])('a database failure (%s) names the store and says what to do', (code, message, expected) => {
    const error = toStoreError(new Database.SqliteError(message, code), '/srv/rl/store.db');
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^the store at \/srv\/rl\/store\.db: /);
    expect((error as Error).message).toMatch(expected);
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, 50), /database disk image is malformed\. The database file is damaged/],
    ['overwritten header', (bytes: Buffer) => Buffer.concat([Buffer.alloc(100, 0x41), bytes.subarray(100)]), /the file is not an SQLite database.*pass the right --db, or restore .* from a backup/],
  ])('a store file that cannot be opened (%s) is refused with the remedy, and left as it was', (_name, damage, expected) => {
    const path = join(dir, 'damaged.sqlite');
    Store.open(path).close();
    writeFileSync(path, damage(readFileSync(path)));
    const before = readFileSync(path);
    expect(() => Store.open(path)).toThrow(StoreError);
    expect(() => Store.open(path)).toThrow(expected);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('leaves a store of a newer schema byte for byte as it was: not even switched to WAL', () => {
    // a newer reactionlens may keep it in another journal mode (a rollback journal on a network disk, where WAL is unsafe)
    const path = join(dir, 'future-rollback.sqlite');
    Store.open(path).close();
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const before = readFileSync(path);
    expect(() => Store.open(path)).toThrow(`has schema version ${MIGRATIONS.length + 1}, newer than this reactionlens`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it.each([false, true])("refuses another program's SQLite database and leaves it as it was (mustExist %s)", (mustExist) => {
    const path = join(dir, 'other-app.sqlite');
    const other = new Database(path);
    other.exec("CREATE TABLE foo (x); INSERT INTO foo VALUES ('theirs')");
    other.close();
    const before = readFileSync(path);
    expect(() => Store.open(path, { mustExist })).toThrow(StoreError);
    expect(() => Store.open(path, { mustExist })).toThrow(`${path} is not a reactionlens store: it is an SQLite database with other tables (foo)`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it.each([
    [1, false],
    [MIGRATIONS.length, true],
    [MIGRATIONS.length + 4, false],
    [MIGRATIONS.length + 4, true],
  ])("refuses another program's SQLite database that sets user_version (%i) and leaves it as it was (mustExist %s)", (version, mustExist) => {
    const path = join(dir, 'other-app.sqlite');
    const other = new Database(path);
    other.exec("CREATE TABLE foo (x); INSERT INTO foo VALUES ('theirs')");
    other.pragma(`user_version = ${version}`);
    other.close();
    const before = readFileSync(path);
    expect(() => Store.open(path, { mustExist })).toThrow(StoreError);
    expect(() => Store.open(path, { mustExist })).toThrow(
      `${path} is not a reactionlens store: it is an SQLite database with other tables (foo) and schema version ${version}, but not reactionlens's tables (no threads, comments, event_threads, tags, labels, runs)`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('a command that only reads refuses an empty (0-byte) file and leaves it empty; a writing command makes a store in it', () => {
    const path = join(dir, 'empty.sqlite');
    writeFileSync(path, '');
    expect(() => Store.open(path, { mustExist: true })).toThrow(new RegExp(`There is no store at ${path} \\(the file is empty\\)`));
    expect(statSync(path).size).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const created = Store.open(path);
    expect(created.schemaVersion()).toBe(MIGRATIONS.length);
    created.close();
    // once it is a store, reading it is fine
    Store.open(path, { mustExist: true }).close();
  });

  it('upserts by Reddit id: a re-run never duplicates and counts only real changes', () => {
    const bundle = {
      thread: makeThread(),
      comments: [makeComment({ id: 'a' }), makeComment({ id: 'b', parentId: 'a', depth: 1 })],
      expected: 2,
      collected: 2,
    };
    expect(store.saveThreadBundle('ev', bundle)).toEqual({
      threadsNew: 1, threadsUpdated: 0, commentsNew: 2, commentsUpdated: 0, commentsPurged: 0,
    });
    expect(store.saveThreadBundle('ev', bundle)).toEqual({
      threadsNew: 0, threadsUpdated: 0, commentsNew: 0, commentsUpdated: 0, commentsPurged: 0,
    });
    const rescored = { ...bundle, comments: [makeComment({ id: 'a', score: 99, fetchedAt: 1_766_100_000 })] };
    expect(store.saveThreadBundle('ev', rescored).commentsUpdated).toBe(1);
    expect(store.listComments('ev')).toHaveLength(2);
    expect(store.getComment('a')?.score).toBe(99);
    expect(store.getComment('a')?.fetchedAt).toBe(1_766_100_000);
    expect(store.getThreadState('th1')).toMatchObject({ complete: true, expected: 2, collected: 2 });
  });

  it('writes a thread all-or-nothing: a failing comment rolls back the whole thread', () => {
    const bad = makeComment({ id: 'bad', status: 'bogus' as never });
    expect(() =>
      store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'ok' }), bad], expected: 2, collected: 2 }),
    ).toThrow();
    expect(store.getThread('th1')).toBeUndefined();
    expect(store.getComment('ok')).toBeUndefined();
  });

  it('never keeps the text or author of deleted/removed comments, and does not revive them', () => {
    store.saveThreadBundle('ev', {
      thread: makeThread(),
      comments: [makeComment({ id: 'a', body: 'Circle jerk continues' }), makeComment({ id: 'r', status: 'removed', body: 'should vanish' })],
      expected: 2,
      collected: 2,
    });
    expect(store.getComment('r')).toMatchObject({ body: '', author: null, status: 'removed' });
    store.saveTags([{ commentId: 'a', tagger: 'v1', tags: noTags, body: 'Circle jerk continues' }], 1);

    // Later fetch says the author deleted it: text, author and tag results (which hold cue snippets) go.
    const counts = store.saveThreadBundle('ev', {
      thread: makeThread(),
      comments: [makeComment({ id: 'a', body: '', status: 'deleted', author: null })],
      expected: 2,
      collected: 2,
    });
    expect(counts.commentsPurged).toBe(1);
    expect(store.getComment('a')).toMatchObject({ body: '', author: null, status: 'deleted' });
    expect(store.loadTags('ev', 'v1').size).toBe(0);

    // An older copy (e.g. from an archive) must not bring the text back.
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'a', body: 'Circle jerk continues' })], expected: 2, collected: 2 });
    expect(store.getComment('a')?.body).toBe('');
    const raw = store.db.prepare("SELECT COUNT(*) AS n FROM comments WHERE body LIKE '%Circle jerk%' OR body LIKE '%vanish%'").get() as { n: number };
    expect(raw.n).toBe(0);
  });

  it('purges on re-check and records when live comments were confirmed', () => {
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'a' }), makeComment({ id: 'b' })], expected: 2, collected: 2 });
    expect(store.purgeComments([{ id: 'a', status: 'removed' }, { id: 'zz', status: 'deleted' }], 1_777_000_000)).toBe(1);
    store.markStatusChecked(['b'], 1_777_000_001);
    expect(store.getComment('a')).toMatchObject({ status: 'removed', body: '', statusCheckedAt: 1_777_000_000 });
    expect(store.getComment('b')?.statusCheckedAt).toBe(1_777_000_001);
    expect(store.listLiveCommentIds('ev')).toEqual(['b']);
  });

  it.each([
    ['the re-check', (s: Store) => s.purgeComments([{ id: 'long', status: 'deleted' }, { id: 'short', status: 'removed' }], 1_777_000_000)],
    ['a refetch', (s: Store) => s.saveItems('ev', { threads: [], comments: [makeComment({ id: 'long', body: '', status: 'deleted' }), makeComment({ id: 'short', body: '', status: 'removed' })] })],
  ] as const)('leaves no byte of a comment purged by %s in the database file (freed pages are zeroed)', (_how, purge) => {
    const path = join(dir, 'bytes.sqlite');
    const first = Store.open(path);
    // a long text spills into overflow pages, which a purge frees whole; a short one sits in its table page
    const long = 'Cooking your books and calling it a triple win. '.repeat(200);
    first.saveItems('ev', { threads: [makeThread()], comments: [makeComment({ id: 'long', body: long }), makeComment({ id: 'short', body: 'Ponzi with extra steps, obviously.' })] });
    first.saveTags([{ commentId: 'long', tagger: 't', tags: noTags, body: long }], 1);
    first.close();
    const second = Store.open(path);
    purge(second);
    second.close(); // checkpoints the WAL into the file and removes it
    const bytes = readFileSync(path);
    expect(bytes.includes('Cooking your books')).toBe(false);
    expect(bytes.includes('Ponzi with extra steps')).toBe(false);
  });

  it('keeps tag results per tagger version and drops them when the text was edited', () => {
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'a', body: 'v1 text' })], expected: 1, collected: 1 });
    store.saveTags([{ commentId: 'a', tagger: 'tagger-A', tags: noTags, body: 'v1 text' }], 1);
    store.saveTags([{ commentId: 'a', tagger: 'tagger-B', tags: noTags, body: 'v1 text' }], 1);
    expect(store.loadTags('ev', 'tagger-A').get('a')?.tags.bubble_caution.label).toBe(true);
    expect(store.loadTags('ev', 'tagger-B').size).toBe(1);
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'a', body: 'edited text', editedUtc: 5 })], expected: 1, collected: 1 });
    expect(store.loadTags('ev', 'tagger-A').size).toBe(0);
  });

  it('an older copy (from before the stored edit) never brings back the words the author changed', () => {
    const save = (body: string, editedUtc: number | null, score: number): void => {
      store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'a', body, editedUtc, score })], expected: 1, collected: 1 });
    };
    save('Edit: I was wrong, the accounting is fine.', 500, 31);
    // an archive copy taken before the edit turns up later
    save('Cooking the books again. Totally not a scam.', null, 30);
    save('An even older draft', 200, 12);
    expect(store.getComment('a')).toMatchObject({ body: 'Edit: I was wrong, the accounting is fine.', editedUtc: 500, score: 31 });
    // a later edit still wins, and the same edit still updates the score
    save('Edit: I was wrong, the accounting is fine.', 500, 40);
    expect(store.getComment('a')?.score).toBe(40);
    save('Edit 2: never mind.', 900, 41);
    expect(store.getComment('a')).toMatchObject({ body: 'Edit 2: never mind.', editedUtc: 900 });
  });

  it("a deleted account's name never comes back: an older copy naming the author leaves it [deleted], the text still live", () => {
    const save = (author: string | null, body: string): void => {
      store.saveItems('ev', { threads: [makeThread()], comments: [makeComment({ id: 'a', author, body })] }, { confirmsLive: false });
    };
    save('[deleted]', 'Cooking the books again.');
    save('DeepValue_99', 'Cooking the books again.');
    expect(store.getComment('a')).toMatchObject({ status: 'live', author: '[deleted]', body: 'Cooking the books again.' });
    // the text is still the comment's to update (an edit after the account went)
    save('DeepValue_99', 'Edit: cooking the books, again.');
    expect(store.getComment('a')).toMatchObject({ author: '[deleted]', body: 'Edit: cooking the books, again.' });
    expect(store.db.prepare("SELECT COUNT(*) FROM comments WHERE author = 'DeepValue_99'").pluck().get()).toBe(0);
  });

  it('links a thread to several events without copying it', () => {
    const bundle = { thread: makeThread(), comments: [makeComment({ id: 'a' })], expected: 1, collected: 1 };
    store.saveThreadBundle('one', bundle);
    store.saveThreadBundle('two', bundle);
    expect(store.countEvent('one')).toEqual({ threads: 1, comments: 1, live: 1 });
    expect(store.countEvent('two')).toEqual({ threads: 1, comments: 1, live: 1 });
    expect(store.countEvent('none')).toEqual({ threads: 0, comments: 0, live: 0 });
  });

  it('reads stored runs through one check: an unreadable record is left out and named, not a crash', () => {
    const run = (id: string, startedAt: number, finishedAt: number | null): RunRecord => ({
      id, eventId: 'ev', source: 'fixtures', startedAt, finishedAt, window: { from: 0, to: 1 }, queries: ['q'],
      counts: emptyRunCounts(), skipped: [], errors: [], status: finishedAt === null ? 'running' : 'ok',
    });
    store.saveRun(run('good', 1, 2));
    store.saveRun(run('killed', 2, null));
    // a hand edit, an older shape, a damaged row: not JSON, a field of the wrong type, an unfinished run missing its errors
    const insert = store.db.prepare("INSERT INTO runs (id, event_id, source, started_at, finished_at, status, record) VALUES (?, 'ev', 'fixtures', ?, ?, 'ok', ?)");
    insert.run('not-json', 3, 4, '{"id": "not-json", ');
    insert.run('bad-count', 4, 5, JSON.stringify({ ...run('bad-count', 4, 5), counts: { ...emptyRunCounts(), requests: 'many' } }));
    const { errors: _dropped, ...noErrors } = run('bad-unfinished', 5, null);
    insert.run('bad-unfinished', 5, null, JSON.stringify(noErrors));

    const abandoned = store.abandonUnfinishedRuns('later');
    expect(abandoned.abandoned.map((r) => [r.id, r.status])).toEqual([['killed', 'abandoned']]);
    expect(abandoned.unreadable).toHaveLength(1);
    expect(abandoned.unreadable[0]).toBeInstanceOf(StoreError);
    expect(abandoned.unreadable[0]?.message).toBe("the stored record of run bad-unfinished cannot be read: errors: Invalid input: expected array, received undefined; to clear it, repair that record or delete its row (DELETE FROM runs WHERE id = 'bad-unfinished')");
    // the unreadable row is left as it was: rewriting it would lose what it holds
    expect(store.db.prepare("SELECT record FROM runs WHERE id = 'bad-unfinished'").pluck().get()).toBe(JSON.stringify(noErrors));

    // found once: a later call marks nothing again (the run keeps no finish time), and still names the unreadable row
    const again = store.abandonUnfinishedRuns('later still');
    expect(again.abandoned).toEqual([]);
    expect(again.unreadable.map((e) => e.message)).toEqual(abandoned.unreadable.map((e) => e.message));

    const listed = store.listRuns('ev');
    expect(listed.runs.map((r) => `${r.id}:${r.status}`)).toEqual(['good:ok', 'killed:abandoned']);
    expect(listed.runs.find((r) => r.id === 'killed')).toMatchObject({ finishedAt: null, errors: ['abandoned: it never finished (killed or crashed); found by later'] });
    expect(listed.unreadable.map((e) => e.message)).toEqual([
      expect.stringMatching(/^the stored record of run not-json cannot be read: it is not JSON \(/),
      "the stored record of run bad-count cannot be read: counts.requests: Invalid input: expected number, received string; to clear it, repair that record or delete its row (DELETE FROM runs WHERE id = 'bad-count')",
      "the stored record of run bad-unfinished cannot be read: errors: Invalid input: expected array, received undefined; to clear it, repair that record or delete its row (DELETE FROM runs WHERE id = 'bad-unfinished')",
    ]);
  });

  it("reads back a run's count of unconfirmed comments, and a run recorded before that count without it", () => {
    const base: RunRecord = {
      id: 'with', eventId: 'ev', source: 'reddit', startedAt: 1, finishedAt: 2, window: { from: 0, to: 1 }, queries: ['q'],
      counts: { ...emptyRunCounts(), commentsUnconfirmed: 3 }, skipped: [], errors: [], status: 'ok',
    };
    store.saveRun(base);
    const { commentsUnconfirmed: _older, ...olderCounts } = base.counts;
    store.saveRun({ ...base, id: 'older', startedAt: 3, finishedAt: 4, counts: olderCounts });
    const counts = Object.fromEntries(store.listRuns('ev').runs.map((r) => [r.id, r.counts.commentsUnconfirmed]));
    expect(counts).toEqual({ with: 3, older: undefined });
  });

  it('a stored correction that cannot be read is a StoreError naming the comment, not a crash', () => {
    store.putLabel({ commentId: 'a', labels: { cynicism: true }, createdAt: 1, note: null });
    store.db.prepare("UPDATE labels SET labels = '{\"cynicism\": \"yes\"}' WHERE comment_id = 'a'").run();
    expect(() => store.listLabels()).toThrow(/^the store at .*: the stored correction of comment a cannot be read: cynicism: Invalid input: expected boolean, received string\. Record it again with `reactionlens label a /);
    store.db.prepare("UPDATE labels SET labels = '{' WHERE comment_id = 'a'").run();
    expect(() => store.listLabels()).toThrow(/^the store at .*: the stored correction of comment a cannot be read: it is not JSON \(.*DELETE FROM labels WHERE comment_id = 'a'/);
    expect(() => store.listLabels()).toThrow(StoreError);
  });

  it('stores human label overrides and resume cursors', () => {
    store.putLabel({ commentId: 'a', labels: { cynicism: true, distrust: false }, createdAt: 3, note: 'first' });
    // a later correction is merged per tag: the tag given again wins, the others stay; a new note replaces the old
    const merged = store.putLabel({ commentId: 'a', labels: { cynicism: false }, createdAt: 4, note: 'second look' });
    const expected = { commentId: 'a', labels: { cynicism: false, distrust: false }, createdAt: 4, note: 'second look' };
    expect(merged).toEqual(expected);
    expect(store.listLabels()).toEqual([expected]);
    // no note given: the earlier note is kept
    store.putLabel({ commentId: 'a', labels: { bubble_caution: true }, createdAt: 5, note: null });
    expect(store.listLabels()).toEqual([{ ...expected, labels: { ...expected.labels, bubble_caution: true }, createdAt: 5 }]);
    store.setCursor('import:x', { lines: 10 }, 1);
    expect(JSON.parse(store.getCursorText('import:x') ?? 'null')).toEqual({ lines: 10 });
    expect(store.getCursorText('missing')).toBeUndefined();
  });
});
