import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, runCli } from '../../src/cli.js';
import { SchemaError } from '../../src/errors/errors.js';
import { acquireReportFolderLock } from '../../src/report/acquire-report-folder-lock.js';
import { acquireStoreLock } from '../../src/store/store-lock.js';
import { Store } from '../../src/store/store.js';
import { cli, type CliResult } from '../helpers/run-cli.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

// `--json` promises machine-readable JSON on stdout: a failed command gives a script one error object to parse,
// instead of an empty stdout and a line on stderr to scrape.

// a tagger that fails as asked, for the failures no real input reaches in-process (a schema error, a bug)
const tagger = vi.hoisted(() => ({ failure: null as Error | null }));
vi.mock('../../src/tag/load-tagger.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/tag/load-tagger.js')>();
  return {
    ...real,
    loadTagger: () => {
      if (tagger.failure !== null) throw tagger.failure;
      return real.loadTagger();
    },
  };
});

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENT = 'amazon-openai-2025-12';
const EVENTS = join(ROOT, 'events');
const SECRET = 'ProxyPassSecret';
const makeDir = useTempDirs('rl-json-errors-');

afterEach(() => {
  tagger.failure = null;
  nock.cleanAll();
});

interface JsonError {
  error: { kind: string; exitCode: number; message: string };
}

/** stdout as the one JSON error object it must be: one line, nothing else, whose exit code is the process's. */
function parseJsonError(result: CliResult): JsonError['error'] {
  expect(result.stdout.endsWith('\n'), result.stdout).toBe(true);
  expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  const parsed = JSON.parse(result.stdout) as JsonError;
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.exitCode).toBe(result.code);
  return parsed.error;
}

