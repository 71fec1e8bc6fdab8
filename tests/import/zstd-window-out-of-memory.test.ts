import { join } from 'node:path';
import type { TransformCallback } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FileError } from '../../src/errors/errors.js';
import { importDumps } from '../../src/import/import-dumps.js';
import { Store } from '../../src/store/store.js';
import { FROM, TO, comment, makeEvent, makeTempDir, ndjson, post, writeDump } from './dump-fixtures.js';

// A machine without the memory a frame's window asks for: zstd answers "Allocation error : not enough memory" at the
// frame's header. Only the decoder is replaced; the file itself is a whole, valid .zst.
vi.mock('zstd-napi', async (importOriginal) => {
  const original = await importOriginal<typeof import('zstd-napi')>();
  // imported here: vi.mock runs before this file's imports
  const { Transform } = await import('node:stream');
  class ShortOfMemory extends Transform {
    override _transform(_chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      done(new Error('Allocation error : not enough memory'));
    }
  }
  return { ...original, DecompressStream: ShortOfMemory };
});

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

describe('importDumps: a .zst whose window the machine cannot hold', () => {
  it('is a file error saying memory is short, not a truncated file to download again', async () => {
    const rs = writeDump(join(dir, 'RS_2025-12'), ndjson([post('p1', FROM + 10)]));
    const rc = writeDump(join(dir, 'RC_2025-12.zst'), ndjson([comment('c1', 'p1', 't3_p1', FROM + 30)]), { zstd: true });
    const store = Store.open(':memory:');
    const attempt = importDumps([rs, rc], { store, event: makeEvent(), now: () => TO + 86_400 });
    await expect(attempt).rejects.toThrow(FileError);
    await expect(attempt).rejects.toThrow(/Cannot decompress .*RC_2025-12\.zst after line 0: zstd could not get the memory its frame window needs/);
    await expect(attempt).rejects.not.toThrow(/re-download/i);
    // decoding the file to recompress it needs the same window: that is done where the memory is, not on this machine
    await expect(attempt).rejects.toThrow(/recompress the file there with a smaller window \(zstd -d --long=31 -c .*RC_2025-12\.zst \| zstd -o smaller\.zst: decoding it needs the same window\) and import the smaller file here/);
    // the submissions read before it stay stored
    expect(store.getThread('p1')).toMatchObject({ id: 'p1' });
    store.close();
  });
});
