import { taggerOf } from '../../src/tag/tagger-of.js';
import type { Tagger } from '../../src/types.js';

/** A tagger that gives every tag (score 0.9, no cues) to a text holding `word`, and none (0.1) to any other. */
export function wordTagger(version: string, word = 'bubble'): Tagger {
  return taggerOf(version, (text) => {
    const hit = text.includes(word);
    const score = { score: hit ? 0.9 : 0.1, label: hit, cues: [] };
    return { tags: { cynicism: score, distrust: score, bubble_caution: score } };
  });
}
