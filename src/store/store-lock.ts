import { closeSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { LockError, StoreError } from '../errors/errors.js';

// SQLite keeps one write from tearing another, but two collect runs on one
// store would fetch the same threads twice and interleave purges: one run at a
// time. The lock is a file beside the database, created atomically (O_EXCL).

export interface StoreLockOptions {
  pid?: number;
  /** Epoch ms, recorded in the lock for the message a second run prints. */
  now?: () => number;
  /** Whether a pid is running on this host; injected for tests. */
  isAlive?: (pid: number) => boolean;
}

interface LockHolder {
  pid: number;
  host: string;
  startedAt: number;
}

/**
 * Takes `<real path of dbPath>.lock` or throws LockError naming the holder. A
 * lock whose pid is dead on this host is stale and taken over. Returns the
 * release function (idempotent; removes the file only while it is still ours).
 */
export function acquireStoreLock(dbPath: string, options: StoreLockOptions = {}): () => void {
  if (dbPath === ':memory:') return () => {};
  const lockPath = `${resolveRealPath(dbPath)}.lock`;
  const me: LockHolder = { pid: options.pid ?? process.pid, host: hostname(), startedAt: (options.now ?? Date.now)() };
  const content = JSON.stringify(me);
  const isAlive = options.isAlive ?? isPidAlive;

  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // a read-only or full folder, no permission: nobody holds the store, it cannot be used (not busy: exit 3, not 5)
        throw new StoreError(`Cannot create the store lock ${lockPath}: ${(error as Error).message}`, { cause: error });
      }
      const holder = readHolder(lockPath);
      if (holder === 'gone') continue; // released between our open and read
      const stale = holder !== undefined && holder.host === me.host && !isAlive(holder.pid);
      if (stale && attempt === 0) {
        removeIfUnchanged(lockPath, JSON.stringify(holder));
        continue;
      }
      const who =
        holder === undefined
          ? 'an unreadable lock'
          : `pid ${holder.pid} on ${holder.host}, started ${new Date(holder.startedAt).toISOString()}`;
      throw new LockError(
        `The store ${dbPath} is in use by another reactionlens run (${who}). Wait for it to finish, ` +
          `or remove ${lockPath} if that process is gone.`,
      );
    }
    let failure: unknown;
    try {
      const bytes = Buffer.from(content, 'utf8');
      const written = writeSync(fd, bytes);
      if (written !== bytes.length) failure = new Error(`only ${written} of ${bytes.length} bytes could be written`);
    } catch (error) {
      failure = error;
    } finally {
      closeSync(fd);
    }
    if (failure !== undefined) {
      // an empty or half-written lock would read as "an unreadable lock", held, on every later run: remove it
      try {
        unlinkSync(lockPath);
      } catch {
        // already gone
      }
      throw new StoreError(`Cannot write the store lock ${lockPath}: ${(failure as Error).message}`, { cause: failure });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      removeIfUnchanged(lockPath, content);
    };
  }
  throw new LockError(`Could not take the store lock ${lockPath}: it keeps changing hands`);
}

/**
 * The store's path with symlinks resolved: the same store named through a symlink (`ln -s k.db kl.db`, or a
 * symlinked folder) must take the same lock, or two runs would write it at once.
 */
function resolveRealPath(dbPath: string): string {
  try {
    return realpathSync(dbPath);
  } catch {
    // no store file yet: resolve its folder
  }
  try {
    return join(realpathSync(dirname(dbPath)), basename(dbPath));
  } catch {
    return dbPath;
  }
}

function readHolder(lockPath: string): LockHolder | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined;
  }
  try {
    const raw = JSON.parse(text) as Partial<LockHolder>;
    if (typeof raw.pid === 'number' && typeof raw.host === 'string' && typeof raw.startedAt === 'number') {
      return { pid: raw.pid, host: raw.host, startedAt: raw.startedAt };
    }
  } catch {
    // a half-written lock: the holder is mid-creation, treat as held
  }
  return undefined;
}

function removeIfUnchanged(lockPath: string, expected: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') === expected) unlinkSync(lockPath);
  } catch {
    // already gone
  }
}

function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
