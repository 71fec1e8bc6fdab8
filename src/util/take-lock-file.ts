import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { LockError } from '../errors/errors.js';

// One process at a time on a resource (a store, a reports folder): a lock file created atomically (O_EXCL) that names
// its holder, so a second run can say who holds it, and a holder that died on this host is taken over.

export interface LockFileOptions {
  pid?: number;
  /** Epoch ms, recorded in the lock for the message a second run prints. */
  now?: () => number;
  /** Whether a pid is running on this host; injected for tests. */
  isAlive?: (pid: number) => boolean;
}

export interface LockFileWords {
  /** The busy message, given who holds the lock ("pid 12 on host, started …" or "an unreadable lock"). */
  busy: (who: string) => string;
  /**
   * The error for a lock that cannot be created or written (not busy: nobody holds it, the resource cannot be used),
   * given the verb and the cause's message.
   */
  cannotCreate: (verb: 'create' | 'write', detail: string, cause: unknown) => Error;
}

interface LockHolder {
  pid: number;
  host: string;
  startedAt: number;
}

/**
 * Takes the lock file `lockPath` or throws LockError (`words.busy`) naming the holder. A lock whose pid is dead on this
 * host is stale and taken over. Returns the release function (idempotent; removes the file only while it is still ours).
 */
export function takeLockFile(lockPath: string, words: LockFileWords, options: LockFileOptions = {}): () => void {
  const me: LockHolder = { pid: options.pid ?? process.pid, host: hostname(), startedAt: (options.now ?? Date.now)() };
  const content = JSON.stringify(me);
  const isAlive = options.isAlive ?? isPidAlive;

  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw words.cannotCreate('create', (error as Error).message, error);
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
      throw new LockError(words.busy(who));
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
      throw words.cannotCreate('write', (failure as Error).message, failure);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      removeIfUnchanged(lockPath, content);
    };
  }
  throw new LockError(`Could not take the lock ${lockPath}: it keeps changing hands`);
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
