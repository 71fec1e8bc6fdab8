// Versioned cue lexicon, written from LABELS.md's concepts (not from training
// texts). Each cue is a lower-case regex run over the lower-cased normalised text.
//
// Safety rule for every pattern: no nested or unbounded quantifiers over
// overlapping classes. Only literal alternations, `\w*`/`\w+` at word ends,
// optional single tokens and bounded `{0,N}` gaps over word tokens. That keeps
// matching linear in the text length (see tests/tag/adversarial.test.ts).
//
// Bump LEXICON_VERSION whenever a pattern, a name or a kind changes: it is part
// of the tagger version stored with every tag result.

export const LEXICON_VERSION = 'lex2';

/**
 * cue: a stance signal; shown as a cue when it contributes.
 * rebuttal: denial / defence signals (turn tags off); shown with negative weight.
 * context: topic / register features; used by the classifier but never shown.
 */
export type CueKind = 'cue' | 'rebuttal' | 'context';

export interface CueDef {
  name: string;
  kind: CueKind;
  /** Regex source, lower-case; compiled with flag "g" and run on lower-cased text. */
  pattern: string;
  /** Whether a negator just before the match ("not a bubble") flips it to `neg:<name>`. */
  negatable: boolean;
  /** Hand-set prior weights (logit units) per tag, used by the bootstrap model. */
  prior: { cynicism?: number; distrust?: number; bubble_caution?: number };
}

const W = String.raw;

