import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they were written, interleaved. */
  both: string;
}

/**
 * Runs the CLI in-process, capturing stdout and stderr; `stdinText` is written to stdin and ended
 * (or `stdin` is given as it is, e.g. a stream that never ends).
 */
export async function cli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; stdinText?: string; stdin?: NodeJS.ReadableStream; signal?: AbortSignal } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  let both = '';
  let stdin = opts.stdin;
  if (stdin === undefined) {
    const s = new PassThrough();
    s.end(opts.stdinText ?? '');
    stdin = s;
  }
  const code = await runCli(args, {
    stdout: (t) => ((stdout += t), (both += t)),
    stderr: (t) => ((stderr += t), (both += t)),
    stdin,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    isTTY: false,
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  });
  return { code, stdout, stderr, both };
}
