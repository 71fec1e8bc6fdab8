import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * `node <these> <command> …` runs src/cli.ts from any working directory: tsx is loaded by its path, not resolved from
 * the cwd. Spawned tests run in a temp folder, so the CLI never reads a .env the developer keeps in the repository.
 */
export function entryArgs(): string[] {
  return ['--import', pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(ROOT, 'src', 'cli.ts')];
}

/** This process's environment without reactionlens's own settings, which a developer's shell may hold. */
export function hermeticEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(REDDIT_|ARCTIC_SHIFT_|REACTIONLENS_)/.test(name)));
}
