const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export interface LineSplitterOptions {
  /** Lines to pass over without decoding them (resuming a compressed file). */
  skipLines?: number;
  /** A longer line is dropped (reported through onOverlong) instead of growing memory without bound. */
  maxLineBytes?: number;
}

/**
 * Called per complete line with its bytes (no newline, no '\r'); `endOffset` is
 * the byte offset just past its newline. The bytes are only valid during the
 * call: the stream may reuse the chunk afterwards.
 */
export type LineHandler = (line: Buffer, lineNumber: number, endOffset: number) => void;

/** A line may be as long as this by default: far beyond any record, and small enough to hold (a string tops out at ~512 MiB). */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Splits a byte stream into lines on '\n' (dropping a '\r' before it). Splitting
 * bytes, not text, means a multi-byte UTF-8 character cut across two chunks is
 * never decoded in halves: a line is decoded only once it is whole, and only
 * if the caller wants it (most lines of a filtered import never are). Only the
 * unfinished tail of a chunk is carried over, so memory stays at one chunk plus
 * one line whatever the stream's size.
 */
export class LineSplitter {
  private carry: Buffer[] = [];
  /** Bytes of the unfinished line read so far (kept in `carry` unless skipped or overlong). */
  private pending = 0;
  private overlong = false;
  private done = 0;
  private lineNumber = 0;
  private toSkip: number;
  private readonly maxLineBytes: number;

  constructor(
    private readonly onLine: LineHandler,
    private readonly onOverlong: (lineNumber: number) => void,
    options: LineSplitterOptions = {},
  ) {
    this.toSkip = options.skipLines ?? 0;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** Complete lines seen so far, including skipped and overlong ones. */
  get lines(): number {
    return this.lineNumber;
  }

  /** True while bytes after the last newline wait for one: at the end, a last line without a final newline. */
  get unfinished(): boolean {
    return this.pending > 0;
  }

  /** Bytes consumed up to the end of the last complete line. */
  get completedOffset(): number {
    return this.done;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) break;
      this.lineNumber++;
      this.done += this.pending + nl + 1 - start;
      if (this.toSkip > 0) {
        this.toSkip--;
        this.resetCarry();
      } else if (this.overlong) {
        this.resetCarry();
        this.onOverlong(this.lineNumber);
      } else {
        this.emit(chunk, start, nl);
      }
      start = nl + 1;
    }
    if (start < chunk.length) this.keepTail(chunk.subarray(start));
  }

  /** The unterminated last line, if any (a file without a final newline, or a cut-off stream). */
  finish(): { line: Buffer; lineNumber: number } | null {
    if (this.pending === 0) return null;
    const lineNumber = this.lineNumber + 1;
    const overlong = this.overlong;
    const skipped = this.toSkip > 0;
    const whole = overlong || skipped ? null : trimCr(Buffer.concat(this.carry, this.pending));
    this.resetCarry();
    if (overlong) this.onOverlong(lineNumber);
    if (whole === null) return null;
    return { line: whole, lineNumber };
  }

  private emit(chunk: Buffer, start: number, nl: number): void {
    const lineNumber = this.lineNumber;
    const endOffset = this.done;
    if (this.pending === 0) {
      const end = nl > start && chunk[nl - 1] === CARRIAGE_RETURN ? nl - 1 : nl;
      this.onLine(chunk.subarray(start, end), lineNumber, endOffset);
      return;
    }
    this.carry.push(chunk.subarray(start, nl));
    const whole = trimCr(Buffer.concat(this.carry, this.pending + nl - start));
    this.resetCarry();
    this.onLine(whole, lineNumber, endOffset);
  }

  private keepTail(tail: Buffer): void {
    this.pending += tail.length;
    // Skipped lines are never decoded and overlong ones are dropped: neither needs its bytes.
    if (this.toSkip > 0 || this.overlong) return;
    if (this.pending > this.maxLineBytes) {
      this.overlong = true;
      this.carry = [];
      return;
    }
    // Copy: the stream may reuse the chunk's memory after we return.
    this.carry.push(Buffer.from(tail));
  }

  private resetCarry(): void {
    this.carry = [];
    this.pending = 0;
    this.overlong = false;
  }
}

function trimCr(buf: Buffer): Buffer {
  return buf.length > 0 && buf[buf.length - 1] === CARRIAGE_RETURN ? buf.subarray(0, buf.length - 1) : buf;
}
