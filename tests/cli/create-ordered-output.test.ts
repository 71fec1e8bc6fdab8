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

  describe('waitForStdout', () => {
    /** A stdout with a 10-byte buffer whose reader takes a chunk only when `take()` is called. */
    function heldStdout() {
      const pending: Array<() => void> = [];
      const stdout = new Writable({
        highWaterMark: 10,
        decodeStrings: false,
        write(_chunk: string, _encoding, done) {
          pending.push(done);
        },
      });
      const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
      return { stdout, stderr, take: () => pending.shift()?.() };
    }
    const isSettled = async (p: Promise<void>): Promise<boolean> => {
      let settled = false;
      void p.then(() => (settled = true));
      await settle(10);
      return settled;
    };

    it('resolves at once while stdout has room (the usual case)', async () => {
      const sink = sharedSink({ stdout: 0, stderr: 0 });
      const out = createOrderedOutput(sink);
      out.stdout('a short line\n');
      expect(await isSettled(out.waitForStdout())).toBe(true);
    });

    it("waits while stdout's buffer is full (write returned false) and resolves on 'drain'", async () => {
      const sink = heldStdout();
      const out = createOrderedOutput(sink);
      out.stdout('more than ten bytes\n');
      const wait = out.waitForStdout();
      expect(await isSettled(wait)).toBe(false);
      sink.take();
      expect(await isSettled(wait)).toBe(true);
    });

    it('waits for stdout text queued behind a slow stderr too', async () => {
      const sink = sharedSink({ stdout: 0, stderr: 30 });
      const out = createOrderedOutput(sink);
      out.stderr('a progress line\n');
      out.stdout('data\n');
      const wait = out.waitForStdout();
      expect(await isSettled(wait)).toBe(false);
      await settle(60);
      expect(await isSettled(wait)).toBe(true);
      expect(sink.written).toEqual(['a progress line\n', 'data\n']);
    });

    it('ends when the signal aborts, or when stdout is destroyed (the reader went away)', async () => {
      const sink = heldStdout();
      sink.stdout.on('error', () => {});
      const out = createOrderedOutput(sink);
      out.stdout('more than ten bytes\n');
      const controller = new AbortController();
      const aborted = out.waitForStdout(controller.signal);
      const destroyed = out.waitForStdout();
      controller.abort();
      expect(await isSettled(aborted)).toBe(true);
      expect(await isSettled(destroyed)).toBe(false);
      sink.stdout.destroy(new Error('EPIPE'));
      expect(await isSettled(destroyed)).toBe(true);
    });
  });
});

describe('createOrderedOutput settled', () => {
  it('resolves only once every queued and in-flight write has completed', async () => {
    const sink = sharedSink({ stdout: 30, stderr: 0 });
    const out = createOrderedOutput(sink);
    out.stdout('result 1\n');
    out.stderr('summary\n');
    await out.settled();
    expect(sink.written).toEqual(['result 1\n', 'summary\n']);
  });
});
