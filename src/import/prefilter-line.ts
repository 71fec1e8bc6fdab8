import type { EventFilter, FilterReason } from './event-filter.js';

/**
 * A cheap look at the raw line before JSON.parse + zod, so filtering a month
 * of Reddit runs at file-read speed. Every test is a necessary condition for
 * the real filter, never a sufficient one: it may let a line through that the
 * parsed check then drops, but never drops one the parsed check would keep.
 * That is why a key is accepted if ANY occurrence matches (a crosspost's
 * nested copy may carry another subreddit or time) and why wrappers (things,
 * listings, API answers) always go to the full parse.
 *
 * Returns the reason to drop the line, or null to parse it.
 */
export function prefilterLine(line: string, filter: EventFilter, keptThreads: ReadonlySet<string>): FilterReason | null {
  if (line.charCodeAt(0) !== 0x7b /* { */ || line.startsWith('{"data"') || line.includes('"kind"')) return null;
  if (filter.seeds.size > 0) {
    for (const seed of filter.seeds) if (line.includes(`"${seed}"`) || line.includes(`t3_${seed}"`)) return null;
  }
  if (line.includes('"link_id"')) {
    // A comment: kept only with its thread; its own subreddit and time follow the thread's.
    return anyValue(line, '"link_id"', (v) => keptThreads.has(v.startsWith('t3_') ? v.slice(3) : v)) ? null : 'thread not kept';
  }
  if (filter.subreddits.size > 0 && !anyValue(line, '"subreddit"', (v) => filter.subreddits.has(v.toLowerCase()))) {
    return 'other subreddit';
  }
  const { from, to } = filter.event.window;
  if (!anyValue(line, '"created_utc"', (v) => {
    const t = Number(v);
    return Number.isNaN(t) || (t >= from && t <= to);
  })) {
    return 'outside window';
  }
  if (filter.queries.every((q) => q.rawCheckable)) {
    const lower = line.toLowerCase();
    if (!filter.queries.some((q) => q.terms.every((t) => lower.includes(t)))) return 'no query match';
  }
  return null;
}

/**
 * Whether any `"key": value` in the raw JSON has a value passing `test`.
 * Values are read as a bare token or the inside of a string without escapes;
 * an escaped string is passed to `test` raw, and a shape we cannot read
 * counts as a match so the full parse decides.
 */
function anyValue(line: string, quotedKey: string, test: (value: string) => boolean): boolean {
  let at = line.indexOf(quotedKey);
  let sawKey = false;
  while (at !== -1) {
    let i = at + quotedKey.length;
    while (line.charCodeAt(i) === 0x20) i++;
    if (line.charCodeAt(i) === 0x3a /* : */) {
      sawKey = true;
      i++;
      while (line.charCodeAt(i) === 0x20) i++;
      let value: string;
      if (line.charCodeAt(i) === 0x22 /* " */) {
        const end = line.indexOf('"', i + 1);
        if (end === -1) return true;
        value = line.slice(i + 1, end);
      } else {
        let end = i;
        while (end < line.length && ',}] '.indexOf(line.charAt(end)) === -1) end++;
        value = line.slice(i, end);
      }
      if (value.includes('\\') || test(value)) return true;
    }
    at = line.indexOf(quotedKey, at + quotedKey.length);
  }
  // A line without the key is not what this check is about: let the parser judge it.
  return !sawKey;
}
