import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process; `stdinText` is written to a PassThrough stdin and ended. */
export async function cli(args: string[], opts: { cwd?: string; stdinText?: string } = {}): Promise<CliResult> {
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
  });
  return { code, stdout, stderr };
}
