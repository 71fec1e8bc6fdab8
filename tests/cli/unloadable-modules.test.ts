import { describe, expect, it, vi } from 'vitest';
import { EXIT, runCli } from '../../src/cli.js';

// A broken install (better-sqlite3 built for another Node after an upgrade, a dependency missing) fails while runCli
// loads the command modules. That must still end as the CLI's own internal error, with the remedy, not as an
// unhandled rejection with a stack trace and no JSON error object for a script that asked for --json.
vi.mock('../../src/cli/create-program.js', () => {
  throw new Error('The module was compiled against a different Node.js version (NODE_MODULE_VERSION 127)');
});

async function runBroken(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: process.stdin,
    env: {},
    cwd: process.cwd(),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('runCli when its command modules cannot be loaded', () => {
  it('exits 1 naming the cause and the remedy on stderr', async () => {
    const r = await runBroken(['events']);
    expect(r.code).toBe(EXIT.internal);
    expect(r.stdout).toBe('');
    // vitest wraps the factory's error in its own, so only the first line's shape is asserted
    expect(r.stderr).toMatch(/^reactionlens: internal error: cannot load its modules: \S/);
    expect(r.stderr).toContain('npm rebuild');
  });

  it('writes the error object on stdout for --json', async () => {
    const r = await runBroken(['events', '--json']);
    expect(r.code).toBe(EXIT.internal);
    const parsed = JSON.parse(r.stdout) as { error: { kind: string; exitCode: number; message: string } };
    expect(parsed.error.kind).toBe('internal');
    expect(parsed.error.exitCode).toBe(1);
    expect(parsed.error.message).toContain('cannot load its modules');
  });

  it('takes a --json after -- as an argument, not the flag', async () => {
    const r = await runBroken(['tag', '--', '--json']);
    expect(r.code).toBe(EXIT.internal);
    expect(r.stdout).toBe('');
  });
});
