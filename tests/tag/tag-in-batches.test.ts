import { describe, expect, it } from 'vitest';
import { tagInBatches } from '../../src/tag/tag-in-batches.js';
import { TAG_BATCH_SIZE, type TagOutcome, type Tagger } from '../../src/types.js';

const outcomeFor = (text: string): TagOutcome => {
  const score = { score: text.length / 1000, label: false, cues: [] };
  return { tags: { cynicism: score, distrust: score, bubble_caution: score } };
};

/** A tagger that only tags in batches (tag() fails) and records each batch's size. */
function batchOnlyTagger(sizes: number[]): Tagger {
  return {
    version: 'batch-only',
    tag: () => {
      throw new Error('tag() called: expected tagMany');
    },
    tagMany: (texts) => {
      sizes.push(texts.length);
      return texts.map(outcomeFor);
    },
  };
}

describe('tagInBatches', () => {
  it('hands the texts over TAG_BATCH_SIZE at a time and returns the outcomes in input order', () => {
    const sizes: number[] = [];
    const texts = Array.from({ length: 2 * TAG_BATCH_SIZE + 7 }, (_, i) => 'x'.repeat(i + 1));
    const out = tagInBatches(batchOnlyTagger(sizes), texts);
    expect(sizes).toEqual([TAG_BATCH_SIZE, TAG_BATCH_SIZE, 7]);
    expect(out.map((o) => o.tags.cynicism.score)).toEqual(texts.map((t) => t.length / 1000));
  });

  it('makes no call for no texts', () => {
    const sizes: number[] = [];
    expect(tagInBatches(batchOnlyTagger(sizes), [])).toEqual([]);
    expect(sizes).toEqual([]);
  });
});
