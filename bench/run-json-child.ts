import { spawnSync } from 'node:child_process';

/**
 * Runs `node <args>` in a fresh process (so its peak RSS is its own) and returns the JSON object the
 * child printed on its last stdout line.
 */
export function runJsonChild<T>(args: string[], what: string): T {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${what} failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as T;
}
