import type { EventFilter, FilterReason } from './event-filter.js';

const KIND_WRAPPER = Buffer.from('{"kind"');
const DATA_WRAPPER = Buffer.from('{"data"');
const LINK_ID = Buffer.from('"link_id"');
const SUBREDDIT = Buffer.from('"subreddit"');
const CREATED_UTC = Buffer.from('"created_utc"');
const OPEN_BRACE = 0x7b;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const SPACE = 0x20;

/**
 * A cheap look at the raw bytes of a line before it is decoded, parsed and
 * validated, so filtering a month of Reddit runs near file-read speed. Every
 * test is a necessary condition for the real filter, never a sufficient one:
 * it may let a line through that the parsed check then drops, but never drops
 * one the parsed check would keep. That is why a key is accepted if ANY
 * occurrence matches (a crosspost's nested copy may carry another subreddit or
 * time): that also keeps it sound for a listing of several items. Wrappers as
 * Reddit writes them (`{"kind"…`, `[…`, `{"data"…`) go to the full parse
 * unlooked-at, since a /comments answer holds a thread and its comments. A line
 * it drops is not validated either: with an event, a broken line that cannot
 * belong to it is simply filtered out.
 *
 * Returns the reason to drop the line, or null to parse it.
 */
export function prefilterLine(line: Buffer, filter: EventFilter, keptThreads: ReadonlySet<string>): FilterReason | null {
  if (line[0] !== OPEN_BRACE || startsWith(line, KIND_WRAPPER) || startsWith(line, DATA_WRAPPER)) return null;
  for (const seed of filter.seeds) if (line.indexOf(`"${seed}"`) !== -1 || line.indexOf(`t3_${seed}"`) !== -1) return null;
  // A comment is kept only with its thread; its own subreddit and time follow the thread's.
  const comment = findValue(line, LINK_ID, (v) => keptThreads.has(v.startsWith('t3_') ? v.slice(3) : v));
  if (comment === 'no match') return 'thread not kept';
  if (comment === 'match') return null;
  if (filter.subreddits.size > 0 && !anyValue(line, SUBREDDIT, (v) => filter.subreddits.has(v.toLowerCase()))) {
    return 'other subreddit';
  }
  const { from, to } = filter.event.window;
  const inWindow = (v: string): boolean => {
    const t = Number(v);
    return Number.isNaN(t) || (t >= from && t <= to);
  };
  if (!anyValue(line, CREATED_UTC, inWindow)) return 'outside window';
  if (filter.queries.every((q) => q.rawCheckable)) {
    // Few lines get this far (right subreddit and time): decoding them is affordable.
    const lower = line.toString('utf8').toLowerCase();
    if (!filter.queries.some((q) => q.terms.every((t) => lower.includes(t)))) return 'no query match';
  }
  return null;
}

function startsWith(line: Buffer, prefix: Buffer): boolean {
  if (line.length < prefix.length) return false;
  // Byte by byte: the prefixes are a few bytes, and Buffer.compare's call overhead shows at millions of lines.
  for (let i = 0; i < prefix.length; i++) if (line[i] !== prefix[i]) return false;
  return true;
}

/** Whether any `"key": value` passes `test`; a line without the key is not what the check is about, so it passes. */
function anyValue(line: Buffer, key: Buffer, test: (value: string) => boolean): boolean {
  return findValue(line, key, test) !== 'no match';
}

/**
 * Looks at every `"key": value` in the raw JSON, in one pass. Values are read
 * as a bare token or the inside of a string (ids, names and times are ASCII);
 * a string with escapes, or a shape we cannot read, counts as a match so the
 * full parse decides.
 */
function findValue(line: Buffer, key: Buffer, test: (value: string) => boolean): 'match' | 'no match' | 'absent' {
  let at = line.indexOf(key);
  let sawKey = false;
  while (at !== -1) {
    let i = at + key.length;
    while (line[i] === SPACE) i++;
    if (line[i] === COLON) {
      sawKey = true;
      i++;
      while (line[i] === SPACE) i++;
      let value: string;
      if (line[i] === QUOTE) {
        const end = line.indexOf(QUOTE, i + 1);
        if (end === -1) return 'match';
        for (let j = i + 1; j < end; j++) if (line[j] === BACKSLASH) return 'match';
        value = line.toString('latin1', i + 1, end);
      } else {
        let end = i;
        while (end < line.length && !isTokenEnd(line[end] as number)) end++;
        value = line.toString('latin1', i, end);
      }
      if (test(value)) return 'match';
    }
    at = line.indexOf(key, at + key.length);
  }
  return sawKey ? 'no match' : 'absent';
}

function isTokenEnd(byte: number): boolean {
  return byte === 0x2c /* , */ || byte === 0x7d /* } */ || byte === 0x5d /* ] */ || byte === SPACE;
}