describe('a --json command that fails prints one error object on stdout, and its line on stderr as before', () => {
  it('usage: an unknown option (commander prints its own message on stderr)', async () => {
    const result = await cli(['run', '--event', EVENT, '--json', '--bogus']);
    expect(result.code).toBe(EXIT.usage);
    expect(parseJsonError(result)).toEqual({ kind: 'usage', exitCode: EXIT.usage, message: "unknown option '--bogus'" });
    expect(result.stderr).toContain("error: unknown option '--bogus'");
  });

  it('usage: an option without its argument', async () => {
    const result = await cli(['collect', '--json', '--event']);
    expect(parseJsonError(result)).toEqual({ kind: 'usage', exitCode: EXIT.usage, message: "option '--event <id>' argument missing" });
    expect(result.stderr).toContain("error: option '--event <id>' argument missing");
  });

  it('not when --json is the value of another option, nor on a command without --json', async () => {
    const asValue = await cli(['run', '--event', '--json', '--events-dir', EVENTS]);
    expect(asValue.code).toBe(EXIT.usage);
    expect(asValue.stdout).toBe('');
    const quotes = await cli(['quotes', '--event', EVENT, '--json']);
    expect(quotes.code).toBe(EXIT.usage);
    expect(quotes.stdout).toBe('');
  });

  it('config: an unknown event', async () => {
    const result = await cli(['run', '--event', 'no-such-event', '--json', '--source', 'fixtures', '--events-dir', EVENTS, '--db', join(makeDir(), 'x.db')]);
    const error = parseJsonError(result);
    expect(error.kind).toBe('config');
    expect(error.exitCode).toBe(EXIT.usage);
    expect(error.message).toMatch(/^Unknown event "no-such-event".*Known events: amazon-openai-2025-12/);
    expect(result.stderr).toContain(`reactionlens: error: ${error.message}\n`);
  });

  it('config: a message quoting a URL with credentials reaches stdout redacted, as it reaches stderr', async () => {
    const result = await cli(['report', '--json', '--event', `http://user:${SECRET}@127.0.0.1:9/x?access_token=tok123`], { cwd: ROOT });
    const error = parseJsonError(result);
    expect(error.kind).toBe('config');
    expect(error.message).toContain('Unknown event "http://***@127.0.0.1:9/x?access_token=***"');
    expect(result.both).not.toMatch(new RegExp(`${SECRET}|tok123`));
  });

  it('config: a malformed .env, found before the command line is parsed', async () => {
    const dir = makeDir();
    writeFileSync(join(dir, '.env'), 'REDDIT_PASSWORD="never closed-Secret\n');
    const result = await cli(['events', '--json', '--events-dir', EVENTS], { cwd: dir, loadDotEnv: true });
    const { code, stdout, stderr } = result;
    expect(code).toBe(EXIT.usage);
    const error = parseJsonError(result);
    expect(error.kind).toBe('config');
    expect(error.message).toContain('the quoted value of REDDIT_PASSWORD is never closed');
    expect(stderr).toContain('reactionlens: error: ');
    expect(stdout + stderr).not.toContain('Secret');
  });

  it('invalid data: a schema error', async () => {
    tagger.failure = new SchemaError(`answer of http://user:${SECRET}@127.0.0.1:9/x: expected an object`, 'x', '(root)');
    const result = await cli(['tag', '--json'], { stdinText: '{"id":"c1","text":"hi"}\n' });
    expect(parseJsonError(result)).toEqual({ kind: 'invalid-data', exitCode: EXIT.usage, message: 'answer of http://***@127.0.0.1:9/x: expected an object' });
    expect(result.stderr).toContain('reactionlens: invalid data: answer of http://***@127.0.0.1:9/x: expected an object\n');
    expect(result.both).not.toContain(SECRET);
  });

  it('source: Reddit cannot be reached', async () => {
    nock('https://www.reddit.com').post('/api/v1/access_token').times(20).replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND www.reddit.com' });
    const dir = makeDir();
    const result = await cli(['collect', '--event', EVENT, '--source', 'reddit', '--events-dir', EVENTS, '--db', join(dir, 'store.db'), '--json'], {
      cwd: dir,
      env: { ...TEST_ENV, REDDIT_USERNAME: 'bot_account', REDDIT_PASSWORD: 'hunter2-Secret!' },
    });
    const error = parseJsonError(result);
    expect(error.kind).toBe('source');
    expect(error.exitCode).toBe(EXIT.source);
    expect(error.message).toMatch(/no answer from www\.reddit\.com/);
    expect(result.stderr).toContain(`reactionlens: source error: ${error.message}\n`);
    expect(result.both).not.toContain('hunter2-Secret!');
  });

  it('store: --db is not a store', async () => {
    const db = join(makeDir(), 'notes.db');
    writeFileSync(db, 'not a database, just notes\n'.repeat(200));
    const result = await cli(['report', '--event', EVENT, '--db', db, '--events-dir', EVENTS, '--out', join(makeDir(), 'out'), '--json']);
    const error = parseJsonError(result);
    expect(error.kind).toBe('store');
    expect(error.exitCode).toBe(EXIT.source);
    expect(result.stderr).toContain(`reactionlens: store error: ${error.message}\n`);
  });

  it('busy: another run holds the store lock', async () => {
    const db = join(makeDir(), 'store.db');
    const release = acquireStoreLock(db);
    try {
      const result = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--events-dir', EVENTS, '--fixtures', join(ROOT, 'fixtures'), '--db', db, '--json']);
      const error = parseJsonError(result);
      expect(error.kind).toBe('busy');
      expect(error.exitCode).toBe(EXIT.busy);
      expect(result.stderr).toContain(`reactionlens: busy: ${error.message}\n`);
    } finally {
      release();
    }
  });

  it('file: the reports folder cannot be made (a file in its place)', async () => {
    const dir = makeDir();
    const out = join(dir, 'out');
    writeFileSync(out, 'a file, not a folder');
    const result = await cli(['run', '--event', EVENT, '--source', 'fixtures', '--events-dir', EVENTS, '--fixtures', join(ROOT, 'fixtures'), '--db', join(dir, 'store.db'), '--out', out, '--json']);
    const error = parseJsonError(result);
    expect(error.kind).toBe('file');
    expect(error.exitCode).toBe(EXIT.source);
    expect(error.message).toContain(out);
    expect(result.stderr).toContain(`reactionlens: file error: ${error.message}\n`);
  });

  it('interrupted: Ctrl-C', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await cli(['collect', '--event', EVENT, '--source', 'fixtures', '--events-dir', EVENTS, '--fixtures', join(ROOT, 'fixtures'), '--db', join(makeDir(), 'store.db'), '--json'], {
      signal: controller.signal,
    });
    expect(parseJsonError(result)).toEqual({
      kind: 'interrupted',
      exitCode: EXIT.interrupted,
      message: 'interrupted; everything stored so far is kept and the next run resumes',
    });
    expect(result.stderr).toContain('reactionlens: interrupted; everything stored so far is kept and the next run resumes\n');
  });

  it('internal: a bug, without its stack on stdout', async () => {
    tagger.failure = new TypeError('cannot read properties of undefined');
    const result = await cli(['tag', '--json', '-'], { stdinText: '' });
    expect(parseJsonError(result)).toEqual({ kind: 'internal', exitCode: EXIT.internal, message: 'cannot read properties of undefined' });
    expect(result.stderr).toMatch(/^reactionlens: internal error: cannot read properties of undefined\n/);
    expect(result.stderr).toContain('Please report this');
  });

  it('invalid input: tag skipped every line, so no result was printed', async () => {
    const result = await cli(['tag', '--json'], { stdinText: 'not json\n' });
    const error = parseJsonError(result);
    expect(error.kind).toBe('invalid-input');
    expect(error.exitCode).toBe(EXIT.usage);
    expect(result.stderr).toContain(`reactionlens: ${error.message}\n`);
  });
});

