import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { entryArgs, hermeticEnv, ROOT } from '../helpers/spawn-cli.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const tempDir = useTempDirs('rl-early-stop-');
const PRELOAD = join(ROOT, 'tests', 'helpers', 'signal-while-loading.mjs');

/** Runs the entry with a stop signal sent to it while its command modules load; its exit code (or signal) and stderr. */
function runStoppedWhileLoading(args: string[], stopSignal: 'SIGTERM' | 'SIGINT'): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const [tsx, entry] = [entryArgs().slice(0, 2), entryArgs().slice(2)];
  const child = spawn(process.execPath, [...tsx, '--import', PRELOAD, ...entry, ...args], {
    cwd: tempDir(),
    env: { ...hermeticEnv(), TEST_STOP_SIGNAL: stopSignal },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resume) => child.on('close', (code, signal) => resume({ code, signal, stderr })));
}

describe('a stop signal while the CLI is still starting', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s stops it cleanly (exit 130, nothing started), as a later one does, instead of killing it', async (stopSignal) => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    const args = ['run', '--event', 'amazon-openai-2025-12', '--source', 'fixtures', '--fixtures', join(ROOT, 'fixtures'), '--events-dir', join(ROOT, 'events'), '--db', db, '--out', join(dir, 'out'), '--quiet'];
    const ended = await runStoppedWhileLoading(args, stopSignal);
    // the signal was sent during the load (not before the entry ran, nor after the command began)
    expect(ended.stderr).toContain('test: stop signal sent while loading');
    expect({ code: ended.code, signal: ended.signal }, ended.stderr).toEqual({ code: EXIT.interrupted, signal: null });
    expect(ended.stderr).toContain('reactionlens: interrupted; everything stored so far is kept and the next run resumes');
    // no command began: no store made, no lock left, no reports folder
    expect(existsSync(db)).toBe(false);
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
