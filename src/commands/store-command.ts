// `reactionlens store check`: SQLite's integrity check of the whole store, on request.

import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, pathFlagSchema } from '../cli/common-options.js';
import { parseOptions } from '../cli/parse-options.js';
import { StoreError } from '../errors/errors.js';
import { describeRemedy } from '../store/store.js';

const checkFlags = z.object({ db: pathFlagSchema.optional(), quick: z.boolean().optional().default(false) });

/** Problems named one per stderr line; SQLite lists at most 100, and past a screenful more lines tell nothing new. */
const SHOWN_PROBLEMS = 20;

export function registerStoreCommand(program: Command, ctx: CliContext): void {
  const storeCmd = program.command('store').description('the SQLite store itself');
  storeCmd
    .command('check')
    .description("check every page of the store with SQLite's integrity check (reads the whole file: seconds on a big store); exit 3 when it is damaged")
    .option('--quick', "SQLite's quick_check: every page, but indexes are not matched against their tables (faster)")
    .option(...dbOption)
    .action((raw: unknown) => {
      const flags = parseOptions('store check', checkFlags, raw);
      // read-only and of any schema version: a check changes nothing, and a store an older or newer reactionlens
      // keeps can be damaged too
      const store = ctx.openStore(flags.db, { readonly: true, anySchema: true });
      const check = flags.quick ? 'quick_check' : 'integrity_check';
      let problems: string[];
      try {
        problems = store.checkIntegrity({ quick: flags.quick });
      } finally {
        store.close();
      }
      if (problems.length === 0) {
        ctx.stdout(`${store.path}: ok (SQLite ${check} found no problem)\n`);
        return;
      }
      for (const problem of problems.slice(0, SHOWN_PROBLEMS)) ctx.stderr(`reactionlens store check: ${problem}\n`);
      if (problems.length > SHOWN_PROBLEMS) ctx.stderr(`reactionlens store check: … and ${problems.length - SHOWN_PROBLEMS} more\n`);
      const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}${problems.length >= 100 ? ' (SQLite stops listing at 100)' : ''}`;
      throw new StoreError(`the store at ${store.path} is damaged: SQLite's ${check} found ${count} (listed above). ${describeRemedy('SQLITE_CORRUPT', store.path)}`);
    });
  storeCmd.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const c of storeCmd.commands) c.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
}
