import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { ROOT, entryArgs, hermeticEnv } from '../helpers/spawn-cli.js';

const EVENT = 'amazon-openai-2025-12';

/** The CLI as cron runs it: its own process, in a folder holding a .env, `node …/cli.ts collect …` and nothing else. */
function runInFolder(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [...entryArgs(), ...args], { cwd, env: { ...hermeticEnv(), ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resume) => child.on('close', (code) => resume({ code, stderr })));
}

describe('.env in the working directory (the nightly job without `set -a && . ./.env`)', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  let dir: string;

  beforeAll(async () => {
    // a local Arctic Shift that knows no posts: enough to see which base URL the CLI took
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [], error: null }));
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'rl-dotenv-e2e-'));
    // the QA's file: a user agent with a space and parentheses, unquoted, that `. ./.env` in sh refuses
    writeFileSync(
      join(dir, '.env'),
      ['# reactionlens', 'REDDIT_USER_AGENT=node:reactionlens:0.1.0 (by /u/qatester)', `ARCTIC_SHIFT_BASE=${base}`, 'REACTIONLENS_DB=from-dotenv.db', ''].join('\n'),
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((closed) => server.close(closed));
  });

  const collect = ['collect', '--event', EVENT, '--source', 'arctic-shift', '--events-dir', join(ROOT, 'events'), '--quiet'];

  it('takes its settings from ./.env', async () => {
    const result = await runInFolder(dir, collect);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0]).toMatch(/^\/api\/posts\/search\?/);
    expect(existsSync(join(dir, 'from-dotenv.db'))).toBe(true);
  });

  it('lets a variable set in the environment win over the file', async () => {
    const result = await runInFolder(dir, collect, { REACTIONLENS_DB: 'from-env.db' });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(existsSync(join(dir, 'from-env.db'))).toBe(true);
  });

  it('refuses a malformed .env: exit 2, naming the file and the line, without its value', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'rl-dotenv-bad-'));
    try {
      writeFileSync(join(bad, '.env'), 'REDDIT_CLIENT_ID=id\nREDDIT_PASSWORD=hunter2#rest\n');
      const result = await runInFolder(bad, collect);
      expect(result.code).toBe(EXIT.usage);
      expect(result.stderr).toContain(`reactionlens: error: ${join(bad, '.env')}: line 2: the value of REDDIT_PASSWORD has a #`);
      expect(result.stderr).not.toContain('hunter2');
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
