import { createInterface } from 'node:readline';

const TURN = Symbol('turn');

function nextTurn(): Promise<typeof TURN> {
  return new Promise((resume) => setImmediate(resume, TURN));
}

/**
 * The lines of `input` (without their line ends), in batches of at most `max`. A batch also ends
 * when no further line has arrived yet, so a line typed or piped in slowly is handed over on its own,
 * at once, while a file mostly gives full batches. `signal` stops the reading (an AbortError), also
 * while waiting for input that never comes.
 */
export async function* readLineBatches(input: NodeJS.ReadableStream, max: number, signal?: AbortSignal): AsyncGenerator<string[]> {
  const rl = createInterface({ input, crlfDelay: Infinity, signal });
  const lines = rl[Symbol.asyncIterator]();
  // the next line is asked for before the consumer is done with a batch: a read error meanwhile must
  // not become an unhandled rejection (it is thrown when that promise is awaited)
  const ask = (): Promise<IteratorResult<string>> => {
    const p = lines.next();
    p.catch(() => undefined);
    return p;
  };
  try {
    let batch: string[] = [];
    let next = ask();
    for (;;) {
      // a line already queued settles `next` before the next event-loop turn
      const r = batch.length === 0 ? await next : await Promise.race([next, nextTurn()]);
      if (r === TURN) {
        yield batch;
        batch = [];
        continue;
      }
      if (r.done === true) break;
      batch.push(r.value);
      next = ask();
      if (batch.length >= max) {
        yield batch;
        batch = [];
      }
    }
    // an abort closes the interface, which ends the lines as if the input had ended
    signal?.throwIfAborted();
    if (batch.length > 0) yield batch;
  } finally {
    rl.close();
  }
}
