#!/usr/bin/env node
// Only light modules are imported here: the command modules are loaded by runCli (see loadCommandModules), after the
// process entry below has installed its stop handler.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommanderError } from 'commander';
import type { CliContext } from './cli/cli-context.js';
import { createOrderedOutput } from './cli/create-ordered-output.js';
import { createStopHandler } from './cli/create-stop-handler.js';
import { formatJsonError, isJsonRequested, type Failure, type FailureKind } from './cli/json-error.js';
import { loadDotEnv } from './cli/load-dot-env.js';
import { ConfigError, FileError, InstallError, InternalError, isAbortError, LockError, SchemaError, SourceError, StoreError } from './errors/errors.js';
import { redactSecrets } from './errors/redact-secrets.js';
import { describeErrno, isFileSystemError } from './errors/to-file-error.js';

/**
 * Exit codes. Decided here and nowhere else; documented in the README.
 * 0 ok · 1 internal error · 2 usage/config/invalid input · 3 source, auth, file or store error
 * 4 partial run (some records or sources missing) · 5 store busy (another run holds the lock, or took it over from a stalled run)
 * 130 interrupted (Ctrl-C / SIGTERM; what was stored stays, the next run resumes)
 */
export const EXIT = { ok: 0, internal: 1, usage: 2, source: 3, partial: 4, busy: 5, interrupted: 130 } as const;

/** What the process gives the CLI; src/cli.ts builds the rest of the command context from it. */
export type CliIO = Pick<CliContext, 'stdout' | 'stderr' | 'stdin' | 'env' | 'cwd' | 'isTTY' | 'signal' | 'waitForStdout'> & {
  /**
   * Read `<cwd>/.env` into `env` first (set variables win). The process entry sets it; in-process callers and tests
   * leave it off, so they never read a developer's .env.
   */
  loadDotEnv?: boolean;
  now?: () => number;
  /** True once the reader of stdout has gone (`… | head`): the stop that follows is not an interruption. */
  outputClosed?: () => boolean;
  /**
   * Resolves once everything written to stdout and stderr has been written or has failed, so `stdoutFailure` is final.
   * Absent: writes complete at once (in-process callers).
   */
  outputSettled?: () => Promise<void>;
  /** Why stdout could not be written (disk full, a read-only file; not a reader gone away), or null. */
  stdoutFailure?: () => Error | null;
};

/**
 * The modules behind the commands (commander, zod, SQLite, every command): about 0.2 s of loading. Imported here, not
 * with this file, so the process entry's stop handler is in place while they load: a SIGTERM from `timeout` or a
 * supervisor in that time killed the process (exit 143) where a later one is a clean stop (exit 130).
 */
