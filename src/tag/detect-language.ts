// A cheap English check: non-English texts are not tagged (the lexicon and the
// model are English-only). Linear in the text length; reuses the document's tokens,
// and every fact about a word is worked out once per distinct word (TokenInfo.lang).
//
// Evidence per word:
// - English: an English function word or Reddit slang / finance shorthand (EN), or a word of wink's English
//   vocabulary (isWinkWord: 87,593 lower-cased words) that no other language's list has; half as much: an
//   English function word another language has too ("a", "to", "in", "no": Portuguese, Polish, Italian, Spanish);
// - another language: a word of the lists below (the common words of 29 languages, and their words for
//   the topic: bubble, fraud, scheme, shares...) that is not English as well (not in wink's vocabulary, not in
//   ALSO_ENGLISH), or a French / Italian elision ("c'est"); once a text has such a word, half as much: a word
//   outside every list with a letter English does not use ("påhittade", "pęknie"; alone, names have those too:
//   "Société Générale", "Zürich, Malmö, Tromsø"), and a word wink does not know ("Kreis", "geschoben");
// - neither: numbers, words in capitals ("MU", "AMA": tickers, acronyms), words shared with English ("die",
//   "men", "per", "con"); names, tickers, slang and typos wink does not know, while the text has no foreign word.
// A text is non-English when another language's words outnumber the English ones (and are at least two), unless
// it is short and a third of its words are in clauses with an English word and none of another language's
// ("Circular financing, mais oui.", "Das ist gut, says Jensen"). One or two words are non-English only when both
// are another language's ("Mais oui", not "El Niño" or "Société Générale").

import { isWinkWord, type AnalysedDoc, type DocToken } from './nlp-doc.js';

const words = (lines: readonly string[]): string[] => lines.join(' ').split(' ').filter((w) => w !== '');

/** English function words, contractions, and Reddit / finance shorthand wink's vocabulary lacks. */
const EN = new Set(
  words([
    'the a an and or but of to in on for with is are was were be been it this that these those i you he she we they not no so if as at by from my your their its what which who how why do does did have has had will would can could should just about there than then more very all',
    // everyday words no other language here writes alike (not "me", "also", "over"): English that quotes a foreign phrase
    // ("Das ist gut, says every Nvidia bull") still shows more English than foreign
    "says said every like get got one some any when where only out up now our us him them into after before because still much many most other such same each both again never always going gonna lol it's don't that's can't isn't doesn't won't you're they're there's what's let's being make made know think see people",
    "i'm i've i'd i'll im ive dont doesnt cant wont isnt thats youre theyre theres whats wasn't aren't didn't wouldn't couldn't shouldn't haven't hasn't",
    'imo imho tbh ngl rn idk smh irl tldr fwiw afaik iirc ikr omg wth bruh yolo hodl fomo lmfao lmaoo stfu gtfo ffs jfc fml icymi eli5 ymmv tfw mfw nvm jk omfg tryna finna lowkey highkey deadass ngmi wagmi yup wanna gotta sorta dunno lemme gimme ur ty np gg wsb tendies stonks lambo rekt bagholder bagholders grift grifters grifting circlejerk dotcom dot-com com yoy qoq ttm ath eps capex opex gpu gpus llms etfs dca',
  ]),
);

/**
 * The common words (function words, everyday adverbs and verbs) and a few topic words of other languages.
 * A word of these that is English too (in wink's vocabulary or ALSO_ENGLISH: "die", "men", "fog", "con") is no
 * evidence either way, except the few NOT_ENGLISH ones that English texts rarely use in lower case ("das", "ist").
 */
