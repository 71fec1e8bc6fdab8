import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import type { Report } from '../../src/report/report.js';
import { screenComments } from '../../src/screen/screen-comments.js';
import { Store } from '../../src/store/store.js';
import { TAG_NAMES } from '../../src/types.js';
import { cli as runCliInProcess, type CliResult } from '../helpers/run-cli.js';
import { entryArgs, hermeticEnv } from '../helpers/spawn-cli.js';
import { isShownExcerpt } from '../helpers/is-shown-excerpt.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';
const PERMALINK = /^https:\/\/www\.reddit\.com\/r\/[A-Za-z0-9_]{2,21}\/comments\/[a-z0-9]+\/[^/\s]+\/[a-z0-9]+\/$/;

async function cli(args: string[], signal?: AbortSignal): Promise<CliResult> {
  return runCliInProcess(args, { cwd: ROOT, ...(signal === undefined ? {} : { signal }) });
}

function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((https:[^)\s]+)\)/g)].map((m) => decodeURIComponent(m[1]!));
}

describe('reactionlens run on the bundled fixtures (end to end)', () => {
  let dir: string;
  let db: string;
  let out: string;
  let first: CliResult;
  let report: Report;
  let markdown: string;

  const runArgs = (): string[] => ['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', out, '--format', 'md,json'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-e2e-'));
    db = join(dir, 'store.db');
    out = join(dir, 'reports');
    first = await cli(runArgs());
    const jsonPath = first.stdout.split('\n').find((l) => l.endsWith('.json'));
    if (jsonPath === undefined) throw new Error(`no JSON report path on stdout:\n${first.stdout}\n${first.stderr}`);
    report = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
    markdown = readFileSync(jsonPath.replace(/\.json$/, '.md'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints only the report paths on stdout', () => {
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const lines = first.stdout.trim().split('\n');
    expect(lines.every((l) => l.startsWith(join(out, EVENT)))).toBe(true);
    expect(lines.some((l) => l.endsWith('.md'))).toBe(true);
    expect(first.stderr).toMatch(/run .* \(fixtures\): ok/);
  });

  it("report numbers agree with what the store holds", () => {
    const store = Store.open(db);
    try {
      const comments = store.listComments(EVENT);
      const screened = screenComments(comments);
      const analysed = screened.filter((s) => s.excluded === null);
      expect(report.counts.stored).toBe(comments.length);
      expect(report.counts.threads).toBe(store.listThreads(EVENT).length);
      expect(report.counts.analysed).toBe(analysed.length);
      expect(report.counts.excluded).toBe(comments.length - analysed.length);
      for (const [reason, n] of Object.entries(report.counts.excludedByReason)) {
        expect(n, reason).toBe(screened.filter((s) => s.excluded === reason).length);
      }
      // Shares are recomputed from the stored tag results of the report's tagger version.
      const tags = store.loadTags(EVENT, report.tagger);
      for (const share of report.shares) {
        const positives = analysed.filter((s) => tags.get(s.comment.id)?.tags[share.tag].label === true).length;
        expect(share.count, share.tag).toBe(positives);
        expect(share.total).toBe(report.counts.tagged);
        expect(share.ci95.low).toBeLessThanOrEqual(share.share);
        expect(share.ci95.high).toBeGreaterThanOrEqual(share.share);
      }
      expect(report.shares.map((s) => s.tag)).toEqual([...TAG_NAMES]);
    } finally {
      store.close();
    }
  });

  it('bundled data meets the foundation brief (≥ 800 comments over both events, deep trees)', () => {
    expect(report.counts.stored).toBeGreaterThan(400);
    expect(report.counts.excludedByReason.deleted).toBeGreaterThan(0);
    expect(report.counts.excludedByReason.removed).toBeGreaterThan(0);
    expect(report.counts.excludedByReason.automoderator).toBeGreaterThan(0);
    expect(report.counts.excludedByReason.bot).toBeGreaterThan(0);
    expect(report.counts.excludedByReason.duplicate).toBeGreaterThan(0);
  });

  it('quotes are verbatim, well attributed, and never from excluded comments', () => {
    const store = Store.open(db);
    try {
      const screened = new Map(screenComments(store.listComments(EVENT)).map((s) => [s.comment.id, s]));
      const quotes = [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];
      expect(report.quotes.highlights.length).toBeGreaterThanOrEqual(3);
      expect(report.quotes.highlights.length).toBeLessThanOrEqual(6);
      for (const quote of quotes) {
        const entry = screened.get(quote.commentId);
        expect(entry, quote.commentId).toBeDefined();
        expect(entry!.excluded, quote.commentId).toBeNull();
        const body = entry!.comment.body;
        expect(isShownExcerpt(body.slice(quote.excerpt.start, quote.excerpt.end), quote.text), quote.text).toBe(true);
        expect(quote.permalink).toMatch(PERMALINK);
        expect(quote.permalink).toContain(`/${quote.commentId}/`);
        expect(quote.attribution).toBe(`Reddit, r/${quote.subreddit}`);
        expect(quote.author).toBeUndefined();
        expect(quote.gloss.length).toBeGreaterThan(5);
      }
      // Link targets may percent-encode characters that Markdown treats specially.
      for (const quote of report.quotes.highlights) expect(linkTargets(markdown)).toContain(quote.permalink);
    } finally {
      store.close();
    }
  });

  it('never prints usernames without --with-authors', () => {
    const store = Store.open(db);
    try {
      // People, not AutoModerator/bots (which the report names as exclusion reasons).
      const people = screenComments(store.listComments(EVENT)).filter((s) => s.excluded === null);
      const authors = new Set(people.map((s) => s.comment.author).filter((a): a is string => a !== null && a.length > 3));
      expect(authors.size).toBeGreaterThan(50);
      for (const author of authors) expect(markdown.includes(`u/${author}`) || markdown.includes(` ${author} `)).toBe(false);
    } finally {
      store.close();
    }
  });

  it('the quotes feed shows the users a comment mentions as @[user] without --with-authors, in every format; the opt-in keeps them', async () => {
    const feed = async (...extra: string[]): Promise<string> => {
      const result = await cli(['quotes', '--event', EVENT, '--db', db, '--limit', '200', ...extra]);
      expect(result.code, result.stderr).toBe(EXIT.ok);
      return result.stdout;
    };
    const json = JSON.parse(await feed()) as { quotes: Array<{ comment_id: string; id: string; text: string }> };
    const texts = new Map(json.quotes.map((q) => [q.comment_id, q.text]));
    // bundled comments that address other people Mastodon-style
    expect(texts.get('nmq7aq2')).toBe('@[user] @[user] I would just look at any other Ponzi scheme.');
    // a first line that only addresses someone is not quoted at all (README, quote rules)
    expect(texts.get('nmq70m8')).toMatch(/^… Multi billion dollar game/);
    const store = Store.open(db);
    try {
      const bodies = new Map(store.listComments(EVENT).map((c) => [c.id, c.body]));
      for (const q of json.quotes) {
        const [, start, end] = /:(\d+)-(\d+)$/.exec(q.id)!;
        expect(isShownExcerpt(bodies.get(q.comment_id)!.slice(Number(start), Number(end)), q.text), q.text).toBe(true);
      }
    } finally {
      store.close();
    }
    for (const out of [JSON.stringify(json), await feed('--format', 'csv'), await feed('--format', 'md')]) {
      for (const name of ['nixCraft', 'pseudonym', 'sraars', '@ana ']) expect(out).not.toContain(name);
    }
    expect(await feed('--with-authors')).toContain('@pseudonym @nixCraft I would just look at any other Ponzi scheme.');
  });

  it('`tag --event` is the tag stage alone: after a run everything is already tagged for this tagger version', async () => {
    const result = await cli(['tag', '--event', EVENT, '--db', db, '--json']);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const summary = JSON.parse(result.stdout) as { tagged: number; cached: number; tagger: string };
    expect(summary).toMatchObject({ tagged: 0, tagger: report.tagger });
    const store = Store.open(db);
    try {
      expect(summary.cached).toBe(store.countEvent(EVENT).live);
    } finally {
      store.close();
    }
  });

  it('a second run changes nothing: same store, same report', async () => {
    const before = Store.open(db);
    const countsBefore = before.countEvent(EVENT);
    before.close();
    const second = await cli(runArgs());
    expect(second.code, second.stderr).toBe(EXIT.ok);
    expect(second.stderr).toMatch(/threads: 0 new, 0 updated/);
    expect(second.stderr).toMatch(/comments: 0 new, 0 updated, 0 purged, 0 tagged/);
    // the report's exclusions cover the whole event, so they are said apart from this run's counts
    expect(second.stderr).toMatch(/\n {2}left out of the report: [1-9]\d* of the event's stored comments /);
    const after = Store.open(db);
    expect(after.countEvent(EVENT)).toEqual(countsBefore);
    after.close();
    const jsonPath = second.stdout.split('\n').find((l) => l.endsWith('.json'))!;
    const again = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
    // Only run bookkeeping may move; every number and quote must be identical.
    const stable = (r: Report): unknown => ({ ...r, asOf: undefined, date: undefined, runs: undefined, trend: undefined, inputs: undefined });
    expect(stable(again)).toEqual(stable(report));
  });
});

describe('bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a schema-violating comment is named with its file and field; the rest of its thread and the other threads are still stored; exit code is usage/config', async () => {
    const fixtures = join(dir, 'fixtures');
    cpSync(join(ROOT, 'fixtures'), fixtures, { recursive: true });
    const commentsDir = join(fixtures, 'reddit', EVENT, 'comments');
    // A thread inside the window (the search listing also holds one from before it).
    const search = JSON.parse(readFileSync(join(fixtures, 'reddit', EVENT, 'search.json'), 'utf8')) as {
      data: { children: Array<{ data: { id: string; created_utc: number } }> };
    };
    const inWindow = search.data.children.find((c) => c.data.created_utc >= Date.parse('2025-12-16T00:00:00Z') / 1000)!.data.id;
    const files = [`${inWindow}.json`];
    const victim = join(commentsDir, files[0]!);
    const broken = JSON.parse(readFileSync(victim, 'utf8')) as Array<{ data: { children: Array<{ data: Record<string, unknown> }> } }>;
    const victimComment = String(broken[1]!.data.children[0]!.data.id);
    delete broken[1]!.data.children[0]!.data.body;
    writeFileSync(victim, JSON.stringify(broken));

    const db = join(dir, 'bad.db');
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--fixtures', fixtures, '--db', db, '--out', join(dir, 'out'), '--format', 'json']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain(victim);
    expect(result.stderr).toMatch(/body/);
    expect(result.stderr).toMatch(/skipped: 1/);
    expect(result.stderr).toContain(`comment ${victimComment}`);
    const store = Store.open(db);
    try {
      const threadId = files[0]!.replace(/\.json$/, '');
      const stored = store.listThreads(EVENT).map((t) => t.id);
      // one unreadable comment costs that comment, not its thread
      expect(stored).toContain(threadId);
      expect(stored.length).toBeGreaterThanOrEqual(3);
      const kept = store.listComments(EVENT).filter((c) => c.threadId === threadId).map((c) => c.id);
      expect(kept.length).toBeGreaterThan(1);
      expect(kept).not.toContain(victimComment);
    } finally {
      store.close();
    }
  });

  it('an unknown event is a usage error that lists the known ones', async () => {
    const result = await cli(['run', '--event', 'no-such-event', '--source', 'fixtures', '--db', join(dir, 'x.db')]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/Known events: amazon-openai-2025-12, nvidia-openai-2025-09/);
  });

  it('an interrupted run exits 130, releases the store lock and leaves no half-written thread', async () => {
    const controller = new AbortController();
    controller.abort();
    const db = join(dir, 'interrupted.db');
    const result = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db], controller.signal);
    expect(result.code).toBe(EXIT.interrupted);
    expect(result.stderr).toMatch(/interrupted/);
    expect(existsSync(`${db}.lock`)).toBe(false);
    const store = Store.open(db);
    try {
      for (const thread of store.listThreads(EVENT)) expect(store.getThreadState(thread.id)?.complete).toBe(true);
    } finally {
      store.close();
    }
    // The next run resumes and completes.
    const resumed = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db]);
    expect(resumed.code, resumed.stderr).toBe(EXIT.ok);
  });

  it('a second run on a locked store refuses with the busy exit code', async () => {
    const db = join(dir, 'locked.db');
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: Date.now() }));
    const result = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db]);
    expect(result.code).toBe(EXIT.busy);
    expect(result.stderr).toContain(String(process.pid));
    // a run refused the same way leaves no new empty reports folder behind, as one refused for its store does
    const run = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', join(dir, 'busy-out')]);
    expect(run.code, run.stderr).toBe(EXIT.busy);
    expect(existsSync(join(dir, 'busy-out'))).toBe(false);
  });

  it("an event's own bot list excludes those accounts from analysis and quotes", async () => {
    const events = join(dir, 'events');
    mkdirSync(events, { recursive: true });
    const config = JSON.parse(readFileSync(join(ROOT, 'events', `${EVENT}.json`), 'utf8')) as Record<string, unknown>;
    const db = join(dir, 'bots.db');
    const base = ['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', join(dir, 'bots-out'), '--format', 'json', '--events-dir', events, '--json'];
    writeFileSync(join(events, `${EVENT}.json`), JSON.stringify(config));
    const before = JSON.parse((await cli(base)).stdout) as { reports: string[] };
    const plain = JSON.parse(readFileSync(before.reports.find((p) => p.endsWith('.json'))!, 'utf8')) as Report;
    // Declare the author of the first highlight a bot: the same data then excludes that account.
    const store = Store.open(db);
    const victim = store.getComment(plain.quotes.highlights[0]!.commentId)!.author!;
    const theirs = store.listComments(EVENT).filter((c) => c.author === victim).length;
    store.close();
    writeFileSync(join(events, `${EVENT}.json`), JSON.stringify({ ...config, bots: [victim] }));
    const after = JSON.parse((await cli(base)).stdout) as { reports: string[] };
    const withBots = JSON.parse(readFileSync(after.reports.find((p) => p.endsWith('.json'))!, 'utf8')) as Report;
    expect(withBots.counts.excludedByReason.bot).toBe(plain.counts.excludedByReason.bot + theirs);
    expect(withBots.quotes.highlights.map((q) => q.commentId)).not.toContain(plain.quotes.highlights[0]!.commentId);
  });

  it('a path the user got wrong is a clear file or store error (exit 3), not an internal error', async () => {
    const aFile = join(dir, 'a-file');
    writeFileSync(aFile, 'not a directory, not a database');
    const db = join(dir, 'paths.db');
    expect((await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db])).code).toBe(EXIT.ok);
    const cases: Array<[string[], RegExp]> = [
      // --out is a file: the report directory cannot be made
      [['report', '--event', EVENT, '--db', db, '--out', aFile], /file error: cannot create the reports folder .*a-file.*: not a directory \(ENOTDIR\)/],
      [['compare', EVENT, 'nvidia-openai-2025-09', '--db', db, '--out', aFile], /file error: cannot create the folder .*a-file: file already exists \(EEXIST\)/],
      // run checks its reports folder before collecting
      [['run', '--event', EVENT, '--source', 'fixtures', '--db', join(dir, 'fail-fast.db'), '--out', aFile], /file error: cannot create the reports folder .*a-file.*\(ENOTDIR\)/],
      // --out in a folder that does not exist (a typo in a cron line): not created, named with its missing parent
      [['report', '--event', EVENT, '--db', db, '--out', join(dir, 'typo', 'reports')], /file error: cannot create the reports folder .*typo\/reports: its parent folder .*typo does not exist \(ENOENT\)/],
      [['compare', EVENT, 'nvidia-openai-2025-09', '--db', db, '--out', join(dir, 'typo', 'cmp')], /file error: cannot create the folder .*typo\/cmp: its parent folder .*typo does not exist \(ENOENT\)/],
      [['run', '--event', EVENT, '--source', 'fixtures', '--db', join(dir, 'fail-fast.db'), '--out', join(dir, 'typo', 'reports')], /file error: cannot create the reports folder .*typo\/reports: its parent folder .*typo does not exist/],
      // --db is not a database
      [['report', '--event', EVENT, '--db', aFile], /not an SQLite database/],
      // a command that only reads refuses a store that is not there, and does not create one
      [['compare', EVENT, 'nvidia-openai-2025-09', '--db', join(dir, 'typo', 'x.db')], /no store at/],
      [['quotes', '--event', EVENT, '--db', join(dir, 'typo', 'x.db')], /no store at/],
      // nor do the commands that work on what is stored (tagging it, correcting it)
      [['tag', '--event', EVENT, '--db', join(dir, 'typo', 'x.db')], /no store at/],
      [['label', 'nmq7ch3', '--cynicism', '1', '--db', join(dir, 'typo', 'x.db')], /no store at/],
      [['label', 'nmq7ch3', '--cynicism', '1', '--force', '--db', join(dir, 'typo', 'x.db')], /no store at/],
      [['labels', 'export', '--db', db, '--out', join(dir, 'no', 'such', 'dir', 'labels.jsonl')], /file error: cannot write .*labels\.jsonl: no such file or directory \(ENOENT\)/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(EXIT.source);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    // run checks --out before it opens the store: nothing collected, no run recorded, and no new empty store left behind
    expect(existsSync(join(dir, 'fail-fast.db'))).toBe(false);
    // and a run refused for its store (its folder mistyped) leaves no new empty reports folder
    const refused = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--db', join(dir, 'no-such', 'data', 'x.db'), '--out', join(dir, 'fresh-out')]);
    expect(refused.code, refused.stderr).toBe(EXIT.source);
    expect(refused.stderr).toMatch(/store error: /);
    expect(existsSync(join(dir, 'fresh-out'))).toBe(false);
  });

  it.each([
    ['a missing folder', (d: string) => join(d, 'no-such-events')],
    ['a file', () => join(ROOT, 'events', `${EVENT}.json`)],
    [
      'a folder with no event files',
      (d: string) => {
        const path = join(d, 'no-event-files');
        mkdirSync(path, { recursive: true });
        writeFileSync(join(path, 'notes.txt'), 'not an event\n');
        return path;
      },
    ],
  ])('--events-dir naming %s is a config error naming it (exit 2), for events and the commands that load one', async (_name, eventsDir) => {
    const path = eventsDir(dir);
    for (const args of [['events'], ['events', '--json'], ['report', '--event', EVENT, '--db', join(dir, 'unused.db')]]) {
      const result = await cli([...args, '--events-dir', path]);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(EXIT.usage);
      // --json: the error as JSON on stdout too, for a script that parses stdout
      if (args.includes('--json')) expect(JSON.parse(result.stdout)).toMatchObject({ error: { kind: 'config', exitCode: EXIT.usage } });
      else expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`The events folder ${path} `);
    }
  });

  it("--db naming another program's SQLite database, or an empty file for a reading command, is refused (exit 3) and left untouched", async () => {
    const other = join(dir, 'other-app.db');
    const db = new Database(other);
    db.exec('CREATE TABLE foo (x)');
    db.close();
    const before = readFileSync(other);
    // another program's database that sets user_version as its own schema version
    const versioned = join(dir, 'versioned-app.db');
    const vdb = new Database(versioned);
    vdb.exec('CREATE TABLE foo (x)');
    vdb.pragma('user_version = 7');
    vdb.close();
    const versionedBefore = readFileSync(versioned);
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const cases: Array<[string[], RegExp]> = [
      [['quotes', '--event', EVENT, '--db', other], /is not a reactionlens store: it is an SQLite database with other tables \(foo\)/],
      [['run', '--event', EVENT, '--source', 'fixtures', '--db', other, '--out', join(dir, 'foreign-out')], /is not a reactionlens store/],
      [['quotes', '--event', EVENT, '--db', versioned], /is not a reactionlens store: it is an SQLite database with other tables \(foo\) and schema version 7/],
      [['run', '--event', EVENT, '--source', 'fixtures', '--db', versioned, '--out', join(dir, 'foreign-out')], /is not a reactionlens store/],
      [['quotes', '--event', EVENT, '--db', empty], /There is no store at .*empty\.db \(the file is empty\)/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(EXIT.source);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr, args.join(' ')).toMatch(/^reactionlens: store error: /);
    }
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(readFileSync(versioned).equals(versionedBefore)).toBe(true);
    expect(existsSync(`${versioned}-wal`)).toBe(false);
    expect(readFileSync(empty).length).toBe(0);
    expect(existsSync(join(dir, 'foreign-out'))).toBe(false);
  });

  it('a store whose database fails (here corrupted) is a store error naming it (exit 3), not an internal error', async () => {
    const db = join(dir, 'corrupt.db');
    expect((await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--db', db, '--quiet'])).code).toBe(EXIT.ok);
    // garbage over the pages after the schema's: the tables are still found, reading them fails (SQLITE_CORRUPT)
    const bytes = readFileSync(db);
    bytes.fill(0xff, 5 * 4096, 25 * 4096);
    writeFileSync(db, bytes);
    for (const args of [['report', '--event', EVENT, '--db', db, '--out', join(dir, 'corrupt-out')], ['collect', '--event', EVENT, '--source', 'fixtures', '--db', db]]) {
      const result = await cli(args);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(EXIT.source);
      expect(result.stderr).toMatch(new RegExp(`^reactionlens: store error: .*${db.replaceAll('.', '\\.')}.*database disk image is malformed`, 'm'));
      expect(result.stderr).not.toMatch(/internal error|source error|\n\s+at /);
    }
  });

  it('compare --out writes any number of events with long ids (named by the first ids and a hash, not every id)', async () => {
    const events = join(dir, 'many-events');
    mkdirSync(events, { recursive: true });
    const config = JSON.parse(readFileSync(join(ROOT, 'events', `${EVENT}.json`), 'utf8')) as Record<string, unknown>;
    const ids = Array.from({ length: 12 }, (_, i) => `amazon-openai-investment-reaction-on-reddit-2025-12-take-${i}`);
    for (const id of ids) writeFileSync(join(events, `${id}.json`), JSON.stringify({ ...config, id }));
    const db = join(dir, 'many.db');
    Store.open(db).close();
    const result = await cli(['compare', ...ids, '--db', db, '--events-dir', events, '--format', 'md,json', '--out', join(dir, 'many-out')]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const paths = result.stdout.trim().split('\n');
    expect(paths).toHaveLength(2);
    for (const path of paths) {
      expect(existsSync(path)).toBe(true);
      expect(path).toMatch(new RegExp(`/compare-${ids[0]}-vs-${ids[1]}-and-10-more-[0-9a-f]{8}\\.(md|json)$`));
    }
  });

  it('a missing required flag is a usage error', async () => {
    const result = await cli(['run']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/--event/);
  });
});

describe('the built entry point', () => {
  it('a run killed with SIGKILL stays "running" in the store; the next run takes over its stale lock and records it as abandoned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-kill-'));
    try {
      const db = join(dir, 'store.db');
      const args = ['run', '--event', EVENT, '--source', 'fixtures', '--db', db, '--out', join(dir, 'out'), '--format', 'json', '--quiet'];
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), ...args], { cwd: ROOT, stdio: 'ignore' });
      let exited = false;
      const closed = new Promise<void>((resume) => child.on('close', () => ((exited = true), resume())));
      // kill it as soon as its run record is in the store
      let inFlight: { id: string; status: string; finished_at: number | null } | undefined;
      while (inFlight === undefined && !exited) {
        await new Promise((resume) => setTimeout(resume, 20));
        if (!existsSync(db)) continue;
        try {
          const peek = new Database(db, { readonly: true });
          try {
            inFlight = peek.prepare('SELECT id, status, finished_at FROM runs').get() as typeof inFlight;
          } finally {
            peek.close();
          }
        } catch {
          // the store is still being created
        }
      }
      child.kill('SIGKILL');
      await closed;
      if (inFlight === undefined) throw new Error('the run ended before its record could be seen');
      expect(inFlight.finished_at).toBeNull();
      expect(inFlight.status).toBe('running');
      expect(existsSync(`${db}.lock`)).toBe(true);

      const next = await runCliInProcess(args, { cwd: ROOT });
      expect(next.code, next.stderr).toBe(EXIT.ok);
      expect(next.stderr).toContain(`run ${inFlight.id} (started `);
      expect(next.stderr).toMatch(/never finished \(killed or crashed\): recorded as abandoned/);
      const store = Store.open(db);
      try {
        const runs = store.listRuns(EVENT).runs;
        expect(runs.map((r) => [r.id === inFlight!.id, r.status])).toEqual([[true, 'abandoned'], [false, 'ok']]);
        expect(runs[0]!.finishedAt).toBeNull();
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two stop signals delivered together (timeout signals the process and its group) stop the run cleanly, not kill it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-stop-twice-'));
    try {
      const db = join(dir, 'store.db');
      const args = ['run', '--event', EVENT, '--source', 'fixtures', '--fixtures', join(ROOT, 'fixtures'), '--events-dir', join(ROOT, 'events'), '--db', db, '--out', join(dir, 'out'), '--quiet'];
      const child = spawn(process.execPath, [...entryArgs(), ...args], { cwd: dir, env: hermeticEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let exited = false;
      const closed = new Promise<number | null>((resume) => child.on('close', (code) => ((exited = true), resume(code))));
      let running = false;
      while (!running && !exited) {
        await new Promise((resume) => setTimeout(resume, 20));
        if (!existsSync(db)) continue;
        try {
          const peek = new Database(db, { readonly: true });
          try {
            running = peek.prepare("SELECT 1 FROM runs WHERE status = 'running'").get() !== undefined;
          } finally {
            peek.close();
          }
        } catch {
          // the store is still being created
        }
      }
      if (!running) throw new Error('the run ended before its record could be seen');
      // held while both are sent, the process gets them in one go, as two deliveries a moment apart (two kinds: a
      // second SIGINT held back would merge into the first)
      child.kill('SIGSTOP');
      child.kill('SIGINT');
      child.kill('SIGTERM');
      child.kill('SIGCONT');
      expect(await closed, stderr).toBe(EXIT.interrupted);
      expect(stderr).toContain('reactionlens: interrupted; everything stored so far is kept and the next run resumes');
      expect(existsSync(`${db}.lock`)).toBe(false);
      const store = Store.open(db);
      try {
        expect(store.listRuns(EVENT).runs.map((r) => [r.status, r.finishedAt !== null])).toEqual([['partial', true]]);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops quietly with exit 0 when the reader of stdout goes away (| head)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-pipe-'));
    try {
      const file = join(dir, 'in.jsonl');
      writeFileSync(file, Array.from({ length: 5_000 }, (_, i) => JSON.stringify({ id: `c${i}`, text: `More circular financing, take ${i}.` })).join('\n') + '\n');
      const child = spawn(process.execPath, [...entryArgs(), 'tag', file], { cwd: dir, env: hermeticEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // read the first chunk, then close the pipe as `head` does
      await new Promise<void>((resume) => child.stdout.once('data', () => resume()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resume) => child.on('close', (c) => resume(c)));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });


  it('stops quietly with exit 0 when stdout and stderr share a pipe whose reader goes away (2>&1 | head)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-pipe2-'));
    try {
      const file = join(dir, 'in.jsonl');
      const lines = Array.from({ length: 3_000 }, (_, i) => JSON.stringify({ id: `c${i}`, text: `More circular financing, take ${i}. `.repeat(20) }));
      // Bad lines only where the work must have stopped: the results of the first thousand lines (over 300 KB) cannot all
      // fit in the pipe (64 KiB) once its reader has gone, and the stop is seen before the next batch. Had the work gone
      // on, they would make it exit 2 (a bad line met before the stop does: tests/cli/stdout-reader-gone.test.ts).
      for (let i = 1_000; i < lines.length; i += 100) lines[i] = 'not json';
      writeFileSync(file, lines.join('\n') + '\n');
      const child = spawn('bash', ['-c', '"$0" "$@" 2>&1 | head -c 1000 > /dev/null; exit "${PIPESTATUS[0]}"', process.execPath, ...entryArgs(), 'tag', file], {
        cwd: dir,
        env: hermeticEnv(),
        stdio: 'ignore',
      });
      const code = await new Promise<number | null>((resume) => child.on('close', (c) => resume(c)));
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a run whose log reader goes away (2>&1 | head -1) still writes its report, records its outcome and exits with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-run-pipe-'));
    try {
      const db = join(dir, 'store.db');
      const out = join(dir, 'out');
      const args = ['run', '--event', EVENT, '--source', 'fixtures', '--fixtures', join(ROOT, 'fixtures'), '--events-dir', join(ROOT, 'events'), '--db', db, '--out', out, '--format', 'md,json'];
      const piped = (pipe: string, more: string[] = []): Promise<number | null> => {
        const child = spawn('bash', ['-c', `"$0" "$@" ${pipe}; exit "\${PIPESTATUS[0]}"`, process.execPath, ...entryArgs(), ...args, ...more], {
          cwd: dir,
          env: hermeticEnv(),
          stdio: 'ignore',
        });
        return new Promise((resume) => child.on('close', (c) => resume(c)));
      };
      // the first progress line is read, then the pipe's reader is gone: stderr, and later stdout, break
      expect(await piped('2>&1 | head -1 > /dev/null')).toBe(EXIT.ok);
      const eventDir = join(out, EVENT);
      expect(readdirSync(eventDir).filter((f) => /^\d{4}-\d{2}-\d{2}\.(md|json)$/.test(f)).length).toBe(2);
      expect(existsSync(`${db}.lock`)).toBe(false);
      const statuses = (): string[] => {
        const store = Store.open(db, { mustExist: true });
        try {
          return store.listRuns(EVENT).runs.map((r) => r.status);
        } finally {
          store.close();
        }
      };
      expect(statuses()).toEqual(['ok']);
      // a partial night whose stdout reader has gone when it lists its files (a reader that never reads) is still exit 4
      writeFileSync(join(eventDir, 'history.json'), '{');
      expect(await piped('2>/dev/null | true', ['--no-recheck'])).toBe(EXIT.partial);
      expect(statuses()).toEqual(['ok', 'partial']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('with stdout and stderr in one file through a pipe (2>&1 | …), a bad line\'s error comes after the large result line before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-order-'));
    try {
      const file = join(dir, 'in.jsonl');
      const out = join(dir, 'both.txt');
      // a result line far larger than a pipe's buffer (64 KiB), so Node is still writing it when the next line's error comes
      const bigId = 'x'.repeat(400_000);
      writeFileSync(file, [JSON.stringify({ id: bigId, text: 'More circular financing.' }), 'not json', JSON.stringify({ id: 'c3', text: 'fine' })].join('\n') + '\n');
      const child = spawn('sh', ['-c', 'out="$1"; shift; "$0" "$@" 2>&1 | cat > "$out"', process.execPath, out, ...entryArgs(), 'tag', file], {
        cwd: dir,
        env: hermeticEnv(),
        stdio: 'ignore',
      });
      await new Promise<void>((resume) => child.on('close', () => resume()));
      const lines = readFileSync(out, 'utf8').split('\n');
      expect(lines.map((l) => l.slice(0, 40))).toEqual([
        `{"id":"${bigId.slice(0, 33)}`,
        `reactionlens tag: ${file} line 2: invalid JSON`.slice(0, 40),
        '{"id":"c3","tags":{"cynicism":{"score":0',
        'reactionlens: some input was invalid and',
        '',
      ]);
      expect((JSON.parse(lines[0]!) as { id: string }).id).toBe(bigId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps stdout clean JSON with --json (logs go to stderr)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-json-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          ...entryArgs(),
          ...['run', '--event', EVENT, '--source', 'fixtures', '--events-dir', join(ROOT, 'events'), '--fixtures', join(ROOT, 'fixtures')],
          ...['--db', join(dir, 'db'), '--out', join(dir, 'out'), '--format', 'json', '--json'],
        ],
        { cwd: dir, env: hermeticEnv(), maxBuffer: 32 * 1024 * 1024 },
      );
      const parsed = JSON.parse(stdout) as { run: { status: string; counts: { commentsNew: number } }; reports: string[] };
      expect(parsed.run.status).toBe('ok');
      expect(parsed.run.counts.commentsNew).toBeGreaterThan(400);
      expect(parsed.reports.some((p) => p.endsWith('.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
