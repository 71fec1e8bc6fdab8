import type { Store, StoreOpenOptions } from '../store/store.js';

/** What a command may touch. Built once in src/cli.ts; tests build their own. */
export interface CliContext {
  /** Data only (reports paths, JSON, JSONL). */
  stdout: (text: string) => void;
  /**
   * Resolves once stdout takes more text without queueing it in memory (at once unless its reader is slower than we
   * write), or when `signal` aborts. Commands that stream output await it between chunks. Absent: never wait.
   */
  waitForStdout?: (signal?: AbortSignal) => Promise<void>;
  /** Progress, logs and error lines. */
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Seconds since the epoch. */
  now: () => number;
  /** Aborted on Ctrl-C / SIGTERM: long commands stop between records and keep what is stored. */
  signal?: AbortSignal;
  /** True when stderr is a terminal (progress bars redraw in place). */
  isTTY: boolean;
  /** A command that finished with some records skipped or some sources missing calls this; src/cli.ts maps it to the exit code. */
  markPartial: (reason: string) => void;
  /** The reasons marked partial so far, in order: a --json result carries them, since stderr is no field a machine reads. */
  partialReasons: () => readonly string[];
  /** A command that skipped invalid input (bad fixture file, bad line) calls this; src/cli.ts maps it to the usage/config exit code. */
  markInvalidInput: (reason: string) => void;
  /**
   * Open the store at --db, $REACTIONLENS_DB or the default data/reactionlens.db (relative to cwd).
   * `mustExist`: a path with no store is an error, not a new empty store. `readonly` (commands that only read it):
   * opened read-only, never switched to WAL or migrated (implies `mustExist`). `upgrade: false`: opened for writing but
   * never switched to WAL or migrated either (implies `mustExist`). A store file that cannot be written is refused unless
   * `readonly` or `writesInPassing` (report, scrub).
   */
  openStore: (dbOption?: string, options?: StoreOpenOptions) => Store;
}
