// A small error taxonomy. Stages throw these; only src/cli.ts maps them to exit codes.

/** Bad CLI usage, or an invalid event/config/fixture file. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A data source failed: network, auth, rate limit beyond retries, archive down, unreadable dump. */
export class SourceError extends Error {
  override readonly name: string = 'SourceError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The server answered, with a refusal for this one request (a 4xx status, or an API error message): the
 * source is up, so this is one skipped request, not the source being down.
 */
export class RefusedRequestError extends SourceError {
  override readonly name: string = 'RefusedRequestError';
}

/**
 * The source rate-limits us for longer than a run waits for one request (a 429 whose Retry-After outlasts the wait
 * budget). Not a refusal of the request: the source is out of reach for now, like one that is down.
 */
export class RateLimitError extends SourceError {
  override readonly name: string = 'RateLimitError';
}

/**
 * The source refused our credentials. Every request after it would fail the same way, so it stops the
 * collection at once instead of becoming one skipped record per search (it is still a SourceError: exit 3).
 */
export class CredentialsError extends SourceError {
  override readonly name: string = 'CredentialsError';
}

/**
 * The store cannot be used: not a reactionlens store, missing, from a newer reactionlens, or its database failed
 * (locked by another program beyond the wait, read-only, corrupted, disk full). Not a SourceError: the data source may
 * be fine, and a collection must not record it as one skipped request.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A response or record arrived but does not have the shape we expect (the request worked, the data did not). */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  constructor(
    message: string,
    readonly source: string,
    readonly record: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A file or folder we were asked to read or write cannot be (disk full, read-only file system, no permission, a file
 * where a folder is needed): the machine's state, not a bug. The message names the path and the cause.
 */
export class FileError extends Error {
  override readonly name = 'FileError';
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Another process holds the store's lock, or the lock of a reports folder it is writing; or it has taken over this
 * run's lock while this run was stalled (see takeLockFile's heartbeat), and this run must stop writing.
 */
export class LockError extends Error {
  override readonly name = 'LockError';
  constructor(message: string) {
    super(message);
  }
}

/**
 * The install is broken: a module or a native addon cannot be loaded (better-sqlite3 built for another Node after an
 * upgrade, a dependency missing). Not the input, the store or a source: only reinstalling the dependencies helps.
 */
export class InstallError extends Error {
  override readonly name = 'InstallError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A bug: something we believed impossible happened. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An AbortSignal's reason (Ctrl-C / SIGTERM): not a failure, a stop asked for. */
export function isAbortError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'AbortError';
}
