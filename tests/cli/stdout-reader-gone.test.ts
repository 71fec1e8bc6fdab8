import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/cli.js';

/**
 * `reactionlens tag | head -1` in-process: stdin holds `lines` and stays open (more could come), and the reader of
 * stdout takes the first write and goes away, as the entry sees it: later writes are dropped and the work is stopped.
 */
async function tagIntoHead(lines: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  stdin.write(lines.join('\n') + '\n');
  const controller = new AbortController();
  let closed = false;
  let stdout = '';
  let stderr = '';
  const code = await runCli(['tag'], {
    stdout: (text) => {
      if (closed) return;
      stdout += text;
      closed = true;
      controller.abort();
    },
    stderr: (text) => (stderr += text),
    stdin,
    env: {},
    cwd: process.cwd(),
    isTTY: false,
    signal: controller.signal,
    outputClosed: () => closed,
  });
  return { code, stdout, stderr };
}

describe('the reader of stdout goes away (tag … | head -1)', () => {
  it('a bad line already named on stderr still makes it exit 2, as when the reader stays: not 0 or 2 by timing', async () => {
    const ended = await tagIntoHead([JSON.stringify({ id: 'a', text: 'More circular financing.' }), '{oops']);
    expect(ended.stdout).toMatch(/^\{"id":"a"/);
    expect(ended.stderr).toContain('reactionlens tag: stdin line 2: invalid JSON');
    expect(ended.stderr).toContain('reactionlens: some input was invalid and skipped: 1 bad input line(s) in stdin');
    // the stop itself is quiet: no "interrupted" line
    expect(ended.stderr).not.toContain('interrupted');
    expect(ended.code).toBe(EXIT.usage);
  });

  it('with nothing wrong in what was read, it stops quietly with exit 0', async () => {
    const ended = await tagIntoHead([JSON.stringify({ id: 'a', text: 'More circular financing.' })]);
    expect(ended.stdout).toMatch(/^\{"id":"a"/);
    expect(ended.stderr).toBe('');
    expect(ended.code).toBe(EXIT.ok);
  });
});
