import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';
const SECRET = 'ProxyPassSecret';
const WITH_USERINFO = `http://user:${SECRET}@127.0.0.1:9`;

describe('a base URL with user:password@ (proxy settings)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const runWith = (source: string, env: NodeJS.ProcessEnv) =>
    cli(['run', '--event', EVENT, '--source', source, '--events-dir', join(ROOT, 'events'), '--db', join(dir, 'store.db'), '--out', join(dir, 'out'), '--quiet'], {
      cwd: dir,
      env,
    });

  it.each<[string, string, NodeJS.ProcessEnv]>([
    ['REDDIT_AUTH_BASE', 'reddit', { ...TEST_ENV, REDDIT_AUTH_BASE: WITH_USERINFO }],
    ['REDDIT_API_BASE', 'reddit', { ...TEST_ENV, REDDIT_API_BASE: WITH_USERINFO }],
    ['ARCTIC_SHIFT_BASE', 'arctic-shift', { ARCTIC_SHIFT_BASE: WITH_USERINFO }],
  ])('%s: a config error (exit 2) naming the variable, with the password neither on stderr nor in the store', async (variable, source, env) => {
    const result = await runWith(source, env);
    expect(result.code, result.stderr).toBe(EXIT.usage);
    expect(result.stderr).toMatch(new RegExp(`^reactionlens: error: ${variable} must not contain a user name or password`, 'm'));
    expect(result.both).not.toContain(SECRET);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    // refused before any request or run record: nothing about it is stored
    const db = join(dir, 'store.db');
    if (existsSync(db)) {
      expect(readFileSync(db).includes(SECRET)).toBe(false);
      const store = Store.open(db);
      expect(JSON.stringify(store.listRuns(EVENT).runs)).not.toContain(SECRET);
      store.close();
    }
  });
});

describe('redaction as a safety net', () => {
  it('an error message quoting a URL with credentials reaches stderr without them', async () => {
    const result = await cli(['report', '--event', `${WITH_USERINFO}/x?access_token=tok123`], { cwd: ROOT });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('Unknown event "http://***@127.0.0.1:9/x?access_token=***"');
    expect(result.stderr).not.toMatch(new RegExp(`${SECRET}|tok123`));
  });

  it('the store keeps a run record without URL credentials or tokens in its errors and skip records', () => {
    const store = Store.open(':memory:');
    store.saveRun({
      id: 'r1',
      eventId: EVENT,
      source: 'arctic-shift',
      startedAt: 1,
      finishedAt: 2,
      window: { from: 0, to: 1 },
      queries: ['q'],
      counts: { threadsNew: 0, threadsUpdated: 0, commentsNew: 0, commentsUpdated: 0, commentsPurged: 0, commentsExcluded: 0, commentsTagged: 0, requests: 1, rateLimited: 0, waitMs: 0, capsHit: 0, skipped: 1 },
      skipped: [{ source: `${WITH_USERINFO}/api/posts/search?q=x&access_token=tok123`, record: '(request)', reason: `GET ${WITH_USERINFO}/api failed`, kind: 'incomplete' }],
      errors: [`collection failed: Arctic Shift unreachable: GET ${WITH_USERINFO}/api/posts/search?token=tok123`],
      status: 'failed',
    });
    const [run] = store.listRuns(EVENT).runs;
    store.close();
    expect(JSON.stringify(run)).not.toMatch(new RegExp(`${SECRET}|tok123`));
    expect(run?.skipped[0]?.source).toBe('http://***@127.0.0.1:9/api/posts/search?q=x&access_token=***');
    expect(run?.errors[0]).toBe('collection failed: Arctic Shift unreachable: GET http://***@127.0.0.1:9/api/posts/search?token=***');
  });
});
