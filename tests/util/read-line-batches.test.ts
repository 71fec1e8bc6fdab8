import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OVERLONG_LINE, type ReadLine, readLineBatches } from '../../src/util/read-line-batches.js';

async function collect(input: NodeJS.ReadableStream, max: number): Promise<ReadLine[][]> {
  const out: ReadLine[][] = [];
  for await (const batch of readLineBatches(input, max)) out.push(batch);
  return out;
}

describe('readLineBatches', () => {
  it('lines that arrive together come in full batches of at most max, in order', async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `line ${i}`);
    const batches = await collect(Readable.from([lines.join('\n') + '\n']), 100);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(lines);
  });

  it('keeps a last line without a line end, empty lines and CRLF line ends', async () => {
    const batches = await collect(Readable.from(['a\r\n\r\nb\nc']), 10);
    expect(batches.flat()).toEqual(['a', '', 'b', 'c']);
  });

  it('hands over a slowly written line at once instead of waiting to fill a batch', async () => {
    const input = new PassThrough();
    const it = readLineBatches(input, 100)[Symbol.asyncIterator]();
    input.write('first\n');
    expect((await it.next()).value).toEqual(['first']);
    input.write('second\nthird\n');
    expect((await it.next()).value).toEqual(['second', 'third']);
    input.end('fourth');
    expect((await it.next()).value).toEqual(['fourth']);
    expect((await it.next()).done).toBe(true);
  });

  it('an abort ends a wait for input that never comes with an AbortError', async () => {
    const input = new PassThrough();
    input.write('a\n');
    const controller = new AbortController();
    const seen: ReadLine[][] = [];
    const done = (async () => {
      for await (const batch of readLineBatches(input, 10, controller.signal)) seen.push(batch);
    })();
    setTimeout(() => controller.abort(), 50);
    await expect(done).rejects.toThrow(/abort/i);
    expect(seen).toEqual([['a']]);
  });

  it('a read error while the consumer is busy with a full batch reaches the consumer (no unhandled rejection)', async () => {
    const input = new PassThrough();
    input.write('a\nb\n');
    const seen: ReadLine[][] = [];
    const done = (async () => {
      for await (const batch of readLineBatches(input, 2)) {
        seen.push(batch);
        if (seen.length === 1) {
          input.destroy(new Error('disk gone'));
          await new Promise((resume) => setTimeout(resume, 20));
        }
      }
    })();
    await expect(done).rejects.toThrow(/disk gone/);
    expect(seen[0]).toEqual(['a', 'b']);
  });

  it('passes on a read error', async () => {
    const input = new PassThrough();
    const done = collect(input, 10);
    input.write('a\n');
    setImmediate(() => input.destroy(new Error('disk gone')));
    await expect(done).rejects.toThrow(/disk gone/);
  });
});

describe('readLineBatches with a line cap', () => {
  it('hands over a line longer than the cap as OVERLONG_LINE, in its place, and the lines after it as usual', async () => {
    const long = 'x'.repeat(50);
    const input = Readable.from(['a\n', long.slice(0, 20), long.slice(20) + '\nb\n', `${long}y`]);
    const out: ReadLine[] = [];
    for await (const batch of readLineBatches(input, 10, undefined, { maxLineBytes: 40 })) out.push(...batch);
    expect(out).toEqual(['a', OVERLONG_LINE, 'b', OVERLONG_LINE]);
  });

  it('decodes a character whose bytes are split across two chunks whole', async () => {
    const bytes = Buffer.from('née 🤡\n', 'utf8');
    const input = Readable.from([bytes.subarray(0, 2), bytes.subarray(2, 6), bytes.subarray(6)]);
    expect((await collect(input, 10)).flat()).toEqual(['née 🤡']);
  });
});
