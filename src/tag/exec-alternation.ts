// Runs an alternation `a|b|c` as a global regex would, from its alternatives' own regexes: the matcher
// compiles each alternative once instead of one regex per subset of them (see match-cues.ts).

export type OnMatch = (start: number, end: number) => void;

/**
 * A backreference (`\1`, `\k<name>`) or a named group: run on its own, an alternative would renumber or
 * lose the group it refers to (and without the 'u' flag a dangling `\2` silently becomes an octal escape).
 */
export function refersToGroups(source: string): boolean {
  return /\\[1-9]|\\k<|\(\?<(?![=!])/.test(source);
}

/** Report every non-empty match of one global regex in `text`, in order; an empty match is stepped over. */
export function execAll(re: RegExp, text: string, onMatch: OnMatch): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const e = m.index + m[0].length;
    if (e === m.index) re.lastIndex++;
    else onMatch(m.index, e);
  }
}

/**
 * Report what execAll over `new RegExp(alternatives' sources joined by '|', 'g')` would report, running
 * only the alternatives' own regexes (global, no sticky/unicode flag, no backreferences across them).
 *
 * At each position the alternation takes the first alternative, in order, that matches there, so its next
 * match is the leftmost of the alternatives' next matches, ties going to the earlier alternative; after a
 * match it resumes at the match's end (one past an empty match). An alternative whose next match starts at
 * or after the resume position keeps it: it has no match between where it was searched from and there.
 */
export function execAlternation(alternatives: readonly RegExp[], text: string, onMatch: OnMatch): void {
  const n = alternatives.length;
  if (n === 0) return;
  if (n === 1) return execAll(alternatives[0]!, text, onMatch);
  // local, not shared buffers: onMatch may run other matching (cheap: one small array pair per call)
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const seek = (k: number, pos: number): void => {
    const re = alternatives[k]!;
    re.lastIndex = pos;
    const m = re.exec(text);
    starts[k] = m === null ? -1 : m.index;
    ends[k] = m === null ? -1 : m.index + m[0].length;
  };
  for (let k = 0; k < n; k++) seek(k, 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < n; k++) if (starts[k]! >= 0 && (best < 0 || starts[k]! < starts[best]!)) best = k;
    if (best < 0) return;
    const s = starts[best]!;
    const e = ends[best]!;
    const pos = e === s ? s + 1 : e;
    if (e !== s) onMatch(s, e);
    if (pos > text.length) return;
    for (let k = 0; k < n; k++) if (starts[k]! >= 0 && starts[k]! < pos) seek(k, pos);
  }
}
