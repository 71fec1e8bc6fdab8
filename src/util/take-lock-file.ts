import { randomBytes } from 'node:crypto';
import { closeSync, futimesSync, linkSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { LockError } from '../errors/errors.js';

// One process at a time on a resource (a store, a reports folder): a lock file created atomically (O_EXCL) that names
// its holder, so a second run can say who holds it, and a holder that died on this host is taken over. While held,
// the holder refreshes the file's mtime (its heartbeat), so a holder that cannot be checked from here (another host,
// another container) and has stopped refreshing is known to be gone too.

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
  /** When this machine booted, epoch ms (default: now minus os.uptime()), null when unknown; injected for tests. */
  bootTimeMs?: () => number | null;
  /**
   * This process's PID namespace (Linux: the link /proc/self/ns/pid, e.g. "pid:[4026531836]"), null when unknown;
   * injected for tests. Two containers sharing a volume often share the hostname and the boot id but not the pids.
   */
  pidNamespace?: () => string | null;
  /**
   * Starts the heartbeat: calls `tick` every `intervalMs` and returns the function that stops it. Default: an unref'd
   * setInterval, which never keeps the process alive; injected for tests, which call `tick` themselves.
   */
  startTimer?: (intervalMs: number, tick: () => void) => () => void;
  /** Where the line saying a lock was taken over from a holder that stopped refreshing it goes (default: stderr). */
  warn?: (line: string) => void;
}

/** The release function (idempotent; removes the file only while it is still ours), and the holder's check. */
export interface ReleaseLock {
  (): void;
  /**
   * Throws the LockError saying so when the lock was found taken over (or removed) by someone else. Checks the file
   * right now when the heartbeat is overdue (the process was suspended, paused or busy), so the first write after a
   * long stall does not go ahead on a timer that has not fired yet. For a holder to call before it writes.
   */
  throwIfLost: () => void;
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
  /**
   * How often the holder refreshes the lock's mtime. Absent in locks written by a reactionlens without the heartbeat:
   * their mtime stays the time they were created, so it says nothing about whether their holder still runs.
   */
  heartbeatMs?: number | null;
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

/** How often a holder refreshes its lock's mtime. */
export const LOCK_HEARTBEAT_MS = 30_000;

/**
 * A lock whose holder cannot be checked (another host, another PID namespace) and whose mtime is older than this is
 * stale: its holder has missed 30 heartbeats. Well above the heartbeat, and above the longest synchronous step during
 * which a holder's timer cannot fire (writing a report, an SQLite transaction: seconds, not minutes), and it leaves room
 * for clocks of hosts sharing a disk that differ by a few minutes.
 */
export const LOCK_STALE_AFTER_MS = 15 * 60_000;

/**
 * How long before this machine's boot a lock of another boot id must have been last refreshed to be taken for one of an
 * earlier boot at once: a live holder elsewhere refreshes every LOCK_HEARTBEAT_MS, and clocks differ by up to a few
 * minutes, so a lock refreshed closer to the boot than this may be a live holder on another machine with this host name.
 */
export const EARLIER_BOOT_MARGIN_MS = 5 * 60_000;

/**
 * Takes the lock file `lockPath` or throws LockError naming the holder. A lock is stale, and taken over, when its
 * holder on this host is gone: the machine has rebooted since (another boot id, and the lock last refreshed well before
 * this boot; one refreshed since may be another machine with this host name), its pid is not running, or the pid
 * now belongs to another process (another start time: pids are reused, after a reboot or a wrap-around). An empty or
 * unreadable lock older than a short grace period is stale too. A lock from another host, or from another PID namespace
 * on this host (another container sharing the volume, often with the same hostname and boot id), cannot be checked
 * that way: its pid means nothing here. It is stale once its holder has stopped refreshing it (its mtime is older than
 * LOCK_STALE_AFTER_MS), as a container killed mid-run leaves it; a lock from a reactionlens that does not refresh its
 * lock is never taken over. A lock from an earlier boot is stale whatever its namespace. Returns the release function,
 * which also stops the heartbeat, with the holder's `throwIfLost` check.
 */
export function takeLockFile(lockPath: string, words: LockFileWords, options: LockFileOptions = {}): ReleaseLock {
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
    heartbeatMs: LOCK_HEARTBEAT_MS,
  };
  const content = JSON.stringify(me);
  const isAlive = options.isAlive ?? isPidAlive;
  const bootTimeMs = options.bootTimeMs ?? (() => Date.now() - uptime() * 1000);
  const warn = options.warn ?? ((line: string) => void process.stderr.write(line));

