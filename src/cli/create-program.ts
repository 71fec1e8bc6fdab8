import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCollectCommand } from '../commands/collect-command.js';
import { registerCompareCommand } from '../commands/compare-command.js';
import { registerEventsCommand } from '../commands/events-command.js';
import { registerImportCommand } from '../commands/import-command.js';
import { registerQuotesCommand } from '../commands/quotes-command.js';
import { registerReportCommand } from '../commands/report-command.js';
import { registerRunCommand } from '../commands/run-command.js';
import { registerScrubCommand } from '../commands/scrub-command.js';
import { registerStoreCommand } from '../commands/store-command.js';
import { registerTagCommand } from '../commands/tag-command.js';
import { registerEvalCommand } from '../commands/eval-command.js';
import { registerLabelCommand } from '../commands/label-command.js';
import type { CliContext } from './cli-context.js';

export const TOOL_VERSION = readToolVersion();

/** The command tree. Commands are registered from their own modules; none of them decides an exit code. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('reactionlens')
    .description('Measure how Reddit reacts to a news event: collect threads, tag cynicism / distrust / bubble caution, report.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  registerRunCommand(program, ctx);
  registerCollectCommand(program, ctx);
  registerReportCommand(program, ctx);
  registerScrubCommand(program, ctx);
  registerCompareCommand(program, ctx);
  registerQuotesCommand(program, ctx);
  registerImportCommand(program, ctx);
  registerEventsCommand(program, ctx);
  registerTagCommand(program, ctx);
  registerEvalCommand(program, ctx);
  registerLabelCommand(program, ctx);
  registerStoreCommand(program, ctx);
  // Subcommands inherit exitOverride/output so their usage errors reach src/cli.ts too.
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return program;
}

function readToolVersion(): string {
  const raw = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof raw.version === 'string' ? raw.version : '0.0.0';
}
