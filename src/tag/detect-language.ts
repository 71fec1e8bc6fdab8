// A cheap English check: non-English texts are not tagged (the lexicon and the
// model are English-only). Linear in the text length; reuses the document's tokens.

import type { AnalysedDoc } from './nlp-doc.js';

const EN = new Set(
  [
    'the a an and or but of to in on for with is are was were be been it this that these those i you he she we they not no so if as at by from my your their its what which who how why do does did have has had will would can could should just about there than then more very all',
    // everyday words no other language here writes alike (not "me", "also", "over"): English that quotes a foreign phrase
    // ("Das ist gut, says every Nvidia bull") still shows more English than foreign
    "says said every like get got one some any when where only out up now our us him them into after before because still much many most other such same each both again never always going gonna lol it's don't that's can't isn't doesn't won't you're they're there's what's let's being make made know think see people",
  ]
    .join(' ')
    .split(' '),
);
const OTHER = new Set(
  [
    // Common function words (and a few everyday adverbs and verbs) of German, French, Spanish, Italian, Dutch and
    // Portuguese; English function words (EN) are left out. Those that are English words too, or in English names,
    // loans and abbreviations, are also in ALSO_ENGLISH.
    'der die das den dem des ein eine einen einem einer und oder aber ist sind war wird werden wurde hat haben ich du er sie es wir ihr mich mir dich sich uns euch nicht kein keine mit auf für von zu zum zur bei nach aus über unter durch ohne gegen auch nur noch schon sehr wie wer wo warum weil dass wenn doch nein immer wieder hier jetzt dann denn diese dieser dieses diesen alles alle viel mehr ganz man um gut keiner niemand nichts etwas wirklich echt eigentlich halt eben genau einfach bin bist sein habe hast kann können muss soll wollen gibt geht macht sagt heute nie selbst ihm ihn ihnen mein meine dein unser',
    'de le la les et est sont été était une un des du pas je tu il elle ils elles nous vous moi toi eux leur leurs ce cet cette ces cela ça qui que quoi quel quelle quels quelles dans pour sur avec sans mais où donc ne très trop aussi encore toujours jamais déjà rien tout tous toute toutes même comme va vont vais peut faut à au aux mon ma mes ton ta tes son sa ses notre votre nos vos chez entre oui non alors parce puis aucun aucune personne vraiment franchement bref ont fait avoir être suis peu beaucoup assez ici voilà voici quand comment pourquoi plutôt chose',
    'el los las y es una por para con del lo se al esto esta este estos estas eso esa ese pero muy más qué cómo también porque así está están era fue ya sí te él ella ellos hay ha han hace todo todos nada siempre nunca aquí bien mal otra otro cuando donde dónde hasta desde mía mío yo nadie ningún ninguno ninguna tiene tienen tengo parece creo cree verdad ahora entonces mismo misma cosa cosas vez poco mucho mucha muchos nosotros ellas usted puede pueden vamos dice dicen hacer ser estar sin sobre pues',
    'il di che non per sono della nel questo questa molto più perché gli uno ed e è anche ancora già sempre mai tutto tutti niente questi quello quella hanno ho essere fa fare ci si noi voi loro mio suo dei delle dello nella nei alla dal dalla sul sulla nessuno nessun nessuna nulla davvero proprio adesso ora sei siamo siete stato stata fatto detto può possono tutta tutte qua là lì così quindi però poi dopo prima ecco dai',
    'het een van en niet dat ook op zijn',
    'o os da do em não uma com mais como muito isso são um uns umas na nas sem menos também já você seu sua meu minha eu ele ela eles isto esse essa aquele quem tudo vai vou estão foi tem há aos somos nesse nessa nesses neste nesta nisso ninguém nenhum nenhuma é mesma mesmo coisa acho acha acham ainda agora então aqui pouco ter pode podem faz fazer diz nós vocês lá cá só gente vão',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Those of OTHER that are English words too ("con", "per se", "die", "van", "war", "ha"), or in English names,
 * loans and abbreviations ("El Paso", "Los Angeles", "déjà vu", "über", "chez", "Notre Dame", "EU"): weak evidence.
 */
const ALSO_ENGLISH = new Set(
  [
    'die den dem des war hat er sie von aus über man um gut halt bin hast',
    'le la les et des du de pas il ce ma ton ta son sa nos va tout chez entre encore déjà au mon notre non ne sans chose fait voilà comment',
    'con lo se al el los las era ya ha han hay todo nada esa yo mal hasta ella cree mucho vamos dice sin',
    'per ed uno e mai tutti ho fa fare ci si dal ora qua là poi prima',
    'van dat op',
    'o os da do em um uns na nas sem eu agora',
  ]
    .join(' ')
    .split(' '),
);

/**
 * French and Italian elision ("l'argent", "c'est", "qu'il", "dell'anno", "c'è"), which English words do not start
 * with; the English exceptions are listed.
 */
const ELISION = /^(?:[cdjlmnst]|qu|dell|nell|all|dall|sull|quell|un)'\p{L}/u;
const ENGLISH_ELISION = new Set("c'mon d'oh d'uh s'more s'mores m'lady m'kay t'was l'oreal l'oréal".split(' '));

/** Letters English words almost never have (names like "café" aside): ñ, ç, ß, umlauts, most accents. */
const NON_ENGLISH_LETTER = /[àáâäçèéêëîïìíñòóôöõãùúûüÿßœ¿¡]/;

/** Bits: 1 an English function word, 2 another language's, 8 one that is not also English, 4 a non-English letter in it. */
function langClass(w: string): number {
  const other = OTHER.has(w) || (ELISION.test(w) && !ENGLISH_ELISION.has(w));
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
  // or no English function word at all, and half the words another language's ("Das endet nicht gut", "Ça ne durera pas")
  if (en === 0 && foreign >= 1 && (foreign >= 2 || other >= 3) && other * 2 >= words) return verdict;
  return { english: true };
}