async function loadCommandModules() {
  const [{ createProgram }, { openStoreAt }, { toStoreError }, { CommanderError }] = await Promise.all([
    import('./cli/create-program.js'),
    import('./cli/open-store-at.js'),
    import('./store/store.js'),
    import('commander'),
  ]);
  return { createProgram, openStoreAt, toStoreError, CommanderError };
}

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can run it in-process. */
export async function runCli(argv: string[], cliIO: CliIO): Promise<number> {
  // a safety net behind the config checks: no URL credentials or token in a query reach stderr (often a log file)
  const io: CliIO = { ...cliIO, stderr: (text) => cliIO.stderr(redactSecrets(text)) };
  let modules: Awaited<ReturnType<typeof loadCommandModules>>;
  try {
    modules = await loadCommandModules();
  } catch (error) {
    return reportUnloadable(error, argv, io);
  }
  const { createProgram, openStoreAt, toStoreError, CommanderError } = modules;
  let partial: string | null = null;
  const partialReasons: string[] = [];
  let invalid: string | null = null;
  // a command that printed its result (or the first JSONL lines) before failing: no error object after it
  let wroteStdout = false;
  const openStores: Array<{ close: () => void; path: string }> = [];
  const signal = io.signal ?? new AbortController().signal;
  const ctx: CliContext = {
    stdout: (text) => {
      if (text !== '') wroteStdout = true;
      io.stdout(text);
    },
    waitForStdout: io.waitForStdout,
    stderr: io.stderr,
    stdin: io.stdin,
    env: io.env,
    cwd: io.cwd,
    isTTY: io.isTTY,
    signal,
    now: io.now ?? (() => Date.now() / 1000),
    // every reason, not the first: a damaged run row must not hide why tonight's run was partial
    markPartial: (reason) => {
      partial = partial === null ? reason : `${partial}; ${reason}`;
      partialReasons.push(reason);
    },
    // redacted like stderr: a reason may quote a path or URL, and a --json result is logged as often as stderr
    partialReasons: () => partialReasons.map(redactSecrets),
    markInvalidInput: (reason) => {
      invalid ??= reason;
    },
    openStore: (dbOption, options) => {
      // the command's clock, for the times the store records itself (when a comment became quotable)
      const store = openStoreAt(dbOption, io.env, io.cwd, { now: ctx.now, ...options });
      openStores.push(store);
      return store;
    },
  };
  const program = createProgram(ctx);
  let failure: { error: unknown } | null = null;
  let parsed = false;
  try {
    // a malformed .env is a config error (exit 2) like a bad flag, reported below; but only once a command is about to
    // run: --help and --version read no setting, and are how one finds out what a setting is for
    let dotEnvError: unknown = null;
    try {
      if (io.loadDotEnv === true) loadDotEnv(io.cwd, io.env);
    } catch (error) {
      dotEnvError = error;
    }
    program.hook('preAction', () => {
      if (dotEnvError !== null) throw dotEnvError;
    });
    // a stop asked for while the modules loaded: no command starts (nothing taken, nothing to release), as one stopped later
    signal.throwIfAborted();
    // from here on, commander's parsed values say whether --json was asked for (see isJsonRequested)
    parsed = true;
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    failure = { error };
  } finally {
    for (const store of openStores) store.close();
  }
  // the last lines' writes may still fail (a full disk answers a few ticks later): their fate decides the code too
  await io.outputSettled?.();
  const lostOutput = io.stdoutFailure?.() ?? null;
  if (lostOutput !== null) {
    // the data the command produced is lost: a file error (exit 3) like a report that cannot be written, told on
    // stderr if stderr still takes it. A command stopped because of it (tag on a long input) was not interrupted.
    // No error object either: stdout takes nothing more.
    const stopped = failure !== null && isAbortError(failure.error);
    if (failure !== null && !stopped) reportError(toStoreError(failure.error, openStores.at(-1)?.path), io, CommanderError);
    io.stderr(`reactionlens: file error: cannot write the output to stdout: ${describeErrno(lostOutput)}\n`);
    return EXIT.source;
  }
  // Stopped because the reader of stdout went away: quietly (no "interrupted"), with the outcome of what was done by
  // then, as a command that finished before the reader left (`tag … | head -1` over a bad line read before the stop
  // exits 2 whether the stop came before the end of the input or not: the two were a race).
  const stoppedByReader = failure !== null && isAbortError(failure.error) && io.outputClosed?.() === true;
  // an SQLite failure (locked, read-only, corrupted) is the store's, named by its path, not a bug
  const ended =
    failure !== null && !stoppedByReader ? reportError(toStoreError(failure.error, openStores.at(-1)?.path), io, CommanderError) : reportOutcome(invalid, partial, io);
  if (ended === null) return EXIT.ok;
  // stdout holds one JSON document: the result when the command printed one (its fields and the exit code tell
  // the rest), else this error object. Not to a reader that has gone.
  if (!wroteStdout && io.outputClosed?.() !== true && isJsonRequested(program, argv, parsed)) await writeJsonError(ended, io);
  return ended.exitCode;
}

/**
 * The command modules could not be loaded: an install that is broken or half upgraded (a native module built for
 * another Node, a dependency missing). A bug of the install, not of the input: exit 1 with the remedy on stderr, and
 * the error object for `--json` (no program to ask which commands take it, so the flag as written decides).
 */
async function reportUnloadable(error: unknown, argv: readonly string[], io: CliIO): Promise<number> {
  const failure = reportBrokenInstall(error instanceof Error ? error : new InternalError(String(error)), io);
  const end = argv.indexOf('--');
  if (argv.slice(0, end === -1 ? undefined : end).includes('--json')) await writeJsonError(failure, io);
  return failure.exitCode;
}

/**
 * The internal-error line for an install that cannot load its modules, with the remedy: said the same whether the
 * modules failed as runCli loaded them or a native addon failed when first used (better-sqlite3's, at the store's opening).
 */
function reportBrokenInstall(e: Error, io: CliIO): Failure {
  const message = `cannot load its modules: ${e.message}`;
  io.stderr(`reactionlens: internal error: ${message}\nReinstall its dependencies (npm ci, or npm rebuild after a Node upgrade) and run it again.\n`);
  if (io.env.REACTIONLENS_DEBUG) io.stderr(`${(e.cause instanceof Error ? e.cause : e).stack ?? ''}\n`);
  return { kind: 'internal', exitCode: EXIT.internal, message };
}

/**
 * A command that ended without an error (or was stopped by the reader of stdout going away, which is no error: the
 * reader took what it wanted, as from any Unix filter) but skipped invalid input or missed some records: told on
 * stderr. A `run … | head -1` listing its report files still says how the night went, and a `tag … | head -1` the bad
 * lines it named before it stopped.
 */
function reportOutcome(invalid: string | null, partial: string | null, io: CliIO): Failure | null {
  if (invalid !== null) {
    io.stderr(`reactionlens: some input was invalid and skipped: ${invalid}\n`);
    return { kind: 'invalid-input', exitCode: EXIT.usage, message: `some input was invalid and skipped: ${invalid}` };
  }
  if (partial !== null) {
    io.stderr(`reactionlens: partial result: ${partial}\n`);
    return { kind: 'partial', exitCode: EXIT.partial, message: `partial result: ${partial}` };
  }
  return null;
}

