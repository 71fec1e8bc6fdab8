import { createHash } from 'node:crypto';
import { CUE_DEFS, LEXICON_VERSION } from './cue-lexicon.js';

let cached: string | undefined;

/** sha256 (12 hex) of the lexicon's names, kinds and patterns: a model is only valid with the lexicon it was trained on. */
export function lexiconHash(): string {
  cached ??= createHash('sha256')
    .update(LEXICON_VERSION + '\n' + CUE_DEFS.map((d) => `${d.name}\t${d.kind}\t${d.negatable}\t${d.pattern}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return cached;
}