const OTHER_LISTS: Readonly<Record<string, readonly string[]>> = {
  German: [
    'der die das den dem des ein eine einen einem einer und oder aber ist sind war wird werden wurde hat haben ich du er sie es wir ihr mich mir dich sich uns euch nicht kein keine mit auf für von zu zum zur bei nach aus über unter durch ohne gegen auch nur noch schon sehr wie wer wo warum weil dass wenn doch nein immer wieder hier jetzt dann denn diese dieser dieses diesen alles alle viel mehr ganz man um gut keiner niemand nichts etwas wirklich echt eigentlich halt eben genau einfach bin bist sein habe hast kann können muss soll wollen gibt geht macht sagt heute nie selbst ihm ihn ihnen mein meine dein unser',
    'bald ja jo sonst vielleicht natürlich klar völlig reine reiner reines totaler kompletter glaubt geld zahlen aktien blase blasen betrug abzocke schneeballsystem platzt platzen wahnsinn verkauft gekauft damit dafür davon lange bisschen mal nochmal',
  ],
  French: [
    'de le la les et est sont été était une un des du pas je tu il elle ils elles nous vous moi toi eux leur leurs ce cet cette ces cela ça qui que quoi quel quelle quels quelles dans pour sur avec sans mais où donc ne très trop aussi encore toujours jamais déjà rien tout tous toute toutes même comme va vont vais peut faut à au aux mon ma mes ton ta tes son sa ses notre votre nos vos chez entre oui non alors parce puis aucun aucune personne vraiment franchement bref ont fait avoir être suis peu beaucoup assez ici voilà voici quand comment pourquoi plutôt chose',
    "c'est n'est qu'il bah ouais mdr ptdr genre grave carrément complètement arnaque escroquerie bulle pyramide totale chiffres argent puces génial croit éclater vends vendu longtemps durera",
  ],
  Spanish: [
    'el los las y es una por para con del lo se al esto esta este estos estas eso esa ese pero muy más qué cómo también porque así está están era fue ya sí te él ella ellos hay ha han hace todo todos nada siempre nunca aquí bien mal otra otro cuando donde dónde hasta desde mía mío yo nadie ningún ninguno ninguna tiene tienen tengo parece creo cree verdad ahora entonces mismo misma cosa cosas vez poco mucho mucha muchos nosotros ellas usted puede pueden vamos dice dicen hacer ser estar sin sobre pues',
    'un claro va vale tío pura puro esquema estafa fraude burbuja dinero acciones números vendí explotar igual genio especulación aguanta financiación',
  ],
  Italian: [
    'il di che non per sono della nel questo questa molto più perché gli uno ed e è anche ancora già sempre mai tutto tutti niente questi quello quella hanno ho essere fa fare ci si noi voi loro mio suo dei delle dello nella nei alla dal dalla sul sulla nessuno nessun nessuna nulla davvero proprio adesso ora sei siamo siete stato stata fatto detto può possono tutta tutte qua là lì così quindi però poi dopo prima ecco dai',
    'su un una le la lo bolla truffa schema soldi numeri scoppierà scoppiare geniale valutazioni completamente folli venduto ragazzi',
  ],
  Dutch: [
    'het een van en niet dat ook op zijn',
    'de ik te die in is je met voor er aan maar als om dan nog wel geen al bij of uit naar was wat meer kan zo hij ze hebben heeft heb werd worden wordt door over dit deze hoe waar wie waarom omdat want nu hier daar heel erg zeer echt gewoon toch even alleen nooit altijd iets niets niemand iedereen alles veel weer jij jullie wij we zij hun hen mijn jouw ons onze haar mij hem zich mag moet moeten kunnen zal zullen gaat gaan doen doet zeker misschien tegen zonder tussen na sinds tot dus ja nee zeepbel bubbel oplichterij piramidespel cijfers geld aandelen verkocht gelooft knallen briljant leent kopen',
  ],
  Portuguese: [
    'o os da do em não uma com mais como muito isso são um uns umas na nas sem menos também já você seu sua meu minha eu ele ela eles isto esse essa aquele quem tudo vai vou estão foi tem há aos somos nesse nessa nesses neste nesta nisso ninguém nenhum nenhuma é mesma mesmo coisa acho acha acham ainda agora então aqui pouco ter pode podem faz fazer diz nós vocês lá cá só gente vão',
    'que de se por para mas ou ao dos das pelo pela bolha golpe fraude pirâmide esquema dinheiro estourar ações números vendi acredita nesses',
  ],
  Catalan: ['els les amb són però més això allò aquesta aquest aquí ara mai sempre res ningú perquè quan què també encara jo ell nosaltres vosaltres meu teu seu bombolla xifres petarà any creu'],
  Polish: [
    'i w z na nie się to że jest do o jak co ale tak od po za dla jego jej go mi mnie ci ty ja my wy oni one on ona ono ten ta te tego tej tym tych być był była było były są jestem jesteś będzie może można już tylko jeszcze też także bardzo gdy kiedy jeśli więc bo czy który która które których przez przy bez pod nad przed między ich nas wam im nic nikt nigdy zawsze tutaj teraz potem dlaczego gdzie coś ktoś wszystko wszyscy każdy sam samo tu tam taki takie albo lub oraz niż ani żeby aby mają ma mam masz',
    'mój moja moje moi twój swój wszystkie wszystkich bańka bańki pęknie oszustwo piramida piramidą finansowa pieniądze liczby akcje sprzedałem wierzy roku czysta totalne',
  ],
  Czech: [
    'a v se na je že to s z do o k i jak ale by tak co za od po pro jsem jsi jsou byl byla bylo být bude budou má mají mám není nejsou tento tato toto tohle ten ta ty tím jeho její jejich mu mi mě nás vás jim já my vy oni ona ono už ještě také taky jen jenom velmi když pokud protože proto který která které kde kdy proč nic nikdo nikdy vždy tady teď potom všechno všichni každý bez pod nad před mezi při přes ani než nebo aby jako takže',
    'bublina podvod schéma peníze čísla číslům akcie prodal nevěří roce čistý',
  ],
  Slovak: ['sa aj ako pre som si sú bol bola bolo byť budú majú nie toto táto tá ešte tiež len veľmi keď ak pretože ktorý ktorá ktoré prečo nič nikto vždy teraz všetko všetci medzi cez alebo peniaze neverí'],
  Croatian: [
    'i u je da se na za ne su od s sa to ali kao što ili iz o po a bi će sam si smo ste bio bila bilo biti ovo ono taj ta te ti ja mi vi oni one ona on još samo već vrlo jako kad kada ako jer zato koji koja koje gdje zašto ništa nitko niko nikad uvijek ovdje sada sve svi svaki bez pod nad pred između pri kroz ni nego',
    'balon prevara shema novac brojkama dionice vjeruje puknut godine čista',
  ],
  Slovenian: ['in je da se na za ne so od ali kot ki ali tudi samo že zelo ker kdo kaj zakaj nič nihče nikoli vedno tukaj zdaj vse vsi mehurček prevara denar delnice'],
  Swedish: [
    'och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla andra mycket än här då sedan över bara in blir upp även vad få två vill ha många hur mer går detta nya skall hans utan sina något någon vilket varför aldrig alltid ingen inga inget ja nej',
    'bubbla bluff bedrägeri ponzibedrägeri siffrorna siffror pengar aktier sålt spricka precis påhittade ren helt',
  ],
  Danish: [
    'og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været sådan ingen aldrig altid hvorfor fordi',
    'boble pyramidespil penge tal aktier solgt springer ligesom længere rent',
  ],
  Norwegian: [
    'og i jeg det at en et den til er som på de med han av ikke der så var meg seg men har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv her alle vil bli ble blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot å hvorfor dette disse uten hvordan ingen din ditt blir samme hvem hvis både bare enn fordi før mange også slik vært begge siden eg ikkje kva korleis',
    'boble tallene aksjene aksjer solgt sprekke akkurat',
  ],
  Icelandic: ['og að er það sem ekki á í en til með fyrir um var hann hún þetta þessi ég þú við þeir þær eru hafa hefur bara líka ekkert enginn aldrei alltaf núna hér hvers vegna bóla svindl peningar'],
  Afrikaans: ["die en is van in nie het dit ek jy hy sy ons julle hulle 'n wat om te met vir op aan sal was kan maar ook as of nog net baie hier daar nou toe waarom hoekom niks niemand nooit altyd alles almal borrel bedrog geld aandele"],
  Finnish: [
    'ja on ei se että oli hän mutta kun niin tämä ovat olen olet olla ollut myös kuin jo vain sitten nyt mitä mikä joka jotka kuka miksi miten missä koska vaikka jos tai eikä minä sinä me te he sen sitä siitä sille tässä tätä näin noin kaikki mitään kukaan koskaan aina täällä siellä hyvin paljon vähän aivan ihan todella vielä enää pitää voi voisi olisi tulee menee',
    'kupla huijaus pyramidihuijaus rahaa raha osakkeet osakkeeni myin usko lukuihin puhkeaa vuonna puhdas',
  ],
  Estonian: ['ja on ei see et oli kui aga ka mis ma sa ta me te nad ning siis veel juba ainult väga kõik mitte midagi keegi kunagi alati siin seal nüüd miks kus kes mida seda selle oma mina sina tema meie teie nemad mull pettus raha aktsiad'],
  Latvian: ['un ir ka ar no uz par kā bet vai tas tā to es tu viņš viņa mēs jūs viņi nav bija būs jau tikai ļoti kad ja jo kas kur kāpēc nekas neviens nekad vienmēr šeit tagad viss visi burbulis krāpšana nauda akcijas'],
  Lithuanian: ['ir yra kad su iš į apie kaip bet ar tai tas ta aš tu jis ji mes jūs jie nėra buvo bus jau tik labai kai jei nes kas kur kodėl nieko niekas niekada visada čia dabar viskas visi burbulas apgaulė pinigai akcijos'],
  Hungarian: [
    'a az és hogy nem is egy ez azt meg de van volt csak már még mint vagy ha mert el ki be le fel sem nincs lesz lehet kell most itt ott így úgy nagyon mi te ő ti ők én engem téged neki nekem nekik ezt ezek azok minden semmi senki soha mindig miért hol mikor hogyan ami aki amely amit akkor pedig tehát után előtt alatt között nélkül',
    'lufi fog pont piramisjáték csalás pénz pénzt számokat részvényemet eladtam hiszi tiszta',
  ],
  Romanian: [
    'și în de la cu pe nu o un e este sunt să se ce mai din pentru care ca au a fost ar fi tot toate doar acum aici acolo foarte mult puțin dar sau dacă când unde cine cum nimeni nimic niciodată mereu asta ăsta aceasta acest această eu tu el ea noi voi ei ele meu tău lui nostru vostru lor îmi îți îi ne vă le',
    'bulă fraudă schemă cifrele acțiunile vândut spargă exact curată',
  ],
  Albanian: ['dhe është në një për me që nuk të se nga por ka kjo ky ai ajo ata ne ju unë ti shumë vetëm edhe gjithë asgjë askush kurrë gjithmonë tani këtu pse flluskë mashtrim para aksionet'],
  Turkish: [
    'bir ve bu da de için ile çok ne ama gibi daha en o ben sen biz siz onlar şu var yok mi mı mu mü değil olarak kadar sonra önce her hiç hep şey şimdi burada neden nasıl nerede kim çünkü ise ya veya hem ki bana sana onu bunu şunu bunlar benim senin bizim tüm bütün hiçbir kimse asla zaten sadece bile artık',
    'tamamen resmen balon dolandırıcılık saadet zinciri para rakamlara inanmıyor hisselerimi sattım patlayacak',
  ],
  Indonesian: [
    'yang dan di ke dari ini itu untuk dengan tidak ada akan juga pada saya kamu dia kami kita mereka atau sudah belum bisa harus karena seperti jadi tapi tetapi kalau jika lagi sangat hanya saja masih mau apa siapa mengapa kenapa bagaimana dimana kapan semua banyak sedikit sekali aja gak nggak enggak tak bukan sama oleh dalam sebagai adalah bahwa ia nya yg udah',
    'gelembung pecah penipuan skema murni uang saham jual percaya angka tahun supaya beli',
  ],
  Tagalog: ['ang ng sa mga na at ay si ni ito iyan iyon yan yun ko mo niya namin natin nila kami tayo sila ako ikaw siya hindi oo wala may mayroon lang lamang din rin pa ba po naman talaga kasi pero kung kapag para dahil kaya nga sobra parang tulad noong bula puputok niloloko walang naniniwala numerong'],
  Swahili: [
    'na ya wa ni kwa za la katika hii huu hiyo hizo huo kuwa sana lakini kama pia au bila hata tu sasa hapa pale nini nani wapi lini yote wote kila mimi wewe yeye sisi nyinyi wao yangu yako yake yetu hakuna ndiyo hapana kwamba ili baada kabla hivyo hivi',
    'povu utapeli mtupu mpango takwimu hisa zangu zote nimeuza itapasuka ilivyokuwa mwaka anayeamini',
  ],
  Vietnamese: [
    'là và của có không được này một những các cho với người đã sẽ như nó tôi bạn chúng họ ta mình đây đó thì mà nhưng vì nên nếu khi cũng rất lắm đang vẫn còn chỉ ai gì sao nào đâu bao hết rồi nữa ra vào lên xuống ở tại từ đến trong ngoài sau trước năm',
    'bong bóng vỡ giống lừa đảo kiểu tin số con bán cổ phiếu tiền',
  ],
};