/**
 * The error line on stderr; returns how the command failed, or null when it did not (--help, --version).
 */
function reportError(error: unknown, io: CliIO, commanderError: typeof CommanderError): Failure | null {
  if (error instanceof commanderError) {
    // --help and --version end through here too.
    if (error.exitCode === 0) return null;
    // commander already printed the message on stderr ("error: unknown option '--x'")
    return { kind: 'usage', exitCode: EXIT.usage, message: error.message.replace(/^error: /, '') };
  }
  const line = (kind: FailureKind, label: string, exitCode: number, e: Error): Failure => {
    io.stderr(`reactionlens: ${label}: ${e.message}\n`);
    if (e.cause instanceof Error && io.env.REACTIONLENS_DEBUG) io.stderr(`  caused by: ${e.cause.stack ?? e.cause.message}\n`);
    return { kind, exitCode, message: e.message };
  };
  if (error instanceof InstallError) return reportBrokenInstall(error, io);
  if (error instanceof ConfigError) return line('config', 'error', EXIT.usage, error);
  if (error instanceof SchemaError) return line('invalid-data', 'invalid data', EXIT.usage, error);
  if (error instanceof SourceError) return line('source', 'source error', EXIT.source, error);
  if (error instanceof StoreError) return line('store', 'store error', EXIT.source, error);
  if (error instanceof LockError) return line('busy', 'busy', EXIT.busy, error);
  if (error instanceof FileError || isFileSystemError(error)) {
    // a path cannot be read or written (a file where a directory is needed, no such directory, no permission, disk full, read-only)
    return line('file', 'file error', EXIT.source, error);
  }
  if (isAbortError(error)) {
    const message = 'interrupted; everything stored so far is kept and the next run resumes';
    io.stderr(`reactionlens: ${message}\n`);
    return { kind: 'interrupted', exitCode: EXIT.interrupted, message };
  }
  const e = error instanceof Error ? error : new InternalError(String(error));
  io.stderr(`reactionlens: internal error: ${e.message}\n${e.stack ?? ''}\nPlease report this with the command you ran.\n`);
  return { kind: 'internal', exitCode: EXIT.internal, message: e.message };
}

/**
 * The error object on stdout. Its own write may fail too (the disk filled since): said on stderr, and the exit code
 * stays the failure's, which is the news.
 */
async function writeJsonError(failure: Failure, io: CliIO): Promise<void> {
  io.stdout(formatJsonError(failure));
  await io.outputSettled?.();
  const lost = io.stdoutFailure?.() ?? null;
  if (lost !== null) io.stderr(`reactionlens: file error: cannot write the error object to stdout: ${describeErrno(lost)}\n`);
}

/** True when this file is the process entry (bin link, node dist/cli.js, tsx src/cli.ts). */
function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // First Ctrl-C asks the run to stop cleanly (lock released, thread in flight dropped); a second one kills, unless it
  // comes within half a second of the first: then it is the same request delivered twice (`timeout`, a process group)
  const controller = new AbortController();
  const stop = createStopHandler({ stop: () => controller.abort(), kill: () => process.exit(EXIT.interrupted) });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // the reader of stdout went away (`reactionlens tag big.jsonl | head`): stop the work as Ctrl-C would
  let outputClosed = false;
  // stdout cannot be written otherwise (disk full, read-only file): the output is lost, so the work stops as well,
  // and runCli makes it a file error (exit 3). Never thrown: an uncaught error would be a stack trace and exit 1.
  let stdoutFailure: Error | null = null;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') stdoutFailure ??= e;
    else outputClosed = true;
    controller.abort();
  });
  // A stderr failure never stops the work, whatever it is: the log's disk is full, or the log's reader went away
  // (`run … 2>&1 | logger` whose logger died, `| head -1`). Logs are best effort, and a night's run must still collect,
  // report, record its outcome and release its lock, and exit with the code that says how it went (the stream takes no
  // more text after its failure). Stopping here made such a run exit 0 with no report written. With 2>&1 into a pipe
  // whose reader went away, stdout breaks too at its next write, and that stops a command whose data nobody reads.
  process.stderr.on('error', () => {});
  // with both streams in one file (2>&1), a line on stderr must not land inside a large stdout line still being written
  const output = createOrderedOutput({ stdout: process.stdout, stderr: process.stderr });
  const code = await runCli(process.argv.slice(2), {
    signal: controller.signal,
    outputClosed: () => outputClosed,
    outputSettled: output.settled,
    stdoutFailure: () => stdoutFailure,
    stdout: (t) => {
      if (!outputClosed && stdoutFailure === null) output.stdout(t);
    },
    // a slow reader of stdout (a pipe) makes `tag` wait instead of queueing its results in memory
    waitForStdout: output.waitForStdout,
    stderr: output.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    loadDotEnv: true,
    isTTY: process.stderr.isTTY === true,
  });
  process.exitCode = code;
}
