import { taggerOf } from '../../src/tag/tagger-of.js';
import type { Cue, TagName, Tagger, TagScore } from '../../src/types.js';

/**
 * A keyword tagger for tests of the commands' wiring, not of the model: "circular financing" is cynicism, "lied" or
 * "trust" distrust, "bubble" bubble caution, each with its words as the cue (score 0.9), anything else 0.1.
 */
export const keywordTagger: Tagger = taggerOf('fake-tagger-1', (text) => {
  const tag = (pattern: RegExp): TagScore => {
    const m = pattern.exec(text);
    const cues: Cue[] = m === null ? [] : [{ start: m.index, end: m.index + m[0].length, text: m[0], cue: m[0].toLowerCase(), weight: 1 }];
    return { score: m === null ? 0.1 : 0.9, label: m !== null, cues };
  };
  const tags: Record<TagName, TagScore> = { cynicism: tag(/circular financing/i), distrust: tag(/lied|trust/i), bubble_caution: tag(/bubble/i) };
  return { tags };
});
