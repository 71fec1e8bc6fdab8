import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { InstallError, InternalError, StoreError } from '../errors/errors.js';
import { isAddonLoadFailure } from '../errors/is-addon-load-failure.js';
import { redactRun } from '../errors/redact-secrets.js';
import { hashText } from '../util/hash-text.js';
import { stripTitleSlug } from '../reddit/strip-title-slug.js';
import { DELETED_AUTHOR, NEVER_CHECKED, TAG_NAMES } from '../types.js';
import type {
  Comment,
  Cue,
  ContentStatus,
  LabelOverride,
  RunRecord,
  TagName,
  TagOutcome,
  TagResult,
  Thread,
  ThreadBundle,
} from '../types.js';
import { MIGRATIONS } from './migrations.js';
import { parseStoredJson } from './parse-stored-json.js';
import { parseStoredRun } from './parse-stored-run.js';

export const DEFAULT_DB_PATH = 'data/reactionlens.db';

/** How a command opens the store: see Store.open. */
export interface StoreOpenOptions {
  mustExist?: boolean;
  readonly?: boolean;
  upgrade?: boolean;
  /** The command writes the store only in passing and best effort (`report`, `scrub`): see Store.open. */
  writesInPassing?: boolean;
  /** With `readonly`: a store of any schema version is opened (`store check` reads no table of ours). */
  anySchema?: boolean;
  /** The clock (seconds since the epoch) for the times the store itself records (see firstQuotableAt); default the system's. */
  now?: () => number;
}

/** A folder `compare --out` wrote comparisons into: see migration 10. */
export interface ComparisonFolder {
  path: string;
  writtenAt: number;
  /** When a scrub first found it missing; null while it is found. */
  missingSince: number | null;
}

export interface SaveCounts {
  threadsNew: number;
  threadsUpdated: number;
  commentsNew: number;
  commentsUpdated: number;
  commentsPurged: number;
}

export interface ThreadState {
  complete: boolean;
  fetchedAt: number;
  completedAt: number | null;
  expected: number | null;
  collected: number | null;
  /** Fetches in a row that skipped comments which could not be read (0 after a fetch that read them all). */
  unreadableFetches: number;
}

/**
 * A comment as stored, with when its status was last confirmed (NEVER_CHECKED: never confirmed with Reddit), when
 * this store first stored it (its first fetch or import: later fetches leave it as it was), and when it first became
 * quotable here (see firstQuotableAt).
 */
export interface StoredComment extends Comment {
  statusCheckedAt: number;
  firstSeenAt: number;
  /**
   * When the comment first became quotable in this store, by the store's clock as the write that made it so ended: stored live with
   * its text and not on the unconfirmed list (an archive copy held for its re-check: when the re-check confirmed it).
   * Null while it never has been. Set once: a later hold, refetch or edit leaves it. What `quotes --collected-since` compares.
   */
  firstQuotableAt: number | null;
}

/** How a save treats the comments it is given. */
export interface SaveOptions {
  /**
   * Whether the copies show the comments as Reddit shows them now (a fetch from Reddit; default), so a live one is
   * confirmed at its fetch time; false for copies that confirm nothing (archive, dump, saved JSON): a new comment is
   * stored as NEVER_CHECKED, and a stored one keeps the check time it had.
   */
  confirmsLive?: boolean;
  /**
   * Put the saved comments that are live on the unconfirmed list, in the same transaction (a comment already on it keeps
   * its time): an archive's copies, which the run's re-check asks Reddit about after the fetches. They are never
   * quotable before Reddit confirms them, not even while the run is still fetching, nor after a run stopped before its re-check.
   */
  holdUnconfirmed?: boolean;
}

export interface EventSnapshot {
  threads: Thread[];
  comments: StoredComment[];
  /** Tag results of one tagger version, by comment id (only for the current body). */
  tags: Map<string, TagResult>;
  labels: Map<string, LabelOverride>;
}

/** Stored runs that could be read, and one StoreError per run whose record cannot be. */
export interface StoredRuns {
  runs: RunRecord[];
  unreadable: StoreError[];
}

/** Where the tag stage's reading of an event stopped: the last comment it read, in (thread, time, id) order. */
export interface TagCursor {
  threadId: string;
  createdUtc: number;
  id: string;
}

/** A stored comment of an event with the readable result of one tagger version for its current text, if any (see listEventComments). */
export interface CommentWithResult {
  comment: StoredComment;
  result: TagResult | undefined;
}

/** A live comment as the tag stage reads it: `cached` when a readable result of the tagger for its current text is stored. */
export interface CommentToTag {
  id: string;
  body: string;
  cached: boolean;
}

// the tagger's stored result for the comment's current text, if any (the comments_by_thread_time order is the caller's)
const SELECT_TO_TAG = `SELECT c.thread_id, c.id, c.created_utc, c.body, t.result FROM comments c
  LEFT JOIN tags t ON t.comment_id = c.id AND t.tagger = @tagger AND t.body_hash = c.body_hash`;

interface LabelRow {
  comment_id: string;
  labels: string;
  created_at: number;
  note: string | null;
  text_changed: number;
}

const SELECT_LABELS = `SELECT l.comment_id, l.labels, l.created_at, l.note,
         (l.body_hash IS NOT NULL AND c.status = 'live' AND c.body_hash <> l.body_hash) AS text_changed
  FROM labels l LEFT JOIN comments c ON c.id = l.comment_id`;

interface RunRow {
  id: string;
  record: string;
}

interface ThreadRow {
  id: string;
  subreddit: string;
  title: string;
  selftext: string;
  url: string;
  permalink: string;
  created_utc: number;
  score: number;
  num_comments: number;
  author: string | null;
  status: ContentStatus;
  fetched_at: number;
  complete: number;
  completed_at: number | null;
  expected: number | null;
  collected: number | null;
  unreadable_fetches: number;
}

const COMMENT_COLUMNS = [
  'id', 'thread_id', 'parent_id', 'depth', 'body', 'score', 'created_utc', 'permalink', 'edited_utc', 'status',
  'stickied', 'distinguished', 'author', 'fetched_at', 'status_checked_at', 'first_seen_at', 'first_quotable_at',
] as const;

// A comment is quotable once it is live, has text and is not withheld for a re-check: see StoredComment.firstQuotableAt.
// Its text as the feed sees it (JavaScript's trim: SQLite's trims spaces only, so the usual whitespace is named).
const MARK_QUOTABLE = `UPDATE comments SET first_quotable_at = ? WHERE id = ? AND first_quotable_at IS NULL AND status = 'live'
  AND trim(body, ' ' || char(9, 10, 13)) <> '' AND NOT EXISTS (SELECT 1 FROM unconfirmed_comments u WHERE u.comment_id = comments.id)`;

// Corrections with no text yet (body_hash NULL: recorded before their comment was collected, or while it had no text
// or was an archive copy awaiting Reddit's, see putLabel), pinned to the comment's text once it has one Reddit has
// confirmed: an archive copy held for a re-check may hold words the author has since edited, the reviewer judged the
// comment as Reddit shows it, and the re-check that confirms it stores Reddit's text first.
const PIN_FORCED_LABELS = `UPDATE labels SET body_hash = (SELECT c.body_hash FROM comments c WHERE c.id = labels.comment_id)
  WHERE body_hash IS NULL AND comment_id IN (SELECT id FROM comments WHERE status = 'live' AND trim(body, ' ' || char(9, 10, 13)) <> '')
    AND comment_id NOT IN (SELECT comment_id FROM unconfirmed_comments)`;

// Stored JSON columns are ours, but a store can outlive a code version: check them.
// A hand-written guard, not zod: reports read ~100k of these and zod cost seconds.
function isTagOutcome(value: unknown): value is TagOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const tags = (value as { tags?: unknown }).tags;
  if (typeof tags !== 'object' || tags === null) return false;
  for (const name of TAG_NAMES) {
    const tag = (tags as Record<string, unknown>)[name] as { score?: unknown; label?: unknown; cues?: unknown; strength?: unknown } | null | undefined;
    // null too (a hand edit that blanked a tag or left a hole in a cue list): read, it would throw, not be tagged again
    if (typeof tag !== 'object' || tag === null || typeof tag.score !== 'number' || typeof tag.label !== 'boolean' || !Array.isArray(tag.cues)) return false;
    if (tag.strength !== undefined && typeof tag.strength !== 'number') return false;
    for (const cue of tag.cues as unknown[]) {
      const c = cue as { start?: unknown; end?: unknown; text?: unknown; cue?: unknown; weight?: unknown } | null;
      if (typeof c !== 'object' || c === null || typeof c.start !== 'number' || typeof c.end !== 'number' || typeof c.text !== 'string' || typeof c.cue !== 'string' || typeof c.weight !== 'number') return false;
    }
  }
  const skipped = (value as { skipped?: unknown }).skipped;
  return skipped === undefined || typeof skipped === 'string';
}

