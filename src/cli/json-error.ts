import type { Command } from 'commander';
import { redactSecrets } from '../errors/redact-secrets.js';

/**
 * Why a command ended non-zero, named for scripts: one name per cause the exit-code table lists, so a script can
 * tell a config to fix (`config`) from a source to retry (`source`) without reading the message.
 */
export type FailureKind =
  | 'usage' // commander refused the command line (unknown option, missing argument)
  | 'config' // ConfigError: a bad flag value, event file, .env
  | 'invalid-data' // SchemaError: a record or file that breaks its schema
  | 'invalid-input' // the command skipped invalid input and printed no result
  | 'source' // SourceError: network, credentials, archive down
  | 'store' // StoreError
  | 'file' // FileError or an errno error: a path that cannot be read or written
  | 'busy' // LockError
  | 'partial' // the command ended partial and printed no result
  | 'interrupted' // Ctrl-C / SIGTERM
  | 'internal'; // a bug

/** How a command ended non-zero: its kind, its exit code and the message its stderr line gives. */
export interface Failure {
  kind: FailureKind;
  exitCode: number;
  message: string;
}

/**
 * The one JSON line a `--json` command writes on stdout when it fails before printing a result. The message is
 * redacted like every stderr line: stdout is as often kept in a log or a CI artifact.
 */
export function formatJsonError(failure: Failure): string {
  const error = { kind: failure.kind, exitCode: failure.exitCode, message: redactSecrets(failure.message) };
  return `${JSON.stringify({ error })}\n`;
}

/**
 * True when `argv` runs a command that takes `--json` and asks for it. Once commander has parsed the command line
 * (even when it then refused it: options before the bad one are set), its parsed value decides, so a `--json` given as
 * another option's value (`--event --json`) does not count; before that (a malformed .env stops the CLI before
 * parsing), the words before `--` do.
 */
export function isJsonRequested(program: Command, argv: readonly string[], parsed: boolean): boolean {
  const name = argv[0];
  const command = program.commands.find((c) => c.name() === name || (name !== undefined && c.aliases().includes(name)));
  if (command === undefined || !command.options.some((option) => option.long === '--json')) return false;
  if (parsed) return command.opts()['json'] === true;
  const end = argv.indexOf('--');
  return argv.slice(1, end === -1 ? undefined : end).includes('--json');
}
