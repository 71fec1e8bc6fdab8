import type { Readable } from 'node:stream';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from '../import/line-splitter.js';

const TURN = Symbol('turn');
const STOP = Symbol('stop');

/** Stands for a line longer than the cap: its bytes were dropped as they came, never held or decoded. */
export const OVERLONG_LINE = Symbol('overlong line');

/** A line's text (without its line end), or OVERLONG_LINE. */
export type ReadLine = string | typeof OVERLONG_LINE;


/**
 * The lines of `input` (without their line ends), in batches of at most `max`. A batch also ends
 * when no further line has arrived yet, so a line typed or piped in slowly is handed over on its own,
 * at once, while a file mostly gives full batches. `signal` stops the reading (an AbortError), also
 * while waiting for input that never comes. A line longer than `maxLineBytes` is handed over as
 * OVERLONG_LINE, in its place, and the lines after it as usual: read whole, a line past ~512 MiB would
 * not fit in a string at all (readline crashed on it with a RangeError).
 */
export async function* readLineBatches(
  input: NodeJS.ReadableStream,
  max: number,
  signal?: AbortSignal,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<ReadLine[]> {
  const ready: ReadLine[] = [];
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  // lines are split as bytes and decoded whole, so a character cut across two chunks is never decoded in halves. The
  // splitter stops holding a line's bytes once they pass the cap; a line that came whole within one chunk is measured here.
  const take = (line: Buffer): ReadLine => (line.length > maxLineBytes ? OVERLONG_LINE : line.toString('utf8'));
  const splitter = new LineSplitter((line) => ready.push(take(line)), () => ready.push(OVERLONG_LINE), { maxLineBytes });
  const chunks = (input as AsyncIterable<string | Buffer>)[Symbol.asyncIterator]();
  // the next chunk is asked for before the consumer is done with a batch: a read error meanwhile must
  // not become an unhandled rejection (it is thrown when that promise is awaited)
  const ask = (): Promise<IteratorResult<string | Buffer>> => {
    const p = chunks.next();
    p.catch(() => undefined);
    return p;
  };
  // One wait per read, its listeners removed when it settles: racing every read against one long-lived abort promise
  // would leave a reaction on it per read, each holding its chunk (a 600 MB line cost 785 MB of memory that way).
  const wait = (read: Promise<IteratorResult<string | Buffer>>, turn: boolean): Promise<IteratorResult<string | Buffer> | typeof TURN | typeof STOP> =>
    new Promise((resolve, reject) => {
      const cleanup = (): void => {
        signal?.removeEventListener('abort', onAbort);
        if (immediate !== undefined) clearImmediate(immediate);
      };
      const onAbort = (): void => {
        cleanup();
        resolve(STOP);
      };
      // a chunk already queued settles `read` before the next event-loop turn
      const immediate = turn
        ? setImmediate(() => {
            cleanup();
            resolve(TURN);
          })
        : undefined;
      signal?.addEventListener('abort', onAbort, { once: true });
      read.then(
        (r) => {
          cleanup();
          resolve(r);
        },
        (error: unknown) => {
          cleanup();
          reject(error);
        },
      );
    });
  try {
    let batch: ReadLine[] = [];
    let taken = 0;
    let ended = false;
    let next = ask();
    for (;;) {
      signal?.throwIfAborted();
      while (taken < ready.length) {
        batch.push(ready[taken++]!);
        if (batch.length >= max) {
          yield batch;
          batch = [];
        }
      }
      ready.length = 0;
      taken = 0;
      if (ended) break;
      const r = await wait(next, batch.length > 0);
      if (r === STOP) break;
      if (r === TURN) {
        yield batch;
        batch = [];
        continue;
      }
      if (r.done === true) {
        ended = true;
        // a last line without a final newline
        const last = splitter.finish();
        if (last !== null) ready.push(take(last.line));
        continue;
      }
      splitter.push(typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value);
      next = ask();
    }
    signal?.throwIfAborted();
    if (batch.length > 0) yield batch;
  } finally {
    // stop reading (a file is closed, stdin no longer read). Destroyed first: the iterator's own return() would wait
    // for a read still pending, which on input that never comes (a terminal, an open pipe) never ends
    (input as Partial<Readable>).destroy?.();
    chunks.return?.().catch(() => undefined);
  }
}
