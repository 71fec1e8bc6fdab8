// A cheap English check: non-English texts are not tagged (the lexicon and the
// model are English-only). Linear in the text length; reuses the document's tokens.

import type { AnalysedDoc } from './nlp-doc.js';

const EN = new Set(
  'the a an and or but of to in on for with is are was were be been it this that these those i you he she we they not no so if as at by from my your their its what which who how why do does did have has had will would can could should just about there than then more very all'.split(
    ' ',
  ),
);
const OTHER = new Set(
  'der die das und ist nicht ein eine ich sie es mit auf für den dem le la les et est une un des du pas je vous il elle que qui dans pour sur el los las y es una por para con del lo se al il di che non per sono della nel het een van en niet dat ook op zijn o os da do em não uma com para mais como'.split(
    ' ',
  ),
);

function langClass(w: string): number {
  return (EN.has(w) ? 1 : 0) | (OTHER.has(w) ? 2 : 0);
}

export type LanguageVerdict = { english: true } | { english: false; reason: string };

const LETTER = /\p{L}/u;
const BEYOND_LATIN = /[\u0250-\uffff]/;

/** Decide whether `text` is (probably) English. Short texts get the benefit of the doubt. */
export function detectEnglish(text: string, doc: AnalysedDoc): LanguageVerdict {
  let latin = 0;
  let otherLetters = 0;
  const n = text.length;
  // only chars from U+0250 up can be non-Latin letters: texts without any skip the count (latin is unused then)
  if (BEYOND_LATIN.test(text)) {
    for (let i = 0; i < n; i++) {
      const cp = text.charCodeAt(i);
      if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) latin++;
      else if (cp < 0xc0) continue;
      else if (cp <= 0x24f) latin++;
      else if (cp >= 0xd800 && cp <= 0xdfff) continue; // astral (emoji) halves
      else if (LETTER.test(text[i]!)) otherLetters++;
    }
  }
  if (otherLetters > 20 && otherLetters > latin) return { english: false, reason: 'non-English text (non-Latin script)' };
  let en = 0;
  let other = 0;
  for (const t of doc.tokens) {
    const lang = (t.info.lang ??= langClass(t.lower));
    if (lang & 1) en++;
    if (lang & 2) other++;
  }
  if (doc.tokens.length < 6) return { english: true };
  if (other >= 3 && other > en * 1.5) return { english: false, reason: 'non-English text (function words)' };
  return { english: true };
}
