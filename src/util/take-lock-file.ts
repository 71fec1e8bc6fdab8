import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { LockError } from '../errors/errors.js';

// One process at a time on a resource (a store, a reports folder): a lock file created atomically (O_EXCL) that names
// its holder, so a second run can say who holds it, and a holder that died on this host is taken over.

export interface LockFileOptions {
  pid?: number;
  /** Epoch ms, recorded in the lock for the message a second run prints, and the clock for an empty lock's age. */
  now?: () => number;
  /** Whether a pid is running on this host; injected for tests. */
  isAlive?: (pid: number) => boolean;
  /** When a running pid started (Linux: /proc/<pid>/stat field 22), null when it cannot be told; injected for tests. */
  processStartOf?: (pid: number) => string | null;
  /** This boot of the machine (Linux: /proc/sys/kernel/random/boot_id), null when unknown; injected for tests. */
  bootId?: () => string | null;
  /**
   * This process's PID namespace (Linux: the link /proc/self/ns/pid, e.g. "pid:[4026531836]"), null when unknown;
   * injected for tests. Two containers sharing a volume often share the hostname and the boot id but not the pids.
   */
  pidNamespace?: () => string | null;
}

export interface LockFileWords {
  /** What the lock keeps, as the start of a sentence: "The store s.db", "The reports folder reports/x". */
  resource: string;
  /** The busy message for a live holder on this host, given who it is ("pid 12 on host, started …"). */
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
  /** Absent in locks written by an older reactionlens, null where the system does not tell. */
  bootId?: string | null;
  processStart?: string | null;
  pidNamespace?: string | null;
}

interface FoundLock {
  text: string;
  /** The lock file's modification time, for the age of an unreadable one (null: not needed, or not known). */
  mtimeMs: number | null;
  holder: LockHolder | undefined;
  /** Set when the lock cannot be read at all (EACCES, EISDIR): never judged stale, and said so. */
  readError?: string;
}

/**
 * An empty or unparseable lock younger than this may be one being written right now (its holder has created it and
 * not yet written its name): held. Older, it is what a crash or power loss right after the create leaves: stale.
 */
export const UNREADABLE_LOCK_GRACE_MS = 30_000;

/**
 * Takes the lock file `lockPath` or throws LockError naming the holder. A lock is stale, and taken over, when its
 * holder on this host is gone: the machine has rebooted since (another boot id), its pid is not running, or the pid
 * now belongs to another process (another start time: pids are reused, after a reboot or a wrap-around). An empty or
 * unreadable lock older than a short grace period is stale too. A lock from another host is never taken over: its
 * process cannot be checked from here, and the resource may be on a disk both hosts share. Nor is one from another PID
 * namespace on this host (another container sharing the volume, often with the same hostname and boot id): its pid
 * means nothing here. A lock from an earlier boot is stale whatever its namespace. Returns the release
 * function (idempotent; removes the file only while it is still ours).
 */
export function takeLockFile(lockPath: string, words: LockFileWords, options: LockFileOptions = {}): () => void {
  const pid = options.pid ?? process.pid;
  const now = options.now ?? Date.now;
  const processStartOf = options.processStartOf ?? readProcessStart;
  const me: LockHolder = {
    pid,
    host: hostname(),
    startedAt: now(),
    bootId: (options.bootId ?? readBootId)(),
    processStart: processStartOf(pid),
    pidNamespace: (options.pidNamespace ?? readPidNamespace)(),
  };
  const content = JSON.stringify(me);
  const isAlive = options.isAlive ?? isPidAlive;

  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw words.cannotCreate('create', (error as Error).message, error);
      }
      const found = readLock(lockPath);
      if (found === 'gone') continue; // released between our open and read
      const verdict = judgeHolder(found, me, { isAlive, processStartOf, now });
      if (verdict === 'stale' && attempt < 2) {
        moveAsideIfUnchanged(lockPath, found, pid);
        continue;
      }
      throw new LockError(describeBusy(lockPath, found, verdict, me, words));
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
      removeIfOurs(lockPath, content);
    };
  }
  throw new LockError(`Could not take the lock ${lockPath}: it keeps changing hands`);
}

/** 'foreign': written on another host; 'other-namespace': on this host, from another PID namespace (a container). */
type Verdict = 'stale' | 'alive' | 'foreign' | 'other-namespace' | 'unreadable';

function judgeHolder(
  found: FoundLock,
  me: LockHolder,
  checks: { isAlive: (pid: number) => boolean; processStartOf: (pid: number) => string | null; now: () => number },
): Verdict {
  const holder = found.holder;
  if (found.readError !== undefined) return 'unreadable';
  if (holder === undefined) {
    const age = found.mtimeMs === null ? 0 : checks.now() - found.mtimeMs;
    return age > UNREADABLE_LOCK_GRACE_MS ? 'stale' : 'unreadable';
  }
  if (holder.host !== me.host) return 'foreign';
  // another boot: every process of the boot that wrote the lock is gone, whatever pid now runs under its number
  if (typeof holder.bootId === 'string' && typeof me.bootId === 'string' && holder.bootId !== me.bootId) return 'stale';
  // another PID namespace (another container on this machine): its pid names some other process here, or none, so
  // whether the holder runs cannot be checked from here; like a lock from another host, it is never taken over
  if (typeof holder.pidNamespace === 'string' && typeof me.pidNamespace === 'string' && holder.pidNamespace !== me.pidNamespace) {
    return 'other-namespace';
  }
  if (!checks.isAlive(holder.pid)) return 'stale';
  // the pid runs, but a process started at another time holds that number now: not the lock's holder
  if (typeof holder.processStart === 'string') {
    const current = checks.processStartOf(holder.pid);
    if (current !== null && current !== holder.processStart) return 'stale';
  }
  return 'alive';
}