/**
 * Those of OTHER that are English words too ("con", "per se", "die", "van", "war", "ha"), or in English names,
 * loans and abbreviations ("El Paso", "Los Angeles", "déjà vu", "über", "chez", "Notre Dame", "EU"): no evidence.
 * Listed words in wink's English vocabulary are also English (below), so this list names the others.
 */
const ALSO_ENGLISH = new Set(
  words([
    'die den dem des war hat er sie von aus über man um gut halt bin hast',
    'le la les et des du de pas il ce ma ton ta son sa nos va tout chez entre encore déjà au mon notre non ne sans chose fait voilà comment',
    'con lo se al el los las era ya ha han hay todo nada esa yo mal hasta ella cree mucho vamos dice sin',
    'per ed uno e mai tutti ho fa fare ci si dal ora qua là poi prima',
    'van dat op',
    'o os da do em um uns na nas sem eu agora',
    // of the lists below: names, tickers and shorthand that English texts write in lower case ("lisa su", "mu", "forward pe", "ez", "the og", "til")
    'su mu ez en ta ti po pa og eg kim yan bao cu pe fi od ali ci vid sig hon han deg opp ned dem hos ama amit ami hans andra til',
  ]),
);

/** Listed words that wink's vocabulary has but that English texts rarely write (in lower case): still another language's. */
const NOT_ENGLISH = new Set(words(['das ist mir mit wo dieses echt muss est un nous pour sur para ese todos ellas molto het são ela']));

