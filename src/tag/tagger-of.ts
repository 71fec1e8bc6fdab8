import type { TagOutcome, Tagger } from '../types.js';

/** A Tagger from a function that tags one text (tagMany tags each in turn): for fakes in tests and benches. */
export function taggerOf(version: string, tag: (text: string) => TagOutcome): Tagger {
  return { version, tag, tagMany: (texts) => texts.map((t) => tag(t)) };
}