function describeBusy(lockPath: string, found: FoundLock, verdict: Verdict, me: LockHolder, words: LockFileWords): string {
  const holder = found.holder;
  if (found.readError !== undefined) {
    return (
      `${words.resource} may be in use by another reactionlens run: its lock ${lockPath} exists but cannot be read ` +
      `(${found.readError}), so who holds it cannot be told, and it is never taken over. If no reactionlens run ` +
      `holds it, check what ${lockPath} is (a lock is a small file this user can read), remove it and run again.`
    );
  }
  if (holder === undefined) {
    return (
      `${words.resource} is being locked by another reactionlens run right now (its lock ${lockPath} is ` +
      `${found.text.trim() === '' ? 'empty' : 'not readable'} and younger than ${UNREADABLE_LOCK_GRACE_MS / 1000} s). ` +
      'Try again in a moment; an empty or unreadable lock older than that is taken over.'
    );
  }
  const who = `pid ${holder.pid} on ${holder.host}, started ${new Date(holder.startedAt).toISOString()}`;
  if (verdict === 'foreign') {
    return (
      `${words.resource} is locked by a reactionlens run on another host (${who}); this host is ${hostname()}. ` +
      `Its process cannot be checked from here. If no reactionlens runs on ${holder.host} any more (a container whose ` +
      `hostname changed when it restarted, a machine that was replaced), remove ${lockPath} and run again.`
    );
  }
  if (verdict === 'other-namespace') {
    return (
      `${words.resource} is locked by a reactionlens run in another PID namespace on this host (${who}, namespace ` +
      `${holder.pidNamespace}; this process is in ${me.pidNamespace}): another container sharing this folder. Its ` +
      `process cannot be checked from here. If no reactionlens runs in that container any more (it stopped or was ` +
      `replaced), remove ${lockPath} and run again.`
    );
  }
  return words.busy(who);
}

function readLock(lockPath: string): FoundLock | 'gone' {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(lockPath).mtimeMs;
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'gone';
    // cannot be read (no permission, a folder): held, as far as we can tell, and never removed by us
    return { text: '', mtimeMs: null, holder: undefined, readError: code ?? (error as Error).message };
  }
  return { text, mtimeMs, holder: parseHolder(text) };
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const raw = JSON.parse(text) as Partial<LockHolder>;
    if (typeof raw.pid === 'number' && typeof raw.host === 'string' && typeof raw.startedAt === 'number') {
      return {
        pid: raw.pid,
        host: raw.host,
        startedAt: raw.startedAt,
        bootId: typeof raw.bootId === 'string' ? raw.bootId : null,
        processStart: typeof raw.processStart === 'string' ? raw.processStart : null,
        pidNamespace: typeof raw.pidNamespace === 'string' ? raw.pidNamespace : null,
      };
    }
  } catch {
    // empty or half-written: judged by its age
  }
  return undefined;
}

/**
 * Takes a lock judged stale out of the way, and only that one. Reading it again and then removing it would race: two
 * runs judge it stale; one removes it and creates its own; the other, having read the stale one, removes the new one
 * and creates a third, and both run. So the lock is renamed (atomic: of two runs, one gets it) to a name of our own,
 * then read there. The judged lock (same text, same mtime) is deleted, and the caller tries its O_EXCL create again.
 * Anything else is a lock created after we read the judged one, whose holder runs: it is put back with linkSync, which
 * never replaces a file, then our name is deleted. If a lock was created in the moment the path was free, linkSync
 * fails with EEXIST: that lock keeps every later run out, so our name is deleted too (the holder of the moved lock
 * removes only a lock with its own text on release, so it leaves the newer one alone). Where the file system has no
 * hard links, the lock is renamed back instead.
 */
function moveAsideIfUnchanged(lockPath: string, judged: FoundLock, pid: number): void {
  const aside = `${lockPath}.stale-${pid}-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // gone (released, or taken over by another run): the create is tried again
  }
  let same = false;
  try {
    same = readFileSync(aside, 'utf8') === judged.text && (judged.mtimeMs === null || statSync(aside).mtimeMs === judged.mtimeMs);
  } catch {
    // cannot be read: not known to be the judged one, so put back
  }
  if (!same) {
    try {
      linkSync(aside, lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        try {
          renameSync(aside, lockPath);
        } catch {
          // left under our name, for whoever looks
        }
        return;
      }
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

/**
 * On release: removes the lock only while it still is ours (our text): another run may have taken it over meanwhile
 * (judged stale by mistake), and its lock must not be removed under it.
 */
function removeIfOurs(lockPath: string, content: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') !== content) return;
    unlinkSync(lockPath);
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

/** Linux: field 22 of /proc/<pid>/stat, the process's start time in clock ticks since boot; null elsewhere. */
export function readProcessStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // field 2 is the command name in parentheses, which may itself hold spaces and parentheses: count after its end
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[22 - 3];
    return start !== undefined && /^\d+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

function readBootId(): string | null {
  try {
    const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return id === '' ? null : id;
  } catch {
    return null;
  }
}

/** Linux: this process's PID namespace, the target of /proc/self/ns/pid ("pid:[4026531836]"); null elsewhere. */
function readPidNamespace(): string | null {
  try {
    const ns = readlinkSync('/proc/self/ns/pid');
    return ns === '' ? null : ns;
  } catch {
    return null;
  }
}
