// A cheap English check: non-English texts are not tagged (the lexicon and the
// model are English-only). Linear in the text length.

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

export type LanguageVerdict = { english: true } | { english: false; reason: string };

/** Decide whether `text` is (probably) English. Short texts get the benefit of the doubt. */
export function detectEnglish(text: string): LanguageVerdict {
  let latin = 0;
  let otherLetters = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) latin++;
    else if (cp >= 0xc0 && cp <= 0x24f) latin++;
    else if (/\p{L}/u.test(ch)) otherLetters++;
  }
  if (otherLetters > 20 && otherLetters > latin) return { english: false, reason: 'non-English text (non-Latin script)' };
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 6) return { english: true };
  let en = 0;
  let other = 0;
  for (const w of words) {
    if (EN.has(w)) en++;
    if (OTHER.has(w)) other++;
  }
  if (other >= 3 && other > en * 1.5) return { english: false, reason: 'non-English text (function words)' };
  return { english: true };
}
