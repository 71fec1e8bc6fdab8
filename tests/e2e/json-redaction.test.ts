import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { ROOT, entryArgs, hermeticEnv } from '../helpers/spawn-cli.js';

const EVENT = 'amazon-openai-2025-12';
const TOKEN = 'gw-7f3c9a1e5b';

function runInFolder(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...entryArgs(), ...args], { cwd, env: { ...hermeticEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resume) => child.on('close', (code) => resume({ code, stdout, stderr })));
}

// No setting can carry a secret into a run record: base URLs with user:password@ or a query are refused at the
// config boundary, and credentials are never quoted. What can is the source's own words: an archive (or a gateway in
// front of it) whose refusal quotes a link with a token lands, as the skip reason, in the run's errors and skip records.
describe('collect --json and run --json print the run record without a token the source quoted', () => {
  let server: Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res
        .writeHead(403, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: null, error: `access denied: renew your session at https://gateway.example/renew?access_token=${TOKEN}&user=qa` }));
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'rl-json-redaction-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((closed) => server.close(closed));
  });

  it.each([
    ['collect', []],
    ['run', ['--out', 'reports', '--format', 'json']],
  ])('%s --json', async (command, extra) => {
    const args = [command, '--event', EVENT, '--source', 'arctic-shift', '--events-dir', join(ROOT, 'events'), '--db', `${command}.db`, '--json', ...extra];
    const result = await runInFolder(dir, args, { ARCTIC_SHIFT_BASE: base });
    // every search refused: the source is up, each search a skipped request, so a partial run
    expect(result.code, result.stderr).toBe(EXIT.partial);
    const printed = JSON.parse(result.stdout) as { run?: { errors: string[]; skipped: Array<{ reason: string }> }; errors?: string[]; skipped?: Array<{ reason: string }> };
    const run = printed.run ?? printed;
    // the refusal is in the record (so the token would be too), with the token's value blanked
    expect(run.skipped?.length).toBeGreaterThan(0);
    expect(run.skipped?.[0]?.reason).toContain('https://gateway.example/renew?access_token=***&user=qa');
    expect(run.errors?.[0]).toContain('access_token=***');
    expect(result.stdout).not.toContain(TOKEN);
    expect(result.stderr).not.toContain(TOKEN);
  });
});
