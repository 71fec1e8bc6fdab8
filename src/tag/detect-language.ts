// A cheap English check: non-English texts are not tagged (the lexicon and the
// model are English-only). Linear in the text length; reuses the document's tokens.

import type { AnalysedDoc } from './nlp-doc.js';

const EN = new Set(
  'the a an and or but of to in on for with is are was were be been it this that these those i you he she we they not no so if as at by from my your their its what which who how why do does did have has had will would can could should just about there than then more very all'.split(
    ' ',
  ),
);
const OTHER = new Set(
  [
    // German, French, Spanish, Italian, Dutch, Portuguese function words (some, like "con" or "per", are English words too)
    'der die das und ist nicht ein eine ich sie es mit auf für den dem sind wird werden auch nur noch schon aber oder sehr kein keine wie',
    'le la les et est une un des du pas je vous il elle que qui dans pour sur mais très avec aussi cette quel quelle sont était',
    'el los las y es una por para con del lo se al esto esta este pero muy más qué cómo también porque así eso está',
    'il di che non per sono della nel questo questa molto più perché',
    'het een van en niet dat ook op zijn',
    'o os da do em não uma com mais como muito isso são',
  ]
    .join(' ')
    .split(' '),
);

/** Those of OTHER that are English words too ("con", "per se", "die", "van") or in English place names ("El Paso", "Los Angeles"): weak evidence. */
const ALSO_ENGLISH = new Set('die den dem le la les et des du pas il con lo se al per non van dat op o os da do em sie el los las'.split(' '));

/** Letters English words almost never have (names like "café" aside): ñ, ç, ß, umlauts, most accents. */
const NON_ENGLISH_LETTER = /[àâäçèéêëîïìíñòóôöõãùúûüÿß¿¡]/;

/** Bits: 1 an English function word, 2 another language's, 8 one that is not also English, 4 a non-English letter in it. */
function langClass(w: string): number {
  const other = OTHER.has(w);
  return (EN.has(w) ? 1 : 0) | (other ? 2 : 0) | (other && !ALSO_ENGLISH.has(w) ? 8 : 0) | (NON_ENGLISH_LETTER.test(w) ? 4 : 0);
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
  // a short Japanese or Russian comment has a handful of letters, and no Latin ones around them
  if (otherLetters >= 4 && otherLetters > 2 * latin) return { english: false, reason: 'non-English text (non-Latin script)' };
  let en = 0;
  let other = 0;
  let accented = 0;
  let foreign = 0;
  for (const t of doc.tokens) {
    const lang = (t.info.lang ??= langClass(t.lower));
    if (lang & 1) en++;
    if (lang & 2) other++;
    if (lang & 4) accented++;
    if (lang & 8) foreign++;
  }
  const words = doc.tokens.length;
  if (words < 3) return { english: true };
  const verdict: LanguageVerdict = { english: false, reason: 'non-English text (function words)' };
  if (words >= 6 && other >= 3 && foreign >= 1 && other > en * 1.5) return verdict;
  // short texts need a second sign ("con per se" is English): words that are not English, and letters English words do not have
  if (accented >= 1 && foreign >= 2 && foreign > en * 1.5) return verdict;
  return { english: true };
}
