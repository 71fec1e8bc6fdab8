// Public entry: the process-wide tagger (one wink-nlp instance, one model).

import type { Tagger } from '../types.js';
import { createTagger } from './create-tagger.js';
import { modelVersion, readModelFile } from './model-file.js';
import { getNlp } from './nlp-doc.js';

let tagger: Tagger | undefined;

/** Load (once per process) the committed model and wink-nlp. */
export function loadTagger(): Tagger {
  if (tagger === undefined) {
    const model = readModelFile();
    getNlp();
    tagger = createTagger(model, modelVersion(model));
  }
  return tagger;
}

/** Convenience: tag one text with the process-wide tagger. */
export function tagText(text: string): ReturnType<Tagger['tag']> {
  return loadTagger().tag(text);
}
