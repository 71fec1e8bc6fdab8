/**
 * Whether an error is a native addon that cannot be loaded: Node's dlopen refusing it (built for another Node's
 * NODE_MODULE_VERSION, another platform, a file cut short) or the `bindings` package finding no build at all.
 * better-sqlite3 loads its addon when the first database is opened, not when it is imported.
 */
export function isAddonLoadFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as NodeJS.ErrnoException).code === 'ERR_DLOPEN_FAILED' || error.message.startsWith('Could not locate the bindings file');
}
