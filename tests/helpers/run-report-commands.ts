import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import type { CliContext } from '../../src/cli/cli-context.js';
import { registerCompareCommand } from '../../src/commands/compare-command.js';
import { registerQuotesCommand } from '../../src/commands/quotes-command.js';
import { registerReportCommand } from '../../src/commands/report-command.js';
import type { Store } from '../../src/store/store.js';
import type { Tagger } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Runs `report`, `compare` or `quotes` in-process against a store the test built (an in-memory one, which a spawned
 * CLI could not open) with a fake tagger, reading the repo's event files; returns what they wrote.
 */
export async function runReportCommand(
  argv: string[],
  opts: { store: Store; tagger: Tagger; cwd: string; now?: number },
): Promise<{ stdout: string; stderr: string; partial: readonly string[] }> {
  let stdout = '';
  let stderr = '';
  const partial: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: Readable.from([]),
    env: {},
    cwd: opts.cwd,
    now: () => opts.now ?? 1_766_100_000,
    isTTY: false,
    markPartial: (reason) => void partial.push(reason),
    partialReasons: () => partial,
    markInvalidInput: () => {},
    openStore: () => opts.store,
  };
  const program = new Command().exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  const deps = { loadTagger: () => opts.tagger };
  registerReportCommand(program, ctx, deps);
  registerCompareCommand(program, ctx, deps);
  registerQuotesCommand(program, ctx, deps);
  for (const c of program.commands) c.exitOverride();
  await program.parseAsync([...argv, '--events-dir', join(ROOT, 'events')], { from: 'user' });
  return { stdout, stderr, partial };
}