  let takenOver: { found: FoundLock; from: Unchecked } | null = null;
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
      const verdict = judgeHolder(found, me, { isAlive, processStartOf, now, bootTimeMs });
      if ((verdict === 'stale' || isSilent(verdict)) && attempt < 2) {
        const removed = moveAsideIfUnchanged(lockPath, found, pid);
        takenOver = removed && isSilent(verdict) ? { found, from: silentFrom(verdict) } : null;
        continue;
      }
      throw new LockError(describeBusy(lockPath, found, verdict, me, words, now()));
    }
    let failure: unknown;
    try {
      const bytes = Buffer.from(content, 'utf8');
      const written = writeSync(fd, bytes);
      if (written !== bytes.length) failure = new Error(`only ${written} of ${bytes.length} bytes could be written`);
      // the first heartbeat, on the clock later ones use (a file server's may differ from ours); best effort, as
      // later ones: a file system that refuses it still locks, and the heartbeat says so on stderr
      else tryStampHeartbeat(fd, now());
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
    if (takenOver !== null) warn(`reactionlens: ${describeTakeOver(lockPath, takenOver.found, takenOver.from, now())}\n`);
    return holdLock(lockPath, content, words, { now, warn, startTimer: options.startTimer ?? startUnrefInterval });
  }
  throw new LockError(`Could not take the lock ${lockPath}: it keeps changing hands`);
}

/**
 * Keeps the lock taken: its heartbeat refreshes the mtime every LOCK_HEARTBEAT_MS while the file still holds our text
 * (never someone else's lock). Finding another text there, or no file, means the lock was taken over: this process was
 * stalled (suspended, paused) past LOCK_STALE_AFTER_MS and another host or container judged it gone, or someone removed
 * the file. Nothing is written to the lock then, and throwIfLost throws from then on: the resource belongs to the
 * other run, so the holder must stop before its next write rather than go on as if it held it.
 */
function holdLock(
  lockPath: string,
  content: string,
  words: LockFileWords,
  deps: { now: () => number; warn: (line: string) => void; startTimer: (intervalMs: number, tick: () => void) => () => void },
): ReleaseLock {
  let lost: LockError | null = null;
  // lastBeat: the last refresh, for the message; lastCheck: the last look at the file, refreshed or not, so a file
  // system that refuses the refresh does not make every write look at the file again
  let lastBeat = deps.now();
  let lastCheck = lastBeat;
  let warnedStuck = false;
  const beat = (): void => {
    if (lost !== null) return;
    lastCheck = deps.now();
    const outcome = refreshIfOurs(lockPath, content, lastCheck);
    if (outcome === 'refreshed') {
      lastBeat = lastCheck;
    } else if (outcome === 'lost') {
      lost = new LockError(describeLost(lockPath, words, lastBeat));
      stopTimer();
    } else if (!warnedStuck) {
      // the file is ours but its mtime cannot be set: once LOCK_STALE_AFTER_MS passes, another host or container
      // may take the lock over; if it does, the next beat finds that out
      warnedStuck = true;
      deps.warn(`reactionlens: cannot refresh the lock ${lockPath} (${outcome.error}); another host or container may take it over after ${LOCK_STALE_AFTER_MS / 60_000} min\n`);
    }
  };
  const stopTimer = deps.startTimer(LOCK_HEARTBEAT_MS, beat);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    stopTimer();
    removeIfOurs(lockPath, content);
  };
  const throwIfLost = (): void => {
    if (lost === null && !released && deps.now() - lastCheck > 2 * LOCK_HEARTBEAT_MS) beat();
    if (lost !== null) throw lost;
  };
  return Object.assign(release, { throwIfLost });
}