export const CUE_DEFS: readonly CueDef[] = [
  // ---- sarcasm markers (cynicism) -----------------------------------------
  { name: 'sarcasm-tag', kind: 'cue', pattern: W`\bsarcmark\b`, negatable: false, prior: { cynicism: 2.5 } },
  { name: 'totally-not', kind: 'cue', pattern: W`\btotally[- ]not\b`, negatable: false, prior: { cynicism: 2.0 } },
  {
    name: 'what-could-go-wrong',
    kind: 'cue',
    pattern: W`\bwhat could (?:possibly )?go wrong\b|\bnothing (?:could|can) (?:possibly )?go wrong\b`,
    negatable: false,
    prior: { cynicism: 2.2, bubble_caution: 0.6 },
  },
  {
    name: 'ironic-stock-phrase',
    kind: 'cue',
    pattern: W`\bnothing to see here\b|\bsurprise,? surprise\b|\bwho could (?:have|'?ve) (?:possibly )?(?:seen|predicted|guessed|known)\b|\bwho would(?: have|'?ve) (?:thought|guessed)\b|\bshocked,? shocked\b|\bi'?m (?:so )?shocked\b|\bshocking,? i know\b|\bmake it make sense\b|\bfunny how (?:that|this|it) works\b|\bthis is fine\b|\bwhat a (?:coincidence|surprise|shock|time to be alive)\b|\bnothing says\b|\bcan'?t wait (?:for|to see|until)\b|\bgood luck with that\b|\byeah,? (?:sure|right)\b|\bsure,? (?:jan|buddy|pal)\b|\boh (?:great|good|wow|look|joy|sure|yes)\b|\bwhat (?:a|could) genius\b|\b(?:totally|definitely|absolutely) (?:legit|normal|sustainable|healthy)\b|\btrust me,? bro\b|\bi guess\b|\bgood thing\b|\bdon'?t worry\b|\byou know the one\b|\blet me get this straight\b|\bwho knew\b|\bshocker\b|\bcolou?r me\b|\bimagine my surprise\b|\byou don'?t say\b|\bgo figure\b|, of course\b|\bthis is not (?:a )?coincidence\b|\bwhat a shock\b`,
    negatable: false,
    prior: { cynicism: 1.8 },
  },
  {
    name: 'line-go-up',
    kind: 'cue',
    pattern: W`\b(?:line|number|stonks?) go(?:es)? up\b|\bstonks\b|\bnumber must go up\b`,
    negatable: false,
    prior: { cynicism: 2.0, bubble_caution: 0.8 },
  },
  {
    name: 'infinite-money',
    kind: 'cue',
    pattern: W`\binfinite money\b|\bmoney (?:printer|glitch|machine go brr)\b|\bperpetual (?:motion|money)\b|\bmoney go(?:es)? round\b|\bmoney[- ]go[- ]round\b|\bself[- ]licking\b|\bouroboros\b`,
    negatable: false,
    prior: { cynicism: 1.6, bubble_caution: 1.0 },
  },
  {
    name: 'mock-emoji',
    kind: 'cue',
    pattern: W`🙄|🤡|💀|🤣|😂|🤦|🍿|🎪|🫠|😆|😏|🤪`,
    negatable: false,
    prior: { cynicism: 1.4 },
  },
  { name: 'laughter', kind: 'cue', pattern: W`\b(?:lol|lmao|lmfao|rofl|kek|haha\w*|hehe\w*)\b`, negatable: false, prior: { cynicism: 0.9 } },
  {
    name: 'scare-quotes',
    kind: 'cue',
    // a short quoted phrase (1–4 words) inside a sentence; long quotes are reported speech
    pattern: W`(?<=[\s(\[])"[A-Za-z$][^"\n]{0,38}"|(?<=[\s(\[])'[A-Za-z$][^'\n]{0,28}'(?=[\s.,;:!?)]|$)`,
    negatable: false,
    prior: { cynicism: 0.9 },
  },
  {
    name: 'mock-summary',
    kind: 'cue',
    // "X gives Y money ... to buy X's chips", "investing in themselves", "buys from itself"
    pattern: W`\b(?:invest(?:s|ing|ment)?|money) (?:in|to) (?:themselves|itself|yourself)\b|\bbuys? (?:\w+ ){0,2}from (?:itself|themselves)\b|\b(?:to|then|just)(?: \.\.\.| …|\.\.\.|…)? ?(?:buy|pay(?: for)?|purchase) (?:more )?(?:\w+'s |its own |their own |our own )?(?:chips|gpus|products|cloud|compute|services)\b|\b(?:to|and) pay (?:nvidia|amd|oracle|microsoft|them|it|us) back\b|\bhand(?:s|ing)? (?:it|the money|the cash) (?:right )?back\b|\bin order for \w+ to (?:buy|pay|spend)\b|\buses? (?:that|the|this) (?:money|cash) to\b|\bthis is basically\b|\bbasically (?:\w+ ){0,3}(?:buying|funding|paying)\b|\bfor free\b|\btranslated,|\bin other words\b`,
    negatable: false,
    prior: { cynicism: 1.2, bubble_caution: 0.4, distrust: 0.3 },
  },
  {
    name: 'resigned-again',
    kind: 'cue',
    pattern: W`\banother (?:day|week|month|quarter|year),? another\b|\bnaturally,? (?:they|he|it)\b|\bof course (?:they|he|it|he's|they're|it's)\b|\bas (?:usual|always)\b|\bsame (?:old|as it ever was)\b|\bclassic\b|\btypical\b`,
    negatable: false,
    prior: { cynicism: 1.0 },
  },
  {
    name: 'sarcastic-praise',
    kind: 'cue',
    pattern: W`\b(?:riveting|genius|brilliant|fantastic|amazing|incredible|impressive|totally|clearly|surely|very convenient|how convenient|convenient|interesting|amusing|hilarious|ironic|ironically|irony|apparently|fawn\w*|glorified|so-called|supposedly|magically|ultimate|self-respecting|great artists|certainly)\b`,
    negatable: false,
    prior: { cynicism: 0.4 },
  },
  {
    name: 'insult',
    kind: 'cue',
    pattern: W`\b(?:clowns?|clown ?show|circus|idiots?|idiocy|morons?|moronic|grifters?|grift\w*|leeches|parasites?|ghouls?|sociopaths?|psychopaths?|tech ?bros?|gigacapitalists?|greedy|greed|stupid|stupidity|dumb|insane|insanity|lunatics?|shitshow|shit ?show|dumpster fire|turds?|bullshit|crap|shit|fuck\w*|suckers?|rubes?|useful idiots|idolatry|religion|cult|snake oil|con ?m[ae]n|hucksters?|charlatans?|slop|microslop|madness|delusional|delusion|hallucinat\w*)\b`,
    negatable: true,
    prior: { cynicism: 1.0 },
  },
  {
    name: 'spectacle',
    kind: 'cue',
    pattern: W`\b(?:theat(?:er|re|rical)|performance|spectacle|staged|show|circus|comedy|joke|laughable|farce|pantomime|kabuki|popcorn|playground|game of (?:chairs|musical chairs)|hot potato|damage control|press release|marketing)\b`,
    negatable: true,
    prior: { cynicism: 0.7 },
  },
  {
    name: 'hype',
    kind: 'cue',
    pattern: W`\b(?:hype[ds]?|hyping|buzzwords?|vaporware|vibes|hot air|smoke|myth|fairy ?tale|pipe dream|fomo|mania|craze|euphori[ac]|froth(?:y)?|gold rush)\b`,
    negatable: true,
    prior: { cynicism: 0.5, bubble_caution: 0.9 },
  },

  // ---- distrust -------------------------------------------------------------
  {
    name: 'fraud',
    kind: 'cue',
    pattern: W`\b(?:fraud\w*|scams?|scammers?|scammy|swindl\w*|con (?:game|job|artists?)|shady|sham|bogus|hoax|ruse|canard|snake oil|racket|heist|rip[- ]?off)\b`,
    negatable: true,
    prior: { distrust: 2.4 },
  },
  {
    name: 'ponzi',
    kind: 'cue',
    pattern: W`\bponzi\w*|\bpyramid schemes?\b|\bmlm\b|\bmadoff\b|\bfinancing scheme\b`,
    negatable: true,
    prior: { distrust: 2.4, bubble_caution: 0.6 },
  },
  {
    name: 'enron',
    kind: 'cue',
    pattern: W`\b(?:enron|worldcom|theranos|wirecard|ftx|madoff|lehman)\b`,
    negatable: true,
    prior: { distrust: 2.0, bubble_caution: 0.8 },
  },
  {
    name: 'cooking-the-books',
    kind: 'cue',
    pattern: W`\bcook(?:ing|ed|s)? (?:the|their|your|its|his|her) books\b|\bcreative (?:accounting|bookkeeping|with (?:the )?numbers)\b|\bgetting creative\b|\baccounting (?:tricks?|games?|gimmicks?|shenanigans|fraud|magic|is the problem)\b|\bfinancial(?:ly)?[- ]engineer\w*|\binflat(?:e|es|ed|ing) (?:the |their |its )?(?:revenue|earnings|numbers|growth|sales|valuations?)\b|\boverstat\w*|\bunderstat\w*|\bjuic(?:e|es|ed|ing) (?:the |their |its )?(?:revenue|numbers|earnings|sales|growth|own)\b|\bpaper(?:s|ing)? over\b|\boff (?:the |its |their )?balance[- ]sheets?\b|\bspecial purpose vehicles?\b|\bspvs?\b|\bbook(?:s|ing|ed)? (?:it|that|this|them) as (?:"|')?revenue\b|\b(?:improve|boost|pad|massage)(?:s|d|ing)? (?:their |its |the )?(?:profitability )?numbers\b|\bchanged the (?:depreciation )?rate\b|\bwindow dressing\b`,
    negatable: true,
    prior: { distrust: 2.2 },
  },
  {
    name: 'hiding',
    kind: 'cue',
    pattern: W`\bhid(?:e|es|ing|den)\b|\bconceal\w*|\bobscur\w*|\bbury(?:ing)? (?:the )?(?:losses|debt)\b|\bsweep\w* under\b|\bbehind closed doors\b`,
    negatable: true,
    prior: { distrust: 1.6 },
  },
  {
    name: 'round-tripping',
    kind: 'cue',
    pattern: W`\bround[- ]?trip\w*|\bsame money (?:going|moving|goes|moves|flowing)\b|\bcounted as (?:a )?(?:sale|revenue|growth)\b|\bin one door and out the other\b|\bbuy(?:ing)? (?:back )?their own (?:tech|products?|chips|stock)\b|\bfund(?:s|ing)? (?:their|its) own (?:chip )?(?:sales|revenue|customers?)\b|\bpay(?:ing)? (?:people|customers|them) to buy\b|\bartificial(?:ly)? (?:creat\w*|boost\w*|inflat\w*|prop\w*|demand|growth)\b|\bsham sale\b|\bnon-existent (?:cash|revenue|demand)\b|\bmoving in (?:very )?(?:sophisticated )?circles\b`,
    negatable: true,
    prior: { distrust: 2.0 },
  },
  {
    name: 'legality',
    kind: 'cue',
    pattern: W`\bis (?:this|that|it|any of this) (?:even |really )?legal\b|\b(?:should|must|would|ought to) be illegal\b|\bhow is (?:this|that|it) (?:not )?(?:even )?(?:legal|allowed|illegal)\b|\billegal\w*|\bunlawful\w*|\bcriminal\w*|\bprison\b|\bjail\b|\bindict\w*|\bprosecut\w*|\blawsuits?\b|\bsued\b|\bnot kosher\b|\b(?:sec|ftc|doj|regulators?|authorities|attorneys? general) (?:should|need to|needs to|must|ought to)\b|\bsomeone at the (?:sec|ftc|doj)\b|\binvestigat\w*|\bantitrust\b|\bcollu(?:sion|de|ding)\b|\banti-?competitive\b|\bsidestep\w*|\bslip past\b|\bfleec\w*|\bloopholes?\b`,
    negatable: true,
    prior: { distrust: 1.8 },
  },
  {
    name: 'manipulation',
    kind: 'cue',
    pattern: W`\bmanipulat\w*|\bpump(?:ing|ed|s)? (?:and dump|up|the (?:stock|price|shares))\b|\bpump and dump\b|\binsider (?:trading|dealing|selling)\b|\bself[- ]dealing\b|\bconflicts? of interest\b|\bboth sides of (?:the )?deals?\b|\bbrib\w*|\bkickbacks?\b|\bmoney[- ]laundering\b|\blaunder\w*|\bcorrupt\w*|\bcrony\w*|\bprop(?:ping|ped|s)? up\b|\brigged\b|\bshell game\b|\bsleight of hand\b`,
    negatable: true,
    prior: { distrust: 1.8 },
  },
  {
    name: 'dishonesty',
    kind: 'cue',
    pattern: W`\b(?:lying|liars?|lied|lies|dishonest\w*|deceiv\w*|decept\w*|mislead\w*|misled|smoke and mirrors|illusion|fake|faked|faking|made[- ]up|fabricat\w*|fishy|sketchy|dodgy|shenanigans|suspicious|suspect|bs)\b|\b(?:doesn'?t|don'?t|does not|do not) add up\b|\bloose relationship with the truth\b|\bnot what (?:it|they) (?:seems?|claim)\b|\btoo good to be true\b|\bbullshit\b|\bmarketing (?:department|ploy|stunt|gimmick)\b|\bused (?:by \w+ )?as a form of marketing\b|\b(?:never|not) (?:planned|intended|intend) (?:on|to)\b|\bwhen it'?s literally\b`,
    negatable: true,
    prior: { distrust: 1.6 },
  },
  {
    name: 'insiders-benefit',
    kind: 'cue',
    pattern: W`\b(?:personally benefit|line (?:their|his) (?:own )?pockets|enrich\w*|cash(?:ing)? out|dump(?:ing)? (?:their |his )?shares|exit liquidity|retail (?:investors )?(?:holding|left)|force\w* (?:\w+ ){0,3}(?:401ks?|retirement|pension)|taxpayer money|bail ?outs?)\b`,
    negatable: true,
    prior: { distrust: 1.2, cynicism: 0.4 },
  },

  // ---- bubble caution ---------------------------------------------------------
  { name: 'bubble', kind: 'cue', pattern: W`\bbubbles?\b|\bbubbly\b`, negatable: true, prior: { bubble_caution: 2.2 } },
  {
    name: 'when-this-pops',
    kind: 'cue',
    pattern: W`\b(?:when|once|if|before|after) (?:this|it|the (?:ai )?(?:bubble|boom|music)|that|everything|all this|the whole thing|that loop|this loop) (?:\w+ ){0,2}(?:pops|bursts|crashes|collapses|unwinds|implodes|snaps|blows up|goes (?:south|bust|under|pop)|comes (?:crashing )?down|stops)\b|\bwhen the music stops\b|\bthe music (?:will )?stop\w*`,
    negatable: false,
    prior: { bubble_caution: 2.6 },
  },
  {
    name: 'pop-burst',
    kind: 'cue',
    pattern: W`\b(?:pops?|popping|popped|burst(?:s|ing)?|bursted)\b`,
    negatable: true,
    prior: { bubble_caution: 1.0 },
  },
  {
    name: 'crash',
    kind: 'cue',
    pattern: W`\b(?:crash\w*|collaps\w*|implod\w*|implosion|meltdown|melt down|unravel\w*|downturn|reckoning|hangover|correction|wipe ?out|blow ?up|blows up|go(?:es|ing)? (?:under|bust|belly[- ]up|tits[- ]up|to zero|down)|went (?:under|bust|belly[- ]up|tits[- ]up|to zero)|gone bust|toast|doomed|worthless|pennies on the dollar|bust)\b`,
    negatable: true,
    prior: { bubble_caution: 1.8 },
  },
  {
    name: 'dot-com',
    kind: 'cue',
    pattern: W`\bdot[- ]?com\b|\bdotcom\b|\bpets\.com\b|\bwebvan\b|\bw?wework\b|\btelecom (?:bust|bubble|crash)\b|\b(?:1999|2000|2001)\b`,
    negatable: true,
    prior: { bubble_caution: 2.2 },
  },
  {
    name: 'historic-crash',
    kind: 'cue',
    pattern: W`\b2008\b|\bsubprime\b|\bcdos?\b|\bmortgage crisis\b|\bfinancial crisis\b|\btulips?\b|\btulip ?mania\b|\bsouth sea\b|\bgreat depression\b|\b1929\b|\bcrypto\b|\bnfts?\b`,
    negatable: true,
    prior: { bubble_caution: 1.8 },
  },
  {
    name: 'circular-financing',
    kind: 'cue',
    pattern: W`\bcircular\w*(?: (?:ai )?(?:financing|funding|financial|financial structures|deals?|investments?|money|revenue|arrangements?|capital|dynamics|nature|ecosystem|structures?|flows?|economy|scheme))?|\bcircles?\b|\bloops?\b|\bfeedback loop\b|\bflywheel\b|\brecycl\w*|\bsame (?:five|three|few|handful of) (?:guys|companies|firms|players)\b|\bswap(?:ping)? ious\b|\bious\b|\beach other\b`,
    negatable: true,
    prior: { bubble_caution: 1.4, cynicism: 0.3 },
  },
  {
    name: 'vendor-financing',
    kind: 'cue',
    pattern: W`\bvendor[- ]financ\w*|\bsupplier[- ]financ\w*|\b(?:vendors?|suppliers?) (?:lending|funding|financing|lend(?:s)?|fund(?:s)?) (?:their |the )?customers\b|\blending (?:\w+ ){0,2}customers\b|\bhanding (?:your |their |the )?customers?\b|\bcustomers? the (?:cash|money)\b|\bcollateral\b`,
    negatable: true,
    prior: { bubble_caution: 2.0 },
  },
  {
    name: 'unsustainable',
    kind: 'cue',
    pattern: W`\bunsustainabl\w*|\b(?:not|isn'?t|never) (?:\w+ ){0,2}sustainable\b|\b(?:can'?t|cannot|won'?t|will not) (?:last|go on|continue|keep (?:going|up))\b|\bsustainability\b|\bnot a plan\b|\bprayer\b|\bwobbly\b|\bshaky\b|\bhouse of cards\b|\bonly a matter of time\b|\bmatter of time\b|\binevitabl\w*|\btoo big to fail\b|\bgreater fool\b|\bmusical chairs\b|\bhot potato\b|\brussian roulette\b|\bgamble\w*|\bgambl\w*|\breckless\w*|\bexcessive\b|\bovervalued\b|\bover-?valued\b|\bover-?heat\w*|\bover-?invest\w*|\bover-?provision\w*|\bover-?build\w*|\bover-?extend\w*|\bover-?leverag\w*|\boverexcited\b|\birrational\b|\bspeculat\w*|\bunhealthy\b|\bdesperate\w*|\bmuch less insane\b|\bsomething'?s (?:completely )?off\b|\bsomething is (?:completely )?off\b`,
    negatable: true,
    prior: { bubble_caution: 1.6 },
  },
  {
    name: 'hold-the-bag',
    kind: 'cue',
    pattern: W`\b(?:hold|holding|held|left holding|stuck (?:with|holding)) the bag\b|\bbag ?holders?\b|\bholding the (?:debt|bill|bonds)\b|\bstuck with the bill\b|\bleft (?:with|holding) (?:worthless|the)\b`,
    negatable: false,
    prior: { bubble_caution: 2.4 },
  },
  {
    name: 'debt-risk',
    kind: 'cue',
    pattern: W`\bdefault\w*|\bwrite[- ]?(?:downs?|offs?)\b|\binsolven\w*|\bbankrupt\w*|\bdebt\b|\bloans?\b|\bborrow\w*|\bleverag\w*|\bbonds?\b|\bbondholders?\b|\bcredit[- ]default swaps?\b|\bjunk\b|\binterest payments?\b|\bdepreciat\w*`,
    negatable: true,
    prior: { bubble_caution: 0.6 },
  },
  {
    name: 'spend-beyond-revenue',
    kind: 'cue',
    pattern: W`\b(?:burn(?:s|ing|ed|t)?|hemorrhag\w*|bleed\w*|bled|losing|lose|lost|blasting|pouring|throwing|torch\w*|lighting) (?:\w+ ){0,3}(?:cash|money|billions?|trillions?)\b|\bburn rate\b|\bcash (?:burn|piles?)\b|\bmoney (?:they|it|he|she) (?:don'?t|doesn'?t|haven'?t|hasn'?t|do not|does not|has not|have not) (?:\w+ ){0,3}(?:have|got)\b|\b(?:can'?t|cannot|couldn'?t|unable to|won'?t be able to) (?:afford|pay (?:for|back|it)|recoup|cover|make (?:a profit|money|it work))\b|\bno (?:real )?(?:revenue|profits?|path to profit\w*|money to be made|business model)\b|\b(?:without|little|limited) (?:real )?revenue\b|\boutstrip\w*|\bmore (?:money|chips|compute) than (?:they|it|he) (?:have|has|makes?|needs?|ever will)\b|\b(?:don'?t|doesn'?t|does not|do not) have (?:the )?(?:cash|money|\$)\b|\bnot (?:there|profitable)\b|\bunprofitable\b|\bmoney[- ]losing\b|\blosing money\b|\bnever (?:\w+ ){0,2}(?:pay off|materiali[sz]e|be used|recoup|profitable|make money)\b|\bmay never\b|\bfar (?:more|ahead|beyond|exceeds?)\b|\bnot (?:value|a business(?: model)?)\b|\bwithout a (?:plan|business model)\b|\bhope and hype\b|\bgood (?:money|debt) after bad\b|\bno reasonable plans?\b|\bsmall returns\b|\bmuch,? much higher\b|\bwake-up call\b|\bnobody is (?:actually )?willing\b`,
    negatable: false,
    prior: { bubble_caution: 1.2 },
  },
  {
    name: 'big-commitments',
    kind: 'cue',
    pattern: W`\bcapex\b|\bcapital (?:expenditures?|spending)\b|\bcommitments?\b|\bobligations?\b|\bfar (?:more|ahead|beyond|exceeds?|outstrips?)\b|\bbillions and billions\b|\btrillion-dollar\b|\bstaggering\b|\bastronomical\b|\bmassive (?:investments?|spending|increase)\b`,
    negatable: false,
    prior: { bubble_caution: 0.4 },
  },
  {
    name: 'risk-warning',
    kind: 'cue',
    pattern: W`\brisk(?:s|y)?\b|\bwarn\w*|\balarm\w*|\bworr(?:y|ies|ied|ying)\b|\bconcerns?\b|\bjitters\b|\bcold feet\b|\bdanger\w*|\bproblem(?:s|atic)?\b|\bquestionable\b|\bdubious\b|\bskeptic\w*|\bsceptic\w*|\bmessy\b|\bdisaster\w*|\bcatastroph\w*|\bcontagion\b|\bsystemic\b|\bexposed\b|\bexposure\b|\bblast radius\b|\bdoom\w*`,
    negatable: true,
    prior: { bubble_caution: 0.6 },
  },

  // ---- rebuttal / defence (turn tags off) ------------------------------------
  {
    name: 'denial',
    kind: 'rebuttal',
    pattern: W`\b(?:not|isn'?t|ain'?t|is not|wasn'?t|no such thing as) (?:\w+ ){0,2}(?:a |an |in an? )?(?:bubble|ponzi|fraud|scam|pyramid scheme|round[- ]?tripping)\b|\b(?:there'?s|there is) no (?:\w+ )?bubble\b|\bno one is accusing\b|\bpeople (?:keep )?(?:yelling|screaming|crying|calling|shouting|saying)\b|\bbubble (?:talk|callers?|narrative)\b|\bdoom(?:ers?|sayers?| and gloom)\b|\bfear[- ]?monger\w*|\bi don'?t see (?:the|an?|any) (?:issue|problem)\b|\bnothing wrong\b|\bnothing (?:illegal|unusual|shady)\b|\b(?:perfectly|completely|totally|entirely) (?:normal|legal|legit|fine|reasonable|benign)\b|\bbenign\b|\bstandard (?:practice|industry)\b|\bcommon practice\b|\bnot (?:at all )?uncommon\b|\bnot (?:the )?gotcha\b|\bit would (?:not|n'?t) be an issue\b|\bwould be fine\b|\bthe chips are real\b|\bdemand is real\b|\bhard to prove\b|\bnot (?:independently )?able to confirm\b`,
    negatable: false,
    prior: { cynicism: -0.6, distrust: -1.8, bubble_caution: -2.0 },
  },
  {
    name: 'bullish',
    kind: 'rebuttal',
    pattern: W`\bbullish\b|\bundervalued\b|\bbuy(?:ing)? the dip\b|\bto the moon\b|\bhealthy (?:demand|growth)\b|\bstrong demand\b|\bdemand (?:far )?(?:outpac\w*|exceed\w*)\b|\binsatiable\b|\bgreat (?:deal|investment|move)\b|\bwin-win\b|\btriple win\b|\bexcited\b|\bhappy\b|\bconfident\b|\bconfidence\b|\bremarkable\b|\brevolutionary\b|\bthe right call\b|\bsavvy\b|\boutperform\w*|\bsmart move\b|\bhere to stay\b|\breal utility\b`,
    negatable: false,
    prior: { cynicism: -0.4, distrust: -0.6, bubble_caution: -0.8 },
  },
  {
    name: 'mock-the-critic',
    kind: 'rebuttal',
    pattern: W`\bshort(?:s|ing|ed)?\b|\bshort[- ]?sellers?\b|\bbears?\b|\bburry\b|\bputs?\b|\bwrong every\b|\bkeeps? being wrong\b|\bnaysayers?\b`,
    negatable: false,
    prior: { cynicism: -0.6, bubble_caution: -0.4 },
  },

  // ---- context (classifier features, never shown) -----------------------------
  {
    name: 'reported-speech',
    kind: 'context',
    pattern: W`\b(?:says?|said|saying|warn(?:s|ed|ing)?|call(?:s|ed|ing)? (?:it|this|that|the)|argu(?:es?|ed|ing)|claim(?:s|ed)?|caution(?:s|ed)?|point(?:s|ed)? out|told|wrote|writes|according to|accus\w*|alleg\w*|reportedly|per a report|analysts?|critics?|experts?)\b`,
    negatable: false,
    prior: {},
  },
  {
    name: 'topic',
    kind: 'context',
    pattern: W`\b(?:deals?|invest\w*|billions?|trillions?|valuations?|revenue|stocks?|shares?|chips?|gpus?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|openai|nvidia|nvda|oracle|amd|microsoft|msft|amazon|aws|azure|coreweave|softbank|stargate|funding|funds?|capex|spend\w*|money|cash|market|investors?|profit\w*|earnings|contracts?|compute|infrastructure|buildout|ai|altman|huang|jensen|ellison|nadella|financ\w*|economy|economics)\b`,
    negatable: false,
    prior: {},
  },
  {
    name: 'first-person-analysis',
    kind: 'context',
    pattern: W`\b(?:i think|i believe|in my (?:opinion|experience)|imo|imho|i suspect|i'?m not sure|personally)\b`,
    negatable: false,
    prior: {},
  },
];
