import { createInterface } from 'node:readline';

const TURN = Symbol('turn');

function nextTurn(): Promise<typeof TURN> {
  return new Promise((resume) => setImmediate(resume, TURN));
}

/**
 * The lines of `input` (without their line ends), in batches of at most `max`. A batch also ends
 * when no further line has arrived yet: readline hands over a chunk's lines at once, so a file
 * gives full batches, while a line typed or piped in slowly is handed over on its own, at once.
 */
export async function* readLineBatches(input: NodeJS.ReadableStream, max: number): AsyncGenerator<string[]> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  try {
    let batch: string[] = [];
    let next = lines.next();
    for (;;) {
      // a line already queued settles `next` before the next event-loop turn
      const r = batch.length === 0 ? await next : await Promise.race([next, nextTurn()]);
      if (r === TURN) {
        yield batch;
        batch = [];
        continue;
      }
      if (r.done === true) break;
      batch.push(r.value as string);
      next = lines.next();
      if (batch.length >= max) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    rl.close();
  }
}
