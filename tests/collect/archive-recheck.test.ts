import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import { NEVER_CHECKED } from '../../src/types.js';
import { comment, FROM, post, TO } from '../archive/archive-fixtures.js';
import { mountFakeArcticShift } from '../archive/fake-arctic-shift.js';
import { mountRedditInfo, RECHECK_ENV, REDDIT_API, REDDIT_AUTH, type RedditInfoMock } from '../helpers/mount-reddit-info.js';
import { cli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

// A past window collected from the Arctic Shift archive keeps the text as first archived. With Reddit credentials the
// run asks Reddit's /api/info about it and purges what the author deleted since, so the report and the `quotes` feed
// never quote it; without them it says once on stderr that it could not check.

const ARCHIVE = 'https://arctic-recheck.test';
const EVENT = 'archive-recheck';
const tempDir = useTempDirs('rl-archive-recheck-');

const TEXTS = [
  'Circular deals again: Amazon pays OpenAI so OpenAI buys Amazon chips. Pure accounting theater, nobody believes these numbers.',
  'This is a bubble. Round-tripping money between the same five companies and calling it growth is how every bubble ends.',
  'I deleted this later: the whole thing is a scam and the insiders know it, follow the money and you will see who gets paid.',
  'Who audits any of this? The valuations are made up and the press just repeats whatever the PR people hand them.',
];
const posts = [post('ar1', FROM + 100, { num_comments: TEXTS.length })];
const comments = TEXTS.map((body, i) => comment(`ar1c${i}`, 'ar1', 't3_ar1', FROM + 200 + i, { body }));
/** Deleted by its author on Reddit after the archive saw it. */
const DELETED = 'ar1c2';

let mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

function setUp(data = { posts, comments }): { dir: string; archiveRequests: string[] } {
  const dir = tempDir();
  mkdirSync(join(dir, 'events'));
  const window = { from: new Date(FROM * 1000).toISOString(), to: new Date(TO * 1000).toISOString() };
  writeFileSync(
    join(dir, 'events', `${EVENT}.json`),
    JSON.stringify({ id: EVENT, title: 'Archive re-check', description: 'a past window from the archive', window, queries: ['amazon openai'], subreddits: ['stocks'], seedThreads: [] }),
  );
  const archive = mountFakeArcticShift(ARCHIVE, data);
  mounted.push(archive);
  return { dir, archiveRequests: archive.requests };
}

function mountReddit(options: { refuseToken?: boolean } = {}): RedditInfoMock {
  const reddit = mountRedditInfo({ posts, comments }, { gone: new Set([DELETED]), ...options });
  mounted.push(reddit);
  return reddit;
}

async function runArchive(dir: string, env: NodeJS.ProcessEnv) {
  const args = ['run', '--event', EVENT, '--source', 'arctic-shift', '--events-dir', join(dir, 'events'), '--db', join(dir, 'store.db'), '--out', join(dir, 'reports'), '--format', 'json', '--quiet'];
  return cli(args, { cwd: dir, env: { ARCTIC_SHIFT_BASE: ARCHIVE, ...env } });
}

async function quotesFeed(dir: string): Promise<{ stdout: string; stderr: string; ids: string[] }> {
  const result = await cli(['quotes', '--event', EVENT, '--events-dir', join(dir, 'events'), '--db', join(dir, 'store.db')], { cwd: dir });
  expect(result.code, result.stderr).toBe(EXIT.ok);
  const feed = JSON.parse(result.stdout) as { quotes: Array<{ comment_id: string }> };
  return { stdout: result.stdout, stderr: result.stderr, ids: feed.quotes.map((q) => q.comment_id) };
}

function readReport(dir: string): string {
  const folder = join(dir, 'reports', EVENT);
  const file = readdirSync(folder).find((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f));
  expect(file).toBeDefined();
  return readFileSync(join(folder, file!), 'utf8');
}

describe('run --source arctic-shift with Reddit credentials: the archive copies are re-checked with Reddit', () => {
  it("purges a comment Reddit's /api/info reports deleted; the report and the quotes feed leave it out", async () => {
    const { dir } = setUp();
    const reddit = mountReddit();
    const result = await runArchive(dir, RECHECK_ENV);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).not.toContain('cannot re-check');
    // tonight's archive copies were asked about, the thread too
    expect(reddit.asked).toEqual(expect.arrayContaining([...comments.map((c) => `t1_${c.id as string}`), 't3_ar1']));

    const store = Store.open(join(dir, 'store.db'));
    try {
      expect(store.getComment(DELETED)).toMatchObject({ status: 'deleted', body: '', author: null });
      expect(store.getComment('ar1c0')).toMatchObject({ status: 'live', body: TEXTS[0] });
      const run = store.listRuns(EVENT).runs.at(-1);
      expect(run?.counts.commentsPurged).toBe(1);
    } finally {
      store.close();
    }

    const report = readReport(dir);
    expect(report).not.toContain(TEXTS[2]);
    expect(report).not.toContain(DELETED);
    const feed = await quotesFeed(dir);
    expect(feed.ids.length).toBeGreaterThan(0);
    expect(feed.ids).not.toContain(DELETED);
    expect(feed.stdout).not.toContain(TEXTS[2]);
    expect(feed.stderr).not.toContain('left out');
  });

  it('purges a submission its author deleted on Reddit after the archive saw it, though tonight\'s archive search found it', async () => {
    const gonePost = post('ar2', FROM + 300, { num_comments: 1, title: 'Amazon OpenAI deal: my take, deleted since' });
    const data = { posts: [...posts, gonePost], comments: [...comments, comment('ar2c0', 'ar2', 't3_ar2', FROM + 400, { body: TEXTS[0] })] };
    const { dir } = setUp(data);
    const reddit = mountRedditInfo(data, { gone: new Set(['ar2']) });
    mounted.push(reddit);
    const result = await runArchive(dir, RECHECK_ENV);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(reddit.asked).toContain('t3_ar2');
    const store = Store.open(join(dir, 'store.db'));
    try {
      expect(store.getThread('ar2')).toMatchObject({ status: 'deleted', selftext: '', author: null });
      expect(store.getThread('ar1')?.status).toBe('live');
    } finally {
      store.close();
    }
    const report = readReport(dir);
    expect(report).toContain('Amazon to invest in OpenAI (ar1)'); // the report names the threads it quotes from
    expect(report).not.toContain('my take, deleted since');
  });

  it('refused credentials fail the run (exit 3) as for --source reddit, keeping the archive collection withheld from quotes; the next run with good ones re-checks it', async () => {
    const { dir } = setUp();
    mountReddit({ refuseToken: true });
    const refused = await runArchive(dir, RECHECK_ENV);
    expect(refused.code, refused.stderr).toBe(EXIT.source);
    expect(refused.stderr).not.toContain(RECHECK_ENV.REDDIT_CLIENT_SECRET);

    const store = Store.open(join(dir, 'store.db'));
    try {
      // what the archive gave is stored, not lost, but nothing Reddit has not confirmed can be quoted
      expect(store.countEvent(EVENT).comments).toBe(TEXTS.length);
      expect(store.getComment(DELETED)?.body).toBe(TEXTS[2]);
      expect(store.listRuns(EVENT).runs.at(-1)?.status).toBe('failed');
    } finally {
      store.close();
    }
    const withheld = await quotesFeed(dir);
    expect(withheld.ids).toEqual([]);
    expect(withheld.stderr).toContain(`${TEXTS.length} comment(s) left out`);

    // the credentials fixed: the next run asks Reddit about the withheld comments (within 20 h of their fetch)
    for (const m of mounted.splice(0)) m.unmount();
    mounted.push(mountFakeArcticShift(ARCHIVE, { posts, comments }));
    const reddit = mountReddit();
    const fixed = await runArchive(dir, RECHECK_ENV);
    expect(fixed.code, fixed.stderr).toBe(EXIT.ok);
    expect(reddit.asked).toContain(`t1_${DELETED}`);
    const feed = await quotesFeed(dir);
    expect(feed.ids.length).toBeGreaterThan(0);
    expect(feed.ids).not.toContain(DELETED);
    expect(feed.stdout).not.toContain(TEXTS[2]);
  });

  it('a partial credentials config fails before any request, naming the missing variables and never a value', async () => {
    const { dir, archiveRequests } = setUp();
    const reddit = mountReddit();
    const result = await runArchive(dir, { REDDIT_CLIENT_ID: 'client-id-value-x', REDDIT_API_BASE: REDDIT_API, REDDIT_AUTH_BASE: REDDIT_AUTH });
    expect(result.code).toBe(EXIT.source);
    expect(result.stderr).toContain('Reddit credentials missing: REDDIT_CLIENT_SECRET, REDDIT_USER_AGENT');
    expect(result.stderr).not.toContain('client-id-value-x');
    expect(archiveRequests).toEqual([]);
    expect(reddit.requests).toEqual([]);
  });
});