describe('where no error object is added', () => {
  it('a result already printed stays the one document: tag lines, then a bad line (exit 2)', async () => {
    const result = await cli(['tag', '--json'], { stdinText: '{"id":"c1","text":"hi"}\nnot json\n' });
    expect(result.code).toBe(EXIT.usage);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'c1' });
    expect(result.stderr).toContain('reactionlens: some input was invalid and skipped');
  });

  it('a result already printed stays the one document: events with an invalid event file (exit 2)', async () => {
    const dir = makeDir();
    writeFileSync(join(dir, 'broken-event.json'), '{"id": "broken-event"');
    const result = await cli(['events', '--events-dir', dir, '--json']);
    expect(result.code).toBe(EXIT.usage);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('a result already printed stays the one document: scrub lists a busy folder, then exits 5', async () => {
    const dir = makeDir();
    const db = join(dir, 'store.db');
    Store.open(db).close();
    const eventDir = join(dir, 'reports', EVENT);
    mkdirSync(eventDir, { recursive: true });
    const release = acquireReportFolderLock(eventDir);
    try {
      const result = await cli(['scrub', '--db', db, '--out', join(dir, 'reports'), '--json']);
      expect(result.code).toBe(EXIT.busy);
      const summary = JSON.parse(result.stdout) as { busy: string[]; error?: unknown };
      expect(summary.busy).toHaveLength(1);
      expect(summary.error).toBeUndefined();
      expect(result.stderr).toContain('reactionlens: busy: ');
    } finally {
      release();
    }
  });

  it('stdout that cannot be written: the file error on stderr, no error object tried', async () => {
    const written: string[] = [];
    let stderr = '';
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const code = await runCli(['run', '--json', '--event', 'no-such-event', '--events-dir', EVENTS], {
      stdout: (t) => written.push(t),
      stderr: (t) => (stderr += t),
      stdin: new PassThrough(),
      env: {},
      cwd: ROOT,
      isTTY: false,
      stdoutFailure: () => full,
    });
    expect(code).toBe(EXIT.source);
    expect(written).toEqual([]);
    expect(stderr).toContain('reactionlens: error: Unknown event "no-such-event"');
    expect(stderr).toContain('reactionlens: file error: cannot write the output to stdout: no space left on device (ENOSPC)');
  });
});
