import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/import/line-splitter.js';

function split(chunks: Buffer[], options: { skipLines?: number; maxLineBytes?: number } = {}) {
  const lines: Array<[string, number, number]> = [];
  const overlong: number[] = [];
  const splitter = new LineSplitter((l, n, end) => lines.push([l.toString('utf8'), n, end]), (n) => overlong.push(n), options);
  for (const c of chunks) splitter.push(c);
  const finished = splitter.finish();
  const tail = finished === null ? null : { line: finished.line.toString('utf8'), lineNumber: finished.lineNumber };
  return { lines, overlong, tail, splitter };
}

function chunksOf(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

describe('LineSplitter', () => {
  const text = 'héllo wörld 🎉\r\n日本語のテキスト\n\nemoji 👩‍👩‍👧 family\nlast';
  const bytes = Buffer.from(text, 'utf8');

  it.each([1, 2, 3, 5, 7, 64])('decodes multi-byte UTF-8 cut across %i-byte chunks', (size) => {
    const { lines, tail } = split(chunksOf(bytes, size));
    expect(lines.map((l) => l[0])).toEqual(['héllo wörld 🎉', '日本語のテキスト', '', 'emoji 👩‍👩‍👧 family']);
    expect(tail).toEqual({ line: 'last', lineNumber: 5 });
  });

  it('reports byte offsets just past each newline', () => {
    const { lines, splitter } = split(chunksOf(bytes, 4));
    const firstEnd = Buffer.byteLength('héllo wörld 🎉\r\n');
    expect(lines[0]?.[2]).toBe(firstEnd);
    expect(lines[1]?.[2]).toBe(firstEnd + Buffer.byteLength('日本語のテキスト\n'));
    expect(splitter.completedOffset).toBe(bytes.length - Buffer.byteLength('last'));
  });

  it('passes over skipped lines without emitting them, keeping numbers and offsets', () => {
    const { lines } = split(chunksOf(bytes, 3), { skipLines: 2 });
    expect(lines.map((l) => [l[0], l[1]])).toEqual([
      ['', 3],
      ['emoji 👩‍👩‍👧 family', 4],
    ]);
  });

  it('drops and reports a line longer than the limit, then goes on', () => {
    const long = `${'x'.repeat(100)}\nok\n${'y'.repeat(100)}`;
    const { lines, overlong, tail } = split(chunksOf(Buffer.from(long), 10), { maxLineBytes: 50 });
    expect(lines.map((l) => l[0])).toEqual(['ok']);
    expect(overlong).toEqual([1, 3]);
    expect(tail).toBeNull();
  });
});
