import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing stdout and stderr; `stdinText` is written to stdin and ended. */
export async function cli(
  args: string[],
  opts: { cwd?: string; stdinText?: string; signal?: AbortSignal } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end(opts.stdinText ?? '');
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin,
    env: {},
    cwd: opts.cwd ?? process.cwd(),
    isTTY: false,
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  });
  return { code, stdout, stderr };
}
