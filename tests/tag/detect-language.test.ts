import { describe, expect, it } from 'vitest';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { isWinkWord } from '../../src/tag/nlp-doc.js';
import { TAG_NAMES } from '../../src/types.js';

const tagger = loadTagger();

// The language check (src/tag/detect-language.ts) end to end: a skipped text has a reason and no tags; an English
// one is tagged (a false skip silently drops an English comment from the report, worse than tagging a foreign one).
describe('language check', () => {
  // isWinkWord reads wink-nlp's unpacked lexicon (internals): a wink whose model no longer has that shape fails here
  it("reads wink's own English vocabulary, lower-cased words only, not the words wink adds as it reads", () => {
    expect(isWinkWord('circular')).toBe(true);
    expect(isWinkWord('the')).toBe(true);
    expect(isWinkWord('Circular')).toBe(false);
    tagger.tag('qzxvkwj appears now');
    expect(isWinkWord('qzxvkwj')).toBe(false);
  });

  it.each([
    // a review found these tagged: languages without a word list, and short texts of the listed ones
    ['pl', 'To jest bańka i pęknie tak samo jak bańka internetowa w 2000 roku.'],
    ['vi', 'Đây là bong bóng và nó sẽ vỡ giống như bong bóng dot-com năm 2000.'],
    ['sv', 'Det här är ett ponzibedrägeri, siffrorna är påhittade.'],
    ['tr', "Bu bir balon ve 2000'deki gibi patlayacak."],
    ['id', 'Ini gelembung dan akan pecah seperti tahun 2000.'],
    ['cs', 'Tohle je bublina a splaskne stejně jako v roce 2000.'],
    ['da', 'Det er en boble, og den springer ligesom i 2000.'],
    ['fi', 'Tämä on kupla ja se puhkeaa ihan kuin vuonna 2000.'],
    ['hu', 'Ez egy lufi, és ki fog pukkanni, pont mint 2000-ben.'],
    ['sw', 'Hii ni povu na itapasuka kama ilivyokuwa mwaka 2000.'],
    ['es', 'Es un esquema Ponzi, puro fraude.'],
    ['de', 'Totaler Betrug, ein Ponzi-System.'],
    ['fr', "Arnaque totale, c'est un Ponzi."],
    ['de', 'Reine Blase, platzt bald wie 2000.'],
    // own: short and long, in 20 languages
    ['de', 'Ich verstehe nicht, warum alle so euphorisch sind.'],
    ['de', 'Wieder mal Geld im Kreis geschoben.'],
    ['de', 'Nvidia gibt OpenAI Geld, damit OpenAI Nvidia-Chips kauft. Wer glaubt diesen Zahlen noch?'],
    ['fr', "Je vous l'avais bien dit."],
    ['fr', 'Quelqu’un peut m’expliquer comment ça peut marcher ?'],
    ['es', '¿Quién compra todavía a estos precios?'],
    ['es', 'Nadie se cree esos números.'],
    ['it', 'Chi compra ancora a questi prezzi?'],
    ['it', 'Che bolla, ragazzi.'],
    ['pt', 'Não entendo por que todo mundo está tão eufórico.'],
    ['pt', 'Pura fraude, esquema de pirâmide.'],
    ['nl', 'Mijn buurman heeft al zijn spaargeld in Nvidia gestopt.'],
    ['nl', 'Wat een bubbel zeg.'],
    ['pl', 'Nikt nie wierzy w te liczby.'],
    ['pl', 'Kto jeszcze kupuje po takich cenach?'],
    ['cs', 'Nechápu, proč jsou všichni tak nadšení.'],
    ['sk', 'Nechápem, prečo sú všetci takí nadšení.'],
    ['sv', 'Min granne har satt alla sina besparingar i Nvidia.'],
    ['no', 'Jeg skjønner ikke hvorfor alle er så euforiske.'],
    ['fi', 'Kuka vielä ostaa näillä hinnoilla?'],
    ['hu', 'Nem értem, miért van mindenki ennyire felpörögve.'],
    ['tr', 'Kimse bu rakamlara inanmıyor.'],
    ['id', 'Siapa yang masih beli di harga segini?'],
    ['vi', 'Tôi không hiểu sao mọi người lại hưng phấn như vậy.'],
    ['ro', 'Nu înțeleg de ce toată lumea e atât de euforică.'],
    ['hr', 'Ne razumijem zašto su svi toliko euforični.'],
    ['sw', 'Sielewi kwa nini kila mtu ana furaha kiasi hiki.'],
    ['tl', 'Hindi ko maintindihan kung bakit sobrang saya ng lahat.'],
    ['ca', 'No entenc per què tothom està tan eufòric.'],
    ['es', 'Muy bien'],
    ['fr', 'Mais oui'],
  ])('%s: %s gets no tags and says why', (_lang, text) => {
    const o = tagger.tag(text);
    expect(o.skipped).toMatch(/^non-English text \(.+\)$/);
    for (const t of TAG_NAMES) expect(o.tags[t]).toMatchObject({ label: false, cues: [] });
  });

  it.each([
    // a review found these skipped: English with an aside in another language
    'Circular financing, mais oui.',
    'Vendor financing, wie immer.',
    'Total Ponzi, muy bien.',
    'Dot-com vibes, ganz genau.',
    // short comments, slang, tickers, names
    'lol',
    'NVDA AMD ORCL CRWV lmao',
    'Jensen and Lisa Su at Computex',
    'Jensen Huang, Lisa Su',
    'Ponzi.',
    'circle jerk',
    'Sure Jan',
    'rn ngl this is cooked',
    'tbh idk',
    'fr fr',
    'im out',
    'the mu earnings tho',
    'forward pe is 45 lmao',
    'MU to the moon, AMA with Sam Altman when',
    'Dan Ives lol',
    'Kim and Ben both sold',
    'til OpenAI owes everyone money',
    'teh bubble is real',
    'definately a bubble',
    'https://www.reuters.com/technology/nvidia-openai lol',
    'CRWV 📉📉📉',
    'Ponzi vibes, ngl',
    // foreign phrases, names and loans
    'Das ist gut, says every Nvidia bull',
    'Das ist gut, says Jensen',
    'My German coworker said "das ist doch alles Betrug" and honestly he has a point.',
    'Mi casa es su casa, says Nvidia to OpenAI',
    'Société Générale',
    'Société Générale downgraded it',
    'Nestlé',
    'déjà vu',
    'per se',
    'El Niño',
    'El Niño of capex',
    'Et tu, Jensen?',
    'Ole ole ole, Nvidia',
    'Erdoğan would love this deal',
    'Łukasz from Warsaw called it',
    'Zürich and São Paulo data centres',
    'Zürich, Genève, Malmö, Tromsø',
    'Müller says nein lol',
    'Au contraire, it’s undervalued',
    'Pas de deux between Nvidia and OpenAI',
    'Tres bien, another ponzi',
    'Ach so, circular financing again',
    'Hakuna matata, it’s just circular money',
    'Skål to the bagholders',
    'Kimi K2 and DeepSeek are cheaper',
    'Ellison, Altman, Son: the three amigos',
  ])('English stays English: %s', (text) => {
    expect(tagger.tag(text).skipped).toBeUndefined();
  });

  it('the reason names the words that decided it', () => {
    expect(tagger.tag('Es un esquema Ponzi, puro fraude.').skipped).toBe('non-English text (words of other languages: es, un, esquema, puro)');
    expect(tagger.tag('これはバブルです。循環金融だ。').skipped).toBe('non-English text (non-Latin script)');
  });
});
