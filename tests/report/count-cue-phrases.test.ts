import { describe, expect, it } from 'vitest';
import { countCuePhrases } from '../../src/report/count-cue-phrases.js';
import type { ResolvedTags } from '../../src/report/resolve-tags.js';
import type { Cue } from '../../src/types.js';

const cue = (text: string, weight: number): Cue => ({ start: 0, end: text.length, text, cue: 'test', weight });
const tags = (bubbleCues: Cue[], bubbleLabel = true): ResolvedTags => ({
  cynicism: { score: 0, label: false, cues: [] },
  distrust: { score: 0, label: false, cues: [] },
  bubble_caution: { score: 0.9, label: bubbleLabel, cues: bubbleCues },
});

describe('countCuePhrases', () => {
  it('counts each phrase once per comment, per tag only for comments carrying the tag', () => {
    const { byTag, refrains } = countCuePhrases([
      tags([cue('bubble', 2), cue('bubble', 2), cue('burn rate', 1)]),
      tags([cue('bubble', 2)]),
      tags([cue('bubble', 2)], false),
    ]);
    expect(byTag.bubble_caution).toEqual([
      { phrase: 'bubble', comments: 2 },
      { phrase: 'burn rate', comments: 1 },
    ]);
    // a refrain is how many analysed comments say the phrase, carrying the tag or not (see the next test)
    expect(refrains.get('bubble')).toBe(3);
  });

  it('counts a refrain in every analysed comment that says it, not only in those carrying a tag', () => {
    // "debt" pushed towards bubble caution in three comments, two of them under the tag's threshold: a gloss reading
    // "“debt” (a refrain in 1 comments)" told a writer one comment said it, and a phrase shown without a count is
    // promised to be in fewer than three analysed comments (README)
    const { byTag, refrains } = countCuePhrases([tags([cue('debt', 0.7)]), tags([cue('debt', 0.7)], false), tags([cue('debt', 0.7)], false)]);
    expect(byTag.bubble_caution).toEqual([{ phrase: 'debt', comments: 1 }]);
    expect(refrains.get('debt')).toBe(3);
  });

  it('leaves out cues that argued against the tag', () => {
    const { byTag, refrains } = countCuePhrases([tags([cue('when this pops', 2.6), cue('real demand', -1.9)])]);
    expect(byTag.bubble_caution.map((c) => c.phrase)).toEqual(['when this pops']);
    expect(refrains.has('real demand')).toBe(false);
  });
});
