/**
 * Runs work while holding the store's lock, so two runs on one store never
 * interleave. The lock module comes with the live collector; until then this
 * is a pass-through.
 */
export async function withStoreLock<T>(_dbPath: string, work: () => Promise<T>): Promise<T> {
  return work();
}
