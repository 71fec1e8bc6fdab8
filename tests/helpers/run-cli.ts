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
 * (or `stdin` is given as it is, e.g. a stream that never ends). `loadDotEnv` reads `<cwd>/.env` as the process
 * entry does (off by default, so no test reads a developer's .env).
 */
export async function cli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; stdinText?: string; stdin?: NodeJS.ReadableStream; signal?: AbortSignal; loadDotEnv?: boolean; now?: () => number } = {},
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
    loadDotEnv: opts.loadDotEnv === true,
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(opts.now === undefined ? {} : { now: opts.now }),
  });
  return { code, stdout, stderr, both };
}
