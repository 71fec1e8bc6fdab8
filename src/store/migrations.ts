// Versioned schema. PRAGMA user_version holds the number of migrations applied;
// each migration runs in its own transaction. Append only: never edit a shipped step.

export const MIGRATIONS: readonly string[] = [
  // 1: the foundation schema
  `
  CREATE TABLE threads (
    id            TEXT PRIMARY KEY,
    subreddit     TEXT NOT NULL,
    title         TEXT NOT NULL,
    selftext      TEXT NOT NULL,
    url           TEXT NOT NULL,
    permalink     TEXT NOT NULL,
    created_utc   REAL NOT NULL,
    score         INTEGER NOT NULL,
    num_comments  INTEGER NOT NULL,
    author        TEXT,
    status        TEXT NOT NULL CHECK (status IN ('live','deleted','removed')),
    fetched_at    REAL NOT NULL,
    first_seen_at REAL NOT NULL,
    -- completion mark: set in the same transaction as the thread's comments
    complete      INTEGER NOT NULL DEFAULT 0,
    completed_at  REAL,
    expected      INTEGER,
    collected     INTEGER
  );
  CREATE TABLE comments (
    id                TEXT PRIMARY KEY,
    thread_id         TEXT NOT NULL REFERENCES threads(id),
    parent_id         TEXT,
    depth             INTEGER NOT NULL,
    body              TEXT NOT NULL,
    score             INTEGER NOT NULL,
    created_utc       REAL NOT NULL,
    permalink         TEXT NOT NULL,
    edited_utc        REAL,
    status            TEXT NOT NULL CHECK (status IN ('live','deleted','removed')),
    stickied          INTEGER NOT NULL,
    distinguished     TEXT,
    author            TEXT,
    fetched_at        REAL NOT NULL,
    first_seen_at     REAL NOT NULL,
    status_checked_at REAL NOT NULL
  );
  CREATE INDEX comments_by_thread ON comments(thread_id);
  CREATE TABLE event_threads (
    event_id  TEXT NOT NULL,
    thread_id TEXT NOT NULL REFERENCES threads(id),
    PRIMARY KEY (event_id, thread_id)
  );
  CREATE TABLE tags (
    comment_id TEXT NOT NULL REFERENCES comments(id),
    tagger     TEXT NOT NULL,
    -- which text was tagged: an edited comment is tagged again
    body_hash  TEXT NOT NULL,
    result     TEXT NOT NULL,
    tagged_at  REAL NOT NULL,
    PRIMARY KEY (comment_id, tagger)
  );
  CREATE TABLE labels (
    comment_id TEXT PRIMARY KEY,
    labels     TEXT NOT NULL,
    created_at REAL NOT NULL,
    note       TEXT
  );
  CREATE TABLE runs (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL,
    source      TEXT NOT NULL,
    started_at  REAL NOT NULL,
    finished_at REAL,
    status      TEXT NOT NULL,
    record      TEXT NOT NULL
  );
  CREATE INDEX runs_by_event ON runs(event_id, started_at);
  `,
  // 2: resume points for long-running sources (dump import offsets, archive paging)
  `
  CREATE TABLE cursors (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at REAL NOT NULL
  );
  `,
  // 3: the comment's text hash lives beside it, so tag results are matched to the current
  //    text in SQL (no hashing per row on every report); an index for the report's read order.
  //    rl_text_hash() is registered by Store.open before migrating.
  `
  ALTER TABLE comments ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';
  UPDATE comments SET body_hash = rl_text_hash(body);
  CREATE INDEX comments_by_thread_time ON comments(thread_id, created_utc, id);
  DROP INDEX comments_by_thread;
  `,
  // 4: which text a human correction was made on (the comment's body_hash then), so a correction of a comment
  //    edited since is kept but known to be about its earlier words. Corrections already stored are taken as
  //    made on the text stored now; one whose comment is not in the store (label --force) has none (NULL).
  `
  ALTER TABLE labels ADD COLUMN body_hash TEXT;
  UPDATE labels SET body_hash = (SELECT c.body_hash FROM comments c WHERE c.id = labels.comment_id);
  `,
  // 5: a deleted or removed thread keeps none of its words: its title (and the slug made from it in its links) goes
  //    too, as selftext and author always did. rl_strip_title_slug() is registered by Store.open before migrating.
  `
  UPDATE threads SET title = '', selftext = '', author = NULL, permalink = rl_strip_title_slug(permalink), url = rl_strip_title_slug(permalink)
  WHERE status <> 'live';
  `,
  // 6: how many fetches in a row of a thread skipped comments that could not be read: such a thread is fetched again
  //    (Reddit may serve them readable later), a bounded number of times.
  `
  ALTER TABLE threads ADD COLUMN unreadable_fetches INTEGER NOT NULL DEFAULT 0;
  `,
  // 7: the comments of a deleted or removed thread do not keep its title either: their links lose the slug made from it
  //    ("/comments/<thread>/<slug>/<comment>/" → "/comments/<thread>/_/<comment>/", see stripTitleSlug), as migration 5
  //    did for the thread's own links.
  `
  UPDATE comments SET permalink = rl_strip_title_slug(permalink)
  WHERE thread_id IN (SELECT id FROM threads WHERE status <> 'live');
  `,
  // 8: which records a thread's last fetch skipped as unreadable (by the skip record's locator, `comment <id>` from Reddit)
  //    and when a fetch first found each so, in that unbroken row of fetches: a comment still unreadable is then told
  //    from a new failure. A thread's rows are replaced by each fetch that stores it.
  `
  CREATE TABLE unreadable_records (
    thread_id     TEXT NOT NULL REFERENCES threads(id),
    record        TEXT NOT NULL,
    first_seen_at REAL NOT NULL,
    PRIMARY KEY (thread_id, record)
  );
  `,
  // 9: the comments a deletion re-check could not confirm live get a table of their own (they were one JSON object in
  //    the cursors row "recheck:unconfirmed", rewritten whole after every answer: quadratic in a big collection). A
  //    readable row moves here; a damaged one (not a JSON object of numbers) stays, and the code that reads the list
  //    stops with the remedy (see unconfirmed-comments.ts) instead of making its comments quotable again. The nested
  //    CASE keeps json_type and json_each away from text that is not JSON (they raise an error on it). A key written
  //    twice (only by hand) keeps its last time, as JSON.parse read it, instead of failing the upgrade.
  `
  CREATE TABLE unconfirmed_comments (
    comment_id TEXT PRIMARY KEY,
    since      REAL NOT NULL
  );
  CREATE TEMP TABLE legacy_unconfirmed AS
    SELECT CASE WHEN json_valid(value) THEN CASE WHEN json_type(value) = 'object' THEN value END END AS list
    FROM cursors WHERE key = 'recheck:unconfirmed';
  DELETE FROM temp.legacy_unconfirmed
    WHERE list IS NULL OR EXISTS (SELECT 1 FROM json_each(list) WHERE type NOT IN ('integer', 'real'));
  INSERT OR REPLACE INTO unconfirmed_comments (comment_id, since)
    SELECT j.key, j.value FROM temp.legacy_unconfirmed l, json_each(l.list) j;
  DELETE FROM cursors WHERE key = 'recheck:unconfirmed' AND EXISTS (SELECT 1 FROM temp.legacy_unconfirmed);
  DROP TABLE temp.legacy_unconfirmed;
  `,
  // 10: the folders `compare --out` wrote comparisons into (as given, made absolute), with when it last did. Their files
  //     quote comments too, so the scrub reaches them wherever they are, not only at the top of its own reports folder.
  //     Comparisons written before this are not known: there is nothing to fill the table from. `missing_since`: when a
  //     scrub first found the folder missing (NULL while it is found), so that a folder missing for a night (a disk not
  //     mounted, a store shared with a machine that lacks it) stays on the record, and only one missing for long is dropped.
  `
  CREATE TABLE comparison_folders (
    path          TEXT PRIMARY KEY,
    written_at    REAL NOT NULL,
    missing_since REAL
  );
  `,
  // 11: a human correction of a comment deleted or removed on Reddit keeps no note: the note is a reviewer's words about
  //     the comment's, often quoting them, and they go with its text (as its tag results' cue snippets always did). The
  //     correction's tags stay: never applied nor exported, `labels export` names it as skipped.
  `
  UPDATE labels SET note = NULL
  WHERE note IS NOT NULL AND comment_id IN (SELECT id FROM comments WHERE status <> 'live');
  `,
  // 12: when each comment first became quotable in this store (stored live with its text, and not on the unconfirmed
  //     list), at the commit that made it so: what `quotes --collected-since` compares. first_seen_at is its fetch's
  //     start, before a feed fetched while the run stored it, and an archive copy held for its re-check only becomes
  //     quotable at the re-check's answer. NULL: not quotable yet (withheld, purged, no text). Comments quotable now are
  //     taken as quotable since they were first stored, the time --collected-since compared until now; so are those
  //     withheld now that Reddit confirmed live before (a check time: a listed comment's is never refreshed, so it was
  //     quotable between that check and its listing, and feeds offered it then). Only a comment never confirmed and
  //     withheld (an archive copy held for its first re-check) gets its time when a re-check confirms it.
  `
  ALTER TABLE comments ADD COLUMN first_quotable_at REAL;
  UPDATE comments SET first_quotable_at = first_seen_at
  WHERE status = 'live' AND trim(body, ' ' || char(9, 10, 13)) <> ''
    AND (status_checked_at <> 0 OR id NOT IN (SELECT comment_id FROM unconfirmed_comments));
  `,
  // 13: a correction recorded with --force before its comment was collected kept no text hash, so an edit of the comment
  //     never set it aside. Such corrections now take the text the comment has when it is stored; those whose comment
  //     is in the store already take its text now (the first the store can still name), unless it is an archive copy
  //     still held for a re-check: that one is pinned when a re-check confirms it, to the text Reddit then shows.
  `
  UPDATE labels SET body_hash = (SELECT c.body_hash FROM comments c WHERE c.id = labels.comment_id)
  WHERE body_hash IS NULL AND comment_id IN (SELECT id FROM comments WHERE status = 'live' AND trim(body, ' ' || char(9, 10, 13)) <> '')
    AND comment_id NOT IN (SELECT comment_id FROM unconfirmed_comments);
  `,
];
