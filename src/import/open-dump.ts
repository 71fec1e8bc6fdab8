import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { DecompressStream } from 'zstd-napi';
import { FileError } from '../errors/errors.js';

const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);

/**
 * Compressed forms import does not read, by their magic bytes. Read as text, such a file is thousands of "bad lines" of
 * binary noise on the terminal, and then marked imported; older Pushshift dumps come as .bz2 and .xz.
 */
const UNREAD_COMPRESSIONS: ReadonlyArray<{ name: string; magic: Buffer; how: (path: string) => string }> = [
  { name: 'gzip', magic: Buffer.from([0x1f, 0x8b]), how: (p) => `gunzip -k ${p}` },
  { name: 'bzip2', magic: Buffer.from('BZh', 'latin1'), how: (p) => `bunzip2 -k ${p}` },
  { name: 'xz', magic: Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), how: (p) => `unxz -k ${p}` },
  { name: 'zip', magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]), how: (p) => `unzip ${p}` },
  { name: '7z', magic: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), how: (p) => `7z x ${p}` },
];
const IDENTITY_BYTES = 1024 * 1024;

export interface DumpFile {
  path: string;
  size: number;
  compressed: boolean;
  /** sha256 of the size and the first MiB: the same file under another name or path resumes; a re-download that grew does not. */
  identity: string;
}

export interface DumpStream {
  /** Decompressed bytes from `start` on. */
  chunks: AsyncIterable<Buffer>;
  /** Bytes of the file read so far (compressed bytes for .zst), for progress. */
  fileBytesRead: () => number;
  close: () => void;
}

/** Looks at a dump without reading it: size, compression (by magic bytes, not by name), identity. */
export async function inspectDump(path: string): Promise<DumpFile> {
  let size: number;
  try {
    const info = await stat(path);
    // a dump that cannot be read is a file error (exit 3), as the README's exit codes say: a folder too
    if (!info.isFile()) throw new FileError(`${path} is not a file`, path);
    size = info.size;
  } catch (error) {
    if (error instanceof FileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileError(`No such file: ${path}`, path);
    throw new FileError(`Cannot read ${path}: ${(error as Error).message}`, path, { cause: error });
  }
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(size, IDENTITY_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new FileError(`Cannot read ${path}: ${(cause as Error).message}`, path, { cause });
  }
  const identity = createHash('sha256').update(`${size}\n`).update(head).digest('hex').slice(0, 32);
  const compressed = head.subarray(0, 4).equals(ZSTD_MAGIC);
  const unread = UNREAD_COMPRESSIONS.find((c) => head.subarray(0, c.magic.length).equals(c.magic));
  if (unread !== undefined) {
    throw new FileError(
      `${path} is ${unread.name}-compressed, which import does not read (it reads plain NDJSON or JSON, and .zst): ` +
        `decompress it first (${unread.how(path)}) and import what that gives`,
      path,
    );
  }
  return { path, size, compressed, identity };
}

/**
 * Streams a dump's decompressed bytes. Plain files can start at a byte offset
 * (resume); zstd frames cannot be entered mid-way, so compressed files always
 * start at 0. Arctic Shift frames use a 2 GiB window, hence windowLogMax 31.
 */
export function openDumpStream(file: DumpFile, start = 0): DumpStream {
  const input: ReadStream = createReadStream(file.path, { start: file.compressed ? 0 : start, highWaterMark: file.compressed ? 256 * 1024 : 1024 * 1024 });
  if (!file.compressed) {
    return { chunks: input as AsyncIterable<Buffer>, fileBytesRead: () => input.bytesRead + start, close: () => input.destroy() };
  }
  const decompress = new DecompressStream({ windowLogMax: 31 });
  const output: Readable = pipeline(input, decompress, () => {
    // Errors surface through the iteration of `output`; nothing to do here.
  });
  return { chunks: output as AsyncIterable<Buffer>, fileBytesRead: () => input.bytesRead, close: () => output.destroy() };
}

/**
 * Submission files go first so comment files find their thread. Besides Arctic Shift / Pushshift monthly names
 * (`RS_2025-12`, `RC_2025-12`), per-subreddit dumps are named `<sub>_submissions.zst` / `<sub>_comments.zst` (the
 * subreddit torrents) or `r_<sub>_posts.jsonl` / `r_<sub>_comments.jsonl` (Arctic Shift's download tool): in a shell
 * glob their comments sort first, and read first, every comment of an event would be dropped as of a thread not kept.
 */
export function orderDumps<T extends { path: string }>(files: T[]): T[] {
  const rank = (path: string): number => {
    const name = basename(path);
    // the last word before the extensions: a subreddit named r/posts or r/comments is part of the name, not the kind
    const stem = name.replace(/(?:\.[a-z0-9]+)+$/i, '');
    if (/^RS_/i.test(name) || /(?:^|[_-])(?:submissions|posts)$/i.test(stem)) return 0;
    if (/^RC_/i.test(name) || /(?:^|[_-])comments$/i.test(stem)) return 2;
    return 1;
  };
  return files.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.path) - rank(b.f.path) || a.i - b.i).map((x) => x.f);
}
