// Public entry: the process-wide tagger (one model, loaded once).

import type { Tagger } from '../types.js';
import { createTagger } from './create-tagger.js';
import { warmLexicon } from './match-cues.js';
import { modelVersion, readModelFile } from './model-file.js';

let tagger: Tagger | undefined;

/** Load (once per process) the committed model. */
export function loadTagger(): Tagger {
  if (tagger === undefined) {
    const model = readModelFile();
    warmLexicon();
    tagger = createTagger(model, modelVersion(model));
  }
  return tagger;
}

/** Convenience: tag one text with the process-wide tagger. */
export function tagText(text: string): ReturnType<Tagger['tag']> {
  return loadTagger().tag(text);
}