describe('run --source arctic-shift without Reddit credentials', () => {
  it('says once on stderr that it cannot re-check, asks Reddit nothing, and collects as before', async () => {
    const { dir } = setUp();
    const reddit = mountReddit();
    // a user agent and base URLs are no credentials (.env.example fills them in for everyone)
    const result = await runArchive(dir, { REDDIT_USER_AGENT: RECHECK_ENV.REDDIT_USER_AGENT, REDDIT_API_BASE: REDDIT_API, REDDIT_AUTH_BASE: REDDIT_AUTH });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('cannot re-check deletions without Reddit credentials'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^reactionlens run: the archive source cannot re-check .*quotes may include comments deleted on Reddit since they were archived.*REDDIT_CLIENT_ID/);
    expect(reddit.requests).toEqual([]);
    const store = Store.open(join(dir, 'store.db'));
    try {
      expect(store.getComment(DELETED)?.body).toBe(TEXTS[2]);
      // no one confirmed these live on Reddit: no check time, so the next re-check with credentials asks about them
      expect(comments.map((c) => store.getComment(c.id as string)?.statusCheckedAt)).toEqual(comments.map(() => NEVER_CHECKED));
    } finally {
      store.close();
    }
    // what the warning is about (and what the run with credentials prevents): the archived text is quotable, and the
    // feed shows no check time for it (it was never checked)
    const feed = await quotesFeed(dir);
    expect(feed.ids).toContain(DELETED);
    expect((JSON.parse(feed.stdout) as { quotes: Array<{ status_checked_at: string | null }> }).quotes.map((q) => q.status_checked_at)).toEqual(feed.ids.map(() => null));

    // a later archive run with credentials confirms them: the feed then shows when
    for (const m of mounted.splice(0)) m.unmount();
    mounted.push(mountFakeArcticShift(ARCHIVE, { posts, comments }));
    mountReddit();
    const checked = await runArchive(dir, RECHECK_ENV);
    expect(checked.code, checked.stderr).toBe(EXIT.ok);
    const confirmed = JSON.parse((await quotesFeed(dir)).stdout) as { quotes: Array<{ comment_id: string; status_checked_at: string | null }> };
    expect(confirmed.quotes.length).toBeGreaterThan(0);
    for (const q of confirmed.quotes) expect(q.status_checked_at, q.comment_id).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('with --no-recheck says nothing about it: no source re-checks then', async () => {
    const { dir } = setUp();
    const result = await runArchive(dir, {});
    const quiet = await cli(
      ['collect', '--event', EVENT, '--source', 'arctic-shift', '--events-dir', join(dir, 'events'), '--db', join(dir, 'other.db'), '--no-recheck', '--quiet'],
      { cwd: dir, env: { ARCTIC_SHIFT_BASE: ARCHIVE } },
    );
    expect(result.stderr).toContain('cannot re-check deletions');
    expect(quiet.code, quiet.stderr).toBe(EXIT.ok);
    expect(quiet.stderr).not.toContain('cannot re-check');
  });
});
