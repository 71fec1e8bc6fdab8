import { describe, expect, it } from 'vitest';
import { execAll, execAlternation, refersToGroups } from '../../src/tag/exec-alternation.js';
import { createRandom } from '../../src/util/create-random.js';

/** [start, end] pairs reported by `run`. */
function spans(run: (onMatch: (s: number, e: number) => void) => void): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  run((s, e) => out.push([s, e]));
  return out;
}

/** What the whole alternation reports, and what execAlternation reports from the alternatives. */
function both(sources: string[], text: string): { whole: Array<[number, number]>; merged: Array<[number, number]> } {
  const whole = spans((on) => execAll(new RegExp(sources.join('|'), 'g'), text, on));
  const merged = spans((on) => execAlternation(sources.map((src) => new RegExp(src, 'g')), text, on));
  return { whole, merged };
}

describe('execAlternation', () => {
  it('gives a tie at one start to the earlier alternative, as the alternation does', () => {
    // both match at 0: the shorter, earlier one wins, then matching resumes after it
    expect(both(['burn', 'burn rate'], 'burn rate').merged).toEqual([[0, 4]]);
    expect(both(['burn rate', 'burn'], 'burn rate').merged).toEqual([[0, 9]]);
  });

  it('resumes after a match, so an overlapping later match of another alternative is dropped', () => {
    // "cash burn" (2–11) hides "burn rate" (7–16); "rate" after it is found again
    const r = both(['cash burn', 'burn rate', 'rate'], 'a cash burn rate');
    expect(r.merged).toEqual([[2, 11], [12, 16]]);
    expect(r.merged).toEqual(r.whole);
  });

  it('steps over an empty match of an earlier alternative, hiding a later one at the same start', () => {
    const r = both(['x*', 'ab'], 'ab xx');
    expect(r.merged).toEqual(r.whole);
    expect(r.merged).toEqual([[3, 5]]);
  });

  it('matches the joined alternation on random alternatives and texts (lookarounds, empty matches, anchors)', () => {
    const pieces = ['a', 'b', 'ab', 'ba', 'a+', 'b*', '(?<=a)b', '(?<!b)a', 'a(?=b)', 'b(?!a)', '^a', 'b$', 'a?b', '(?:ab|b)a', 'a{0,2}', '\\bab', 'ab\\b', ' ', 'a b'];
    const rnd = createRandom(20250101);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const differ: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const sources = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(pieces) + (rnd() < 0.3 ? pick(pieces) : ''));
      const text = Array.from({ length: Math.floor(rnd() * 12) }, () => pick(['a', 'b', ' ', 'ab'])).join('');
      const r = both(sources, text);
      if (JSON.stringify(r.merged) !== JSON.stringify(r.whole)) differ.push(`${sources.join('|')} on "${text}"`);
    }
    expect(differ).toEqual([]);
  });
});

describe('refersToGroups', () => {
  it('flags what cannot run as an alternative of its own, and only that', () => {
    expect(refersToGroups(String.raw`(\w+) and \1`)).toBe(true);
    expect(refersToGroups(String.raw`(?<w>\w+) \k<w>`)).toBe(true);
    expect(refersToGroups(String.raw`\bnot (?:a )?bubble\b(?<=is not a bubble)(?!s)(?=\.)`)).toBe(false);
    expect(refersToGroups(String.raw`\$\d+[kmb]? (?:\w+ ){0,2}deal`)).toBe(false);
  });
});