/** A stored tag result, or undefined when it cannot be read (not JSON, or not of the right shape): it is tagged again. */
function parseTagResult(text: string): TagOutcome | undefined {
  let outcome: unknown;
  try {
    outcome = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isTagOutcome(outcome) ? outcome : undefined;
}

/** A stored result as the reports read it; undefined when it cannot be read (older code, hand edits, a damaged page): it is tagged again. */
function toStoredResult(text: string, commentId: string, tagger: string): TagResult | undefined {
  const outcome = parseTagResult(text);
  if (outcome === undefined) return undefined;
  // Most tags fire no cue: share one empty array instead of holding 3 × 100k of them.
  for (const name of TAG_NAMES) if (outcome.tags[name].cues.length === 0) outcome.tags[name].cues = NO_CUES;
  return { tags: outcome.tags, ...(outcome.skipped === undefined ? {} : { skipped: outcome.skipped }), commentId, tagger };
}

// an event's comments in COMMENT_COLUMNS order, then the tagger's stored result for the current text (listEventComments)
const SELECT_WITH_RESULT = `SELECT ${COMMENT_COLUMNS.map((c) => `c.${c}`).join(', ')}, t.result FROM comments c
  LEFT JOIN tags t ON t.comment_id = c.id AND t.tagger = @tagger AND t.body_hash = c.body_hash`;

const EMPTY_HASH = hashText('');
/** In putLabel's upsert: the hash of the text the new correction is about, NULL while the comment has none here. */
const LABELED_TEXT = `(SELECT body_hash FROM comments WHERE id = @id AND trim(body, ' ' || char(9, 10, 13)) <> '')`;
/**
 * In putLabel's upsert: the stored correction was made on the text the new one is about (or either text is unknown:
 * a correction recorded with --force, or from before the store knew which text it was made on).
 */
const SAME_LABELED_TEXT = `labels.body_hash IS NULL OR ${LABELED_TEXT} IS NULL OR labels.body_hash = ${LABELED_TEXT}`;
/**
 * In putLabel's upsert: the comment is an archive copy held for its re-check that Reddit never confirmed. The archive
 * keeps words as it first archived them, and the reviewer judged the comment as Reddit shows it: the correction waits
 * unpinned for the text the confirming re-check stores (PIN_FORCED_LABELS), as one given with --force does. A held
 * comment Reddit confirmed before (a later backfill held it again) holds the words Reddit confirmed, or a later edit
 * (an older archive copy never replaces them): pinned at once, as any comment's.
 */
const AWAITS_REDDIT_TEXT = `EXISTS (SELECT 1 FROM comments c JOIN unconfirmed_comments u ON u.comment_id = c.id
  WHERE c.id = @id AND c.status = 'live' AND c.status_checked_at = ${NEVER_CHECKED})`;
const NO_CUES: Cue[] = [];
Object.freeze(NO_CUES);
const labelsSchema = z.partialRecord(z.enum(['cynicism', 'distrust', 'bubble_caution']), z.boolean());

/**
 * The embedded SQLite store. Every write that belongs together is one
 * transaction, so a crash never leaves half a thread; upserts are keyed by
 * Reddit ids, so re-running never duplicates. Deleted/removed content is
 * purged on write: its text and author are never kept.
 */
export class Store {
  readonly db: Database.Database;

  private readonly statements = new Map<string, Database.Statement>();

  /** Run before every statement that writes, while set (see checkBeforeEachWrite). */
  private writeCheck: (() => void) | null = null;

  /** Words were purged (or the store opened for writing) since the -wal file was last emptied: see checkpointPurges. */
  private purgePending = false;

  private constructor(db: Database.Database, readonly path: string, private readonly now: () => number) {
    this.db = db;
  }

  /** Prepared once per SQL text: upserts run per row, and preparing is the expensive part. */
  private sql<P extends unknown[] | {} = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    if (this.writeCheck !== null && !statement.readonly) this.writeCheck();
    return statement as unknown as Database.Statement<P, R>;
  }

  /**
   * Sets (or, with null, clears) a check run before every statement that writes; what it throws stops the write, and
   * inside a transaction rolls the transaction back. The holder of the store's lock checks here that the lock is still
   * its own: every write of every command goes through this one place (see withStoreLock).
   */
  checkBeforeEachWrite(check: (() => void) | null): void {
    this.writeCheck = check;
  }

  /**
   * `mustExist`: a path with no store is an error, not a new empty store. `readonly` (commands that only read: quotes,
   * compare, events --counts, labels export): the database is opened read-only and never switched to WAL or migrated, so
   * a reader never changes a store another reactionlens writes (implies `mustExist`). `upgrade: false` (`compare --out`,
   * which reads and records where it wrote): opened for writing, but never switched to WAL or migrated, for the same
   * reason; an older store is refused as a reader refuses it (implies `mustExist`). A store file this process cannot
   * write is refused here, unless `writesInPassing` (`report`, `scrub`: they write only an abandoned run's status or a
   * missing comparison folder, best effort, and work on a store they cannot write as the readers do).
   */
  static open(path: string = DEFAULT_DB_PATH, options: StoreOpenOptions = {}): Store {
    const readonly = options.readonly === true;
    const anySchema = readonly && options.anySchema === true;
    const upgrades = !readonly && options.upgrade !== false;
    const mustExist = !upgrades || options.mustExist === true;
    if (path !== ':memory:') {
      if (mustExist && !existsSync(path)) {
        throw new StoreError(`There is no store at ${path}: run \`reactionlens run\` (or \`import\`) first, or pass the right --db`);
      }
      if (!readonly && !existsSync(dirname(path))) {
        // the store's own folder is made (data/ on a first run), not the folders above it: a typo in --db or
        // $REACTIONLENS_DB fails here instead of starting an empty store in a new tree nobody backs up (as --out does)
        try {
          mkdirSync(dirname(path));
        } catch (cause) {
          const code = (cause as NodeJS.ErrnoException).code;
          const why = code === 'ENOENT' ? `its parent folder ${dirname(dirname(path))} does not exist` : (cause as Error).message;
          throw new StoreError(`Cannot create the store's folder ${dirname(path)}: ${why}`, { cause });
        }
      }
    }
    let opened: Database.Database | undefined;
    try {
      opened = new Database(path, readonly ? { readonly: true, fileMustExist: true } : {});
      // Checked before anything writes: WAL mode and our migrations would change another program's database.
      refuseForeignDatabase(opened, path, mustExist);
      // before the switch to WAL, which changes the file: a store of a newer schema is left exactly as it was (its
      // reactionlens may keep it in another journal mode, such as a rollback journal on a network disk)
      if (!anySchema) refuseNewerSchema(opened.pragma('user_version', { simple: true }) as number, path);
      if (!readonly && options.writesInPassing !== true) refuseUnwritableFile(path);
      if (upgrades) opened.pragma('journal_mode = WAL');
    } catch (cause) {
      opened?.close();
      if (cause instanceof StoreError) throw cause;
      // SQLite's addon loads with the first database: a broken install would otherwise read as a fault of this store
      if (isAddonLoadFailure(cause)) throw new InstallError(`better-sqlite3's native addon: ${(cause as Error).message}`, { cause });
      throw new StoreError(`Cannot open the store at ${path}: ${describeOpenFailure(cause, path, readonly)}`, { cause });
    }
    const db = opened;
    if (!readonly) {
      db.pragma('foreign_keys = ON');
      // a purge blanks a row, but SQLite leaves the old bytes in the space and pages it frees: a copy of the file (a
      // backup) would still hold the words of comments deleted on Reddit. Zeroed as they are freed (per connection).
      db.pragma('secure_delete = ON');
    }
    db.pragma('busy_timeout = 5000');
    db.function('rl_text_hash', { deterministic: true }, (text: unknown) => hashText(String(text)));
    db.function('rl_strip_title_slug', { deterministic: true }, (permalink: unknown) => stripTitleSlug(String(permalink)));
    const store = new Store(db, path, options.now ?? (() => Date.now() / 1000));
    try {
      if (upgrades) store.migrate();
      else if (!anySchema) store.checkReadableSchema();
      // a -wal file left by a writer that could not empty it (a reader held the store as it closed, see checkpointPurges)
      // may hold purged words, and so may the upgrades' purges: emptied now by a command that writes
      if (upgrades && options.writesInPassing !== true) {
        store.purgePending = true;
        store.checkpointPurges();
      }
    } catch (cause) {
      db.close();
      throw toStoreError(cause, path);
    }
    return store;
  }

  close(): void {
    // SQLite empties the -wal file itself when the last connection closes, not while a reader's is open: this one's last
    // try of a checkpoint an open reader kept from finishing
    if (this.db.open && this.purgePending) {
      try {
        this.checkpointPurges();
      } catch {
        // closing anyway: the next command that writes the store checkpoints as it opens it
      }
    }
    this.db.close();
  }

  /**
   * Empties the -wal file when words were purged since it last was (a no-op otherwise, and inside a transaction: its
   * caller checkpoints after committing). With secure_delete a purge zeroes the words in the store file, but the -wal
   * file beside it still holds the pages as they were before each write (the comment as first stored), and SQLite
   * reuses that file without shrinking it: a copy of the store's folder taken while a run writes would carry them. A
   * TRUNCATE checkpoint copies the purged pages into the store file and truncates the -wal file to nothing.
   *
   * It never waits: a reader holding a snapshot (a `quotes` or `compare` in the middle of its read, a sqlite3 shell with
   * a transaction open) keeps it from finishing, and a run must not stall on a reader for every batch. The purged words
   * then stay in the -wal file until the next write that purges, closing this store, or the next command that opens it
   * for writing checkpoints again.
   */
  checkpointPurges(): void {
    if (!this.purgePending || this.db.inTransaction || this.db.readonly || this.path === ':memory:') return;
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    let busy: number;
    try {
      busy = (this.db.pragma('wal_checkpoint(TRUNCATE)', { simple: false }) as Array<{ busy: number }>)[0]?.busy ?? 0;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
    if (busy === 0) this.purgePending = false;
  }

  /**
   * A write transaction that may purge: once it commits (and is not nested in a caller's transaction, whose commit the
   * caller follows with checkpointPurges), the purged words are taken out of the -wal file too.
   */
  private purgingTransaction<T>(write: () => T): T {
    const result = this.db.transaction(write)();
    this.checkpointPurges();
    return result;
  }


  /**
   * SQLite's check of every page of the database (`quick`: quick_check, which skips matching each index against its
   * table): the problems it found, one a line (SQLite stops at 100), none when the store is intact. A store damaged in some pages is
   * otherwise found only when a command reads or writes one of them; a full check reads the whole file, seconds on a
   * big store, so it is run on request (`reactionlens store check`), not on every open.
   */
  checkIntegrity(options: { quick?: boolean } = {}): string[] {
    const check = options.quick === true ? 'quick_check' : 'integrity_check';
    let rows: Array<Record<string, unknown>>;
    try {
      rows = this.db.pragma(check, { simple: false }) as Array<Record<string, unknown>>;
    } catch (error) {
      if (!(error instanceof Database.SqliteError) || !(error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB')) throw error;
      // the full check gives up on a page it cannot follow at all (an index page of garbage): the quick one, which does
      // not follow indexes into their tables, still lists what it finds
      const listed = options.quick === true ? [] : this.checkIntegrity({ quick: true });
      return [...listed, `${check} stopped: ${error.message} (${error.code})`];
    }
    // a row can hold several problems, one a line, under a "*** in database main ***" heading
    const problems = rows
      .flatMap((row) => String(Object.values(row)[0]).split('\n'))
      .filter((line) => line !== '' && !/^\*\*\* in database \w+ \*\*\*$/.test(line));
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    // a newer schema was refused on opening
    const current = this.schemaVersion();
    for (let version = current; version < MIGRATIONS.length; version++) {
      const sql = MIGRATIONS[version];
      if (sql === undefined) throw new InternalError(`missing migration ${version + 1}`);
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${version + 1}`);
      })();
    }
  }

  /**
   * A reader does not migrate: upgrading a store without its lock, from a command that only reads, would make the older
   * reactionlens that writes it (the cron job) refuse it from then on. An older store is refused with the remedy, since
   * this code's queries read the columns the migrations add.
   */
  private checkReadableSchema(): void {
    const current = this.schemaVersion();
    if (current < MIGRATIONS.length) {
      throw new StoreError(
        `The store at ${this.path} has schema version ${current}, older than this reactionlens (${MIGRATIONS.length}); a command that only ` +
          'reads it, or records one row in it (`compare --out`), does not upgrade it. Run a command that writes it (`reactionlens run`, ' +
          '`collect`, `report`, `scrub` or `import`) with this ' +
          'reactionlens to upgrade it, knowing that older reactionlens versions then refuse it; or use the reactionlens that wrote it.',
      );
    }
  }

  // ---- writes ------------------------------------------------------------

  /**
   * One thread and its comments, in one transaction, with the completion mark. `complete: false` (comments were
   * skipped that a later fetch may get) leaves the thread marked incomplete, so the next run fetches it again;
   * `unreadableFetches` is stored as given (see ThreadState), and `unreadableRecords` replaces the thread's list of
   * records this fetch could not read (see listUnreadableRecords; none when not given).
   */
  saveThreadBundle(
    eventId: string | null,
    bundle: ThreadBundle,
    options: SaveOptions & { complete?: boolean; unreadableFetches?: number; unreadableRecords?: ReadonlyMap<string, number> } = {},
  ): SaveCounts {
    const complete = options.complete ?? true;
    const confirmsLive = options.confirmsLive ?? true;
    return this.purgingTransaction((): SaveCounts => {
      const counts = emptySaveCounts();
      this.upsertThread(bundle.thread, counts);
      if (eventId !== null) this.linkThread(eventId, bundle.thread.id);
      const threadStatuses = new Map<string, ContentStatus | undefined>();
      for (const comment of bundle.comments) this.upsertComment(comment, counts, threadStatuses, confirmsLive);
      if (options.holdUnconfirmed === true) this.holdUnconfirmed(bundle.comments);
      const unreadableFetches = options.unreadableFetches ?? 0;
      if (complete) {
        this.sql('UPDATE threads SET complete = 1, completed_at = ?, expected = ?, collected = ?, unreadable_fetches = ? WHERE id = ?')
          .run(bundle.thread.fetchedAt, bundle.expected, bundle.collected, unreadableFetches, bundle.thread.id);
      } else {
        this.sql('UPDATE threads SET complete = 0, unreadable_fetches = ? WHERE id = ?').run(unreadableFetches, bundle.thread.id);
      }
      this.sql('DELETE FROM unreadable_records WHERE thread_id = ?').run(bundle.thread.id);
      const insert = this.sql('INSERT INTO unreadable_records (thread_id, record, first_seen_at) VALUES (?, ?, ?)');
      for (const [record, firstSeenAt] of options.unreadableRecords ?? []) insert.run(bundle.thread.id, record, firstSeenAt);
      // last, so its time is as close to the commit as can be: a feed read before the commit did not see them
      this.markQuotable(bundle.comments.map((c) => c.id));
      return counts;
    });
  }

  /** A batch of threads and comments in one transaction (dump import, archive pages). Threads come first so comments can reference them. */
  saveItems(eventId: string | null, items: { threads: Thread[]; comments: Comment[] }, options: SaveOptions = {}): SaveCounts {
    const confirmsLive = options.confirmsLive ?? true;
    return this.purgingTransaction((): SaveCounts => {
      const counts = emptySaveCounts();
      for (const thread of items.threads) {
        this.upsertThread(thread, counts);
        if (eventId !== null) this.linkThread(eventId, thread.id);
      }
      const threadStatuses = new Map<string, ContentStatus | undefined>();
      for (const comment of items.comments) this.upsertComment(comment, counts, threadStatuses, confirmsLive);
      if (options.holdUnconfirmed === true) this.holdUnconfirmed(items.comments);
      this.markQuotable(items.comments.map((c) => c.id));
      return counts;
    });
  }

  linkThread(eventId: string, threadId: string): void {
    this.sql('INSERT OR IGNORE INTO event_threads (event_id, thread_id) VALUES (?, ?)').run(eventId, threadId);
  }

  /**
   * Mark threads deleted/removed without refetching them (a search listing or a re-check showed them so): title, text
   * and author are blanked and the title's slug leaves their links and their comments' links, as when a refetch finds
   * them gone. Their comments are otherwise left to their own status. Returns how many were live before.
   */
  purgeThreads(updates: Array<{ id: string; status: Exclude<ContentStatus, 'live'> }>): number {
    const select = this.sql<[string], { status: ContentStatus; permalink: string }>('SELECT status, permalink FROM threads WHERE id = ?');
    const update = this.sql('UPDATE threads SET title = ?, selftext = ?, author = ?, url = ?, permalink = ?, status = ? WHERE id = ?');
    return this.purgingTransaction((): number => {
      let purged = 0;
      for (const { id, status } of updates) {
        const row = select.get(id);
        if (row === undefined || row.status !== 'live') continue;
        const fields = purgedThreadFields(row.permalink);
        update.run(fields.title, fields.selftext, fields.author, fields.url, fields.permalink, status, id);
        this.stripCommentSlugs(id);
        this.purgePending = true;
        purged++;
      }
      return purged;
    });
  }

  /**
   * Record that the accounts behind live threads are deleted (a search listing or a re-check showed the post live with
   * its author `[deleted]`, see toThread): their stored names go for good, as a comment's do (DELETED_AUTHOR), so no
   * report names the profile such a post is on. Returns how many threads still named their author.
   */
  forgetThreadAuthors(threadIds: readonly string[]): number {
    const update = this.sql("UPDATE threads SET author = ? WHERE id = ? AND status = 'live' AND (author IS NULL OR author <> ?)");
    return this.purgingTransaction((): number => {
      let changed = 0;
      for (const id of threadIds) changed += update.run(DELETED_AUTHOR, id, DELETED_AUTHOR).changes;
      if (changed > 0) this.purgePending = true;
      return changed;
    });
  }

  /** Mark comments deleted/removed (from a re-check): purge text, author and tag results. Returns how many were live before. */
  purgeComments(updates: Array<{ id: string; status: Exclude<ContentStatus, 'live'> }>, checkedAt: number): number {
    return this.purgingTransaction((): number => {
      let purged = 0;
      const select = this.sql<[string], { status: ContentStatus; body: string }>(
        'SELECT status, body FROM comments WHERE id = ?',
      );
      for (const update of updates) {
        const row = select.get(update.id);
        if (row === undefined) continue;
        if (row.status === 'live' || row.body !== '') purged++;
        this.purgeRow(update.id, update.status, checkedAt);
      }
      return purged;
    });
  }

  /**
   * The current text of live comments from a re-check: a comment whose text differs from the stored one gets the
   * new text, hash and edit time, and loses its tag results (they hold cue snippets of the old words; the tag
   * stage tags the new text). An answer older than the stored edit is ignored, as in a refetch. Human corrections
   * stay; listLabels flags them as made on an earlier text. Returns how many comments' text changed.
   */
  applyCheckedTexts(texts: Array<{ id: string; body: string; editedUtc: number | null; authorDeleted?: boolean }>): number {
    const select = this.sql<[string], { body: string; status: ContentStatus; edited_utc: number | null }>(
      'SELECT body, status, edited_utc FROM comments WHERE id = ?',
    );
    return this.purgingTransaction((): number => {
      let changed = 0;
      for (const text of texts) {
        const row = select.get(text.id);
        if (row === undefined || row.status !== 'live') continue;
        // the account is gone now, whatever the edit times say: its name goes from the store
        if (text.authorDeleted === true && this.sql("UPDATE comments SET author = ? WHERE id = ? AND (author IS NULL OR author <> ?)").run(DELETED_AUTHOR, text.id, DELETED_AUTHOR).changes > 0) {
          this.purgePending = true;
        }
        if (isOlderCopy(row.edited_utc, text.editedUtc)) continue;
        if (row.body === text.body) {
          if (row.edited_utc !== text.editedUtc) this.sql('UPDATE comments SET edited_utc = ? WHERE id = ?').run(text.editedUtc, text.id);
          continue;
        }
        this.sql('UPDATE comments SET body = ?, body_hash = ?, edited_utc = ? WHERE id = ?').run(text.body, hashText(text.body), text.editedUtc, text.id);
        this.dropTags(text.id);
        changed++;
      }
      // a comment stored without text that has some now
      this.markQuotable(texts.map((t) => t.id));
      return changed;
    });
  }

  /** Record that these comments were confirmed live at checkedAt. */
  markStatusChecked(ids: string[], checkedAt: number): void {
    const stmt = this.sql("UPDATE comments SET status_checked_at = ? WHERE id = ? AND status = 'live'");
    this.db.transaction(() => {
      for (const id of ids) stmt.run(checkedAt, id);
    })();
  }

  saveTags(results: Array<TagResult & { body: string }>, taggedAt: number): void {
    const stmt = this.sql(
      `INSERT INTO tags (comment_id, tagger, body_hash, result, tagged_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (comment_id, tagger) DO UPDATE SET body_hash = excluded.body_hash, result = excluded.result, tagged_at = excluded.tagged_at`,
    );
    this.db.transaction(() => {
      for (const r of results) {
        const outcome: TagOutcome = r.skipped === undefined ? { tags: r.tags } : { tags: r.tags, skipped: r.skipped };
        stmt.run(r.commentId, r.tagger, hashText(r.body), JSON.stringify(outcome), taggedAt);
      }
    })();
  }

  /**
   * Records a correction, merged into the comment's earlier one: a tag given again is overridden, a tag not given
   * keeps its earlier correction, and the note is kept unless a new one is given (`label --distrust 1` after a
   * full correction must not drop the other two tags). Returns the correction now stored.
   */
  putLabel(override: LabelOverride, options: { replace?: boolean } = {}): LabelOverride {
    // The correction is about the comment's text now (its body_hash). An earlier correction made on a text the
    // author has since edited is replaced, not merged: its tags and note were about words that are gone. So is one
    // that cannot be read (`replace`): there is nothing to merge with, and json_patch would fail on it.
    const merge = options.replace === true ? '0' : `(${SAME_LABELED_TEXT})`;
    // A comment the store holds without text (stored empty, its words not come yet) gives the correction no text to be
    // about: it stays unpinned, and PIN_FORCED_LABELS pins it to the first text that comes, as for one given with --force.
    // So does an archive copy awaiting Reddit's text (AWAITS_REDDIT_TEXT), which also unpins an earlier correction of it
    // pinned to the archive's words (by a reactionlens before this). One statement: `label` takes no lock, and a run's
    // re-check may confirm the comment at any moment.
    const row = this.sql<[{ id: string; labels: string; createdAt: number; note: string | null }], { labels: string; note: string | null }>(
        `INSERT INTO labels (comment_id, labels, created_at, note, body_hash)
         VALUES (@id, @labels, @createdAt, @note, CASE WHEN ${AWAITS_REDDIT_TEXT} THEN NULL ELSE ${LABELED_TEXT} END)
         ON CONFLICT (comment_id) DO UPDATE SET
           labels = CASE WHEN ${merge} THEN json_patch(labels.labels, excluded.labels) ELSE excluded.labels END,
           note = CASE WHEN ${merge} THEN COALESCE(excluded.note, labels.note) ELSE excluded.note END,
           created_at = excluded.created_at,
           body_hash = CASE WHEN ${AWAITS_REDDIT_TEXT} THEN NULL ELSE COALESCE(excluded.body_hash, labels.body_hash) END
         RETURNING labels, note`,
      )
      .get({ id: override.commentId, labels: JSON.stringify(override.labels), createdAt: override.createdAt, note: override.note });
    if (row === undefined) throw new InternalError(`the correction of ${override.commentId} was not stored`);
    return { ...override, labels: parseStoredLabels(this.path, override.commentId, row.labels), note: row.note };
  }

  saveRun(run: RunRecord): void {
    this.sql(
        `INSERT INTO runs (id, event_id, source, started_at, finished_at, status, record) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET finished_at = excluded.finished_at, status = excluded.status, record = excluded.record`,
      )
      .run(run.id, run.eventId, run.source, run.startedAt, run.finishedAt, run.status, JSON.stringify(redactRun(run)));
  }

  /**
   * Marks every run that never finished (no finish time: `running`, or from a reactionlens before that status, `ok`)
   * as `abandoned`, saying what found it (`foundBy`: "run <id>", "reactionlens report at <time>"). Only for a caller holding the store's lock: then no other run is in
   * flight, so an unfinished one is a run whose process was killed or crashed. A run marked so earlier is not marked
   * again: it keeps no finish time, so it is unfinished for ever, and it was found once. Returns the runs marked now,
   * and one StoreError per unfinished run whose stored record cannot be read: that row is left as it is (rewriting it
   * would lose what it holds), for the caller to report.
   */
  abandonUnfinishedRuns(foundBy: string): { abandoned: RunRecord[]; unreadable: StoreError[] } {
    return this.db.transaction((): { abandoned: RunRecord[]; unreadable: StoreError[] } => {
      const { runs, unreadable } = this.listUnfinishedRuns();
      const abandoned = runs.map((run): RunRecord => ({
        ...run,
        status: 'abandoned',
        errors: [...run.errors, `abandoned: it never finished (killed or crashed); found by ${foundBy}`],
      }));
      for (const run of abandoned) this.saveRun(run);
      return { abandoned, unreadable };
    })();
  }

  /**
   * The runs that never finished and are not marked abandoned yet (see abandonUnfinishedRuns), oldest first, and one
   * StoreError per unfinished run whose stored record cannot be read.
   */
  listUnfinishedRuns(): StoredRuns {
    const rows = this.sql<[], RunRow>('SELECT id, record FROM runs WHERE finished_at IS NULL ORDER BY started_at, id').all();
    // every unfinished row is read, abandoned ones too, so an unreadable one is still named whatever its status column
    // says; the record's own status decides whether it was abandoned already
    const { runs, unreadable } = parseRunRows(rows);
    return { runs: runs.filter((run) => run.status !== 'abandoned'), unreadable };
  }

  /** Saves a resume point (JSON-serialisable) under a key such as "import:<file hash>". */
  setCursor(key: string, value: unknown, updatedAt: number): void {
    this.sql(
        `INSERT INTO cursors (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(value), updatedAt);
  }

  /** A cursor's stored text, unparsed: each reader checks it and decides what a damaged value means for it. */
  getCursorText(key: string): string | undefined {
    return this.sql<[string], { value: string }>('SELECT value FROM cursors WHERE key = ?').get(key)?.value;
  }

  /**
   * Lists comments as not confirmed live by a deletion re-check (see unconfirmed-comments.ts), as of `since`; a comment
   * already listed keeps its earlier time. One transaction.
   */
  addUnconfirmedComments(ids: Iterable<string>, since: number): void {
    this.db.transaction(() => {
      const insert = this.sql('INSERT INTO unconfirmed_comments (comment_id, since) VALUES (?, ?) ON CONFLICT (comment_id) DO NOTHING');
      for (const id of ids) insert.run(id, since);
    })();
  }

  /**
   * Takes comments off the unconfirmed list (a re-check or a fetch confirmed them), and those never quotable before
   * become quotable now (see StoredComment.firstQuotableAt). One transaction: a caller that nests it in its own makes
   * it its last write, so the time is that of the commit that makes them quotable.
   */
  removeUnconfirmedComments(ids: Iterable<string>): void {
    const removed = [...ids];
    this.db.transaction(() => {
      const remove = this.sql('DELETE FROM unconfirmed_comments WHERE comment_id = ?');
      for (const id of removed) remove.run(id);
      this.markQuotable(removed);
    })();
  }

  /**
   * Records that `compare --out` wrote comparisons into the folder `path` (absolute) at `writtenAt`, so the scrub finds
   * their quotes. One row per folder, however many comparisons it holds; a folder written again is found again.
   */
  recordComparisonFolder(path: string, writtenAt: number): void {
    this.sql(
      'INSERT INTO comparison_folders (path, written_at) VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET written_at = excluded.written_at, missing_since = NULL',
    ).run(path, writtenAt);
  }

  /**
   * Sets when a scrub found the recorded folder `path` missing (`missingSince`), or, with null, that it found it again.
   * Only while the row still has the `writtenAt` the scrub read: a `compare --out` that wrote there meanwhile has just
   * found it. Returns whether the row was changed.
   */
  markComparisonFolderMissing(path: string, writtenAt: number, missingSince: number | null): boolean {
    return this.sql('UPDATE comparison_folders SET missing_since = ? WHERE path = ? AND written_at = ?').run(missingSince, path, writtenAt).changes > 0;
  }

  /**
   * Takes a folder off the comparison folders: gone for long, or forgotten by hand (`scrub --forget-folder`). With
   * `writtenAt`, only while the row still has it (see markComparisonFolderMissing). Returns whether a row was removed.
   */
  forgetComparisonFolder(path: string, writtenAt?: number): boolean {
    if (writtenAt === undefined) return this.sql('DELETE FROM comparison_folders WHERE path = ?').run(path).changes > 0;
    return this.sql('DELETE FROM comparison_folders WHERE path = ? AND written_at = ?').run(path, writtenAt).changes > 0;
  }

  // ---- reads -------------------------------------------------------------

  /** The folders `compare --out` wrote comparisons into, in path order. */
  listComparisonFolders(): ComparisonFolder[] {
    return this.sql<[], { path: string; written_at: number; missing_since: number | null }>(
      'SELECT path, written_at, missing_since FROM comparison_folders ORDER BY path',
    )
      .all()
      .map((row) => ({ path: row.path, writtenAt: row.written_at, missingSince: row.missing_since }));
  }

  /** The comments on the unconfirmed list, by id, with when each was first listed, in id order. */
  listUnconfirmedComments(): Map<string, number> {
    const rows = this.sql<[], { comment_id: string; since: number }>('SELECT comment_id, since FROM unconfirmed_comments ORDER BY comment_id').all();
    return new Map(rows.map((row) => [row.comment_id, row.since]));
  }

  getThread(id: string): Thread | undefined {
    const row = this.sql<[string], ThreadRow>('SELECT * FROM threads WHERE id = ?').get(id);
    return row === undefined ? undefined : toThread(row);
  }

  getThreadState(id: string): ThreadState | undefined {
    const row = this.sql<[string], ThreadRow>('SELECT * FROM threads WHERE id = ?').get(id);
    if (row === undefined) return undefined;
    return {
      complete: row.complete === 1,
      fetchedAt: row.fetched_at,
      completedAt: row.completed_at,
      expected: row.expected,
      collected: row.collected,
      unreadableFetches: row.unreadable_fetches,
    };
  }

  /**
   * The records the thread's last stored fetch skipped as unreadable (by the skip record's locator), each with when a
   * fetch first found it unreadable in the row of fetches that ended with that one.
   */
  listUnreadableRecords(threadId: string): Map<string, number> {
    const rows = this.sql<[string], { record: string; first_seen_at: number }>('SELECT record, first_seen_at FROM unreadable_records WHERE thread_id = ?').all(threadId);
    return new Map(rows.map((row) => [row.record, row.first_seen_at]));
  }

  getComment(id: string): StoredComment | undefined {
    const values = this.sql<[string], unknown[]>(`SELECT ${COMMENT_COLUMNS.join(', ')} FROM comments WHERE id = ?`)
      .raw(true)
      .get(id);
    return values === undefined ? undefined : commentFromValues(values);
  }

  listThreads(eventId: string): Thread[] {
    return this.sql<[string], ThreadRow>(
        `SELECT t.* FROM threads t JOIN event_threads e ON e.thread_id = t.id WHERE e.event_id = ? ORDER BY t.created_utc, t.id`,
      )
      .all(eventId)
      .map(toThread);
  }

  /**
   * An event's comments in a stable order (thread, time, id). Ordered by e.thread_id (the same value): that is the
   * order the indexes walk, while ORDER BY c.thread_id made SQLite copy every row, bodies and all, into a temporary
   * B-tree to sort them before the first one came back.
   */
  listComments(eventId: string): StoredComment[] {
    // Raw rows (arrays) in a fixed column order: reports read 100k+ rows and
    // row objects cost a third more than building our own from arrays.
    const rows = this.sql<[string], unknown[]>(
      `SELECT ${COMMENT_COLUMNS.map((c) => `c.${c}`).join(', ')} FROM comments c JOIN event_threads e ON e.thread_id = c.thread_id
       WHERE e.event_id = ? ORDER BY e.thread_id, c.created_utc, c.id`,
    )
      .raw(true)
      .iterate(eventId);
    // Iterated, not .all(): holding 100k raw rows next to the objects built from them doubled the peak.
    const out: StoredComment[] = [];
    for (const values of rows) out.push(commentFromValues(values));
    return out;
  }

  /** Comment ids of an event that are still live (optionally: last confirmed before a time), for a deletion re-check. */
  listLiveCommentIds(eventId: string, checkedBefore = Number.MAX_VALUE): string[] {
    return this.sql<[string, number], { id: string }>(
        `SELECT c.id FROM comments c JOIN event_threads e ON e.thread_id = c.thread_id
         WHERE e.event_id = ? AND c.status = 'live' AND c.status_checked_at <= ? ORDER BY c.id`,
      )
      .all(eventId, checkedBefore)
      .map((r) => r.id);
  }

  /** Thread ids of an event that are still live, for a deletion re-check. */
  listLiveThreadIds(eventId: string): string[] {
    return this.sql<[string], { id: string }>(
        `SELECT t.id FROM threads t JOIN event_threads e ON e.thread_id = t.id WHERE e.event_id = ? AND t.status = 'live' ORDER BY t.id`,
      )
      .all(eventId)
      .map((r) => r.id);
  }

  /**
   * One page of the tag stage's reading: the event's next live comments after `after` (null: from the start), in
   * (thread, time, id) order, at most `limit`, each with whether it has a readable result of `tagger` for its current
   * text (`cached`; an unreadable one, from older code or a hand edit, is tagged again, as loadTags leaves it out). Read
   * by pages so the stage holds one page of comments, never the event's: both statements walk indexes in this order
   * (the rest of the thread `after` is in, by a range on comments_by_thread_time; then the threads after it), so a page
   * costs its own rows, with no sort and no rescan of what earlier pages read.
   */
  listCommentsToTag(eventId: string, tagger: string, after: TagCursor | null, limit: number): Array<CommentToTag & { cursor: TagCursor }> {
    const rows: Array<[string, string, number, string, string | null]> = [];
    if (after !== null) {
      rows.push(
        ...this.sql<[{ thread: string; time: number; id: string; tagger: string; limit: number }], [string, string, number, string, string | null]>(
          `${SELECT_TO_TAG} WHERE c.thread_id = @thread AND (c.created_utc, c.id) > (@time, @id) AND c.status = 'live'
           ORDER BY c.created_utc, c.id LIMIT @limit`,
        )
          .raw(true)
          .all({ thread: after.threadId, time: after.createdUtc, id: after.id, tagger, limit }),
      );
    }
    if (rows.length < limit) {
      rows.push(
        ...this.sql<[{ event: string; thread: string; tagger: string; limit: number }], [string, string, number, string, string | null]>(
          `${SELECT_TO_TAG} JOIN event_threads e ON e.thread_id = c.thread_id
           WHERE e.event_id = @event AND e.thread_id > @thread AND c.status = 'live'
           ORDER BY e.thread_id, c.created_utc, c.id LIMIT @limit`,
        )
          .raw(true)
          .all({ event: eventId, thread: after?.threadId ?? '', tagger, limit: limit - rows.length }),
      );
    }
    return rows.map(([threadId, id, createdUtc, body, result]) => ({
      id,
      body,
      cached: result !== null && parseTagResult(result) !== undefined,
      cursor: { threadId, createdUtc, id },
    }));
  }

  /**
   * One page of an event's stored comments (every status) after `after` (null: from the start), in listComments' order
   * (thread, time, id), at most `limit`, each with its readable result of `tagger` for its current text, as loadTags
   * reads it. The report commands read an event so, a page at a time, instead of listComments and loadTags: the walk is
   * the tag stage's (listCommentsToTag), along the indexes, so a page costs its own rows. Call it inside readAtOnce so
   * the pages are of one state of the store.
   */
  listEventComments(eventId: string, tagger: string, after: TagCursor | null, limit: number): Array<CommentWithResult & { cursor: TagCursor }> {
    const rows: unknown[][] = [];
    if (after !== null) {
      rows.push(
        ...this.sql<[{ thread: string; time: number; id: string; tagger: string; limit: number }], unknown[]>(
          `${SELECT_WITH_RESULT} WHERE c.thread_id = @thread AND (c.created_utc, c.id) > (@time, @id)
           ORDER BY c.created_utc, c.id LIMIT @limit`,
        )
          .raw(true)
          .all({ thread: after.threadId, time: after.createdUtc, id: after.id, tagger, limit }),
      );
    }
    if (rows.length < limit) {
      rows.push(
        ...this.sql<[{ event: string; thread: string; tagger: string; limit: number }], unknown[]>(
          `${SELECT_WITH_RESULT} JOIN event_threads e ON e.thread_id = c.thread_id
           WHERE e.event_id = @event AND e.thread_id > @thread
           ORDER BY e.thread_id, c.created_utc, c.id LIMIT @limit`,
        )
          .raw(true)
          .all({ event: eventId, thread: after?.threadId ?? '', tagger, limit: limit - rows.length }),
      );
    }
    return rows.map((values) => {
      const comment = commentFromValues(values);
      const text = values[COMMENT_COLUMNS.length] as string | null;
      return {
        comment,
        result: text === null ? undefined : toStoredResult(text, comment.id, tagger),
        cursor: { threadId: comment.threadId, createdUtc: comment.createdUtc, id: comment.id },
      };
    });
  }

  /**
   * What screening needs of each of an event's stored comments (no tag results), in no particular order: read once
   * before the pages of listEventComments, to tell copies of a text from their first (screenComments' duplicates).
   */
  *iterateScreeningFacts(eventId: string): Generator<Pick<Comment, 'id' | 'createdUtc' | 'status' | 'author' | 'distinguished' | 'stickied' | 'body'>> {
    const rows = this.sql<[string], [string, number, ContentStatus, string | null, string | null, number, string]>(
      `SELECT c.id, c.created_utc, c.status, c.author, c.distinguished, c.stickied, c.body FROM comments c
       JOIN event_threads e ON e.thread_id = c.thread_id WHERE e.event_id = ?`,
    )
      .raw(true)
      .iterate(eventId);
    for (const [id, createdUtc, status, author, distinguished, stickied, body] of rows) {
      yield { id, createdUtc, status, author, distinguished, stickied: stickied === 1, body };
    }
  }

  /** Runs `read` in one read transaction: every statement in it sees the same state of the store, whatever commits meanwhile. */
  readAtOnce<T>(read: () => T): T {
    return this.db.transaction(read)();
  }

  /** Tag results of one tagger version for the comments' current text; stale ones (edited since) are left out. */
  loadTags(eventId: string, tagger: string): Map<string, TagResult> {
    const out = new Map<string, TagResult>();
    const rows = this.sql<[string, string], { comment_id: string; result: string }>(
      `SELECT t.comment_id, t.result FROM tags t
       JOIN comments c ON c.id = t.comment_id AND c.body_hash = t.body_hash
       JOIN event_threads e ON e.thread_id = c.thread_id
       WHERE e.event_id = ? AND t.tagger = ?`,
    ).iterate(eventId, tagger);
    for (const row of rows) {
      const result = toStoredResult(row.result, row.comment_id, tagger);
      if (result !== undefined) out.set(row.comment_id, result);
    }
    return out;
  }

  /** Every correction; one made on a text its author has edited since is flagged `textChanged`. */
  listLabels(): LabelOverride[] {
    return this.sql<[], LabelRow>(`${SELECT_LABELS} ORDER BY l.comment_id`).all().map((row) => this.toLabel(row));
  }

  /**
   * One comment's correction, if any; `unreadable` (the StoreError saying why) when its row cannot be read, so that
   * `label` can replace it instead of failing on it like every other reader.
   */
  getLabel(commentId: string): { label: LabelOverride } | { unreadable: StoreError } | undefined {
    const row = this.sql<[string], LabelRow>(`${SELECT_LABELS} WHERE l.comment_id = ?`).get(commentId);
    if (row === undefined) return undefined;
    try {
      return { label: this.toLabel(row) };
    } catch (error) {
      if (error instanceof StoreError) return { unreadable: error };
      throw error;
    }
  }

  private toLabel(row: LabelRow): LabelOverride {
    return {
      commentId: row.comment_id,
      labels: parseStoredLabels(this.path, row.comment_id, row.labels),
      createdAt: row.created_at,
      note: row.note,
      ...(row.text_changed === 1 ? { textChanged: true as const } : {}),
    };
  }

  /**
   * The event's runs in start order. A run whose stored record cannot be read is left out and returned as a StoreError
   * naming it: one bad record (a hand edit, a damaged file) must not stop every report and run of the event.
   */
  listRuns(eventId: string): StoredRuns {
    return parseRunRows(this.sql<[string], RunRow>('SELECT id, record FROM runs WHERE event_id = ? ORDER BY started_at, id').all(eventId));
  }

  loadEventSnapshot(eventId: string, tagger: string): EventSnapshot {
    return {
      threads: this.listThreads(eventId),
      comments: this.listComments(eventId),
      tags: this.loadTags(eventId, tagger),
      labels: this.loadLabelsInForce(),
    };
  }

  /** The corrections the reports apply, by comment id. */
  loadLabelsInForce(): Map<string, LabelOverride> {
    // A correction made on a text edited since says nothing about the new text: the tagger's result on it stands.
    return new Map(this.listLabels().filter((l) => l.textChanged !== true).map((l) => [l.commentId, l]));
  }

  countEvent(eventId: string): { threads: number; comments: number; live: number } {
    const row = this.sql<[{ id: string }], { threads: number; comments: number; live: number }>(
        `SELECT (SELECT COUNT(*) FROM event_threads WHERE event_id = @id) AS threads,
                COUNT(c.id) AS comments,
                COALESCE(SUM(c.status = 'live'), 0) AS live
         FROM comments c JOIN event_threads e ON e.thread_id = c.thread_id WHERE e.event_id = @id`,
      )
      .get({ id: eventId });
    return row ?? { threads: 0, comments: 0, live: 0 };
  }

  // ---- internals ---------------------------------------------------------

  private upsertThread(thread: Thread, counts: SaveCounts): void {
    const existing = this.sql<[string], { title: string; selftext: string; score: number; num_comments: number; status: ContentStatus; author: string | null }>(
        'SELECT title, selftext, score, num_comments, status, author FROM threads WHERE id = ?',
      )
      .get(thread.id);
    // Once Reddit said deleted/removed, the text stays purged even if an older copy turns up.
    const status = existing !== undefined && existing.status !== 'live' ? existing.status : thread.status;
    const { title, selftext, author, url, permalink } = status === 'live' ? thread : purgedThreadFields(thread.permalink);
    if (existing === undefined) {
      this.sql(
          `INSERT INTO threads (id, subreddit, title, selftext, url, permalink, created_utc, score, num_comments, author, status, fetched_at, first_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          thread.id, thread.subreddit, title, selftext, url, permalink, thread.createdUtc,
          thread.score, thread.numComments, author, status, thread.fetchedAt, thread.fetchedAt,
        );
      counts.threadsNew++;
      return;
    }
    const changed =
      existing.title !== title || existing.selftext !== selftext || existing.score !== thread.score ||
      existing.num_comments !== thread.numComments || existing.status !== status;
    this.sql(
        `UPDATE threads SET title = ?, selftext = ?, url = ?, permalink = ?, score = ?, num_comments = ?,
                            author = CASE WHEN author = '${DELETED_AUTHOR}' THEN author ELSE ? END, status = ?, fetched_at = ?
         WHERE id = ?`,
      )
      .run(title, selftext, url, permalink, thread.score, thread.numComments, author, status, thread.fetchedAt, thread.id);
    if (changed) counts.threadsUpdated++;
    // a refetch (or an import) that finds the thread gone: its comments' links lose the title's slug too
    if (existing.status === 'live' && status !== 'live') this.stripCommentSlugs(thread.id);
    if ((existing.status === 'live' && status !== 'live') || forgetsAuthor(existing.author, author)) this.purgePending = true;
  }

  /** The title's slug out of the stored links of a purged thread's comments (they stay, the title must not). */
  private stripCommentSlugs(threadId: string): void {
    this.sql('UPDATE comments SET permalink = rl_strip_title_slug(permalink) WHERE thread_id = ?').run(threadId);
  }

  /**
   * The link a new comment is stored with: without the title's slug under a thread already deleted or removed.
   * `threadStatuses` holds the statuses already looked up in this batch (threads are saved before their comments and
   * do not change within it), so a batch of a thousand comments asks about each thread once.
   */
  private storedCommentPermalink(comment: Comment, threadStatuses: Map<string, ContentStatus | undefined>): string {
    if (!threadStatuses.has(comment.threadId)) {
      const thread = this.sql<[string], { status: ContentStatus }>('SELECT status FROM threads WHERE id = ?').get(comment.threadId);
      threadStatuses.set(comment.threadId, thread?.status);
    }
    const status = threadStatuses.get(comment.threadId);
    return status === undefined || status === 'live' ? comment.permalink : stripTitleSlug(comment.permalink);
  }

  private upsertComment(comment: Comment, counts: SaveCounts, threadStatuses: Map<string, ContentStatus | undefined>, confirmsLive: boolean): void {
    const existing = this.sql<[string], { body: string; body_hash: string; score: number; status: ContentStatus; edited_utc: number | null; author: string | null }>(
        'SELECT body, body_hash, score, status, edited_utc, author FROM comments WHERE id = ?',
      )
      .get(comment.id);
    if (existing === undefined) {
      const purge = comment.status !== 'live';
      const body = purge ? '' : comment.body;
      this.sql(
          `INSERT INTO comments (id, thread_id, parent_id, depth, body, body_hash, score, created_utc, permalink, edited_utc, status, stickied,
                                 distinguished, author, fetched_at, first_seen_at, status_checked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          comment.id, comment.threadId, comment.parentId, comment.depth, body, hashText(body), comment.score,
          comment.createdUtc, this.storedCommentPermalink(comment, threadStatuses), comment.editedUtc, comment.status, comment.stickied ? 1 : 0,
          comment.distinguished, purge ? null : comment.author, comment.fetchedAt, comment.fetchedAt, confirmsLive ? comment.fetchedAt : NEVER_CHECKED,
        );
      // a correction recorded with --force before the comment was collected
      if (purge) this.dropLabelNote(comment.id);
      counts.commentsNew++;
      return;
    }
    if (existing.status !== 'live') return; // purged once, purged for good
    if (comment.status !== 'live') {
      this.purgeRow(comment.id, comment.status, comment.fetchedAt);
      counts.commentsPurged++;
      return;
    }
    // A copy from before the stored edit (an older archive or dump) must not bring back words the author changed. One
    // from Reddit still shows the comment live tonight, whatever its words: that much it confirms.
    if (isOlderCopy(existing.edited_utc, comment.editedUtc)) {
      if (confirmsLive) this.sql('UPDATE comments SET status_checked_at = ? WHERE id = ?').run(comment.fetchedAt, comment.id);
      return;
    }
    const changed =
      existing.body !== comment.body || existing.score !== comment.score || existing.edited_utc !== comment.editedUtc;
    // a deleted account stays deleted: an older copy (a dump, the archive) naming its author does not bring the name back
    this.sql(
        `UPDATE comments SET body = ?, body_hash = ?, score = ?, edited_utc = ?, stickied = ?, distinguished = ?,
                             author = CASE WHEN author = '${DELETED_AUTHOR}' THEN author ELSE ? END, depth = ?, parent_id = ?,
                             fetched_at = ?, status_checked_at = COALESCE(?, status_checked_at) WHERE id = ?`,
      )
      .run(
        comment.body, existing.body === comment.body ? existing.body_hash : hashText(comment.body), comment.score, comment.editedUtc, comment.stickied ? 1 : 0, comment.distinguished, comment.author,
        comment.depth, comment.parentId, comment.fetchedAt, confirmsLive ? comment.fetchedAt : null, comment.id,
      );
    if (forgetsAuthor(existing.author, comment.author)) this.purgePending = true;
    // tag results of the old text hold its words (cue snippets): they go, and the tag stage tags the new text
    if (existing.body !== comment.body) this.dropTags(comment.id);
    if (changed) counts.commentsUpdated++;
  }

  /** Lists the saved comments that are live as unconfirmed (see SaveOptions.holdUnconfirmed). */
  private holdUnconfirmed(comments: readonly Comment[]): void {
    const since = this.now();
    const hold = this.sql(
      `INSERT INTO unconfirmed_comments (comment_id, since) SELECT id, ? FROM comments WHERE id = ? AND status = 'live'
       ON CONFLICT (comment_id) DO NOTHING`,
    );
    for (const comment of comments) hold.run(since, comment.id);
  }

  /**
   * Records now as the time these comments first became quotable, for those that are quotable and never were before
   * (see StoredComment.firstQuotableAt). Called as the last write of the transaction that may have made them so.
   */
  private markQuotable(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const at = this.now();
    const mark = this.sql(MARK_QUOTABLE);
    for (const id of ids) mark.run(at, id);
    this.pinForcedLabels();
  }

  /**
   * A correction recorded with `--force` before its comment was collected (or while it had no text, or was an archive
   * copy awaiting Reddit's) has no text to be about; it takes the first text this store holds of it once Reddit has
   * confirmed it (an archive copy held for a re-check is pinned when the re-check takes it off the unconfirmed list,
   * with the text that re-check stored), so an edit after that sets it aside as it does any correction (SELECT_LABELS).
   * The labels table is small: one statement over it, not per comment.
   */
  private pinForcedLabels(): void {
    this.sql(PIN_FORCED_LABELS).run();
  }

  private dropTags(commentId: string): void {
    this.sql('DELETE FROM tags WHERE comment_id = ?').run(commentId);
  }

  private purgeRow(id: string, status: Exclude<ContentStatus, 'live'>, checkedAt: number): void {
    this.sql(`UPDATE comments SET body = '', body_hash = ?, author = NULL, status = ?, status_checked_at = ? WHERE id = ?`)
      .run(EMPTY_HASH, status, checkedAt, id);
    // Tag results hold cue snippets of the text: they go too.
    this.dropTags(id);
    this.dropLabelNote(id);
    this.purgePending = true;
  }

  /**
   * A human correction's note is a reviewer's words about the comment's, often quoting them: it goes with the text. The
   * correction's tags (no words) stay, never applied or exported, so `labels export` still names it as skipped.
   */
  private dropLabelNote(commentId: string): void {
    if (this.sql('UPDATE labels SET note = NULL WHERE comment_id = ? AND note IS NOT NULL').run(commentId).changes > 0) this.purgePending = true;
  }
}

/**
 * A stored correction's tags. One that cannot be read stops the command with a StoreError naming the comment: left out,
 * the tagger's guess would silently stand where a person decided otherwise.
 */
function parseStoredLabels(path: string, commentId: string, text: string): Partial<Record<TagName, boolean>> {
  const unreadable = (why: string, cause: unknown): StoreError =>
    new StoreError(
      `the store at ${path}: the stored correction of comment ${commentId} cannot be read: ${why}. Record it again with ` +
        `\`reactionlens label ${commentId} --cynicism 0|1 --distrust 0|1 --bubble-caution 0|1\` (that replaces it), or delete it ` +
        `(sqlite3 ${path} "DELETE FROM labels WHERE comment_id = '${commentId}'")`,
      { cause },
    );
  return parseStoredJson(text, labelsSchema, unreadable);
}

function parseRunRows(rows: RunRow[]): StoredRuns {
  const runs: RunRecord[] = [];
  const unreadable: StoreError[] = [];
  for (const row of rows) {
    try {
      runs.push(parseStoredRun(row.id, row.record));
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      unreadable.push(error);
    }
  }
  return { runs, unreadable };
}

/** What a deleted or removed thread keeps of its words: nothing (its link points at Reddit's page for it, without the title's slug). */
function purgedThreadFields(permalink: string): Pick<Thread, 'title' | 'selftext' | 'author' | 'url' | 'permalink'> {
  const bare = stripTitleSlug(permalink);
  return { title: '', selftext: '', author: null, url: bare, permalink: bare };
}

/** True when an update replaces a stored author's name with DELETED_AUTHOR: the account was deleted, its name goes. */
function forgetsAuthor(stored: string | null, copy: string | null): boolean {
  return stored !== null && stored !== DELETED_AUTHOR && copy === DELETED_AUTHOR;
}

/** True when a copy's edit time is older than the stored one's: its text is from before the author's last edit. */
function isOlderCopy(storedEditedUtc: number | null, copyEditedUtc: number | null): boolean {
  return storedEditedUtc !== null && (copyEditedUtc === null || copyEditedUtc < storedEditedUtc);
}

/** The tables every reactionlens store has, at any schema version: those the foundation migration creates. */
const STORE_TABLES = [...(MIGRATIONS[0] ?? '').matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!);

/**
 * A store is a database whose user_version counts our migrations and that has our tables. At version 0 a database with
 * tables belongs to another program (migrating would add our tables to it), and an empty one (a 0-byte file included)
 * holds no store: fine to create one in, unless the command only reads (`mustExist`). Other programs set user_version
 * too, so a non-zero version without our tables is another program's database as well (migrating from that version, or
 * refusing it as newer after switching it to WAL, would change it).
 */
function refuseForeignDatabase(db: Database.Database, path: string, mustExist: boolean): void {
  if (path === ':memory:') return;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").pluck().all() as string[];
  const shown = tables.length > 5 ? `${tables.slice(0, 5).join(', ')}, …` : tables.join(', ');
  if (version !== 0) {
    const missing = STORE_TABLES.filter((name) => !tables.includes(name));
    if (missing.length === 0) return;
    throw new StoreError(
      `${path} is not a reactionlens store: it is an SQLite database with ${tables.length > 0 ? `other tables (${shown})` : 'no tables'} and schema version ${version}, but not reactionlens's tables (no ${missing.join(', ')}); pass the right --db`,
    );
  }
  if (tables.length > 0) {
    throw new StoreError(
      `${path} is not a reactionlens store: it is an SQLite database with other tables (${shown}) and no reactionlens schema version; pass the right --db`,
    );
  }
  if (mustExist) {
    throw new StoreError(`There is no store at ${path} (the file is empty): run \`reactionlens run\` (or \`import\`) first, or pass the right --db`);
  }
}

function refuseNewerSchema(current: number, path: string): void {
  if (current > MIGRATIONS.length) {
    throw new StoreError(`The store at ${path} has schema version ${current}, newer than this reactionlens (${MIGRATIONS.length}). Upgrade reactionlens.`);
  }
}

/**
 * SQLite opens a store file it cannot write read-only without a word, and the command that means to write it then fails
 * at its first write: after a fetch, a dump read or a tagger load, or (`compare --out`) with its folder made. A command
 * that writes is refused at the open instead, by asking for the file as SQLite does (read and write).
 */
function refuseUnwritableFile(path: string): void {
  if (path === ':memory:') return;
  try {
    closeSync(openSync(path, 'r+'));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    // anything else (a folder at the path, say) is SQLite's to report, as before
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') return;
    throw new StoreError(
      `Cannot open the store at ${path} for writing: the file cannot be written (${code === 'EROFS' ? 'read-only file system' : 'read-only file or no permission'}), ` +
        'and this command writes it. Make it writable for this user (and its -wal file, if any), or copy it to a writable file and pass that --db; ' +
        '`report`, `scrub` and the commands that only read the store (`quotes`, `compare` without --out, `events --counts`, `labels export`) work on it as it is',
      { cause },
    );
  }
}

/**
 * Why SQLite could not open the store, in words: a read-only folder or mount is the usual cause of "unable to open
 * database file" for a store that exists (a WAL store needs its -shm file beside it, even to read).
 */
function describeOpenFailure(cause: unknown, path: string, readonly: boolean): string {
  const code = (cause as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') return `the file is not an SQLite database: pass the right --db, or restore ${path} from a backup`;
  const message = (cause as Error).message;
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return `${message}. ${describeRemedy(code, path)}`;
  if (path === ':memory:' || (code !== 'SQLITE_CANTOPEN' && code !== 'SQLITE_READONLY' && code !== 'SQLITE_READONLY_DIRECTORY')) return message;
  const unwritable = [dirname(path), path].find((p) => {
    try {
      accessSync(p, constants.W_OK);
      return false;
    } catch {
      return existsSync(p);
    }
  });
  if (unwritable === undefined) return message;
  return (
    `${message}: ${unwritable === path ? 'the file' : 'its folder'} ${unwritable} cannot be written (read-only mount or no permission). ` +
    (readonly
      ? `Even to read a store, SQLite creates ${basename(path)}-shm beside it (WAL mode); copy ${path} (and its -wal file, if any) to a writable folder and pass that --db`
      : 'A command that writes the store needs the store and its folder writable')
  );
}

/**
 * A failure of the database under the store (better-sqlite3's SqliteError: SQLITE_BUSY, SQLITE_READONLY, SQLITE_CORRUPT,
 * SQLITE_FULL, …) as a StoreError naming the store's path; any other error is returned as it is.
 */
export function toStoreError(error: unknown, path: string | undefined): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const remedy = describeRemedy(error.code, path ?? 'the store');
  return new StoreError(`${path === undefined ? 'the store' : `the store at ${path}`}: ${error.message} (${error.code})${remedy === '' ? '' : `. ${remedy}`}`, { cause: error });
}

/** True for SQLite refusing a write because the store (its file, folder or mount) cannot be written. */
export function isReadOnlyFailure(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_READONLY');
}

/**
 * What to do about a failure of the database, for the error line: SQLite's own words ("database or disk is full")
 * say what happened, not what a person at a cron log should do next. Empty for failures with no remedy to give.
 */
export function describeRemedy(code: string, path: string): string {
  if (code === 'SQLITE_FULL') return 'The disk holding it is full: free space there and run the command again (what was stored before stays, and a run resumes)';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return (
      `The database file is damaged, and reactionlens does not repair it: restore ${path} from a backup, or salvage what SQLite can ` +
      "still read into a new file (the sqlite3 shell's .recover or .dump) and pass that --db"
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return `${path} or its folder cannot be written (read-only file, folder or mount, or no permission; SQLite writes its -wal and -shm files beside it): make both writable for this user`;
  }
  if (code.startsWith('SQLITE_IOERR')) return 'The disk failed a read or write: check the disk, then run the command again (what was stored before stays)';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    // `label` writes without the store's lock (runs, imports, reports and scrubs take it), so it can meet a long write of ours
    return 'Another program, or a reactionlens command writing at the same time (`label` takes no lock), held the database longer than the 5 s wait: run the command again once it is done';
  }
  return '';
}

export function emptySaveCounts(): SaveCounts {
  return { threadsNew: 0, threadsUpdated: 0, commentsNew: 0, commentsUpdated: 0, commentsPurged: 0 };
}

export function addSaveCounts(into: SaveCounts, from: SaveCounts): void {
  into.threadsNew += from.threadsNew;
  into.threadsUpdated += from.threadsUpdated;
  into.commentsNew += from.commentsNew;
  into.commentsUpdated += from.commentsUpdated;
  into.commentsPurged += from.commentsPurged;
}

function toThread(row: ThreadRow): Thread {
  return {
    id: row.id,
    subreddit: row.subreddit,
    title: row.title,
    selftext: row.selftext,
    url: row.url,
    permalink: row.permalink,
    createdUtc: row.created_utc,
    score: row.score,
    numComments: row.num_comments,
    author: row.author,
    status: row.status,
    fetchedAt: row.fetched_at,
  };
}

/** The row as an array in COMMENT_COLUMNS order. */
function commentFromValues(v: unknown[]): StoredComment {
  return {
    id: v[0] as string,
    threadId: v[1] as string,
    parentId: v[2] as string | null,
    depth: v[3] as number,
    body: v[4] as string,
    score: v[5] as number,
    createdUtc: v[6] as number,
    permalink: v[7] as string,
    editedUtc: v[8] as number | null,
    status: v[9] as ContentStatus,
    stickied: v[10] === 1,
    distinguished: v[11] as string | null,
    author: v[12] as string | null,
    fetchedAt: v[13] as number,
    statusCheckedAt: v[14] as number,
    firstSeenAt: v[15] as number,
    firstQuotableAt: v[16] as number | null,
  };
}
