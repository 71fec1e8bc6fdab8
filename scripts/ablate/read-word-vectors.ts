// The quantised word-vector table written by scripts/build-word-vectors.ts, and its reader.
// Layout: "RLWV1\n", a JSON header line {source, dims, n}, the n words each ending in "\n",
// then n uint32 frequency ranks, n float32 scales and n × dims int8 components (little-endian).
// Vectors are stored unit-length, so a dequantised row is (int8 × scale) and has norm ≈ 1.

import { readFileSync } from 'node:fs';
import { z } from 'zod';

const MAGIC = 'RLWV1\n';

export interface WordVectors {
  source: string;
  dims: number;
  words: string[];
  index: Map<string, number>;
  /** 1-based rank of the word in the source's frequency-ordered list. */
  rank: Uint32Array;
  /** n × dims, row-major, unit-length rows. */
  vectors: Float32Array;
}

const headerSchema = z.object({ source: z.string(), dims: z.number().int().positive(), n: z.number().int().positive() });

export function encodeWordVectors(rows: { word: string; rank: number; vec: number[] }[], dims: number, source: string): Buffer {
  const n = rows.length;
  const head = Buffer.from(`${MAGIC}${JSON.stringify({ source, dims, n })}\n${rows.map((r) => r.word + '\n').join('')}`, 'utf8');
  const body = Buffer.alloc(n * 8 + n * dims);
  rows.forEach((r, i) => {
    const norm = Math.hypot(...r.vec) || 1;
    const unit = r.vec.map((x) => x / norm);
    const scale = Math.max(...unit.map(Math.abs)) / 127 || 1;
    body.writeUInt32LE(r.rank, i * 4);
    body.writeFloatLE(scale, n * 4 + i * 4);
    for (let d = 0; d < dims; d++) body.writeInt8(Math.round(unit[d]! / scale), n * 8 + i * dims + d);
  });
  return Buffer.concat([head, body]);
}

export function readWordVectors(path: string): WordVectors {
  const buf = readFileSync(path);
  if (buf.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error(`${path}: not a word-vector table`);
  let p = MAGIC.length;
  const nl = buf.indexOf(10, p);
  const { source, dims, n } = headerSchema.parse(JSON.parse(buf.subarray(p, nl).toString('utf8')));
  p = nl + 1;
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = buf.indexOf(10, p);
    words.push(buf.subarray(p, e).toString('utf8'));
    p = e + 1;
  }
  const rank = new Uint32Array(n);
  const vectors = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) rank[i] = buf.readUInt32LE(p + i * 4);
  for (let i = 0; i < n; i++) {
    const scale = buf.readFloatLE(p + n * 4 + i * 4);
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = buf.readInt8(p + n * 8 + i * dims + d) * scale;
  }
  return { source, dims, words, index: new Map(words.map((w, i) => [w, i])), rank, vectors };
}