/** The default heartbeat timer: unref'd, so a lock never keeps the process alive. */
function startUnrefInterval(intervalMs: number, tick: () => void): () => void {
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * One heartbeat: refreshes the lock's mtime if the file holds our text. Both on one descriptor, so the file whose text
 * was checked is the one refreshed, even if the path is renamed or replaced between the two. Refreshing a lock another
 * run has just moved aside to take over makes that run put it back (its mtime changed: see moveAsideIfUnchanged).
 */
function refreshIfOurs(lockPath: string, content: string, nowMs: number): 'refreshed' | 'lost' | { error: string } {
  let fd: number;
  try {
    fd = openSync(lockPath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'lost' : { error: code ?? (error as Error).message };
  }
  try {
    if (readFileSync(fd, 'utf8') !== content) return 'lost';
    stampHeartbeat(fd, nowMs);
    return 'refreshed';
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  } finally {
    closeSync(fd);
  }
}

function stampHeartbeat(fd: number, nowMs: number): void {
  const time = new Date(nowMs);
  futimesSync(fd, time, time);
}

function tryStampHeartbeat(fd: number, nowMs: number): void {
  try {
    stampHeartbeat(fd, nowMs);
  } catch {
    // kept with the file system's mtime
  }
}

/**
 * Holders that cannot be checked from here: 'foreign', written on another host; 'other-namespace', on this host, from
 * another PID namespace (a container); 'same-name-host', on another machine that has this host's name (another boot
 * id, refreshed since this machine booted). Held, as far as can be told, unless silent.
 */
type Unchecked = 'foreign' | 'other-namespace' | 'same-name-host';
/** `silent:<kind>`: such a holder that has stopped refreshing its lock: stale, and taken over with a line saying so. */
type Verdict = 'stale' | `silent:${Unchecked}` | 'alive' | Unchecked | 'unreadable';

function isSilent(verdict: Verdict): verdict is `silent:${Unchecked}` {
  return verdict.startsWith('silent:');
}

function silentFrom(verdict: `silent:${Unchecked}`): Unchecked {
  return verdict.slice('silent:'.length) as Unchecked;
}

function judgeHolder(
  found: FoundLock,
  me: LockHolder,
  checks: { isAlive: (pid: number) => boolean; processStartOf: (pid: number) => string | null; now: () => number; bootTimeMs: () => number | null },
): Verdict {
  const holder = found.holder;
  if (found.readError !== undefined) return 'unreadable';
  if (holder === undefined) {
    const age = found.mtimeMs === null ? 0 : checks.now() - found.mtimeMs;
    return age > UNREADABLE_LOCK_GRACE_MS ? 'stale' : 'unreadable';
  }
  if (holder.host !== me.host) return judgeByHeartbeat(found, 'foreign', checks.now());
  if (typeof holder.bootId === 'string' && typeof me.bootId === 'string' && holder.bootId !== me.bootId) {
    // Last refreshed well before this machine booted: an earlier boot, every process of which is gone, whatever pid now
    // runs under its number. Refreshed since (or so close to the boot that clocks and the heartbeat's period cannot
    // tell), it may be another machine with this host name (cloned VMs, or containers given one fixed hostname on two
    // hosts, sharing a network disk): like a lock from another host, only its heartbeat tells, so a holder that died in
    // a quick reboot is taken over once silent. A lock without a heartbeat (an older reactionlens) is judged by the
    // boot id alone, as that version was: its mtime says nothing of whether its holder still runs.
    const bootedAt = checks.bootTimeMs();
    if (typeof holder.heartbeatMs !== 'number' || bootedAt === null || found.mtimeMs === null) return 'stale';
    if (found.mtimeMs < bootedAt - EARLIER_BOOT_MARGIN_MS) return 'stale';
    return judgeByHeartbeat(found, 'same-name-host', checks.now());
  }
  // another PID namespace (another container on this machine): its pid names some other process here, or none, so
  // whether the holder runs cannot be checked from here; like a lock from another host, only its heartbeat tells
  if (typeof holder.pidNamespace === 'string' && typeof me.pidNamespace === 'string' && holder.pidNamespace !== me.pidNamespace) {
    return judgeByHeartbeat(found, 'other-namespace', checks.now());
  }
  // on this host and namespace the pid, its start time and the boot id decide, never the heartbeat: a holder
  // suspended with the laptop, or paused, keeps its lock however long it sleeps
  if (!checks.isAlive(holder.pid)) return 'stale';
  // the pid runs, but a process started at another time holds that number now: not the lock's holder
  if (typeof holder.processStart === 'string') {
    const current = checks.processStartOf(holder.pid);
    if (current !== null && current !== holder.processStart) return 'stale';
  }
  return 'alive';
}

/**
 * A lock whose holder cannot be checked from here: held while its holder refreshes it, stale ('silent:<kind>') once its
 * mtime is older than LOCK_STALE_AFTER_MS. An mtime ahead of our clock (a holder or file server whose clock runs ahead) is
 * fresh. A lock without `heartbeatMs` comes from a reactionlens that never refreshes its lock, whose age says nothing
 * of its holder (a long run of the older version in another container during an upgrade): held, as before.
 */
function judgeByHeartbeat(found: FoundLock, unchecked: Unchecked, nowMs: number): Verdict {
  if (typeof found.holder?.heartbeatMs !== 'number' || found.mtimeMs === null) return unchecked;
  return nowMs - found.mtimeMs > LOCK_STALE_AFTER_MS ? `silent:${unchecked}` : unchecked;
}

function describeBusy(lockPath: string, found: FoundLock, verdict: Verdict, me: LockHolder, words: LockFileWords, nowMs: number): string {
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
  const who = describeHolder(holder);
  if (verdict === 'foreign') {
    return (
      `${words.resource} is locked by a reactionlens run on another host (${who}); this host is ${hostname()}. ` +
      `Its process cannot be checked from here. ${describeWhenStale(found, nowMs)}If no reactionlens runs on ` +
      `${holder.host} any more (a container whose hostname changed when it restarted, a machine that was replaced), ` +
      `remove ${lockPath} and run again.`
    );
  }
  if (verdict === 'same-name-host') {
    return (
      `${words.resource} is locked by a reactionlens run of another boot id with this host name (${who}, boot id ` +
      `${holder.bootId}; this machine is boot ${me.bootId}, and the lock was refreshed after, or only minutes before, ` +
      `it booted): another machine with this name sharing the folder, or this machine before a quick reboot. Its ` +
      `process cannot be checked from here. ${describeWhenStale(found, nowMs)}If machines sharing this folder have ` +
      `one host name, give them distinct ones; if no reactionlens runs there any more, remove ${lockPath} and run again.`
    );
  }
  if (verdict === 'other-namespace') {
    return (
      `${words.resource} is locked by a reactionlens run in another PID namespace on this host (${who}, namespace ` +
      `${holder.pidNamespace}; this process is in ${me.pidNamespace}): another container sharing this folder. Its ` +
      `process cannot be checked from here. ${describeWhenStale(found, nowMs)}If no reactionlens runs in that ` +
      `container any more (it stopped or was replaced), remove ${lockPath} and run again.`
    );
  }
  return words.busy(who);
}

function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, started ${new Date(holder.startedAt).toISOString()}`;
}

/** For a lock that cannot be checked: when it is taken over unless its holder refreshes it, as a sentence. */
function describeWhenStale(found: FoundLock, nowMs: number): string {
  if (typeof found.holder?.heartbeatMs !== 'number' || found.mtimeMs === null) {
    return 'It was written by a reactionlens that does not refresh its lock, so it is never taken over. ';
  }
  const staleAt = found.mtimeMs + LOCK_STALE_AFTER_MS;
  return (
    `It was last refreshed ${describeAge(nowMs - found.mtimeMs)} (${new Date(found.mtimeMs).toISOString()}); unless ` +
    `it is refreshed again, it is taken to be gone and taken over after ${new Date(staleAt).toISOString()} ` +
    `(${LOCK_STALE_AFTER_MS / 60_000} min after its last refresh). `
  );
}

/** The stderr line for a lock taken over from a holder on another host or in another container that went silent. */
function describeTakeOver(lockPath: string, found: FoundLock, from: Unchecked, nowMs: number): string {
  const holder = found.holder!;
  // a holder of another boot id on this host name is told by that id (its namespace id may well equal ours)
  const where =
    from === 'same-name-host'
      ? `, boot id ${holder.bootId ?? 'unknown'} (another machine with this host name, or this machine before a reboot)`
      : typeof holder.pidNamespace === 'string'
        ? `, namespace ${holder.pidNamespace}`
        : '';
  return (
    `took over the lock ${lockPath} from ${describeHolder(holder)}${where}: it cannot be checked from here and was ` +
    `last refreshed ${describeAge(nowMs - (found.mtimeMs ?? nowMs))} (${LOCK_STALE_AFTER_MS / 60_000} min without a ` +
    'refresh: its run is taken to be gone, e.g. a container killed mid-run)'
  );
}

/** The error a holder gets once its lock is no longer its own. */
function describeLost(lockPath: string, words: LockFileWords, lastBeatMs: number): string {
  const now = readLock(lockPath);
  const by = now === 'gone' ? 'it was removed' : now.holder === undefined ? 'another run has replaced it' : `${describeHolder(now.holder)} has taken it over`;
  return (
    `${words.resource} is no longer locked by this run: ${by} (lock ${lockPath}; this run last refreshed it ` +
    `${new Date(lastBeatMs).toISOString()}). A run that is stalled, suspended or paused for longer than ` +
    `${LOCK_STALE_AFTER_MS / 60_000} min is taken to be gone by a run on another host or in another container, which ` +
    'then takes the lock over. This run stopped before its next write; run it again once the other run has finished.'
  );
}

/** "just now", "42 s ago", "17 min ago", "3 h ago"; "in the future" for a time ahead of our clock. */
function describeAge(ms: number): string {
  if (ms < 0) return 'in the future by this host\'s clock';
  if (ms < 1_000) return 'just now';
  if (ms < 120_000) return `${Math.round(ms / 1_000)} s ago`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min ago`;
  return `${Math.round(ms / 3_600_000)} h ago`;
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
        heartbeatMs: typeof raw.heartbeatMs === 'number' && raw.heartbeatMs > 0 ? raw.heartbeatMs : null,
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
 * hard links, the lock is renamed back instead. Returns whether the judged lock was the one removed.
 */
function moveAsideIfUnchanged(lockPath: string, judged: FoundLock, pid: number): boolean {
  const aside = `${lockPath}.stale-${pid}-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return false; // gone (released, or taken over by another run): the create is tried again
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
        return false;
      }
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
  return same;
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
