import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createOrderedOutput } from '../../src/cli/create-ordered-output.js';

/** Both streams write into one list, as with 2>&1; `delayMs` makes a stream flush later, as a full pipe does. */
function sharedSink(delayMs: { stdout: number; stderr: number }) {
  const written: string[] = [];
  const make = (ms: number): Writable =>
    new Writable({
      decodeStrings: false,
      write(chunk: string, _encoding, done) {
        if (ms === 0) {
          written.push(chunk);
          done();
        } else
          setTimeout(() => {
            written.push(chunk);
            done();
          }, ms);
      },
    });
  return { written, stdout: make(delayMs.stdout), stderr: make(delayMs.stderr) };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createOrderedOutput', () => {
  it('writes a stderr line only after what stdout was given before it, and later stdout after the stderr line', async () => {
    const sink = sharedSink({ stdout: 20, stderr: 0 });
    const out = createOrderedOutput(sink);
    out.stdout('result 1\n');
    out.stderr('line 2: bad\n');
    out.stdout('result 3\n');
    out.stderr('summary\n');
    await settle(100);
    expect(sink.written).toEqual(['result 1\n', 'line 2: bad\n', 'result 3\n', 'summary\n']);
  });

  it('keeps the order the other way round too (a slow stderr)', async () => {
    const sink = sharedSink({ stdout: 0, stderr: 20 });
    const out = createOrderedOutput(sink);
    out.stderr('progress\n');
    out.stdout('data\n');
    await settle(60);
    expect(sink.written).toEqual(['progress\n', 'data\n']);
  });

  it('writes straight through when the other stream has nothing pending (no waiting on the usual path)', async () => {
    const sink = sharedSink({ stdout: 0, stderr: 0 });
    const out = createOrderedOutput(sink);
    out.stdout('a\n');
    out.stderr('b\n');
    out.stdout('c\n');
    expect(sink.written).toEqual(['a\n', 'b\n', 'c\n']);
  });

  it('does not wait for a stream that was destroyed (the reader went away)', async () => {
    const sink = sharedSink({ stdout: 1_000, stderr: 0 });
    const out = createOrderedOutput(sink);
    sink.stdout.on('error', () => {});
    out.stdout('never flushed\n');
    out.stderr('still written\n');
    sink.stdout.destroy(new Error('EPIPE'));
    await settle(20);
    expect(sink.written).toEqual(['still written\n']);
  });
});