const OTHER = new Set(Object.values(OTHER_LISTS).flatMap((lines) => words(lines as string[])));

/**
 * French and Italian elision ("l'argent", "c'est", "qu'il", "dell'anno", "c'è"), which English words do not start
 * with; the English exceptions are listed.
 */
const ELISION = /^(?:[cdjlmnst]|qu|dell|nell|all|dall|sull|quell|un)'\p{L}/u;
const ENGLISH_ELISION = new Set("c'mon d'oh d'uh s'more s'mores m'lady m'kay t'was l'oreal l'oréal".split(' '));

/** Letters English words almost never have (names like "café" aside): ñ, ç, ß, umlauts, most accents, å ø æ, and Latin Extended letters (ł ő ğ ş ř đ ơ, Vietnamese tone marks). */
const NON_ENGLISH_LETTER = /[àáâäçèéêëîïìíñòóôöõãùúûüÿßœ¿¡åøæðþ\u0100-\u024f\u1e00-\u1eff]/;

/** English contractions and possessives: "i'm", "we've", "nvidia's" are English when the word before the apostrophe is. */
const ENGLISH_SUFFIX = /'(?:s|m|re|ve|ll|d)$|n't$/;

/** Whether `w` is an English word: EN, or wink's vocabulary; a word with - or ' when each of its parts is ("dot-com", "i'm"). */
function isEnglishWord(w: string): boolean {
  if (EN.has(w) || isWinkWord(w)) return true;
  const stem = w.replace(ENGLISH_SUFFIX, '');
  if (stem !== w && stem !== '' && (EN.has(stem) || isWinkWord(stem))) return true;
  if (w.includes('-')) {
    const parts = w.split('-').filter((p) => p !== '');
    return parts.length > 0 && parts.every((p) => EN.has(p) || isWinkWord(p) || /^\d+$/.test(p));
  }
  return false;
}

