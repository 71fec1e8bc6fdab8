import { acquireStoreLock } from '../store/store-lock.js';

/** Runs work while holding the store's lock, so two runs on one store never interleave; released however work ends. */
export async function withStoreLock<T>(dbPath: string, work: () => Promise<T>): Promise<T> {
  const release = acquireStoreLock(dbPath);
  try {
    return await work();
  } finally {
    release();
  }
}
