import { describe, expect, it } from 'vitest';
import { writeGloss } from '../../src/report/write-gloss.js';
import type { Cue } from '../../src/types.js';

const cue = (text: string, weight = 1): Cue => ({ start: 0, end: text.length, text, cue: 'test', weight });

describe('writeGloss', () => {
  it.each<[string, Cue[], string]>([
    ['quotes the two strongest cue phrases', [cue('press release', 1), cue('Circular financing', 2), cue('lol', 0.5)], 'cynical about the deal: “circular financing” and “press release”'],
    ['keeps a sarcasm marker as written instead of shrinking it to a letter', [cue('/s', 2)], 'cynical about the deal: “/s”'],
    ['keeps an emoji cue', [cue('🤡')], 'cynical about the deal: “🤡”'],
    ['falls back to a plain gloss when no cue fired', [], 'reads the deal cynically'],
    ['never cites a cue that argued against the tag', [cue('when this pops', 2), cue('not a bubble', -1.5)], 'cynical about the deal: “when this pops”'],
    ['falls back to the plain gloss when every cue argued against', [cue('not a bubble', -1.5)], 'reads the deal cynically'],
  ])('%s', (_name, cues, expected) => {
    expect(writeGloss('cynicism', cues, new Map())).toBe(expected);
  });

  it("quotes phrases in the commenter's case, but a first word capitalised only by its sentence is lower-cased", () => {
    expect(writeGloss('distrust', [cue('Ponzi', 2), cue('i guess OpenAI', 1)], new Map())).toBe('distrusts the people behind it: “Ponzi” and “i guess OpenAI”');
    expect(writeGloss('cynicism', [cue('The same dollars', 2), cue('R&amp;D budget', 1)], new Map())).toBe('cynical about the deal: “the same dollars” and “R&D budget”');
  });

  it('takes a phrase cut before the words it leads to ("another day, another", "wake me up when", "what could possibly") for a fragment', () => {
    // the example feed glossed "Another day, another "historic strategic partnership" 🙄" as “🙄” and “another day, another”
    expect(writeGloss('cynicism', [cue('🙄', 1.39), cue('Another day, another', 1), cue('"historic strategic partnership"', 0.84)], new Map())).toBe(
      'cynical about the deal: “🙄” and “historic strategic partnership”',
    );
    expect(writeGloss('cynicism', [cue('Wake me up when', 1.9), cue('💀', 1.4)], new Map())).toBe('cynical about the deal: “💀”');
    expect(writeGloss('cynicism', [cue('What could possibly', 1.9), cue('genius', 1)], new Map())).toBe('cynical about the deal: “genius”');
    // cited still when nothing else is, as "ah yes, the"
    expect(writeGloss('cynicism', [cue('Wake me up when', 1.9)], new Map())).toBe('cynical about the deal: “wake me up when”');
  });

  it('cites a whole phrase before a fragment, and no second phrase that repeats the first or adds little', () => {
    expect(writeGloss('cynicism', [cue('ah yes, the', 3), cue('circle jerk', 1)], new Map())).toBe('cynical about the deal: “circle jerk”');
    expect(writeGloss('cynicism', [cue('ah yes, the', 3)], new Map())).toBe('cynical about the deal: “ah yes, the”');
    expect(writeGloss('distrust', [cue('sham sale', 2), cue('sham', 1.5)], new Map())).toBe('distrusts the people behind it: “sham sale”');
    expect(writeGloss('distrust', [cue('taxpayer money', 2), cue('dotcom', 0.12)], new Map())).toBe('distrusts the people behind it: “taxpayer money”');
  });

  it('calls a phrase many comments share a refrain, and marks reviewer labels', () => {
    expect(writeGloss('bubble_caution', [cue('when this pops')], new Map([['when this pops', 7]]), true)).toBe(
      'warns of a bubble: “when this pops” (a refrain in 7 comments) (labelled by a reviewer)',
    );
  });

  it("puts a refrain's count right after its phrase, not after the second phrase (where it read as that one's)", () => {
    const refrains = new Map([['💀', 29], ['books this as revenue', 2]]);
    expect(writeGloss('cynicism', [cue('books this as revenue', 1), cue('💀', 2)], refrains)).toBe(
      'cynical about the deal: “💀” (a refrain in 29 comments) and “books this as revenue”',
    );
    // the first phrase says a thing once: no count, and none borrowed from the second
    expect(writeGloss('cynicism', [cue('books this as revenue', 2), cue('💀', 1)], refrains)).toBe(
      'cynical about the deal: “books this as revenue” and “💀” (a refrain in 29 comments)',
    );
  });

  it('counts the second phrase too when it is a refrain: a gloss silent on it read as if no other comment said it', () => {
    const refrains = new Map([['💀', 29], ['books this as revenue', 7]]);
    expect(writeGloss('cynicism', [cue('books this as revenue', 1), cue('💀', 2)], refrains)).toBe(
      'cynical about the deal: “💀” (a refrain in 29 comments) and “books this as revenue” (a refrain in 7 comments)',
    );
  });
});