/**
 * Bits of TokenInfo.lang: English evidence; in another language's list (English too or not); a letter English lacks,
 * outside every list; another language's word; a word wink does not know, outside every list, with letters a-z (a
 * name, a ticker, slang, a typo, or a word of another language). LETTER and UNKNOWN are half evidence, and only in a
 * text with a FOREIGN word.
 */
const ENGLISH = 1;
const LISTED = 2;
const LETTER = 4;
const FOREIGN = 8;
const UNKNOWN = 16;

const HAS_LETTER = /[a-z]/;

function langClass(w: string): number {
  const listed = OTHER.has(w) || (ELISION.test(w) && !ENGLISH_ELISION.has(w));
  if (listed) {
    if (NOT_ENGLISH.has(w)) return LISTED | FOREIGN;
    // a single letter ("w", "z", "v": Polish and Czech prepositions) is no evidence: "w/", "z-score", "plan B"
    if (w.length === 1 && w < '{') return EN.has(w) ? ENGLISH | LISTED : LISTED;
    // English function words count half for English ("no", "a", "to" are Spanish, Portuguese, Polish words too)
    if (EN.has(w)) return ENGLISH | LISTED;
    return ALSO_ENGLISH.has(w) || isEnglishWord(w) ? LISTED : LISTED | FOREIGN;
  }
  if (isEnglishWord(w)) return ENGLISH;
  if (NON_ENGLISH_LETTER.test(w)) return LETTER;
  // a name, a ticker, slang, a typo, or a word of another language (numbers are no evidence)
  return HAS_LETTER.test(w) ? UNKNOWN : 0;
}

