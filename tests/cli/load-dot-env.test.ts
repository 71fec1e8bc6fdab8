import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDotEnv } from '../../src/cli/load-dot-env.js';
import { EXIT } from '../../src/cli.js';
import { ConfigError } from '../../src/errors/errors.js';
import { cli } from '../helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

// Every test reads a .env it wrote into its own temp folder, never the developer's.
describe('loadDotEnv', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-dotenv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (text: string): void => writeFileSync(join(dir, '.env'), text);

  it('reads NAME=value lines into env: unquoted values with spaces and parentheses, quotes, export, comments, CRLF, a BOM', () => {
    write(
      '\uFEFF# Reddit\r\n' +
        'REDDIT_USER_AGENT=node:reactionlens:0.1.0 (by /u/qatester)\r\n' +
        'REDDIT_PASSWORD="pa ss#word (x)"\n' +
        "export REDDIT_CLIENT_ID='id'  # the app id\n" +
        'REACTIONLENS_DB=\n' +
        '\n',
    );
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(dir, env)).toBe(join(dir, '.env'));
    expect(env).toEqual({
      REDDIT_USER_AGENT: 'node:reactionlens:0.1.0 (by /u/qatester)',
      REDDIT_PASSWORD: 'pa ss#word (x)',
      REDDIT_CLIENT_ID: 'id',
      REACTIONLENS_DB: '',
    });
  });

  it('leaves variables already set in the environment as they are', () => {
    write('REACTIONLENS_DB=from-file.db\nREDDIT_CLIENT_ID=file-id\n');
    const env: NodeJS.ProcessEnv = { REACTIONLENS_DB: 'from-env.db', REDDIT_CLIENT_SECRET: 's' };
    loadDotEnv(dir, env);
    expect(env).toEqual({ REACTIONLENS_DB: 'from-env.db', REDDIT_CLIENT_SECRET: 's', REDDIT_CLIENT_ID: 'file-id' });
  });

  it('reads the shipped .env.example, also with its user agent example filled in', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const agent = /^# (REDDIT_USER_AGENT=".*")$/m.exec(example)?.[1];
    expect(agent).toBeDefined();
    write(example.replace(/^REDDIT_USER_AGENT=$/m, agent!));
    const env: NodeJS.ProcessEnv = {};
    loadDotEnv(dir, env);
    expect(env).toMatchObject({ REDDIT_USER_AGENT: 'node:reactionlens:0.1.0 (by /u/yourname)', ARCTIC_SHIFT_BASE: 'https://arctic-shift.photon-reddit.com', REACTIONLENS_DB: '' });
  });

  it('does nothing without a .env', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(dir, env)).toBeNull();
    expect(env).toEqual({});
  });

  it.each([
    ['a line that is not NAME=value', 'REDDIT_CLIENT_ID=id\nhunter2-Secret\n', /\.env: line 2 is not NAME=value/],
    ['a quote never closed', 'REDDIT_PASSWORD="hunter2-Secret\nREDDIT_CLIENT_ID=id\n', /\.env: line 1: the quoted value of REDDIT_PASSWORD is never closed/],
    ['text after a closing quote', 'REDDIT_PASSWORD="hunter2\\"-Secret"\n', /\.env: line 1: text after the closing quote of REDDIT_PASSWORD/],
    ['an unquoted # inside a value', 'REDDIT_PASSWORD=hunter2#-Secret\n', /\.env: line 1: the value of REDDIT_PASSWORD has a # .* put the value in quotes/],
  ])('refuses %s as a config error naming the file and the line, not the value', (_name, text, message) => {
    write(text);
    const env: NodeJS.ProcessEnv = {};
    let error: unknown;
    try {
      loadDotEnv(dir, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(join(dir, '.env'));
    expect((error as Error).message).not.toMatch(/hunter2|Secret/);
    expect(env).toEqual({});
  });

  it('a .env that is a folder is a config error naming it', () => {
    mkdirSync(join(dir, '.env'));
    expect(() => loadDotEnv(dir, {})).toThrow(ConfigError);
    expect(() => loadDotEnv(dir, {})).toThrow(`${join(dir, '.env')} cannot be read (EISDIR)`);
  });
});

describe('runCli and .env', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-dotenv-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads ./.env only when asked to (the process entry), and a malformed one is exit 2', async () => {
    writeFileSync(join(dir, '.env'), 'REDDIT_PASSWORD="never closed-Secret\n');
    // the in-process helper never loads .env: the command runs as if there were none
    expect((await cli(['events', '--events-dir', 'nowhere'], { cwd: dir })).stderr).not.toContain('.env');
    const { code, stderr } = await cli(['events', '--events-dir', 'nowhere'], { cwd: dir, loadDotEnv: true });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(`reactionlens: error: ${join(dir, '.env')}: line 1: the quoted value of REDDIT_PASSWORD is never closed (values are not shown here)\n`);
  });

  it('--help and --version work whatever the .env holds; the command itself still refuses it', async () => {
    writeFileSync(join(dir, '.env'), 'FOO\n');
    for (const args of [['--help'], ['--version'], ['-V'], ['run', '--help'], ['help', 'report'], ['labels', 'export', '--help']]) {
      const result = await cli(args, { cwd: dir, loadDotEnv: true });
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(EXIT.ok);
      expect(result.stdout, args.join(' ')).toMatch(/Usage: |^\d+\.\d+\.\d+/);
      expect(result.stderr, args.join(' ')).toBe('');
    }
    const run = await cli(['events', '--events-dir', 'nowhere', '--json'], { cwd: dir, loadDotEnv: true });
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toBe(`reactionlens: error: ${join(dir, '.env')}: line 1 is not NAME=value, a comment or blank (values are not shown here)\n`);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { kind: 'config', exitCode: EXIT.usage } });
  });
});
