import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_DB_PATH, Store, type StoreOpenOptions } from '../store/store.js';

/** --db wins, then $REACTIONLENS_DB, then data/reactionlens.db under the working directory. */
export function resolveDbPath(dbOption: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  // An empty variable (as left by .env.example) means unset.
  const chosen = dbOption ?? (env.REACTIONLENS_DB || undefined) ?? DEFAULT_DB_PATH;
  if (chosen === ':memory:') return chosen;
  return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
}

/**
 * `mustExist`: refuse a path with no store rather than create an empty one. `readonly`: commands that only read the
 * store open it read-only and never migrate it; `upgrade: false`, for writing without migrating (see Store.open).
 */
export function openStoreAt(
  dbOption: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
  options: StoreOpenOptions = {},
): Store {
  return Store.open(resolveDbPath(dbOption, env, cwd), options);
}