export type LanguageVerdict = { english: true } | { english: false; reason: string };

const ANY_LETTER = /\p{L}/u;
const BEYOND_LATIN = /[\u0250-\uffff]/;

/** Texts up to this many words may be English because of one English clause ("Vendor financing, wie immer."). */
const SHORT_TEXT_WORDS = 12;

/**
 * Of a short text's words, those in clauses (split at , ; : ( ) – — and sentence ends) with an English word and no
 * word of another language.
 */
function wordsInEnglishClauses(text: string, tokens: readonly DocToken[]): number {
  let inEnglish = 0;
  let clauseStart = 0;
  let english = false;
  let foreign = false;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    let breaks = t === undefined || (i > 0 && t.sentence !== tokens[i - 1]!.sentence);
    for (let k = i > 0 && t !== undefined ? tokens[i - 1]!.end : 0; !breaks && t !== undefined && k < t.start; k++) {
      const c = text.charCodeAt(k);
      breaks = c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x2013 || c === 0x2014;
    }
    if (breaks && i > clauseStart) {
      if (english && !foreign) inEnglish += i - clauseStart;
      clauseStart = i;
      english = foreign = false;
    }
    if (t === undefined) break;
    const lang = t.info.lang!;
    if (lang & ENGLISH) english = true;
    if (lang & (FOREIGN | LETTER)) foreign = true;
  }
  return inEnglish;
}

/** Whether the token is written in capitals (two letters or more: "MU", "AMA"). */
function inCapitals(text: string, t: DocToken): boolean {
  if (t.end - t.start < 2) return false;
  const written = text.slice(t.start, t.end);
  return written !== t.lower && written === written.toUpperCase();
}

/** Whether the token has no lower-case letter as written ("MU", "2000", "I"). */
function noLowerCase(text: string, t: DocToken): boolean {
  const written = text.slice(t.start, t.end);
  return written === written.toUpperCase();
}

/** The words that made a text non-English (the first four), for the reason. */
function evidence(text: string, tokens: readonly DocToken[]): string {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (seen.size === 4) break;
    const lang = t.info.lang!;
    if (lang & LETTER || (lang & FOREIGN && !inCapitals(text, t))) seen.add(t.lower);
  }
  return [...seen].join(', ');
}

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
      else if (cp <= 0x24f || (cp >= 0x1e00 && cp <= 0x1eff)) latin++; // Vietnamese tone marks are Latin too
      else if (cp >= 0xd800 && cp <= 0xdfff) continue; // astral (emoji) halves
      else if (ANY_LETTER.test(text[i]!)) otherLetters++;
    }
  }
  // a short Japanese or Russian comment has a handful of letters, and no Latin ones around them
  if (otherLetters >= 4 && otherLetters > 2 * latin) return { english: false, reason: 'non-English text (non-Latin script)' };
  let english = 0;
  let foreign = 0;
  let letters = 0;
  let capitals = 0;
  let unknown = 0;
  const tokens = doc.tokens;
  for (const t of tokens) {
    const lang = (t.info.lang ??= langClass(t.lower));
    if (lang === 0) continue;
    if (lang & ENGLISH) english += lang & LISTED ? 0.5 : 1;
    if (lang & FOREIGN) {
      if (inCapitals(text, t)) capitals++;
      else foreign++;
    }
    if (lang & LETTER) letters++;
    if (lang & UNKNOWN) unknown++;
  }
  // a word of another language in capitals is a ticker or an acronym ("MU", "AMA", "NU"), unless the whole text shouts
  if (capitals > 0 && tokens.every((t) => noLowerCase(text, t))) foreign += capitals;
  // most English texts: no listed word of another language (letters English lacks are in names too)
  if (foreign === 0) return { english: true };
  const words = tokens.length;
  // letters English lacks and words wink does not know are weak evidence, now that there is a word of another language
  const other = foreign + letters / 2 + unknown / 2;
  const why = (): LanguageVerdict => ({ english: false, reason: `non-English text (words of other languages: ${evidence(text, tokens)})` });
  // one or two words: both another language's ("Mais oui", "Muy bien"), not a name ("El Niño", "Société Générale")
  if (words < 3) return foreign >= 2 && english === 0 ? why() : { english: true };
  if (other < 2 || other <= english) return { english: true };
  // a short English remark with an aside in another language ("Total Ponzi, muy bien.")
  if (words <= SHORT_TEXT_WORDS && wordsInEnglishClauses(text, tokens) * 3 >= words) return { english: true };
  return why();
}
