import { createHash } from 'node:crypto';
import { AGREEMENT_BE_WORDS, AGREEMENT_WORDS, CUE_DEFS, DEAL_GATE_WORDS, FIRST_PERSON_WORDS, SARCASTIC_FRAME_WORDS, SARCASTIC_FRAMES, THIRD_PERSON_WORDS, LEXICON_VERSION, NEGATIVE_VERDICT_WORDS, PLAIN_PRAISE_WORDS, POST_PRAISE_WORDS, STRUCTURAL_DEFS, TERSE_PRAISE_WORDS, WORD_SENSE_FILTERS } from './cue-lexicon.js';

let cached: string | undefined;

/** sha256 (12 hex) of the lexicon's names, kinds, patterns, words and triggers: a model is only valid with the lexicon it was trained on. */
export function lexiconHash(): string {
  cached ??= createHash('sha256')
    .update(LEXICON_VERSION + '\n' + [...CUE_DEFS, ...STRUCTURAL_DEFS].map((d) => `${d.name}\t${d.kind}\t${d.negatable}\t${d.pattern ?? ''}\t${(d.words ?? []).join(' ')}\t${(d.triggers ?? []).join(' ')}`).join('\n') + '\n' + [...TERSE_PRAISE_WORDS].join(' ') + '\n' + [...PLAIN_PRAISE_WORDS].join(' ') + '\n' + [...POST_PRAISE_WORDS].join(' ') + '\n' + [...NEGATIVE_VERDICT_WORDS].join(' ') + '\n' + [...AGREEMENT_BE_WORDS].join(' ') + '\n' + [...AGREEMENT_WORDS].join(' ') + '\n' + [...DEAL_GATE_WORDS, '|', ...THIRD_PERSON_WORDS, '|', ...FIRST_PERSON_WORDS, '|', ...SARCASTIC_FRAME_WORDS, '|', ...SARCASTIC_FRAMES.map((f) => f.join('+'))].join(' ') + '\n' + WORD_SENSE_FILTERS.map((f) => `${f.cue}\t${f.word}\t${f.before ?? ''}\t${f.after ?? ''}${f.both === true ? '\tboth' : ''}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return cached;
}
