// Versioned cue lexicon, written from LABELS.md's concepts and general
// knowledge of how forum users express mockery, suspicion and bubble warnings.
// No entry is copied from an individual training text: every cue is a
// concept-level phrase that should hold on comments the tagger has never seen.
//
// Two kinds of matcher:
// - `words`: single tokens (exact, or a prefix when ending in `*`), looked up in
//   one hash-map pass over the text's tokens (hyphen and apostrophe parts of a
//   token are looked up too: "totally-not-circular" → "circular").
// - `pattern`: a lower-case regex for multi-word phrases, run on the lower-cased
//   normalised text. Each top-level alternative runs only when words it cannot
//   match without are in the text; gate-alternatives.ts derives those words.
//   `triggers` (tokens, same syntax as `words`; or a literal containing a
//   non-word character, checked by indexOf) are hints for that derivation (words
//   chosen as rare), the gates of alternatives without words (emoji, quote
//   marks), and the fallback for an alternative the derivation cannot prove.
//   tests/tag/cue-triggers.test.ts checks that gating never loses a match.
//
// Safety rule for every pattern: no nested or unbounded quantifiers over
// overlapping classes. Only literal alternations, `\w*`/`\w+` at word ends,
// optional single tokens and bounded `{0,N}` gaps over word tokens. That keeps
// matching linear in the text length (see the adversarial test).
//
// Bump LEXICON_VERSION whenever a pattern, a name or a kind changes, or what the
// matcher makes of them: it is part of the tagger version stored with every tag
// result. lex7 has lex6's cues; every regex alternative is gated by words it
// cannot match without (gate-alternatives.ts), and links are not matched.
// lex8: "fabricate" is distrust only about numbers, claims or deals ("fabricated
// the revenue", "pure fabrication"), not chip making ("TSMC fabricates the chips").
// lex9: lex8's cues; what reaches them changed on rare texts only — runs of over 200
// characters without whitespace are blanked, and more short French, Spanish, German,
// Portuguese and Italian comments are screened out as non-English — so tags cached
// under lex8 are recomputed.
// lex10: common Reddit sarcasm idioms the lexicon lacked — a standalone "Any day now.",
// "gee, I wonder why", "surprised Pikachu", "bold strategy, Cotton"; "rinse and repeat"
// closing a chain of money moves and "(just) paying themselves" as mock summaries;
// "galaxy brain", "… with extra steps", sentence-initial "Sure, … totally real/legit",
// "Ah yes, my favourite …"; "4D chess" and "big brain move" as weak praise (as often
// admiring), no longer the bare words "4d" and "galaxy" ("down 8% in 4d", a Samsung Galaxy).
// Review of existing cues under lex10: a plain positive adjective ("impressive") is sarcastic praise
// only as an exclamation or in quotes; "I'm sure it's …" not before "but" and not about the thread
// ("been posted", "fine to ask"); "basically paying" not "paying for itself" / "paying it off";
// "invest in yourself" only with revenue / sales / booking words (not the self-help advice).
// Second review (every cue with a cynicism prior): "in other words" only restating money that comes back
// to the payer, "Translation:" only before the actors' voice, "step 1" only in a list that ends in profit,
// buybacks are not "buying its own stock"; "what's next" / "checks out" / "good luck with that" only as
// their own remark, "welcome back" not to a thread or everyone, "yeah right" not "right now", not "go figure
// out", "big if true" not before "but"; "what could go wrong with X is …"; "line/number go up" in the meme's
// grammar only; a cited press release; "worked so well last time that …". In match-cues.ts / extract-features.ts:
// quoted names with a digit are not scare quotes, nor quotes after search / type / listed under; "insane"
// margins or demand, "holy shit", the fear and greed index and "I was dumb" are no insult; a terse
// compliment to a post ("Great write-up.") is no terse praise. Then: "definitely / certainly / absolutely /
// surely not" only before a stance word ("totally not" unchanged); "surely this will" only with an outcome
// ("… end well", "… won't"); "of course they …" not before an explanation (; : because since); "oh wow …"
// not with thanks; "you mean A or B?" and "how many times has …" are real questions; casino stocks are a
// business; begging for capacity is demand; a joke someone told and a staged rollout are no spectacle, a cult
// following no insult.
// Third review (every cue with a distrust or bubble_caution prior): word-cue hits in another sense are dropped
// (WORD_SENSE_FILTERS: bubble tea / a speech bubble, pop-up / K-pop / a stock that popped 8%, a burst of orders, a crash
// course / a driver that crashes, a healthy correction, fraud detection / a phone scam, stole the show, a steal,
// debt-free, default settings, leverage the existing X, borrowed a car, a hidden gem, spot fake reviews, sus out, the
// hype is justified, good vibes); a plain-English "scheme" (colour / subsidy scheme, under the scheme, the grand
// scheme of things); "calling X a Ponzi / this fraud is lazy" and "not comparable" are denials, "a standard way /
// vehicle" an explanation; a round trip or round-trip latency; buying its own chips from the foundry (and a
// buyback is no round-tripping); a regulator expected to approve / publish; "Is this legal? Yes, …"; investigative
// reporters; manipulating tensors, corrupted checkpoints, insider-trading rules; "too good to be true, but …";
// a race's red flag, a red flag for margins; cash-out refinancing; retail investors holding a stock (not the bag);
// "the paper over there"; "when it comes down to it", the other shoe only dropping, music stopping at a party;
// "last one standing" and holding a bag up; "where does the money go", "can't afford to miss", "no revenue
// recognition until"; idle for an hour, negative cash flow in the build phase; a year-like number with a unit
// ("2000 MW"); the 2008 Olympics; a cooling / control loop, in the loop, full circle, financial circles, recycled
// water (recycling only money, gains or profits), rivals competing with each other, the circular economy; handing
// customers anything but money; speculative execution, sports gambling, "a matter of time before it ships".
// Then: Nikola Tesla, working at Lehman, a scandal's documentary; a reactor's meltdown, crashing at a friend's
// place; wiping out the competition, "under the radar"; disclosed in the footnotes; "what is the return on X?"
// answered with a number; The Big Short as a film.
// Adversarial review of these narrowings (87 stance sentences): "not comparable" is no denial before "bigger /
// worse / N times", nor "a standard way to hide / inflate …" or one followed by "that's exactly why"; only consumer
// scams (phone / romance / online …) are a victim's, "a steal, from shareholders" is theft; a crash course with
// reality, a crash landing, a nuclear meltdown and a soap bubble are metaphors again (a crash course in X, a crash
// test dummy, a reactor's meltdown stay out); a circular economy / reference / dependency, full circle, circling
// back and a for loop said with money words nearby count, and recycling crosses a possessive; the other shoe needs
// no "drop" (a shoe box or pair stays out), "comes crashing down to earth" warns; a round trip from / to somewhere
// and back into revenue counts, buying back its own GPUs too (not its own stock); "of course they did" / "of course
// they invested" are resigned remarks whatever follows; reality catching up, "no revenue until 2030" and handing
// customers chips on credit count; "data" in the corrupt / leverage exclusions is not "data centre".
// Then: "definitely not a money laundering operation / a shell game / scheme / con / ploy / bailout"; "good luck
// with that lol", "checks out lol"; "what's next Nvidia investing in …"; "Brilliant move, …", "Truly brilliant strategy
// from Sam: …", "What an incredible business model, …", "such a brilliant plan: …" (not before a beat, a record or a
// launch); "Great report, Oracle." (a company's report or chart, match-cues / extract-features); "in the footnotes
// where they hoped nobody would look"; "needs an investigative journalist".
// lex11: "what's the ROI on …" (the alternative expected "what 's"); sentence-initial "Sure, … totally normal /
// fine / healthy / sustainable …" ending the sentence or before "for X to" (not before a "but") is sarcasm, and a
// denial inside a sarcastic span ("totally normal", "totally legit") is not the commenter's rebuttal (match-cues.ts).
// lex12 (match-cues.ts): a quote joined to an attributed one ("called it “a bridge too far” and “not kosher”") and a
// quote after a neutral reporting verb earlier in its sentence (points out, noted, explained, stated) is reported
// speech, not scare quotes. Written after reading two CV false positives (d243, d250), so its CV gain is optimistic.
// lex13: Reddit idioms a smoke test of 56 lines found without a cue — "I'm sure the SEC will get right on that",
// "can't wait for the bailout / lawsuits" and "… for the documentary." (ending its sentence), "the Onion couldn't
// make this up" / "this is satire",
// "the house always wins", "playing Monopoly with our retirement money" (ironic-stock-phrase); Hollywood / Enron
// accounting, "the books are cooked" (cooking-the-books); "where's the SEC / are the regulators" (legality, one
// alternative for the older "where is the SEC" / "where are the auditors", not before filing, headquartered, based …);
// "heads they win, tails retail loses" (insiders-benefit); "the bill always comes due" (when-this-pops); "top
// signal" not before processing / chips …, "this is the top" (not quoted or heard: "I have heard "this is the top"
// forty times" mocks the callers), the shoeshine boy (unsustainable).
// lex14: a second smoke test (45 lines): "nobody audits these …", "I'd love to see the SEC take a look at …" (legality);
// booking credits / investments / IOUs as revenue, "they're just making numbers up" (cooking-the-books); "someone has to
// pay for all this" (spend-beyond-revenue); "too much money chasing …" (unsustainable); "could sell ice to penguins"
// (mock-behaviour). Second build, after a third smoke test (25 lines, mostly cynicism): "a little light money laundering",
// "truly the greatest minds of our generation", "billionaires doing billionaire things", "three guys in a trench coat", "can't
// spell X without …", "turtles all the way down" (ironic-stock-phrase); "paid himself again" (mock-summary).
// lex15 (an independent review of lex11–lex14): "top signals" (plural) and "this is the top model / reason" are no
// cue — "this is the top" only ending its clause or before "of the market / cycle / bubble"; "what's the return
// policy" is no ROI question (only "the ROI" / "the return on"); any bill coming due is not "the bill"; only
// regulators, courts, the board … "will get right on that", not a support team; "can't wait for the series" is no
// documentary; "where's the SEC's statement / 10-Q" is a question about a document; "Sure, totally normal" answering a
// question is an answer; booking credits as revenue "only when they are used" is an accounting explanation. In
// match-cues.ts: the commenter's own "as I pointed out" is no reported speech, a fifth joined quote is checked too,
// and a denial dropped as sarcasm no longer marks the cues inside it as denied.
// lex16: a fourth smoke test (25 longer lines, distrust and bubble_caution without the usual keywords): "totally
// unrelated I'm sure", a standalone "Wonder why." (ironic-stock-phrase); shares sold right before the announcement
// (insiders-benefit); "if a small company did this the SEC would …", "ends up in a DOJ press release / in court"
// (legality); "structured so nobody can see" (hiding); "revenue recognition games", booking the whole contract up front
// (cooking-the-books); the investment "comes back as purchase orders" (round-tripping); "none of this works unless …
// revenue / demand …", depreciation schedules that are fantasy, "this is euphoria", "remember how that ended"
// (unsustainable); "late 90s energy" (dot-com); "nobody knows who is holding / how much debt" (hold-the-bag).
// lex17 (a second independent review, of lex13–lex14's idioms: 65 of 78 sincere probes were labelled): the idioms now
// need their sarcastic frame — "get right on that." ending the sentence; only a Netflix doc about this; the Onion
// couldn't make this up / is this the Onion; "this has to be satire." / "this is satire, right"; not the house edge of a
// casino game; Monopoly with our / other people's money; the bill coming due as a closing warning; "where's the SEC?"
// as a complaint (not "where is the SEC on ETFs", "where are the auditors based"); "the books were never cooked" is a
// denial; booking credits as revenue "per our auditor" or "or as deferred revenue?" is accounting; nobody audits these /
// their numbers (not "the books of a sole proprietorship"); "I'd love to see the SEC step in with clear rules" asks for
// rules; X doing X things only for billionaires / tech bros; "just three guys in a trench coat"; can't spell a word of
// scorn without AI; turtles all the way down about money; "paid himself again." Dropped as too often sincere: "could
// sell ice to penguins" (praise of a salesperson), "truly the greatest minds of our generation", post-mortems.
// lex18 (a spec-conformance probe of the tagger): "it" and "out" are no terse praise (the list held "love it" and
// "checks out" split into words); a bare year (1999, 2000, 2001, 2008) in a date ("bought my first computer in 2000",
// "invested since 2008") is no comparison unless its sentence compares ("like", "again", "remember", "movie" …); a
// short answer denies a question's cue ("Is this a Ponzi? No." with wink's "No." token, "Absolutely not.") and a
// bare "It isn't." / "They're wrong." denies the sentence before, but "Is this legal? No." (or "Absolutely not.")
// answers that it is not, which is the suspicion; in normalize-text.ts, links without http(s)
// ("www.ft.com/…", "reuters.com/…"), "/u/name" and "/r/sub" with a leading slash and the path after "r/sub/…" are
// not the commenter's words, and hyphens written as U+2010 / U+2011, or an en dash between letters, are hyphens.
// lex19 (an adversarial review of lex18 found 33 of 136 probes it got wrong that lex17 got right): an answer denies a
// cue only in a question whether the thing is the cue ("Is this a Ponzi?", "Manipulation?", "Nvidia pays customers to
// buy?"), not one about who does what ("Will the SEC do anything about this fraud? No.", "Did anyone think this could
// last? No."), with at most three words after the cue, not in a text marked /s and not "No. It's worse."; a bare
// denial only after a relayed claim ending with the cue ("They call it a Ponzi scheme. It isn't one.", not "Sam says
// this circular financing is safe. It isn't."), and not a tag question ("No?"); a dated year compares with more words
// (than, levels, last seen, bailed out, Nasdaq, multiples …); a host without a scheme needs a link's path
// ("pets.com/webvan" is words); an en dash between letters stays a dash ("innovation–it's a Ponzi"); a quoted line goes
// on quoting only on a next line in lower case, and ">$1T" is no quote; "nailed" ("Nailed it.") is terse praise. In
// detect-language.ts, a word-evidence language check over 29 languages (a helper's work, see its comment).
// lex20 (a second probe, 240 sentences in rule families): LABELS.md rule 5's unrelated subjects (a CEO's clothes,
// chatbot quality, product names) as a rebuttal cue; rhetorical negations assert ("If this isn't a bubble, I don't
// know what is", "Nobody can convince me this isn't fraud", "It's not if it pops, it's when"); a relayed claim denied
// with reasons ("… It isn't: OpenAI pays real money") is denied; "this won't end well" is worry, not sarcasm (only
// "this will end well" is); "think about what could go wrong:" and "totally not financial advice" are sincere;
// "antitrust approval / review" is no suspicion.
// lex21 (an adversarial review of lex20: 118 probes, 31 clear decisions lex19 had right and lex20 wrong): only "or" /
// "nor" join a denied list ("Not a bubble, a Ponzi scheme" corrects, "isn't fraud, and the bubble will pop" asserts);
// "I think …" is no relayed claim and "No, …" opens agreeing answers too (only a whole "No." denies); "I don't buy it"
// is no denial phrase (it denies what follows as often as what came before); an unrelated subject counts only in a
// text that names no money or deal ("Altman's sweater is funded by the $100B 'investment' lol" mocks the deal), not
// "life jacket", "outfit" or "can't count on"; "If this isn't a bubble, what does …" is a question, only "… then what
// is?" asserts; "What could go wrong :)" is sarcasm; "How did this get through antitrust review?" is suspicion; and
// quoted lines continue as lex19 had them (mid-sentence, lower case), since Markdown's rule hid real answers.
// lex22 (a quick check of lex21, 50 probes, 26 fully right): "No idea, …", "No?" and ironic answers ("Nope, just a
// coincidence that …", "Nah, Nvidia would never …") deny nothing; more money words keep an unrelated subject out of a
// text about the deal (backstop, renting, datacenters, gigawatts …); a dated year's "same" / "than" must compare ("same
// movie", "higher than"), "took 20 years to break even" does; "Pets.com/Webvan/Global Crossing" lists names, not a
// link; "you could convince me this isn't a bubble" is no rhetoric.
// lex23: a denial followed in its sentence by "but" and a cue the commenter asserts is dropped ("It isn't a bubble, but
// the GPU-backed debt is going to blow up some lenders"): the denied cue stays denied, the rest counts (rule 3).

// lex24 (match-cues.ts): a short answer denies a question about a named thing too, not only about "this / it": "Is
// AMD's deal a scam? No.", "Is the AI boom a bubble? Absolutely not.", "Is there a bubble? No." (at most five words
// before the cue, none a person asked about, a verb form or a second question: "Is the SEC investigating this fraud?",
// "Is anyone surprised …" stay asked); "Not yet." denies nothing.
// lex25 (an adversarial review of lex24, training/probes/lex24-review.jsonl: lex23 56, lex24 42 of 94 clear probes):
// for a named subject the cue must be what is asked — it ends the question or follows "a / an" (not "Is the bubble
// popping yet?", "Is the circular financing sustainable?") and is no preposition's object ("Is Burry wrong about the
// bubble?"); "OpenAI's funding", "the accounting" are nouns, "really / just / even" ask nothing else; and for every
// question, an answer that moves the cue ("No, CoreWeave is.") or is ironic ("this time is different", "trust me bro",
// "any day now", "they'd never", "there are several", 🙄 after it) denies nothing.
// lex26 (a second review, training/probes/lex25-check.jsonl: lex23 21, lex25 24 of 49 clear probes): a one-word "No" /
// "Not" run on without a comma denies only before "way / chance / it / at all …" ("No one wants to say it, but yes",
// "No offense, but yes", "Not sure what else you'd call it" deny nothing); an answer moving the cue may name up to
// eight words ("No, the whole AI sector is.", "No, but OpenAI's valuation definitely is.", also after "No."); an answer
// that says the thing is the cue after all ("No. It's a bubble wrapped in a junk bond.") or carries 🚀 🤡 🔥 😂, "this
// is fine", "line only goes up", "X said so" denies nothing; a question may open with "So / But / Honest question:";
// "Are Nvidia and OpenAI round-tripping?" names its subject.
// lex27: "this time is different" — the stock phrase of every bubble — was always a denial; said bare at a sentence's
// end ("Nah, this time is different.", "… totally different this time 🙄") or relayed as what people say ("when everyone
// says it's different this time") it is irony: a cue of its own (cynicism and bubble_caution; relayed, bubble_caution only). With a reason ("This time
// is different because the revenue is real") it stays a denial; "I think this time is different." is neither.
// lex28 (an adversarial review of lex27, training/probes/lex27-review.jsonl: lex26 18, lex27 15 of 38 clear probes —
// every sincere "This time is different." was read as irony): the ironic cue needs a marker ("Sure, / Nah, / Of
// course …", "… lol / /s / 🙄 / , right / , trust me", "totally different this time") and not a critic in its sentence
// ("Burry has called twelve of the last zero crashes, but sure, this time is different lol" mocks the critic); a bare
// one is a denial again, but not when quoted, relayed or asked ("how is this time different"); the relayed cue reads
// more speakers and verbs ("analysts keep telling us"), not when the commenter agrees, and "it's not different this
// time" warns; "people keep saying" is no denial of what they say about this time.
// lex29 (match-cues.ts): a verb-form cue right after a named subject is what the question asks ("Is Altman lying
// about revenue? No, …", "Is Oracle inflating its backlog? No."), like a cue after "a / an"; not after an article or
// possessive ("the lying", "its funding"). From a blind check's shared failure (probes/blind-check.jsonl bl-39), so that
// file is no longer blind for this rule.
// lex30 (a quick review, training/probes/lex29-check.jsonl: lex28 17, lex29 17 of 32 clear probes — six fixes, six
// breaks): the -ing predicate counts only after a present "is / are", not in a clause about someone else ("Is the SEC
// okay with Nvidia round-tripping revenue?"), not when the question judges the action ("Is Nvidia round-tripping
// revenue legal? No." means it is not) and not in a comparison ("Was Cisco vendor-financing customers this hard?").
// lex31 (extract-features.ts): a terse sentence is no ironic praise when it carries a verdict against the thing
// ("Seems fairly arbitrary.", "Sounds sketchy.": "seems / sounds" made those praise) or agrees with someone ("They're
// right.", "he's right tbh": "right" after is / 's / 're); "Right." and "Yeah, right." stay ironic.
// lex32: the critic words of `mock-the-critic` (a rebuttal: mockery of short sellers and bears is not cynicism about the
// deals) only in their market sense: "put" is the verb ("put their money", "put another way", "the arrangement puts
// Altman on both sides") unless it is an option ("his puts", "buying puts", "puts print", "put options"); "short" is no
// critic in "the short answer / version", "a short time", "in short", "fall short"; "bears the cost" is a verb.
// lex33 (a review of lex31, training/probes/lex31-review.jsonl): a denied verdict is the irony ("Sure, nothing
// sketchy.", "Perfect, nothing wrong."), so it no longer makes the sentence sincere; "off" is a verdict only after
// seems / sounds / looks / feels ("Totally pays off." stays ironic); more verdict words (steep, aggressive, excessive,
// precarious, unlikely, shaky, dicey, fragile); "right" after a degree word agrees ("Sounds about right.", "Exactly
// right."), and so do "agree", "fair", "reasonable", "insight" ("Totally agree.", "Seems fair.", "Great insight.").
// lex34 (a review of every cue's hits on the labeled texts and three probe sets for words in another sense): "apparently"
// mid-clause is "reportedly"; "problems" to solve and hardware problems, "doom and gloom", "doomers", "Warner" warn of
// nothing; "lies in / ahead" is "is located"; "leverage older hardware" and "leverage in negotiations" are no debt;
// "delivers the pop" is a share-price jump; "that's what happens when" asks nothing; "speculation that …" is
// conjecture; a "bear case" names no critic; "fuck it, let's" and a "fuck-up" insult no one; "insane backlog /
// orders / racks / wake-up call" measures (match-cues.ts isSincereInsult).
// lex35 (more of the same review's senses): "overstated" only of numbers ("overstated its revenue", "earnings were
// overstated", not "the water panic is overstated", where it stays a denial — and no denial then); "just an
// alternative financing scheme" is an arrangement;
// "trillion-dollar companies" is a size, no commitment; "near-infinite cash" is deep pockets, no money glitch;
// "staged over years" is in stages (match-cues.ts).
// lex36: booking it as revenue right after "whether" / "if" and its subject (at most two words: "does anyone know
// whether AWS books this as revenue?", "if they book the credits as revenue") asks or supposes; it voices no suspicion
// (LABELS.md: explicit suspicion). Further on it is another clause ("I wonder if anyone notices they book …").
// lex37 (a writer's walkthrough of the bundled feed): an eye-roll or "lol" that is a text's only cue, in a text of three or
// more words naming nothing of the deals, laughs at something else (extract-features.ts isLoneOffTopicMockery); hiding
// "how well it was doing" conceals nothing dishonest; "can't afford to pay it back" is repayment, no mock summary;
// "does anyone know how AWS books this as revenue?" asks; hold-the-bag spans reach the bag ("who is left holding the
// bag", "left with worthless collateral") so glosses quote the whole phrase.
// lex38 (an adversarial review of lex37, probes/lex37-review.jsonl): the lone-laugh rule silenced mockery of people of
// the story ("Sam's at it again lol", "Jassy really said me too 🤡", "Their PR team is working overtime this week lol"):
// possessives are read without "'s", the deal words (DEAL_GATE_WORDS) name more people and things, a third-person subject
// with no first person keeps the laugh, and so do sarcastic frames ("really said", "love how", "at it again"); pay it back
// is repayment only with "pay" (not give / send / hand), never with "right / straight back" or back as orders or to a
// company, and also before "over / by / with interest …" or after "until <date> to"; hiding how well it was doing must
// say "doing / performing …" ("hide how great the losses are" is hiding), and "hid" counts; booking "its own investment"
// as revenue is a cue even when asked; "anybody know / explain (to me) / ELI5 how" ask.
// lex39 (a second writer's walkthrough of the feed): "the stock pops on a letter of intent" is a share-price jump, no
// bubble popping; "makes the skeptics look silly", "proves the doubters wrong" mock the critics (mock-the-critic) and
// warn of nothing (risk-warning); the spans of "artificially creating demand" and "force 401ks and other retirement
// plans" reach their object, so glosses quote the phrase whole.
// lex40: "calling this a Ponzi scheme / round-tripping / circular financing / a house of cards is lazy" denies as
// "calling this a bubble is lazy" did (the denial allowed only a one-word cue; a blind check found "Ponzi scheme").
// lex41, from two blind checks' misses (probes/blind-check-2.jsonl, then blind-check-3.jsonl; blind-check-4 held out):
// Reddit sarcasm frames ("Self-dealing much?", "a funny way to spell …", "a fancy word for 'loan'", a bare "Peak
// 2025.", a closing "Totally fine." after a statement, "Sure Nvidia, …", "lmaooo"); "who knew" only opening its sentence
// ("a guy who knew the other side was desperate" is no irony); warnings in plain words ("that ends one way", GPUs that
// will be e-waste or obsolete in N years, a bailout to come, "can't pay its bills", "never had a profitable quarter",
// spending "years ahead of revenue", "who is actually paying for this", write-downs that "are going to be brutal",
// "where we are in the cycle", "worked great right up until it didn't"); suspicion in plain words ("should be in
// handcuffs", "someone at the SEC should …", "a made up number", "buying its own revenue", "tucked into 'other income'",
// "where nobody looks", Arthur Andersen); rebuttals ("keep crying bubble", "talk of a bubble misunderstands …", "not
// because I think it's a fraud", "the circular deals are fine"); "I'm not saying it's a bubble, but …" says it; "cash
// lying around", "staged at $10B per gigawatt", "what the 'backstop' means" are other senses; "can't pay for" is no
// warning in the first person. And a denial weighs only on the tag of what it denies (extract-features.ts
// routeDenials): "This isn't a bubble, it's a Ponzi." keeps its distrust, "the problem isn't fraud, …" its warning.
// An adversarial review (probes/lex41-review.jsonl) narrowed them, same version: "X much?" is no question about liking or
// using something ("Like it much?"); "a fancy word for / a funny way to spell" mocks only when it goes on to name money,
// paying or the actors ("… for 'loan'", not "… for 'running the model'", "… of spelling aluminium"); "Peak 2027." answering
// a when-question is a date; "Sure, Amazon, Microsoft and Google all …" concedes a list; and "…, who knew." closing its
// sentence after a comma is ironic again (lex41 had kept only the opening "who knew").
// Warnings: "it ends one way or another" is the idiom; e-waste is a warning only as a future ("will be / become e-waste",
// or "are e-waste within three years"), not a state ("my old cards are e-waste at this point") nor "when they become
// e-waste?"; chips that "were obsolete in five years" are history; "the next bailout package for farmers" is a bill;
// "never posted a profitable year for almost a decade" and "has never been profitable back in 2001" tell of a company
// that turned; "ahead of what" needs what someone pays, earns or makes ("ahead of what we budgeted" is a kitchen);
// paying for "this round / dinner" is a bar tab; "write-offs will be massive for anyone who buys a truck" and tax
// write-offs are deductions.
// Suspicion: someone at the SEC who "should fix EDGAR's search" is asked for a repair (lex41's alternative and the older
// "someone at the SEC" / "the SEC should" alike); a made up number "to explain" or after "let me use" is an
// illustration; a thing tucked into other income or the footnotes, "which is standard GAAP", is presentation; "where
// nobody looks" hides something only beside a word of the accounts ("income", "footnotes", "losses" …), not a house key;
// and Andersen is the auditor only as Arthur Andersen ("Ross Andersen's profile of Altman" is a byline).
// Rebuttals: "talk of a bubble is premature; the real blow-up comes …" and "the circular deals are fine in isolation;
// what worries me is …" go on to warn, so they deny nothing; "I'm not saying it's a bubble, but I'm not saying it's
// cheap either" says neither (match-cues.ts NOT_SAYING_BUT).
// Scare quotes: a quote glossing a word ("a fancy word for 'running the model'") is a mention — the mockery of lex41's
// "fancy word for 'loan'" is in the words before the quote.
// lex42: the lone-laugh rule read "paywalled" (and a payload, PayPal) as money of the deals through a "pay…" prefix, so a
// closing 🙄 at a paywall kept its cynicism; "pay" and its forms are now words (extract-features.ts MONEY_WORDS). And
// wordings the lex41 review found out of reach: "borrowing against GPUs only ends one way", "who's really paying for all
// of this", "capex is now running years ahead of revenue", "the write-downs on these GPU clusters are going to be
// brutal"; "none of these AI labs is profitable" is no bullish word. Its second build puts each new pattern's literal
// before its lookbehinds (a bare "Peak 2025.", "Sure Nvidia,", "where nobody looks", scare quotes, "this time is
// different"): a pattern opening on a lookbehind is tried at every position of the text, and the bare "Peak 2025."
// could not even be gated on "peak"; lex41 and lex42's first build were 0.01–0.02 × slower on the bench's real
// sentences. Same matches.
// lex43: Reddit sarcasm frames, distrust in plain words and stock warnings a fifth blind check (blind-check-5, read for
// this) missed. Sarcasm frames, in a new cue `ironic-frame` that, like a bare laugh, counts only in a text naming
// something of the deals (extract-features.ts BARE_MOCKERY: "Pineapple on pizza is definitely a choice." is about
// pizza): an intensified verdict closed by "I'm sure" ("Totally independent I'm sure.", "pure coincidence im sure"; it
// was "totally unrelated, I'm sure" only, in ironic-stock-phrase; not after a negation, nor a forecast, "your index fund will be perfectly fine, I'm sure"), "I'm sure the timing (of …) is
// purely coincidental" (with the intensifier: a plain "is coincidental. The lockup was set in the S-1" rebuts), "… is
// certainly a choice." and a sentence "That's... a choice." (not "isn't really a choice", "my risk — that's a choice"),
// a closing "couldn't be me" / "could never be me", a sentence or a quote's tail "Says the man whose …" (not "the
// headline says the company whose chips …"), "Most reassuring thing I've ever heard." (not "the most reassuring thing I
// have read is that …"), a sarcastic "totally arms length". Distrust: "I don't believe / buy their numbers" or "a single
// one of those figures" (not "a word of the bubble talk"), the double standard — "if a bank did this it'd be fraud", "if
// I paid someone … it'd be called fraud" (not "…, but this isn't a bank"; not tax advice, "if you don't report it, it
// would be illegal") and "regulators would be all over it (if anyone else did this)" (not "… if the numbers were fake") —, "RPO isn't
// revenue and management knows it", "a deliberate / classic pump", "passing the same money back and forth". Warnings:
// "we've seen this movie and it ends with writedowns / doesn't end well", "we know how this story ends." (not "…, I read
// the book"), "it's usually late in the cycle" (not "… to switch the wash settings", "… for Hopper"), "how do these
// numbers ever add up / how does that math ever close?" (not "how does the math possibly work for a 2-bit model", nor
// one answered at once, "… close? Easy: …"). And a negation inside a clause about having or doing no longer denies the
// predicate after it: "announcing money you don't have is just misleading investors" (match-cues.ts
// negatesClauseBefore; "I don't think it is misleading" stays denied). An adversarial review of the first build
// (probes/lex43-review.jsonl) narrowed each of these.
// lex44: rebuttals from blind-check-5's false warnings: "The dot com comparisons are lazy" and a terse "Expensive sure.
// Bubble, no." are denials (not "… is overblown until rates rise"); "Burry has called 14 of the last 2 crashes" and "the
// 'who's left holding the bag' crowd" mock the critics, and a warning inside such a quote is the critics' words, not
// the commenter's (match-cues.ts dropQuotedByTheCritics; "The 'AI is a bubble' crowd was right in 2000 too" loses its
// bubble cue with it).
// lex45: from blind-check-6's misses (read for this; blind-check-7 kept unread to measure it). A sarcastic coincidence
// ("Totally coincidental I'm sure", "I'm sure the timing is purely coincidental", a "totally arms length" market) is its
// own cue, ironic-coincidence, which also weighs on distrust: it insinuates that the timing was arranged. More frames
// (ironic-frame): "carefully underwritten by very serious people", "Pepperidge Farm remembers", "sure, and I'm going to
// be an astronaut by 2029." (a short phrase closing the sentence: not "Sure, and I'm a shareholder too, so …").
// Distrust: "something feels off about OpenAI saying …", "someone in Congress should be asking", "if a small-cap did this the SEC
// would …" (not "… would require the warrants to be booked as a liability"). Warnings: a sentence "Tell me how that
// ends." (not "Can someone tell me how it ends?"), "whoever's holding the last tranche …" (not "… the last slice of
// pizza"), "dark fiber all over again". "earnings have been overstated" is no denial ("have been" now reaches the lex35
// exception). An adversarial review (probes/lex45-review.jsonl) narrowed these: a coincidence followed by its
// explanation ("… a total coincidence: the date was set in July", "…, since the lockup was fixed in the S-1") is sincere;
// "arms-length" only after "totally / super / so / very" and not "…, same list rates"; "something feels off about" only
// about a company, a deal or its numbers; and dropped "the oldest trick in the book" (undervolting a 4090 is one), "love
// that for me" (said sincerely too), "the most Elon thing" (flamethrowers) and a bare "sat dark". A code review found two
// lex43–lex44 over-reaches, mended here: "I don't buy that it is a bubble" / "I don't get how this is fraud" kept their
// denial out (negatesClauseBefore no longer takes "buy" or "get", nor a verb opening its own clause, "that / how …"),
// and a quoted crowd is the critics only when the quote holds a warning ("the 'buy the dip' crowd will be left holding
// the bag" mocks the bulls).
// lex46 was tried and dropped (training/README.md, "Tried after lex45"). lex47: praise said as meant — "genuinely
// inspiring", "kind of genius ngl", "kinda genius tbh." — is no irony: a sincerity marker just before or after a
// sarcastic-praise word drops it (WORD_SENSE_FILTERS), and one in a terse sentence makes it sincere (extract-features.ts
// SINCERITY_MARKERS); "Genius." and "Truly inspiring 🙄" stay ironic.
export const LEXICON_VERSION = 'lex47';

/**
 * cue: a stance signal; shown as a cue when it contributes.
 * rebuttal: denial / defence signals (turn tags off); shown with negative weight.
 * context: topic / register features; used by the classifier but never shown.
 */
export type CueKind = 'cue' | 'rebuttal' | 'context';

export interface CueDef {
  name: string;
  kind: CueKind;
  /** Single-token matcher: exact lower-case tokens, or prefixes ending in `*`. */
  words?: readonly string[];
  /** Regex source, lower-case; compiled with flag "g" and run on lower-cased text. */
  pattern?: string;
  /** For `pattern` cues: the regex runs only when one of these is present. */
  triggers?: readonly string[];
  /** Whether a negator just before the match ("not a bubble") flips it to `neg:<name>`. */
  negatable: boolean;
  /** Hand-set prior weights (logit units) per tag; training shrinks towards them. */
  prior: { cynicism?: number; distrust?: number; bubble_caution?: number };
}

const W = String.raw;
const list = (s: string): string[] => s.trim().split(/\s+/u);

// "This time is different": the ironic cue ('this-time-different') takes the phrase with one of these markers around
// it, and the 'denial' cue takes it without them, so the two read the same lists.
const TIME_DIFFERENT = W`(?:this time (?:is|it'?s|will be|really is) different|(?:it'?s|it is) different this time)`;
/** Just before the phrase, in its sentence: "Sure, …", "Nah, …", "Of course …". */
const IRONY_BEFORE = W`(?:sure|nah|of course|yeah,? yeah|but hey|relax|totally)[,.!]? (?:[\w']+ ){0,3}`;
/** Just after it: "… lol", "… /s", "… 🙄", "…, right". */
/**
 * What "a fancy word for …" / "a funny way to spell …" goes on to name when it mocks: a quote or a word of money, paying
 * or the people paid ("a fancy word for 'loan'", "a funny way to spell 'we buy our own revenue'"); a gloss of a technical
 * word ("Inference is a fancy word for 'running the model'") or of a spelling ("a funny way of spelling aluminium") names none.
 */
const MOCKED_GLOSS = W`(?=\s*(?:["'“‘][^"'”’\n]{0,80}?\b(?:they|we|he|she|you|our|their|his|its|own|us|them|pay\w*|paid|buy\w*|bought|sell\w*|sold|lend\w*|borrow\w*|debts?|loans?|fraud|scam|ponzi|money|cash|bribe\w*|ious?|round[- ]?tripping|subsid\w*|kickbacks?|bailouts?|grift\w*|vaporware|bankrupt\w*)\b|(?:they|we|he|she|you|our|their|his|its|paying|buying|selling|lending|debt|loans?|fraud|scam|ponzi|money|cash|bribe\w*|ious?|round[- ]?tripping)\b))`;
const IRONY_AFTER = W`[ \t]*(?:sarcmark|🙄|🤡|😂|🤣|™|lol\b|lmf?ao+\b|,? (?:right|trust me|i'?m sure)\b|or whatever\b)`;

export const CUE_DEFS: readonly CueDef[] = [
  // ---- sarcasm and mockery (cynicism) ----------------------------------------
  { name: 'sarcasm-tag', kind: 'cue', words: ['sarcmark'], negatable: false, prior: { cynicism: 2.5 } },
  {
    name: 'totally-not',
    kind: 'cue',
    pattern: W`\b(?:totally|definitely)(?<=(?:^|[.!?\n>*_(])\s{0,3}[a-z]+) no (?!(?:way|doubt|regrets?|problem|issues?|longer)\b)\w+|\btotally[- ]not[- ](?!(?:(?:financial|investment|legal|tax) )?advice\b)(?:a |an )?\w+|\b(?:definitely|absolutely|certainly|surely)(?:-not-(?:a-|an-)?\w+| not (?:a |an )?(?:bubble|scam|ponzi|fraud\w*|(?:money[- ])?launder\w*|shell game|scheme|con|ploy|bailout|circular|rigged|grift|pyramid|round[- ]?trip\w*|suspicious|shady|coincidence|conflict|cooked|fake|problem|red flag|insider\w*|manipulat\w*|illegal|sketchy|dodgy|sus)\b)`,
    triggers: list('totally* definitely* absolutely* certainly* surely*'),
    negatable: false,
    prior: { cynicism: 2.0 },
  },
  {
    name: 'what-could-go-wrong',
    kind: 'cue',
    pattern: W`\bwhat could (?:possibly )?go wrong\b(?<!\b(?:about|consider|considering|ask|asks|asking|yourself|list|lists|listing|here's|here is|know|knowing|understand|explains?|explaining|shows?|plan for|planning for|thought about|think through) what could (?:possibly )?go wrong)(?!\s*:(?![()pPdD3\[\]/|\\]))(?!(?: (?:with|for|in|on|at|here|there|during)\b[^.!?\n]{0,60})? (?:is|are|includes?)\b)|\bnothing could (?:possibly )?go wrong\b|\b(?:this|that|it) (?:will|is going to|can only) (?:surely |definitely |certainly )?end (?:well|great)\b|\b(?:surely|definitely) (?:this|that|it) (?:won't|can't)\b|\b(?:surely|definitely) (?:this|that|it) will (?:work|pay off|end|be fine|turn out|go (?:well|great|smoothly)|last|never|not)\b|\bwhat'?s the worst that could happen\b|\bsounds like a (?:great|solid|good|brilliant|totally sane) plan\b|\b(?:foolproof|flawless|airtight|bulletproof) plan\b`,
    triggers: list('wrong end sounds foolproof flawless airtight bulletproof surely definitely worst'),
    negatable: false,
    prior: { cynicism: 2.2, bubble_caution: 0.5 },
  },
  {
    name: 'ironic-stock-phrase',
    kind: 'cue',
    pattern: W`\bwake me (?:up )?when\b|\bnothing screams\b|\bthe most (?:silicon valley|wall street|late[- ]stage capitalism|tech bro|2021|1999) thing\b|\bpeak (?:silicon valley|tech bro|insanity|stupidity)\b|\b(?:great|perfect|awesome|wonderful|fantastic|brilliant)(?<=(?:^|[.!?\n>*_(])\s{0,3}[a-z]+),? (?:just what we needed|exactly what we needed|yet another|just more)\b|\bnothing to see here\b|\bsurprise,? surprise\b|\bwho could (?:have|'?ve) (?:possibly )?(?:seen|predicted|guessed|known|foreseen)\b|\bwho would(?: have|'?ve) (?:thought|guessed|known)\b|\bshocked,? (?:i tell you|shocked)\b|\bi'?m (?:so |absolutely |totally )?(?:shocked|stunned)\b|\bshocking,? i know\b|\bmake it make sense\b|\bfunny how (?:that|this|it) works\b|\bthis is fine\b|\bwhat a (?:coincidence|surprise|shock|time to be alive|world)\b|\bnothing says\b|\bgood luck with that\b(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|,?\s*(?:lol|lmao|lmfao|haha|rofl)\b))|\byeah,? (?:sure|right(?! (?:now|there|here|away|after|before|about)\b)|ok|okay)\b(?!,? (?:i(?:'ll| can| will| could)|happy to|go ahead|here you go|no problem)\b)|\bsure,? (?:jan|buddy|pal|bud)\b|\boh (?:great|good|wow|look|joy|sure|yes|boy|no,? anyway)\b(?![^.!?\n]{0,80}\b(?:thanks|thank you|thx)\b)|\btrust me,? bro\b|\btrust me bro\b|\bsource:? trust me\b|\blet me get this straight\b|\bwho knew\b(?<=(?:^|[.!?\n>*_(…:—-])\s{0,3}(?:(?:and|but|well|oh|lol|i mean|yeah)[,.]? )?who knew)|\bwho knew\b(?<=,\s{0,3}who knew)(?=\s*(?:[.!?…)\n]|$|sarcmark|[^\x00-\x7f]|lol\b))|\bsure(?<=(?:^|[.!?\n>*_(])\s{0,3}sure),? (?:nvidia|openai|oracle|microsoft|amazon|amd|coreweave|softbank|meta|google|jensen|sam|altman|larry|satya|lisa|jassy|bezos|elon|zuck|wall street)(?=,)(?!, (?:and |or )?(?:nvidia|openai|oracle|microsoft|amazon|amd|coreweave|softbank|meta|google|intel|broadcom|apple|tesla|anthropic|jensen|sam|altman|larry|satya|lisa|jassy|bezos|elon|zuck)\b)|\bshocker\b|\bcolou?r me (?:surprised|shocked)\b|\bimagine my surprise\b|\byou don'?t say\b|\bgo figure\b(?! out\b)|\bof course (?:they|he|she|it|this|that)(?:'s| did| do| does| would| will| is| are)?\b(?:(?<=\b(?:did|would))|(?= (?!(?:need|feed|speed|exceed|proceed|succeed|bleed|breed|seed|heed)\b)\w+ed\b)|(?![^.!?\n]{0,80}(?:[;:]|\b(?:because|since|given|otherwise)\b)))|\bnaturally,? (?:they|he|she|it)\b|\bbig if true\b(?![^.!?\n]{0,100}\b(?:but|though|although|however)\b)|\b(?:sounds|seems|totally|very|perfectly) legit\b|\bcan'?t make this (?:shit |stuff )?up\b|\bwhat'?s next\b(?=\s*(?:[,.?!…:;—-]|$|sarcmark|[^\x00-\x7f])|,? (?:nvidia|openai|oracle|microsoft|amazon|amd|coreweave|softbank|jensen|sam|altman|they|he) [a-z]+ing\b)|\bwhat a time\b|\baged like (?:milk|fine milk)\b|\bdidn'?t age well\b|\bwelcome back\b(?! to (?:the |our |my |this |your )?(?:[\w'-]+ ){0,3}(?:thread|show|channel|podcast|stream|episode|series|sub|subreddit|discussion|community|office|team|work|call)s?\b)(?!,? (?:everyone|everybody|folks|guys|all|y'?all|friends|team)\b)|\bthanks,? i hate it\b|\bi for one welcome\b|\bthe absolute state\b|\bpeak (?:capitalism|late[- ]stage|clown|comedy|ai|hype|grift)\b|\blate[- ]stage capitalism\b|\bin this economy\b|\bchecks out\b(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|,?\s*(?:lol|lmao|lmfao|haha|rofl)\b))|\b(?:math|numbers?) check out\b(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]))|\bi'?m sure (?:this|that|it|they|nothing|everything)\b(?![^.!?\n]{0,100}\b(?:but|though|although|however)\b)(?![^.!?\n]{0,60}\b(?:been (?:posted|reposted|asked|discussed|mentioned|answered|covered|said|shared|linked)|(?:fine|ok|okay|alright|allowed|safe) to)\b)|\bi'?m sure (?:it'?s|that'?s) (?:fine|nothing)\b(?! to\b)(?![^.!?\n]{0,100}\b(?:but|though|although|however)\b)(?![^.!?\n]{0,60}\b(?:been (?:posted|reposted|asked|discussed|mentioned|answered|covered|said|shared|linked)|(?:fine|ok|okay|alright|allowed|safe) to)\b)|\bthat'?s the joke\b|\bbecause of course\b|\ba+ny (?:day|minute|moment|year|decade) now\b(?<=(?:^|[.!\n>*_(…])\s{0,3}(?:(?:yeah|yep|yup|sure|oh|right|and|aa+nd)[,.]? )?a+ny [a-z]+ now)(?=[ \t]*(?:[.!?…)\n]|$|sarcmark|[^\x00-\x7f]))|\bgee,? i wonder (?:why|who)\b|\b(?:surprised|shocked) pikachu (?:face|meme|moment)\b|\b(?:surprised|shocked) pikachu\b(?<=(?:^|[.!?\n>*_(…:]|\binsert|\bcue)\s{0,3}[a-z]+ pikachu)|\bbold strategy,? cotton\b|\b(?:(?:they|he|she)'ll|(?:they|he|she|regulators|congress|the (?:sec|ftc|doj|fbi|fed|feds|regulators|government|authorities|auditors|board|irs|senate|courts?)) (?:will|are gonna|are going to|is gonna|is going to)) (?:surely |definitely |totally )?get right on (?:that|it|this)\b(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|lol\b))|\bcan'?t wait (?:for|to see) (?:the )?(?:inevitable )?(?:bailouts?|class actions?|lawsuits?)\b(?! (?:settlement|checks?|payouts?|money)\b)|\bcan'?t wait (?:for|to see|to watch) the netflix (?:doc\w*|series) (?:about|on) (?:this|that|all (?:of )?this)(?: one| mess)?\b|\b(?:the )?onion (?:couldn'?t|could not|can'?t|cannot) (?:make (?:this|that|it|these) up|write (?:this|that|these))\b|\bis this (?:the )?onion\b|\b(?:reads|sounds) like an? onion (?:article|headline|piece)\b|\bstraight out of the onion\b|\bthis is satire,? right\b|\bsatire is dead\b|\b(?:this|it) (?:has to|must|needs to) be satire(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|lol\b))|\bthe house always wins\b(?=\s*(?:[.!…)\n,;:]|$|sarcmark|[^\x00-\x7f]|-|again\b|lol\b))(?<!\b(?:roulette|blackjack|casinos?|poker|slots?|odds|edge|long run|in vegas)\b[^.!?\n]{0,80})|\bplay(?:ing|s|ed)? monopoly with (?:our|your|their|other people'?s|everyone'?s) (?:\w+ )?(?:money|retirement|savings|pensions?|economy|401\(?k\)?s?|cash|dollars)\b|\b(?:a (?:little|bit of)|some|just some) light (?:fraud|money[- ]laundering|insider trading|market manipulation|self[- ]dealing|embezzlement|bribery|securities fraud|wash trading)\b(?! (?:detection|prevention|screening|checks?|models?|rules?|training|analytics|research|analysis|team|class|course|thesis)\b)|\b(?:billionaires?|tech bros?|rich people) doing (?:billionaire|tech bro|rich people) (?:things|stuff|shit)\b(?!:)|\b(?:just|basically|really|all|still) (?:two|three|four|five|a few|some) (?:guys|kids|companies|raccoons|people|goblins) in a trench ?coat\b|\bcan'?t spell ["']?(?:grift\w*|scam\w*|fraud|fail\w*|bailouts?|pain|mania|hype|ponzi|sham|shame|liars?|lies|fake|evil|villains?|hallucinations?|plagiarism)["']? without ["']?(?:ai|ml|gpus?|nvda|nvidia|openai|oracle|amd|llms?|vcs?|ceos?|sam|elon|jensen)\b|\bturtles all the way down\b(?=[^.!?\n]{0,60}\b(?:ious?|debt|money|financ\w+|invest\w*|leverage|loans?|credit|valuations?)\b)|\bturtles all the way down\b(?<=\b(?:ious?|debt|money|financ\w+|invest\w*|leverage|loans?|credit|valuations?)\b[^.!?\n]{0,80})|\b(?:i )?wonder why(?<=(?:^|[.!?\n>*_(])\s{0,3}(?:i )?wonder why)(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|lol\b))|(?<=(?:^|[.!?\n>*_(])\s{0,3})(?!(?:how|too|so|very|not|thanks?|pretty|as|that|this|is|are|was|were|does|do|did|will|would|can|could|should|cost|costs|spend|spent|has|have|had|any|anyone|and|or|but|of|by|without)\b)[a-z][\w'-]*(?: (?!(?:how|too|so|very|not|that|this|as|pretty|thanks?|it|you|them|him|her|me|us)\b)[a-z][\w'-]*){0,3} much\?|\b(?:funny|fancy|cute|creative|interesting|weird|strange) way (?:to spell|of spelling)\b${MOCKED_GLOSS}|\b(?:fancy|cute|creative|polite) (?:way of saying|way to say|word for|name for|term for)\b${MOCKED_GLOSS}|\bpeak(?<=(?:^|[.!?\n>*_(])\s{0,3}peak) (?:19|20)\d\d\b(?<!\b(?:when|what year|which year)\b[^.!?\n]{0,100}\?\s{0,3}peak (?:19|20)\d\d)(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]))|(?<=[.!…]["'”)]?\s{1,3})(?<!(?:^|[.!?\n])\s{0,3}(?:no|nope|nah|yes|yeah|yep|ok|okay)[.!]\s{1,3})(?:totally|perfectly|completely) (?:fine|normal|healthy)(?=[.!…]?\s*(?:sarcmark|[^\x00-\x7f])*\s*$)`,
    triggers: [...list('much spelling saying say term healthy unrelated wonder light minds billionaire billionaires ceo ceos bros vc vcs trench trenchcoat spell turtles right wait onion satire parody house monopoly wake screams insanity stupidity needed see surprise seen predicted guessed known foreseen thought shocked stunned shocking sense funny fine coincidence shock alive world says luck yeah sure oh bro source straight knew shocker color colour course naturally true legit make next time aged age welcome hate absolute peak late late-stage economy check checks joke figure say day minute moment year decade now gee wonder pikachu cotton'), 'most silicon', 'most wall', 'most late', 'most tech', 'most 2021', 'most 1999', 'yet another', 'just more'],
    negatable: false,
    prior: { cynicism: 1.8 },
  },
  {
    // lex43 (see the version note): sarcasm frames with no target of their own, so, like a bare laugh, off-topic unless
    // the text names something of the deals (extract-features.ts BARE_MOCKERY)
    name: 'ironic-frame',
    kind: 'cue',
    pattern: W`\b(?:totally|purely|pure|total|completely|complete|entirely|perfectly|absolutely|absolute)(?<!\b(?:not|n't|never|(?:will|'ll|gonna|going to|should) be) [a-z]+) (?!(?:coinciden\w*|unrelated|independent|arms?'?[- ]length)\b)(?:[a-z'-]+ ){0,2}?[a-z'-]+,? (?:i'?m sure|i bet|surely|obviously)(?=\s*(?:[.!…)\n]|$|sarcmark|lol\b|lmf?ao+\b|[🙄🤡😂🤣💀]))|\b(?:certainly|definitely|quite|truly) a choice(?=\s*(?:[.!…)\n]|$|sarcmark|lol\b|lmf?ao+\b|[🙄🤡😂🤣💀]))(?<!\b(?:not|n't|never) (?:certainly|definitely|quite|truly) a choice)|\bthat'?s(?:\.\.\.?|…)? a choice(?=\s*(?:[.!…)\n]|$|sarcmark|lol\b|lmf?ao+\b|[🙄🤡😂🤣💀]))(?<=(?:^|[.!?\n>*_(])\s{0,3}that'?s(?:\.\.\.?|…)? a choice)|\bcould(?:n'?t| never) be me(?=\s*(?:[.!…)\n]|$|sarcmark|lol\b|lmf?ao+\b|[🙄🤡😂🤣💀]))|\bsa(?:ys|id) (?:the |a )?(?:man|guy|dude|woman|ceo|company|firm|person|billionaire|bank|fund) (?:whose|who(?:'s| just| owns| sold| stands to| gets paid| needs| makes money))\b(?<=(?:(?:^|[.!?\n>*_(])\s{0,3}|['\"”’],? )sa(?:ys|id) [^.!?\n]{0,40})(?![^.!?\n]{0,40}\b(?:short\w*|bears?|bearish|doom\w*|puts|critics?)\b)|\bsa(?:ys|id) [a-z]+(?: [a-z]+)?, who(?:'s| just| has just)? (?:sold|dumped|owns|stands to|gets paid|cashed out|unloaded)\b(?<=['\"”’],? sa(?:ys|id) [^.!?\n]{0,40})|\bmost (?:reassuring|comforting|convincing|confidence[- ]inspiring) thing (?:[a-z']+ ){0,3}?(?:has |have )?ever (?:said|heard|read|written)\b(?<=(?:^|[.!?\n>*_(\"'“”‘’])\s{0,3}(?:the )?most [a-z -]+ thing [^.!?\n]{0,60})(?![^.!?\n]{0,60}\b(?:is|was) (?:that|how|when|what|the)\b)|\bnothing (?:more |quite as )?(?:reassuring|comforting|confidence[- ]inspiring) (?:than|like)\b|\bvery serious people\b|\bpepperidge farm remembers\b|\b(?:sure|yeah|right),? and i'?m (?:going to be |gonna be )?(?:an? |the )?[a-z]+(?: [a-z]+)?(?: by \d{4})?(?=\s*(?:[.!…)\n]|$|sarcmark|lol\b|lmf?ao+\b|[🙄🤡😂🤣💀]))(?<=(?:^|[.!?\n>*_(\"'“”‘’])\s{0,3}(?:sure|yeah|right),? and i'?m [^.!?\n]{1,40})`,
    triggers: [...list('sure bet surely obviously choice reassuring comforting convincing confidence-inspiring says said serious pepperidge yeah right'), 'be me'],
    negatable: false,
    prior: { cynicism: 1.8 },
  },
  {
    // lex45: a sarcastic "coincidence" insinuates that the timing was arranged (suspicion as well as mockery); like
    // ironic-frame it counts only in a text naming something of the deals
    name: 'ironic-coincidence',
    kind: 'cue',
    pattern: W`\b(?:totally|purely|pure|total|completely|complete|entirely|perfectly|absolutely|absolute|just)(?<!\b(?:not|n't|never|(?:will|'ll|gonna|going to|should) be) [a-z]+) (?:a )?(?:coinciden\w*|unrelated|independent)(?: (?:[a-z'-]+ ){0,3}?[a-z'-]+)?,? (?:i'?m sure|i bet|surely|obviously)(?:\s*(?:[.!…)\n]|$|sarcmark|lol\b|lmf?ao+\b|[🙄🤡😂🤣💀])|,\s*that\b)|\b(?:sure|yeah|right),? the timing (?:is|was) (?:a )?(?:total|pure|complete|purely|totally|entirely) coinciden\w*\b(?!\s*[:;—–]|,? (?:since|because|as|the [a-z]+ (?:was|had been|is) (?:set|scheduled|fixed|filed))\b)|\bi'?m sure the timing (?:of [^.!?\n]{1,40}? )?(?:is|was|has been) (?:purely|totally|entirely|completely|pure|total|complete|just a|a total|a complete|a pure) (?:coinciden\w*|unrelated)\b(?!\s*[:;—–]|,? (?:since|because|as|the [a-z]+ (?:was|had been|is) (?:set|scheduled|fixed|filed))\b)|\b(?:totally|super|so|very) arms?'?[- ]length\b(?!,? (?:same|at|with|because|since|as|per|under)\b)`,
    triggers: list('coincidence coincidences coincidental coincidentally unrelated independent arm arms length timing just'),
    negatable: false,
    prior: { cynicism: 1.8, distrust: 1.4 },
  },
  {
    // the stock phrase of every bubble: said with an ironic marker ("Sure, this time is different.", "… this time is
    // different lol", "totally different this time"), not about the critics, it mocks and warns; a bare one is a
    // sincere denial (the 'denial' cue), which most bulls who write it mean
    name: 'this-time-different',
    kind: 'cue',
    pattern: W`(?=this\b|it\b|totally\b)(?<!\b(?:bears?|burry|shorts?|short sellers?|doomers?|critics?|skeptics?)\b[^.!?\n]{0,120})(?:(?<=${IRONY_BEFORE})${TIME_DIFFERENT}\b|\btotally different this time\b|\b${TIME_DIFFERENT}\b(?=${IRONY_AFTER}))`,
    triggers: list('different'),
    negatable: false,
    prior: { cynicism: 1.0, bubble_caution: 1.4 },
  },
  {
    // relayed as what people say, unless the commenter agrees, or denied ("it's not different this time"), it warns
    // without mocking the deal makers (LABELS.md: cynicism is about them)
    name: 'this-time-different-said',
    kind: 'cue',
    pattern: W`\b(?:everyone|everybody|everyone'?s|people|they|bulls|the bulls|someone|somebody|you|wall street|analysts|ceos|jensen|altman)(?: (?:keep|keeps|will|always))? (?:says?|said|saying|tells? (?:you|us)|telling (?:you|us)|told (?:you|us)|claims?|claiming|insists?|insisting)(?: that)?(?: it'?s| it is| this time is)? ['\"]?(?:this time (?:is|it'?s) different|(?:it'?s )?different this time)\b(?![^.!?\n]{0,60}\b(?:i agree|they were right|(?:is|are) right|they'?re right)\b)|\b(?:it'?s|it is) not different this time\b|\bthis time (?:is not|isn'?t|is no|is never|won'?t be) different\b`,
    triggers: list('different'),
    negatable: false,
    prior: { bubble_caution: 1.4 },
  },
  {
    name: 'line-go-up',
    kind: 'cue',
    pattern: W`\b(?:line|number|stonk|graph|chart) go up\b|\b(?:line|number|stonk|graph|chart)s? (?:must|can only|only) go(?:es)? up\b|\bstonks\b|\bbrr+\b|\bmoney printer\b|\bto the moon\b.{0,3}(?:🚀|sarcmark)`,
    triggers: list('line lines number numbers stonk stonks graph graphs chart charts brr* printer moon'),
    negatable: false,
    prior: { cynicism: 2.0, bubble_caution: 0.8 },
  },
  {
    name: 'infinite-money',
    kind: 'cue',
    pattern: W`\binfinite (?:money|cash|growth)\b(?<!\b(?:near|nearly|almost|practically|virtually|basically)[- ]infinite (?:money|cash|growth))|\bmoney (?:printer|glitch|machine|hack|cheat)\b|\b(?:glitch|hack|cheat code)s? (?:for|of) (?:infinite |free )?money\b|\bperpetual (?:motion|money)\b|\bmoney[- ]go(?:es)?[- ]round\b|\bself[- ]licking\b|\bouroboros\b|\bsnake eating its (?:own )?tail\b|\bhuman centipede\b|\bcircle ?jerk\w*|\bfree money\b|\b(?:monopoly|pretend|imaginary) money\b|\bcasino\b(?!s? (?:stocks?|shares|operators?|industry|resorts?|revenue|compan(?:y|ies)|chains?|floors?|licen[cs]es?|gaming|workers|jobs)\b)|\bmoney out of thin air\b|\bout of thin air\b|\bpassing (?:the same|a) (?:dollar|\$\d+ bill|twenty|buck)\b`,
    triggers: list('infinite printer glitch glitches machine hack hacks cheat perpetual self-licking licking ouroboros snake centipede circle circlejerk* jerk free thin passing round money-go-round money-goes-round monopoly pretend imaginary casino'),
    negatable: false,
    prior: { cynicism: 1.8, bubble_caution: 1.0 },
  },
  { name: 'mock-emoji', kind: 'cue', pattern: W`🙄|🤡|💀|🤣|😂|🤦|🍿|🎪|🫠|😆|😏|🤪|🙃|🥴|🤑`, triggers: list('🙄 🤡 💀 🤣 😂 🤦 🍿 🎪 🫠 😆 😏 🤪 🙃 🥴 🤑'), negatable: false, prior: { cynicism: 1.4 } },
  { name: 'laughter', kind: 'cue', words: list('lol lolol lool lmao* lmfao* rofl roflmao kek haha* hehe* ahah* bwah* lul lulz'), negatable: false, prior: { cynicism: 1.0 } },
  {
    name: 'scare-quotes',
    kind: 'cue',
    // a short quoted phrase (1–4 words) inside a sentence; long quotes are reported speech; a quote glossing a word ("a
    // fancy word for 'running the model'", "the bankers' term for 'installment'") is a mention (lex41 review)
    pattern: W`"(?<=[\s(\[]")(?<!\b(?:word|name|term|jargon|shorthand)\s+for\s+")[a-z$][^"\n]{0,38}"|'(?<=[\s(\[]')(?<!\b(?:word|name|term|jargon|shorthand)\s+for\s+')[a-z$][^'\n]{0,28}'(?=[\s.,;:!?)]|$)`,
    triggers: ['"', " '", "('", "['", "\n'"],
    negatable: false,
    prior: { cynicism: 0.9 },
  },
  {
    name: 'mock-summary',
    kind: 'cue',
    // "X gives Y money, Y buys X's chips", "investing in themselves", "buys from itself"
    pattern: W`\b(?:invest(?:s|ing|ment)?|money) (?:in|into|to) (?:themselves|itself|himself)\b|\b(?:invest(?:s|ing|ment)?|money) (?:in|into|to) yourself\b(?:(?=[^.!?\n]{0,120}\b(?:revenue|sales|demand|customers?|orders?|backlog|booked|booking|counts?|counted|counting|calls? it|called it|calling it)\b)|(?<=\b(?:revenue|sales|demand|customers?|orders?|backlog|booked|booking|counts?|counted|counting|calls? it|called it|calling it)\b[^.!?\n]{0,150}yourself))|\b(?:buys?|buying|sells?|selling) (?:\w+ ){0,2}(?:from|to) (?:itself|themselves|himself)\b|\b(?:to|then|just|so (?:they|it) can|which (?:they|it) (?:uses?|spends?) to)(?:(?: \.\.\.| …|\.\.\.|…) ?| )(?:buy|pay(?: for)?|purchase|spend it on|rent) (?:more )?(?:\w+'s |its own |their own |our own |back )?(?:chips|gpus|products|cloud|compute|services|hardware|cards)\b|\b(?:buy|buying|buys) (?:its own|their own|his own) (?:stock|shares)\b|\bin order for \w+ to (?:buy|pay for|rent) (?:more )?(?:\w+ )?(?:chips|gpus|compute|cloud|hardware)\b|\b(?:to|and|then|who|which) (?:gives?|hands?|sends?|pays?) (?:it|the money|the cash|them|that) (?:right |straight )back\b|\b(?:to|and|then|who|which) (?:gives?|hands?|sends?) (?:it|the money|the cash|them|that) (?:all )?back\b|(?<!\b(?:afford|able|unable|have|has|had|need|needs|needed|going|want|wants|expected|expects|promised|agreed|supposed|required|obligated|struggle|struggles|struggling|fail|fails|failed|time) |\buntil [\w-]+ )\b(?:to|and|then|who|which) pays? (?:it|the money|the cash|them|that) (?:all )?back\b(?! (?:over|by|within|with interest|from|in full|before|after|until|when|eventually|someday|one day)\b)|\b(?:to|and|then|who|which) pays? (?:it|the money|the cash|them|that) (?:all )?back (?:as|in (?:the form of )?(?:chips?|gpus?|compute|cloud|orders?|purchases?|revenue)|(?:to|into) (?:nvidia|nvda|amd|aws|amazon|microsoft|msft|azure|oracle|openai|coreweave|google|softbank)(?:'s|’s)?)\b|\bhand(?:s|ing)? (?:it|the money|the cash|them) (?:right |straight )?back\b|\buses? (?:that|the|this|those) (?:money|cash|funds|investment) to (?:buy|pay|rent)\b|\bbasically (?:\w+ ){0,3}(?:buying|funding|paying|giving)\b(?! for (?:itself|themselves|yourself|yourselves|himself|herself)\b| (?:(?:it|itself|themselves|them|that|this) )?(?:off|down)\b| dividends\b)|\bfunding (?:its|their|his) own (?:customers?|sales|revenue|demand)\b|\bin other words\b(?=[^.!?\n]{0,120}\b(?:itself|themselves|himself|its own|their own|his own|right back|straight back|in a circle|same (?:money|dollars?|cash))\b)|\btranslation:(?=\s*[\"“'*_]?(?:we|we'?re|we'?ll|we'?ve|our|us|i|i'?m|you|your|nobody|no one|trust|give|pay|buy|please)\b)|\bstep (?:1|one)\b(?=[\s\S]{0,300}\bprofit)|\bprofit\?\?|\?\?\? profit|\bunderpants gnomes\b|\bsame (?:\$?\d+ )?(?:dollars?|money|cash) (?:going|moving|flowing|passed|changing) \w+|\brinse(?:[,.]? | and | & | n |-and-|-)repeat\b(?<=\b(?:invest(?:s|ed|ing|ments?)?|pays|paid|paying|buys|bought|books|booked|booking|funds|funded|funding|raises|raised|raising|lends|lent|lending|borrows|borrowed|revenue|money|cash|billions?|valuations?|debt|loans?|deals?|announce[sd]?)\b[\s\S]{0,200}rinse[ ,.&adn-]{1,7}repeat)(?=[ \t]*(?:[.!?…;)\n]|$|sarcmark|[^\x00-\x7f]))|\bpa(?:y|ys|ying|id) (?:yourself|yourselves|themselves|itself|himself)\b(?<=(?:'re|\bare|\bis|'s|\bjust|\bbasically|\bliterally|\bessentially|\beffectively|\bsimply|\bonly|\bkeeps?|\bwhen (?:you|they|it|he)) pa[a-z]+ [a-z]+)(?<=\b(?:invest(?:s|ed|ing|ments?)?|revenue|growth|sales|customers?|demand|profits?|money|cash|buys|bought|deals?|earnings)\b[\s\S]{0,200}pa[a-z]+ [a-z]+)(?<!\b(?:salar\w*|payroll|tax\w*|s-?corp|llc|sole|dividends?|wages?|owners?|founders?|trader|freelanc\w*|self-employed)\b[^.!?\n]{0,120}pa[a-z]+ [a-z]+)(?=[ \t]*(?:[.!?…;:,)\n]|$|sarcmark|[^\x00-\x7f]|and call|with (?:your|their|its|his) own|with (?:extra|more|additional) steps))(?![^.!?\n]{0,80}\b(?:salar|payroll|tax|dividend|wage))|\bpa(?:ys|id|ying) (?:himself|themselves) (?:again|once more)(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|lol\b))`,
    triggers: list('himself themselves itself themselves itself yourself himself buy buys buying sell sells selling purchase rent pay spend back use uses basically funding words translation step ?? underpants same rinse repeat yourself yourselves pay pays paying paid'),
    negatable: false,
    prior: { cynicism: 1.4, bubble_caution: 0.4, distrust: 0.3 },
  },
  {
    // ironic asides (LABELS.md: sarcasm and irony without keywords): a resigned "I guess", sarcastic
    // "good thing ...", mock appreciation ("is certainly interesting", "particularly amusing"),
    // "not a coincidence"
    name: 'ironic-aside',
    kind: 'cue',
    pattern: W`\b(?:so |then )?i guess(?=[.,!?)]|$| (?:we'?ll|that'?s|they|it doesn'?t|it'?s fine|nobody))|\bgood thing (?:nobody|no one|they|he|she|we|those|these|it'?s)\b|\b(?:is|are|was|were|sounds|seems) (?:certainly|particularly|truly|very|quite|so|awfully) (?:interesting|amusing|rich|cute|convenient|convincing|reassuring)\b|\bnot (?:a |just )?(?:coincidence|accident)\b`,
    triggers: list('guess good interesting amusing rich cute convenient convincing reassuring coincidence accident'),
    negatable: false,
    prior: { cynicism: 0.8 },
  },
  {
    // common forum sarcasm constructions: "The circle jerk continues.", "Ah yes, the …", "said no one ever",
    // "worked so well last time", "totally sustainable", "gotta love how …"
    name: 'sarcastic-construction',
    kind: 'cue',
    pattern: W`\balso(?<=(?:^|\n)\s{0,3}also) (?!(?:note|worth|see|edit|update|ps|fyi|important|relevant|of note|keep|remember|disclosure|disclaimer|sources?|context|for|caveat|correction|bonus|tl;?dr|btw|side note)\b)[a-z][\w.&'-]*(?: [a-z][\w.&'-]*)?:(?=\s*\*|\s*["“']?(?:we|we'?re|we'?ll|our|i|i'?m|us|trust|nobody|no one)\b)|\bwhen pigs fly\b|\bright after (?:pigs fly|hell freezes)\b|\bsure,? (?:\w+ ){1,6}(?:will|is going to|are going to|gonna) (?:definitely|totally|absolutely|surely)\b(?![^.!?\n]{0,60}\bbut\b)|\b(?:corporate|corpo|marketing)[- ]?speak\b|\b(?:pr|ceo|investor)-speak\b|\bnormal (?:market|economy|behaviou?r|stuff|times|industry|things)[.!](?<=(?:^|[.!?\n]\s{0,3})(?:(?:very|totally|perfectly|completely) )?normal [a-z]+[.!])|\b(?:fundamentals|profits?|earnings|revenue|business models?|due diligence|audits?|valuations?) (?:are|is) for (?:losers|suckers|boomers|nerds|poor people|the poors|peasants|chumps)\b|\bthe (?:\w+ )?(?:grift|grifting|circle ?jerk|circlejerk|charade|clown show|circus|scam|con|madness|insanity|hype train) (?:continues|goes on|never (?:ends|stops)|rolls on|keeps (?:going|rolling))\b|\bahh?,? yes,? (?:the|because|nothing|another|more|of course|my (?:favou?rite|beloved)|famous(?:ly)?|yet another|[3-9]d chess|galaxy brain)\b|\bsaid no ?one ever\b|\b(?:worked|went|turned) (?:out )?so (?:well|great) (?:the )?last time\b(?! that\b)|\btotally (?:sustainable|healthy|rational|sane|organic)\b|\bslow clap\b|\b(?:gotta|got to|you gotta|you have to|don'?t you just) love (?:how|when|it when)\b|\bwow,? just wow\b|\bwhat a (?:genius|novel) (?:idea|plan|strategy)\b|\bgalaxy(?<!\bsamsung galaxy)[- ]?brain(?:ed|s)?\b|\bwith (?:extra|more|additional) steps\b(?=[ \t]*(?:[.!?…;)\n]|$|sarcmark|[^\x00-\x7f]))|\bsure(?<=(?:^|[.!?\n>*_(])\s{0,3}sure),? (?:[\w']+ ){0,6}?totally (?:real|legit|legitimate|organic|independent|believable|plausible|kosher|above board|arm'?s[- ]length|how (?:\w+ ){0,3}works?)\b(?=[ \t]*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|when\b|because\b|if\b|as long as\b))|\bsure(?<=(?:^|[.!\n>*_(])\s{0,3}sure)(?<!\?\s{0,3}sure),? (?:[\w']+ ){0,6}?totally (?:normal|fine|healthy|sustainable|reasonable|sane|rational|standard)\b(?=[ \t]*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|for (?:a |an |the )?[\w']+(?: [\w']+)? to\b))(?![^.!?\n]{0,100}\bbut\b)`,
    triggers: list('also pigs hell sure speak corporate-speak corporatespeak corpospeak marketingspeak normal losers suckers boomers nerds poor poors peasants chumps grift grifting circle circlejerk jerk charade clown circus scam con madness insanity hype ah ahh ever last sustainable healthy rational sane organic clap love wow genius novel galaxy galaxybrain galaxybrained galaxy-brain galaxy-brained brain brained totally steps'),
    negatable: false,
    prior: { cynicism: 1.4 },
  },
  {
    name: 'resigned-again',
    kind: 'cue',
    pattern: W`\b(?:not|aren'?t|isn'?t|don'?t|doesn'?t)(?<!\bi(?:'?m| am)? (?:not|aren'?t|isn'?t|don'?t|doesn'?t)) even (?:trying to |bothering to |pretending to )?(?:pretend\w*|hid(?:e|ing) it|bother(?:ing)? to hide)\b|\banother (?:day|week|month|quarter|year),? another\b|\bas (?:usual|always|expected)\b|\bsame (?:old|as it ever was|shit|story|playbook|grift)\b|\b(?:classic|typical)[.!](?<=(?:^|[.!?\n>*_(])\s{0,3}(?:classic|typical)[.!])|\bclassic (?:grift|scam|pump|con|playbook)\b|\b(?:so|how|just) typical\b|\bhere we go again\b|\bhistory (?:doesn'?t repeat|rhymes|repeating)\w*|\bevery (?:single )?time\b|\bagain and again\b|\bnever learn\b|\bwe never learn\b|\blearned nothing\b`,
    triggers: list('pretend* hide hiding bother bothering another usual always expected same classic typical again history every learn learned'),
    negatable: false,
    prior: { cynicism: 1.0 },
  },
  {
    // portraying the deal makers as blind, desperate or high on their own story
    name: 'mock-behaviour',
    kind: 'cue',
    pattern: W`\bblindly (?:pour|throw|spend|sign|chas|bet|burn|shovel)\w*|\boblivious\b|\bfrantic(?:ally)?\b|\bbegging\b(?! (?:[\w']+ ){0,3}for (?:more )?(?:[\w-]+ )?(?:capacity|supply|allocations?|chips|gpus|wafers|power|compute|slots)\b)|\bdrank the kool-?aid\b|\bkool-?aid\b|\bhigh on (?:their|his|its) own supply\b|\bbelieve (?:their|his|its) own (?:hype|press|bullshit|marketing)\b|\bconvinced (?:themselves|himself)\b|\bdrunk on\b|\bon steroids\b|\b(?:astoundingly|staggeringly|spectacularly|breathtakingly|impressively|remarkably|stunningly) (?:bad|stupid|dumb|poor|reckless|incompetent|clueless)\b|\b(?:enron|dot-?com|dotcom|webvan|theranos|ftx|wework|crypto|subprime|2008|1999|tulips?) (?:2\.0|reloaded|redux|all over again)\b`,
    triggers: list('sell blindly oblivious frantic frantically begging kool-aid koolaid kool supply believe convinced drunk steroids enron dot dotcom webvan theranos ftx wework crypto subprime 2008 1999 tulip tulips astoundingly staggeringly spectacularly breathtakingly impressively remarkably stunningly'),
    negatable: false,
    prior: { cynicism: 0.9 },
  },
  {
    // the plain positive adjectives among these (PLAIN_PRAISE_WORDS) count only as an exclamation or in
    // quotes ("Fantastic." "Incredible, how …" "Truly inspiring!"), not in a sincere statement ("The 3D
    // stacking on MI300 is impressive."): match-cues.ts filters their hits
    name: 'sarcastic-praise',
    kind: 'cue',
    words: list(
      'riveting genius geniuses brilliant fantastic incredible impressive masterful visionary visionaries convenient conveniently amusing hilarious ironic ironically irony apparently glorified so-called supposedly magically magic wonderful lovely marvelous marvellous stellar inspiring',
    ),
    negatable: false,
    prior: { cynicism: 0.6 },
  },
  {
    // meme praise that is as often admiring ("Jensen is playing 4D chess while everyone else plays checkers"):
    // weaker than sarcastic-praise, so it tags only with another cue ("Ah yes, 5D chess from the geniuses")
    name: 'sarcastic-praise-phrase',
    kind: 'cue',
    pattern: W`\b(?:[3-9]|1[0-2]|n|multi|hyper)[- ]?d(?:imensional)?[- ](?:chess|checkers)\b(?! (?:sets?|boards?|pieces?|clubs?|tournaments?|games? (?:of|for|at|in))\b)|\bbig-brain(?:ed)?\b|\bbig brain(?:ed)? (?:move|play|energy|time|idea|plan|strategy|thinking|take)s?\b`,
    triggers: list('chess checkers brain brained big-brain big-brained'),
    negatable: false,
    prior: { cynicism: 0.4 },
  },
  {
    name: 'insult',
    kind: 'cue',
    words: list(
      'clown clowns clownish clownery circus idiot idiots idiotic idiocy moron morons moronic grifter grifters grift grifting grifty leeches leech parasite parasites parasitic ghoul ghouls sociopath* psychopath* techbro techbros bros greedy greed stupid stupidity dumb dumbest insane insanity lunatic lunatics shitshow dumpster clusterfuck bullshit crap crappy shit shitty fuck* suckers sucker rubes rube cult cultish culty charlatan* huckster* conman conmen vulture vultures oligarch oligarchs kleptocra* buffoon* imbecile* clueless delusional delusion deluded madness absurd absurdity ridiculous ludicrous laughable pathetic embarrassing clowning dipshit* asshole* douche* weasel* snake snakes tapeworm* vampire* bloodsuck* locust locusts closedai barnum',
    ),
    negatable: true,
    prior: { cynicism: 1.1 },
  },
  {
    name: 'insult-phrase',
    kind: 'cue',
    pattern: W`\btech ?bros?\b|\bclown (?:car|world|show|shoes)\b|\bshit ?show\b|\bdumpster fire\b|\bsnake oil\b|\bcon ?m[ae]n\b|\buseful idiots?\b|\bbread and circuses\b|\bdog and pony show\b|\bthe emperor(?:'s| has no) (?:new )?clothes\b|\bemperor has no clothes\b|\bsmartest guys in the room\b|\bbillionaire (?:class|boys?|bros?|toys?)\b|\b(?:rich|billionaire) (?:people|guys|men|folks) (?:playing|gambling|swapping)\b|\bpeople who (?:should|ought to) know better\b`,
    triggers: list('tech techbro techbros clown shit shitshow dumpster snake con conman conmen useful bread dog emperor smartest billionaire rich better'),
    negatable: true,
    prior: { cynicism: 1.2 },
  },
  {
    name: 'spectacle',
    kind: 'cue',
    words: list('theater theatre theatrics theatrical spectacle staged farce pantomime kabuki charade circus comedy joke jokes laughingstock popcorn playground pageant cosplay larp larping sideshow carnival'),
    negatable: true,
    prior: { cynicism: 0.8 },
  },
  {
    name: 'spectacle-phrase',
    kind: 'cue',
    pattern: W`\bpress releases?\b(?<!\b(?:according to|per|in|from|read|reading|see|via) (?:the |a |an |its |their |today'?s |\w+'s )?press releases?)(?! (?:says?|said|states?|stated|notes?|noted|confirms?|confirmed|reads?|lists?|shows?|mentions?)\b)|\b(?:game of (?:chairs|musical chairs)|hot potato|damage control|marketing (?:stunt|ploy|gimmick|exercise)|pr stunt|publicity stunt|photo op)\b`,
    triggers: list('game hot damage press marketing pr publicity photo'),
    negatable: true,
    prior: { cynicism: 0.8 },
  },
  {
    name: 'hype',
    kind: 'cue',
    words: list('hype hyped hypes hyping hypemen hypeman buzzword buzzwords vaporware vibes myth fairytale fomo mania craze euphoria euphoric froth frothy hopium copium'),
    negatable: true,
    prior: { cynicism: 0.6, bubble_caution: 0.9 },
  },
  {
    name: 'hype-phrase',
    kind: 'cue',
    pattern: W`\bhot air\b|\bfairy ?tales?\b|\bpipe ?dreams?\b|\bgold rush\b|\bsmoke and mirrors\b|\bhype (?:train|cycle|machine)\b`,
    triggers: list('hot fairy fairytale fairytales pipe pipedream* gold smoke hype'),
    negatable: true,
    prior: { cynicism: 0.6, bubble_caution: 0.9 },
  },
  {
    name: 'rhetorical-question',
    kind: 'cue',
    // questions that mock rather than ask
    pattern: W`\b(?:who|what) (?:could|would) (?:have|'?ve) (?:possibly )?(?:guessed|predicted|imagined)\b|\bhow (?:is|was) (?:this|that|it) (?:even )?(?:a business|a plan|sustainable|supposed to work|going to work)\b|\bwhat (?:happens|happened) when\b(?<!\b(?:it'?s|that'?s|this is|is|was|just|exactly) what (?:happens|happened) when)|\bwhat (?:could|can) possibly\b|\b(?:is|are|was) anyone (?:really |actually )?(?:surprised|shocked)\b|\bam i the only one\b|\bare (?:we|you|they) (?:really|seriously|actually) (?:doing|going|supposed)\b|\bwhy (?:would|should) anyone\b|\bwho (?:actually )?(?:believes|buys|falls for)\b|\bhow (?:many|much) (?:more )?(?:times|longer)\b(?! (?:has|have|had|did|was|were)\b)|\bsince when\b|\byou mean\b(?![^.!?\n]{0,80}\bor\b)`,
    triggers: list('guessed predicted imagined business plan sustainable supposed going happens happened possibly anyone only really seriously actually believes buys falls times longer since mean'),
    negatable: false,
    prior: { cynicism: 0.9, bubble_caution: 0.2 },
  },

  // ---- distrust ----------------------------------------------------------------
  {
    name: 'fraud',
    kind: 'cue',
    words: list('fraud* scam scams scammer* scammy swindl* shady sham bogus hoax ruse canard racket heist ripoff rip-off crook crooks crooked thief thieves theft stealing steal steals stole stolen embezzl* grift grifting conned fleece fleeced fleeces fleecing hustlers'),
    negatable: true,
    prior: { distrust: 2.4 },
  },
  {
    name: 'fraud-phrase',
    kind: 'cue',
    pattern: W`\bconfidence (?:game|trick)s?\b(?<!\b(?:banking|markets?|finance|money|investing|the economy|economics) (?:is|are) (?:ultimately |basically |just |all |really )?a confidence (?:game|trick)s?)|\bcheck[- ]kiting\b|\b(?:a|one big|big|giant|whole|just a|massive) con\b(?![-'])(?! (?:is|of|would|here|there|for|to|being)\b)(?!\s*:)|(?:\bare|'re|\bwere) (?:also |both |all )?in on it(?=\s*(?:[.!?]|$|,? too\b|all along\b))|(?:\bare|'re|\bwere) (?:also |both )?in on the (?:scam|con|grift)\b|\b(?:is|are|was|were|all) in on the (?:scam|con|grift)\b|\bcon (?:game|job|artists?)\b|\bsnake oil\b|\bsmoke and mirrors\b|\bshell (?:game|compan(?:y|ies))\b|\bsleight of hand\b|\bcover[- ]?ups?\b|\bwash trad\w*`,
    triggers: list('confidence check check-kiting kiting in con snake smoke shell sleight cover coverup cover-up coverups wash'),
    negatable: true,
    prior: { distrust: 2.0 },
  },
  {
    name: 'ponzi',
    kind: 'cue',
    pattern: W`\bponzi\w*|\bpyramid (?:schemes?|scams?)\b|\bmlm\b|\bmadoff\b|\bcharles ponzi\b|\bfinancing scheme\b(?<!\b(?:just an?|alternative|standard|normal|common|typical|legitimate|government|vendor) financing scheme)|\bscheme\b(?<!\b(?:colou?r|grand|naming|pension|subsidy|incentive|bonus|compensation|loyalty|rebate|government|licensing|classification|numbering|encoding|rating|option|savings|retirement|insurance|visa|grant|support|tax|pricing|payment|under (?:the|this|that|a|an)) scheme)(?<!\b(?:just an?|alternative|standard|normal|common|typical|legitimate|government|vendor) financing scheme)(?! of things\b)`,
    triggers: list('ponzi* pyramid mlm madoff financing scheme'),
    negatable: true,
    prior: { distrust: 2.4, bubble_caution: 0.6 },
  },
  {
    name: 'enron',
    kind: 'cue',
    words: list('andersen enron worldcom theranos wirecard ftx madoff lehman nikola luckin sbf'),
    negatable: true,
    prior: { distrust: 2.0, bubble_caution: 0.8 },
  },
  {
    name: 'cooking-the-books',
    kind: 'cue',
    pattern: W`\bearnings management\b|\bmade[- ]up(?<!\b(?:use|uses|using|pick|picking|take|taking|assume|assuming|plug in|with|here'?s|try|imagine|say)\s+(?:an?\s+|some\s+|this\s+)?made[- ]up) (?:metrics?|numbers?|figures?|revenue|valuations?|deals?|backlog|demand|orders|bookings)\b(?![^.!?\n]{0,30}\b(?:to (?:illustrate|show|explain|keep (?:it|things) simple)|for (?:the|this|an) example|as an example)\b)|\bto make (?:\w+ ){0,2}(?:losses|numbers|revenue|growth|earnings|margins|results|books|balance sheet) look (?:like|better|bigger|good|healthier)\b|\bcook(?:ing|ed|s)? (?:the|their|your|its|his|her) books\b|\bcooked books\b|\bcreative (?:accounting|bookkeeping|with (?:the )?numbers)\b|\baccounting (?:tricks?|games?|gimmicks?|shenanigans|fraud|magic|sleight|irregularit\w*)\b|\bfinancial(?:ly)?[- ]engineer\w*|\binflat(?:e|es|ed|ing) (?:the |their |its |his )?(?:revenue|earnings|numbers|growth|sales|valuations?|figures|results)\b|\boverstat(?:e|es|ed|ing)\b(?=\s+(?:(?:the|its|their|his|her|our)\s+)?(?:revenue|revenues|earnings|profits?|income|assets|backlog|numbers|figures|results|users|arr|sales|growth|demand|bookings)\b)|\b(?:revenue|revenues|earnings|profits?|income|assets|backlog|numbers|figures|results|users|arr|sales|bookings)\s+(?:(?:(?:have|has|had)\s+)?(?:was|were|is|are|been|being|got)\s+)?overstat(?:ed|ing)\b|\bjuic(?:e|es|ed|ing) (?:the |their |its )?(?:revenue|numbers|earnings|sales|growth|figures)\b|\bpaper(?:s|ing)? over\b(?! there\b)|\boff[- ](?:the |its |their )?balance[- ]sheets?\b|\bbook(?:s|ing|ed)? (?:its|their|his|your|our) own (?:[\w-]+ )?(?:investments?|money|cash|equity|credits?|stakes?) as (?:"|')?(?:revenue|sales|income)\b|\bbook(?:s|ing|ed)?(?<!\b(?:whether|if|(?:(?:anyone|someone|somebody|anybody) (?:know|knows)|explain(?: to (?:me|us))?|tell (?:me|us)|eli5) how) (?:[\w'’-]+ ){0,2}book(?:s|ing|ed)?) (?:it|that|this|them|the investment|the money|(?:the |their |its )?(?:[\w-]+ )?(?:credits?|investments?|ious|loans?|warrants|equity stakes?|subsidies)) as (?:"|')?(?:revenue|sales|income)\b(?![^.!?\n]{0,40}\b(?:only when|only once|only after|when (?:they|it|the)|once (?:they|it|the)|as (?:they|it) (?:are|is) (?:used|delivered|consumed)|after (?:delivery|they|it)|which is (?:standard|normal|required|gaap)|or as|per (?:our|the|their) (?:auditor|accountant|guidance)|under (?:gaap|asc|ifrs))\b)(?<!\b(?:we|i|you|do we|should we) book\w* [^.!?\n]{0,60})|\b(?:pad|padd(?:ed|ing)|massag(?:e|es|ed|ing)|fudg(?:e|es|ed|ing)|doctor(?:ed|ing)?) (?:the |their |its )?(?:numbers|books|figures|earnings|revenue|results)\b|\bspecial purpose vehicles?\b|\bspvs?\b|\bwindow dressing\b|\bfunny money\b|\b(?:made[- ]up|fake|fictional|imaginary|invented)(?<!\b(?:use|uses|using|pick|picking|take|taking|assume|assuming|plug in|with|here'?s|try|imagine|say)\s+(?:an?\s+|some\s+|this\s+)?(?:made[- ]up|fake|fictional|imaginary|invented)) (?:numbers|figures|revenue|demand|money|valuations?|deals?|orders)\b(?![^.!?\n]{0,30}\b(?:to (?:illustrate|show|explain|keep (?:it|things) simple)|for (?:the|this|an) example|as an example)\b)|\bpulled (?:\w+ ){0,2}out of (?:their|his|thin) (?:ass|arse|butt)\b|\brestat(?:e|ed|ing|ement) (?:of )?(?:earnings|revenue|results)\b|\bmark(?:ed|ing)? to (?:model|myth|fantasy)\b|\bto (?:juice|pretty up|flatter|dress up|prettify) (?:their|its|the) (?:profitability|earnings|margins|numbers|profits?)\b|\bhollywood accounting\b|\benron(?:-style)? accounting\b|\bbooks (?:are|were|being|get|got|look|looks) (?:(?!not\b|never\b|hardly\b|n't\b)\w+ )?cooked\b|\b(?:they'?re|they are|he'?s|she'?s|management is|they) (?:just |simply |literally )?making (?:the |these |their |its )?numbers up\b(?! (?:to (?:illustrate|show|explain)|for (?:the|this|an) example|as an example)\b)|\b(?:they'?re|they are|he'?s|she'?s|management is) (?:just |simply |literally )?making up (?:the |these |their |its )?numbers\b|\brevenue recognition (?:games?|shenanigans|magic)\b`,
    triggers: list('recognition whole entire full making hollywood enron management metric metrics make cook cooking cooked cooks creative accounting engineer* inflate inflates inflated inflating overstate overstates overstated overstating juice juices juiced juicing paper papers papering balance balance-sheet balance-sheets spv spvs special book books booking booked pad padded padding massage massages massaged massaging fudge fudged fudges fudging doctor doctored doctoring window funny made made-up fake fictional imaginary invented pulled restate restated restating restatement mark marked marking profitability earnings margins numbers profit profits'),
    negatable: true,
    prior: { distrust: 2.2 },
  },
  {
    name: 'hiding',
    kind: 'cue',
    pattern: W`\b(?:tuck|bur(?:y|ie)|stash)\w* (?:[\w'-]+ ){0,4}?(?:into|in|away in|under) (?:the |an? |its |their )?(?:["'“‘]?other (?:income|expenses?)|footnotes?|fine print|spvs?|off[- ]balance)(?![^\n]{0,120}\b(?:that'?s|which is|this is|it'?s) (?:just |simply |all |perfectly |completely |totally |pretty )?(?:standard|normal|routine|required|how (?:gaap|accounting|it) works)\b)|\bwhere(?<=\b(?:footnotes?|filings?|10-?[kq]s?|balance sheets?|income|expenses?|line items?|debts?|loss(?:es)?|liabilit\w*|numbers|books|accounts?|revenue|spvs?|subsidiar\w*|disclosures?|notes|earnings|write-?downs?|hits?|charges?|leases?|stakes?|obligations|investments?|money|cash|gains?)\b[^.!?\n]{0,100}where) (?:nobody|no one|no investor|no retail investor) (?:ever )?(?:looks|reads|will (?:ever )?(?:look|read|notice|see)|checks|notices)\b|\bquietly (?:tuck|bur(?:y|ie)|hid|hide|stash)\w*|\bquietly (?:mov|shift|park)\w* (?:\w+ ){0,3}(?:debt|losses|liabilit\w*|off (?:the )?balance)|\bhid(?:e|es|ing|den)?\b(?! how (?:awesome|good|great|well|strong|profitable|successful) (?:[\w'’]+ ){0,4}?(?:doing|performing|going|selling|growing)\b)|\bconceal\w*|\bobfuscat\w*|\bbury(?:ing)? (?:the )?(?:losses|debt|bodies|risk)\b|\bsweep\w* (?:\w+ )?under\b|\bbehind closed doors\b|\bopaque\b|\bin the (?:fine print|footnotes)\b(?:(?<!\b(?:disclosed|listed|reported|detailed|explained|shown|published|described|noted|spelled out|laid out) in the (?:fine print|footnotes))|(?=[^.!?\n]{0,60}\b(?:where (?:they|nobody|no one|no retail|few|none)|hop(?:ed|ing)|nobody|no one|never read|never look|which is the point)\b))|\b(?:structured|designed|set up|built|arranged|written) (?:\w+ ){0,2}so (?:that )?(?:(?:nobody|no one) (?:can|could|will|would)|(?:investors|regulators|the public|shareholders|auditors) (?:can'?t|cannot|can not|couldn'?t|could not|won'?t|will not|never)) (?:ever |easily |actually )?(?:see|tell|find|trace|notice|figure out|know)\b(?=[^.!?\n]{0,60}\b(?:exposure|debt|losses|liabilit\w+|risk|leverage|money|cash|numbers|books|terms|revenue|obligations)\b)`,
    triggers: list('structured designed set built arranged written quietly hid hide hides hiding hidden conceal* obfuscat* bury burying sweep* closed opaque fine footnotes'),
    negatable: true,
    prior: { distrust: 1.6 },
  },
  {
    name: 'round-tripping',
    kind: 'cue',
    pattern: W`\bpass(?:ing|es|ed)? (?:the same|that|this) (?:money|cash|dollars?) (?:back and forth|around)\b|\bround[- ]?trip\w*\b(?! (?:latency|times?|flights?|tickets?|fares?|delays?|drives?|journey|travel)\b)(?! (?:from|to) (?![^.!?\n]{0,80}\b(?:and back|back in(?:to)?|revenues?|sales|money|cash|books?|booked|booking)\b))|\bsame money (?:going|moving|goes|moves|flowing|flows)\b|\bcount(?:ed|s|ing)? (?:\w+ )?as (?:a )?(?:sale|sales|revenue|growth)\b|\bin one (?:door|pocket) and out the other\b|\bbuy(?:ing|s)? (?:back )?(?:their|its|his) own (?:tech|products?|chips|gpus|stock|services)\b(?<!\bback (?:their|its|his) own stock)(?! (?:from|at) (?:tsmc|samsung|intel|globalfoundries|foundr\w*|the foundry|a foundry)\b)|\bpay(?:ing|s)? (?:people|customers|them|clients) to buy\b|\bbuy(?:ing|s)? (?:its|their|our|his|your) own (?:\w+ )?(?:revenue|sales|demand|growth)\b|\bartificial(?:ly)? (?:(?:creat\w*|boost\w*|inflat\w*|prop\w*|pump\w*)(?: (?:up )?(?:the |their |its )?(?:demand|growth|revenue|sales|numbers|valuations?|orders)\b)?|demand|growth|revenue)\b|\bsham (?:sales?|deals?|transactions?)\b|\bfake (?:demand|revenue|growth|sales)\b|\brevenue (?:that|which) (?:is|was) (?:really |just |actually )?(?:their|its) own (?:money|investment|cash)\b|\bbuying (?:its|their) own (?:revenue|demand)\b|\b(?:comes?|came|coming|flows?|flowing|flowed|goes|going|went) (?:right |straight |directly )?back (?:to (?:\w+ ){1,2})?as (?:purchase |chip |gpu |cloud )?(?:orders|revenue|sales|purchases)\b(?<=\b(?:invest\w*|funding|stake|money|cash)\b[^.!?\n]{0,60})`,
    triggers: list('passing passes passed pass back round round-trip* roundtrip* same count counted counts counting door pocket own pay paying pays artificial artificially sham fake'),
    negatable: true,
    prior: { distrust: 2.0 },
  },
  {
    name: 'legality',
    kind: 'cue',
    pattern: W`\b(?:somebody|someone|anyone) (?:in|from) (?:congress|the senate)\b(?= (?:should|needs? to|has to|must|gotta|better) (?:be )?(?:ask|asking|investigat|look(?:ing)? into|subpoena|question|hold(?:ing)? hearings))|\bif (?:a |an )?(?:small[- ]cap|smaller company|small company|bank|normal company|startup|penny stock|meme stock|anyone else|regular person|retail trader) (?:did|tried|pulled) (?:this|that|it)\b[^.!?\n]{0,20}?,? (?:the )?(?:sec|ftc|doj|regulators|feds) would\b(?! (?:require|treat|classify|need|expect|ask for|want|allow|accept)\b)|\bif (?:i|you|we|a bank|any other company|anyone else|a normal company|a small company|a regular person|a startup|my company|my business) (?:did|tried|pulled|paid|booked) (?:this|that|it|the same|someone|anyone|my|our)\b[^.!?\n]{0,80}?,? (?:it'?d|it would|that'?d|that would|i'?d|you'?d|we'?d|they'?d|i would|you would|we would|they would) (?:be|go|end up) (?:called |considered )?(?:fraud|illegal|securities fraud|in jail|in prison|to jail|to prison|behind bars|arrested|indicted|doing (?:time|\d+ years|years))\b(?![^.!?\n]{0,30}\bbut (?:this|that|it)(?: is|'s)? (?:not|isn'?t)\b)|\b(?:regulators|the sec|the ftc|the doj) would be all over (?:it|this|that|us|them|you)\b(?! if (?!(?:anyone|any other|another|a (?:bank|smaller|small|normal|regular|startup)|you|i|we)\b))|\bif (?:this|that|it) (?:were|was) (?:a |an )?[a-z -]{2,40}?,? (?:regulators|the sec|the ftc|the doj) would(?:'ve| have) (?:shut (?:it|this|them) down|been all over)\b|\b(?:should|belong|belongs|needs? to|ought to|deserves? to) (?:all |both )?(?:be )?(?:in (?:handcuffs|jail|prison|cuffs|an orange jumpsuit)|behind bars|arrested|indicted|locked up|in front of a (?:judge|jury))\b|\b(?:somebody|someone|anyone) (?:at|from) the (?:sec|ftc|doj|fbi|irs)\b(?= (?:should|needs? to|has to|must|gotta|better|wake|please|do|pay|look))(?! (?:should|needs? to|has to|must|gotta|better|please) (?:really |probably |just |seriously |please )?(?:fix|update|redesign|moderni[sz]e|upgrade|improve|answer|reply|respond|return|call|email|hire)\b)|\b(?:sec|ftc|doj|regulators?),? (?:please |pls )?(?:wake up|do your job|do something|are you (?:watching|seeing|awake))\b|\bwhere (?:is|are|'s|tf is|the hell is|the fuck is) the (?:sec|ftc|doj|regulators?)(?=\s*[?!]+(?:\s|$))|\bhow (?:do |did |does |can |could )?the auditors? (?:sign|miss|allow|approve|let)\w*|\bwho (?:audits|checks|verifies) (?:this|these|them|any of this)\b(?<=(?:^|[.!?\n]\s{0,3})who [a-z]+ [a-z ]+)|\b(?:sec|ftc|doj|regulators?|congress) (?:to )?(?:ask|look into|investigate|probe|step in|take a (?:close |closer |hard |long )?look at)\w*(?<=\b(?:(?:love|like|want) to (?:see|hear)|wish|hope|waiting for) (?:the )?(?:sec|ftc|doj|regulators?|congress) [a-z ]{1,60})(?![^.!?\n]{0,50}\b(?:rules?|guidance|framework|legislation|clarity|approvals?|etfs?|staking|adoption)\b)|\bis (?:this|that|it|any of this) (?:even |really )?legal\b(?!\?\s*(?:yes|yep|yup|yeah|totally|completely|absolutely|of course|sure)\b(?!,? not\b))|\b(?:should|must|would|ought to) be (?:illegal|criminal|investigated|prosecuted)\b|\bhow is (?:this|that|it) (?:not )?(?:even )?(?:legal|allowed|illegal)\b|\billegal\w*|\bunlawful\w*|\bcriminal\w*|\bprison\b|\bjail\w*|\bindict\w*|\bprosecut\w*|\bsubpoena\w*|\b(?:the )?(?:sec|ftc|doj|fbi|regulators?|authorities|attorneys? general) (?:should|need to|needs to|must|ought to|has to|will have to|is asleep|are asleep|where)\b(?! (?:approve|clear|publish|release|issue|update|simplify|streamline|finish|finali[sz]e|decide|rule on|allow|permit|sign off|fix|redesign|moderni[sz]e|upgrade|hire)\b)|\bsomeone at the (?:sec|ftc|doj)\b(?! (?:should|needs? to|has to|must|gotta|better|please) (?:really |probably |just |seriously |please )?(?:fix|update|redesign|moderni[sz]e|upgrade|improve|answer|reply|respond|return|call|email|hire)\b)|\bsecurities (?:fraud|violation)s?\b|\b(?:needs?|needed|calls? for|deserves?|wants?|get|send in) (?:an? |some |the )?investigative (?:reporters?|journalis\w*|teams?|units?)\b|\binvestigat(?!ive (?:reporters?|journalis\w*|reporting|pieces?|stor(?:y|ies)|series|units?|teams?)\b)\w*|\bantitrust\b(?! (?:approvals?|clearance|filings?|sign-?offs?|waiting period)\b)(?!(?<=\b(?:possible|routine|standard|pending|upcoming|usual|faces?|facing|under|prepare|preparing|prepares) antitrust) reviews?\b)|\bcollu(?:sion|de|ding|sive)\b|\banti-?competitive\b|\bmonopol(?:istic|y abuse)\b|\bloopholes?\b|\bregulatory capture\b|\bwhistle ?blow\w*|\bbreach(?:es|ed)? (?:of )?(?:fiduciary|duty)\b|\bfiduciary (?:duty|breach)\b|\b(?:slip|sneak)(?:s|ping|ped|ing)? (?:\w+ )?(?:past|around) (?:the )?(?:ftc|sec|doj|regulators?|antitrust|rules|law)\b|\b(?:evad\w*|skirt\w*|dodg\w*) (?:the )?(?:ftc|sec|regulators?|rules|law|antitrust|scrutiny|oversight)\b|\b(?:buy\w*|bought|hoard\w*|reserv\w*|grab\w*|lock\w* up) (?:\w+ ){0,4}so (?:that )?no ?one else (?:can|could)\b|\bwhere(?:'s| is| are| were) (?:the |our )?(?:sec|ftc|doj|regulators?|auditors?)\b(?!'s\b)(?=\s*(?:[?.!…)\n]|$)| (?:when|while|in all (?:of )?this|on this|now)\b)(?! (?:filings?|forms?|website|page|link|documents?|10-?[kq]|8-?k|s-1|reports?|data|rules?|statement|guidance|press release|comment letters?|headquartered|located|based|offices?)\b)|\b(?:nobody|no one|no-one) (?:audits|checks|verifies) (?:any of )?(?:these|their|its) ["']?(?:[\w-]+ )?(?:numbers|books|deals?|commitments|figures|accounts|financials|valuations?|contracts|investments?|revenue|backlog|orders)\b|\bif (?:a |any |some )?(?:small(?:er)? (?:company|business|startup)|startup|normal person|regular person|anyone else|you or (?:i|me)|a nobody|retail|a regular investor) did (?:this|that|the same)\b(?=[^.!?\n]{0,80}\b(?:sec|ftc|doj|fbi|jail|prison|arrested|indicted|sued|fined|investigated|all over|prosecuted|in cuffs|lawsuit)\b)|\bend(?:s|ed)? up in (?:a |an )?(?:doj|sec|ftc|fbi) (?:press release|indictment|complaint|case)\b`,
    triggers: list('congress senate small-cap cap penny meme feds if end ends ended nobody where auditor auditors audits checks verifies congress legal illegal* unlawful* criminal* prison jail* indict* prosecut* subpoena* allowed investigat* sec ftc doj fbi regulator regulators authorities attorney attorneys securities antitrust collusion collude colluding collusive anti-competitive anticompetitive anti monopolistic monopoly loophole loopholes regulatory whistle whistleblow* breach breaches breached fiduciary slip* sneak* evad* skirt* dodg* else'),
    negatable: true,
    prior: { distrust: 1.8 },
  },
  {
    name: 'manipulation',
    kind: 'cue',
    pattern: W`\b(?:deliberate|obvious|blatant|coordinated|textbook|classic) pump\b|\bmanipulat\w*\b(?! (?:the |a |an |of )?(?:tensors?|dataframes?|images?|arrays?|strings?|objects?|matri(?:x|ces)|text|files?|dom|pixels?|molecules?|genes?|weights|memory|pointers?)\b)|\bpump(?:ing|ed|s)? (?:and dump|up|(?:the|their|its|his|your) (?:stocks?|price|shares|valuations?))\b|\bpump (?:&|n|and) dump\b|\binsider (?:trading|dealing|selling|sales)\b(?! (?:rules?|laws?|polic(?:y|ies)|windows?|compliance|training)\b)|\bself[- ]dealing\b|\bconflicts? of interest\b|\bboth sides of (?:the )?deals?\b|\bbrib\w*|\bkickbacks?\b|\bmoney[- ]launder\w*|\blaunder\w*|\bcorrupt\w*\b(?! (?:checkpoints?|files?|data(?! cent)|memory|weights|downloads?|drives?|disks?|images?|packets?|saves?|caches?)\b)(?<!\b(?:data|memory|file|disk|silent|bit) corrupt\w*)|\bcrony\w*|\bprop(?:ping|ped|s)? up (?:the |their |its )?(?:stock|price|valuations?|shares|numbers|revenue|demand)\b|\brigged\b|\bsweetheart deals?\b|\brelated[- ]part(?:y|ies)\b|\bfront[- ]?run\w*|\bpaid shills?\b|\bshill\w*|\bbagholders? for\b`,
    triggers: list('arm arms length manipulat* pump pumping pumped pumps insider insiders self-dealing dealing conflict conflicts sides brib* kickback kickbacks laundering money-laundering launder* corrupt* crony* prop propping propped props rigged sweetheart related related-party related-parties front front-run* frontrun* shill* bagholder bagholders'),
    negatable: true,
    prior: { distrust: 1.8 },
  },
  {
    name: 'dishonesty',
    kind: 'cue',
    words: list('sus sussy lying liar liars lied lies dishonest* deceiv* decept* mislead* misled misrepresent* fake faked faking fishy sketchy dodgy shenanigans suspicious untrustworthy disingenuous bs lies'),
    negatable: true,
    prior: { distrust: 1.6 },
  },
  {
    name: 'dishonesty-phrase',
    kind: 'cue',
    pattern: W`\bsomething(?: (?:feels|seems|smells|looks|is)|'s) (?:off|fishy|wrong|shady) about (?:the way )?(?:openai|nvidia|oracle|microsoft|meta|amazon|coreweave|amd|xai|softbank|anthropic|sam|altman|jensen|larry|ellison|these deals|this deal|the deal|the numbers|these numbers|their numbers|the accounting|the timing)\b|\b(?:isn'?t|is not|aren'?t|are not|wasn'?t|was not) (?:real )?(?:revenue|profits?|demand|cash|income|backlog|sales|earnings) and (?:management|they|he|she|the ceo|the board|everyone|wall street|jensen|sam|larry|altman|ellison) (?:all )?knows? it\b|\bmade[- ]up\b(?! (?:\w+ )?(?:of|from|for|at|on|in|by|using)\b)(?<=\b(?:are|is|were|was) (?:all |just |completely |totally |entirely |probably |clearly |obviously |simply )?made[- ]up)|\bsmell(?:s|ing)? a rat\b|\b(?:doesn'?t|don'?t|does not|do not|never) add up\b|\bnot what (?:it|they) (?:seems?|claims?)\b|\btoo good to be true\b(?!,? but\b)|\b(?:can'?t|cannot|don'?t|wouldn'?t|shouldn'?t|never) trust (?:them|him|her|these|those|their|his|anything|a word|a (?:single )?(?:word|number|figure|thing) (?:they|he|she|out|coming)|any (?:of )?(?:their|his|these|the) (?:numbers?|figures?|accounting))\b|\b(?:don'?t|do not|never|wouldn'?t) (?:believe|buy) (?:a (?:single )?(?:number|figure)|a single one of (?:those|these|their|his|her|its) (?:[a-z]+ )?(?:numbers|figures|projections)|(?:any (?:of )?)?(?:their|his|her|its) (?:revenue |user |growth |backlog )?(?:numbers?|figures?|projections|accounting)|a (?:single )?word (?:out of|from) (?:[a-z]+'s|his|her|their) mouths?(?<!\b(?:burry|chanos|short|shorts|bear|bears|critic|critics)'s mouths?))\b|\b(?:numbers?|figures?|revenues?|valuations?|stats|statistics|metrics|earnings|orders|backlog) (?:are|is|were|was|seem|seems|look|looks|sound|sounds) (?:all |just |completely |totally |entirely |probably |clearly |obviously )?(?:made[- ]up|invented|fabricated|cooked)\b(?! for (?:illustration|the example|example)\b)|\bfabricat(?:e|es|ed|ing)\b(?= (?:(?:the|their|its|his|her|all|some|these|those|a|an|whole|entire) ){0,2}(?:numbers?|figures?|revenues?|data|results?|earnings|sales|demand|orders?|deals?|contracts?|claims?|evidence|reports?|stor(?:y|ies)|quotes?|metrics|stats|benchmarks?|books|profits?|growth|customers?|users?|backlog|valuations?)\b)|\bfabricated (?:numbers?|figures?|revenues?|data|results?|earnings|sales|demand|orders?|deals?|claims?|evidence|metrics|stats|benchmarks?|profits?|growth|backlog|valuations?)\b|\b(?:pure|complete|total|utter|outright|blatant|obvious|a) fabrications?\b(?! (?:plants?|facilit\w*|capacity|process\w*|lines?|sites?|nodes?|equipment|tools?|technolog\w*|costs?|yields?|partners?|capabilit\w*|steps?))|\bfollow the money\b(?=\s*(?:[.!?…]|$))|\bstinks? to high heaven\b|\bpinky (?:promise|swear)\b|\bon paper only\b|\bonly on paper\b|\bin name only\b|\b(?:what|who) (?:are|is) (?:they|he) hiding\b|\bsmells? (?:fishy|funny|off)\b|\bsomething (?:fishy|shady|smells)\b|\bred flags?\b(?! (?:at the|was waved|were waved|waved|in the (?:race|session)|for (?:\w+'s )?(?:margins|demand|growth|sales|supply|the economy)\b))|\b(?:loose|economical|fast and loose|liberties) (?:\w+ )?with the truth\b|\bnot (?:exactly )?kosher\b|\bas if (?:the )?(?:demand|revenue|money|deal|orders?|numbers?) (?:is|was|were|are) real\b|\b(?:creat\w*|manufactur\w*|giv\w*) (?:\w+ )?(?:the |an )?illusion\b|\b(?:creat\w*|manufactur\w*) (?:\w+ )?(?:the |an )?(?:impression|appearance) (?:of|that)\b|\billusion of\b|\bsmoke ?screen\b|\b(?:just|mere|merely|pure|purely|nothing but|a form of|all) (?:marketing|pr)\b(?! (?:the|their|its|a|an|this|that|to|it|them)\b)`,
    triggers: list('oldest something knows know  rat add seems seem claim claims true trust believe buy made made-up invented fabricat* cooked follow stink stinks pinky paper name hiding smell smells fishy shady red flag flags truth kosher real illusion impression appearance smoke smokescreen marketing pr'),
    negatable: false,
    prior: { distrust: 1.6 },
  },
  {
    name: 'insiders-benefit',
    kind: 'cue',
    pattern: W`\binsiders? (?:have been |are |keep |were )?(?:dumping|unloading|cashing out)\b(?![^.!?\n]{0,60}\b(?:10b5-1|scheduled|pre-?planned|routine)\b)|\binsiders? (?:have been |are |keep )selling\b(?![^.!?\n]{0,60}\b(?:10b5-1|scheduled|pre-?planned|routine)\b)|\b(?:personally (?:benefit|profit)\w*|line (?:their|his|her) (?:own )?pockets|enrich(?:es|ed|ing)? (?:themselves|himself|insiders|executives)|cash(?:ing)? out(?! refi\w*)|dump(?:ing|ed)? (?:their |his |her )?(?:shares|stock)|exit liquidity|retail (?:investors )?(?:holding (?:the )?(?:bags?|risk|losses)|left|gets? screwed)|force\w* (?:\w+ ){0,3}(?:401ks?|retirement|pension)s?(?: (?:plans?|accounts?|savings|funds?|money))?|taxpayer(?:s'?)? money|bail ?outs?|socializ(?:e|ed|ing) (?:the )?loss\w*|privatiz(?:e|ed|ing) (?:the )?(?:profits?|gains)|golden parachutes?)\b|\bheads,? (?:i|they|we|he|she|insiders|management|the house|executives|the ceos?|nvidia|openai) win,? tails,? (?:you|we|they|retail|taxpayers|investors|shareholders|everyone else|the public|employees|us) loses?\b|\b(?:ceo|cfo|coo|cto|insiders?|executives?|execs|founders?|directors?|board members?|management|chairman)(?: [\w$%.,']+){0,3}? (?:sold|dumped|unloaded) (?:[\w$%.,']+ ){0,3}(?:shares|stock|stake|position)s? (?:\w+ ){0,4}(?:before|ahead of|right before|days before|the (?:week|day|month) before) (?:the |this |that )?(?:announcement|news|deal|earnings|report|drop|crash|filing)\b(?![^.!?\n]{0,60}\b(?:10b5-1|scheduled|pre-?planned|routine|trading plan)\b)`,
    triggers: list('sold heads insider insiders personally pockets enrich enriches enriched enriching cash cashing dump dumping dumped exit retail force* taxpayer taxpayers bail bailout bailouts socialize socialized socializing privatize privatized privatizing golden'),
    negatable: true,
    prior: { distrust: 1.2, cynicism: 0.5 },
  },

  // ---- bubble caution ------------------------------------------------------------
  { name: 'bubble', kind: 'cue', words: list('bubble bubbles bubbly'), negatable: true, prior: { bubble_caution: 2.2 } },
  {
    name: 'when-this-pops',
    kind: 'cue',
    pattern: W`\b(?:when|once|if|before|after|until) (?:this|it|the (?:ai )?(?:bubble|boom|music|party|hype)|that|everything|all this|all of this|the whole (?:thing|house of cards)|that loop|this loop|the loop|the cycle|the flywheel) (?:\w+ ){0,2}(?:pops|bursts|crashes|collapses|unwinds|implodes|snaps|blows up|goes (?:south|bust|under|pop)|comes (?:(?:crashing|tumbling) down|down(?! to\b))|stops|unravels)\b(?! (?:at|in|during) the (?:party|concert|club|show|gig|wedding|bar|venue)\b)|\bwhen the music stops\b|\bthe music (?:will |is going to |has to )?stop\w*\b(?! (?:at|in|during) the (?:party|concert|club|show|gig|wedding|bar|venue)\b)|\bwhen,? not if\b|\b(?:won'?t|will not|isn'?t going to|is not going to|never) end well\b|\bend(?:s)? in tears\b|\bday of reckoning\b|\bpay the piper\b|\bthe other shoe\b(?! (?:in|from|of|on|under|at|by) (?:the|my|his|her|a|this|that) (?:box|closet|pair|floor|bag|store|shop|drawer|door|bed)\b)(?![^.!?\n]{0,60}\b(?:pairs?|box|closet|sneakers?|laces?|left foot|right foot|shoe ?store|returned)\b)|\bchickens (?:come|coming) home\b|\bthe bill (?:always|will|is going to|eventually|has to)(?: \w+)? comes? due(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|lol\b|for (?:all|every|every\w+|them|us)\b))(?! (?:on|in|by|at|next|this|every)\b)`,
    triggers: list('bill due pops bursts crashes collapses unwinds implodes snaps blows goes comes stops unravels music if end ends reckoning piper shoe chickens'),
    negatable: false,
    prior: { bubble_caution: 2.6 },
  },
  { name: 'pop-burst', kind: 'cue', words: list('pop pops popping popped burst bursts bursting bursted'), negatable: true, prior: { bubble_caution: 1.0 } },
  {
    name: 'crash',
    kind: 'cue',
    words: list('crash* collaps* implod* implosion meltdown unravel* downturn reckoning hangover correction wipeout blowup doomed worthless bust busted rugpull'),
    negatable: true,
    prior: { bubble_caution: 1.8 },
  },
  {
    name: 'crash-phrase',
    kind: 'cue',
    pattern: W`\b(?:stocks?|market|nasdaq|shares|valuations?|sector|trade|bubble) (?:\w+ ){0,2}face ?plant\w*|\b(?:when|once|after|until) the (?:inevitable )?(?:correction|reckoning|hangover|unwind) (?:comes|hits|happens|arrives|starts)\b|\bdue for a (?!(?:healthy|normal|small|minor)\b)(?:\w+ )?(?:correction|reckoning)\b|\bmelt(?:s|ing)? down\b|\bwipe(?:s|d)? out\b(?! (?:the |its |their |all )?(?:competition|competitors|rivals?|field|opposition)\b)|\bblow(?:s|ing)? up\b|\bgo(?:es|ing)? (?:under(?! the radar\b)|bust|belly[- ]up|tits[- ]up|to zero|down in flames|up in smoke)\b|\bwent (?:under(?! the radar\b)|bust|belly[- ]up|tits[- ]up|to zero)\b|\bgone bust\b|\bpennies on the dollar\b|\brug ?pull\w*|\bai winter\b|\btrough of disillusionment\b|\bfall(?:s|ing)? off a cliff\b`,
    triggers: list('face faceplant* correction reckoning hangover unwind due melt melts melting meltdown wipe wipes wiped blow blows blowing under bust belly belly-up tits tits-up zero flames smoke pennies rug rugpull* winter trough cliff'),
    negatable: true,
    prior: { bubble_caution: 1.6 },
  },
  {
    name: 'dot-com',
    kind: 'cue',
    pattern: W`\bdark fib(?:er|re) (?:all over again|again|moment|era)\b|\bdot[- ]?com\w*|\bdotcom\w*|\bpets\.com\b|\bwebvan\b|\bw?wework\b|\btelecom (?:bust|bubble|crash|boom)\b|\b(?:1999|2000|2001)\b(?<!\$\d{4})(?! ?(?:mw|gw|kw|watts?|gpus?|chips?|units?|points?|servers?|racks?|tokens?|people|employees|dollars|usd|%|x|per)\b)|\blucent\b|\bnortel\b|\bglobal crossing\b|\bcisco (?:in )?(?:2000|1999)\b|\bfiber (?:glut|overbuild)\b|\bdark fib(?:er|re)\b|\brailway mania\b|\brailroad (?:bubble|mania|boom)\b`,
    triggers: list('sat late dot dot-com dotcom* pets webvan wework wwework telecom 1999 2000 2001 lucent nortel global cisco fiber dark railway railroad'),
    negatable: true,
    prior: { bubble_caution: 2.2 },
  },
  {
    name: 'historic-crash',
    kind: 'cue',
    pattern: W`\b2008\b(?! (?:olympics|summer games|election)\b)|\bsubprime\b|\bcdos?\b|\bmortgage crisis\b|\bfinancial crisis\b|\btulips?\b|\btulip ?mania\b|\bsouth sea\b|\bgreat depression\b|\b1929\b|\bcrypto\b|\bnfts?\b|\bmetaverse\b|\bbig short\b(?! (?:is|was) (?:a )?(?:great|good|fun|classic|fantastic) (?:movie|film|book)\b)(?<!\b(?:watched|rewatched|re-watched|watching|rewatching|read|reading) the big short)|\bgfc\b|\bbear stearns\b|\bmbs\b|\bjapan (?:in )?(?:the )?(?:1989|80s|1980s)\b`,
    triggers: list('2008 subprime cdo cdos mortgage crisis tulip tulips tulipmania south depression 1929 crypto nft nfts metaverse short gfc bear mbs japan'),
    negatable: true,
    prior: { bubble_caution: 1.8 },
  },
  {
    name: 'circular-financing',
    kind: 'cue',
    pattern: W`\bcircular\w*\b(?! (?:saws?|imports?|buffers?|orbits?|logos?)\b)(?:(?<=\b(?:money|cash|revenues?|dollars|funds?|funding|capital|investments?|financ\w*|billions?|trillions?|profits?|trade|deals?|orders?|sales|debt)\b[^.!?\n]{0,60} circular\w*)|(?=[^.!?\n]{0,80}\b(?:money|cash|revenues?|dollars|funds?|funding|capital|investments?|financ\w*|billions?|trillions?|profits?|trade|deals?|orders?|sales|debt|buys?|pays?|paying|invests?|lends?)\b)|(?! (?:economy|dependenc\w*|references?)\b))(?: (?:ai )?(?:financing|funding|financial|deals?|investments?|money|revenue|arrangements?|capital|dynamics|nature|ecosystem|structures?|flows?|economy|scheme|logic|dealings|reasoning))?|\bcircles?\b(?<!\b(?:financial|inner|industry|investor|social|academic|political|business|insider|vc|tech|policy|some|certain|many) circles?)(?:(?<=\b(?:money|cash|revenues?|dollars|funds?|funding|capital|investments?|financ\w*|billions?|trillions?|profits?|trade|deals?|orders?|sales|debt)\b[^.!?\n]{0,60} circles?)|(?=[^.!?\n]{0,80}\b(?:money|cash|revenues?|dollars|funds?|funding|capital|investments?|financ\w*|billions?|trillions?|profits?|trade|deals?|orders?|sales|debt|buys?|pays?|paying|invests?|lends?)\b)|(?<!\bfull circles?)(?! back\b))|\bloops?\b(?:(?<=\b(?:money|cash|revenues?|dollars|funds?|funding|capital|investments?|financ\w*|billions?|trillions?|profits?|trade|deals?|orders?|sales|debt)\b[^.!?\n]{0,60} loops?)|(?=[^.!?\n]{0,80}\b(?:money|cash|revenues?|dollars|funds?|funding|capital|investments?|financ\w*|billions?|trillions?|profits?|trade|deals?|orders?|sales|debt|buys?|pays?|paying|invests?|lends?)\b)|(?<!\b(?:cooling|water|coolant|liquid|control|for|while|event|training|inner|outer|game|agent|agentic) loops?))(?<!\b(?:in|of|out of) the loop)|\bfeedback loop\b|\brecycl\w*(?=\s(?:[\w'’]+\s){0,3}(?:money|cash|capital|funds?|dollars|investments?|revenue|billions?|gains|profits?|proceeds|returns|earnings|dividends|the same|it back)\b)|(?<=\b(?:money|cash|capital|funds?|dollars|investments?|revenue|billions?|gains|profits?|proceeds|returns|earnings|dividends)\s(?:(?:is|are|gets?|being|just)\s)?)recycl\w*|\bsame (?:five|three|four|few|handful of|couple of|two) (?:guys|companies|firms|players|people)\b|\bswap(?:ping)? ious\b|\bious\b|\beach other(?:'s)?\b(?<!\b(?:compet\w*|fight\w*|battl\w*|against|sue|sues|sued|suing|undercut\w*|outbid\w*|poach\w*) each other(?:'s)?)|\bincestuous\b|\binterlock\w*|\bdaisy[- ]chain\w*|\bmerry[- ]go[- ]round\b`,
    triggers: list('circular* circle circles loop loops feedback recycl* same swap swapping ious each incestuous interlock* daisy daisy-chain* merry merry-go-round'),
    negatable: true,
    prior: { bubble_caution: 1.4, cynicism: 0.3 },
  },
  {
    name: 'vendor-financing',
    kind: 'cue',
    pattern: W`\bvendor[- ]financ\w*|\bsupplier[- ]financ\w*|\b(?:vendors?|suppliers?|sellers?) (?:lending|funding|financing|lend(?:s)?|fund(?:s)?) (?:their |the |its )?(?:own )?customers\b|\blending (?:\w+ ){0,2}customers\b|\bhanding (?:your |their |the |its )?customers?\b(?= (?:the |a |an )?(?:\w+ )?(?:cash|money|capital|loans?|billions?|funds?|checks?|cheques?|\$|\d)|(?: [\w$'-]+){1,4} on (?:credit|loan|tick|margin)\b)|\bcustomers? the (?:cash|money)\b|\bcollateral\w*|\bfinanc(?:e|es|ing) (?:its|their) own (?:customers?|demand|sales)\b`,
    triggers: list('vendor vendor-financ* vendors supplier supplier-financ* suppliers seller sellers lending handing customer customers collateral* finance finances financing'),
    negatable: true,
    prior: { bubble_caution: 2.0 },
  },
  {
    name: 'unsustainable',
    kind: 'cue',
    pattern: W`\b(?:this|that|it|which|[a-z]+ing|\w+s) (?:only )?ends (?:only )?one way\b(?! or (?:another|the other)\b)|\bwhere we are in (?:the|this) (?:cycle|bubble|mania|hype cycle)\b|\b(?:worked|works|working) (?:great|fine|well|perfectly|beautifully) (?:right )?(?:up )?until (?:it|they) (?:very much )?(?:did|do|does)(?:n'?t| not)\b|\bonly (?:one|1) way (?:this|that|it) (?:ends|goes|plays out)\b|\be-?waste\b(?<=\b(?:gpus?|chips?|hardware|servers?|racks?|[hb]\d00s?|gb\d00s?|blackwells?|accelerators?|data ?cent(?:er|re)s?|clusters?|cards?)\b[^.!?\n]{0,60}\b(?:be|become|becomes|becoming|turn into|turns into)\s+(?:\w+\s+)?e-?waste)(?<!\b(?:when|once|after|if) (?:they|it|these|those|the [\w-]+) (?:become|becomes|turn into|turns into) e-?waste)|\be-?waste\b(?<=\b(?:gpus?|chips?|hardware|servers?|racks?|[hb]\d00s?|gb\d00s?|blackwells?|accelerators?|data ?cent(?:er|re)s?|clusters?|cards?)\b[^.!?\n]{0,60}\b(?:is|are)\s+(?:\w+\s+)?e-?waste)(?=\s+(?:in|within|by|before|long before|after) )|\b(?:gpus?|chips?|hardware|servers?|[hb]\d00s?|accelerators?)\b[^.!?\n]{0,40}\b(?:obsolete|paperweights?|worthless)(?<!\b(?:was|were|became|had become|had been) (?:obsolete|paperweights?|worthless)) (?:in|within|after) (?:\w+ ){0,2}years?\b|\b(?:will|'ll|gonna|going to|need(?:s)? to|have to|has to|about to|waiting to) (?:\w+ )?(?:get|be|being) bailed out\b|\b(?:the |an? |another )?(?:inevitable|coming|eventual|upcoming|next) (?:\w+ )?bail-?outs?\b(?! (?:package|bill|legislation|program|programme|vote|talks)\b)|\bsomething (?:has to|will|is going to|gonna|got to|gotta|needs to) give\b|\bor something breaks\b|\bend the same way\b(?<=(?:\bwill|\bcould|\bmight|\bis going to|'ll|\bgonna) (?:all )?end the same way)|\b(?:we all |everyone |we )?knows? how (?:this|it) (?:ends|will end)\b|\blost (?:its|their) (?:collective )?minds?\b(?<=\b(?:market|investors|everyone|people|wall street) (?:has|have) (?:completely )?lost [a-z ]+)|\bnever ends? well\b|\bwhat a (?:market )?top looks like\b|\btop is (?:in|near)\b(?<=\bthe top is (?:in|near))|\bcrowded trades?\b|\bunwind (?:hard|fast|violently|badly|painfully)\b(?<=\b(?:will|going to|gonna|about to) unwind [a-z]+)|\bassum\w* perfection\b|\bunsustainabl\w*|\bends? (?:badly|poorly|ugly)\b(?<=\b(?:this|that|it|all this) (?:all )?(?:will |is going to |can only )?ends? [a-z]+)|\btime ?bombs?\b(?<=\b(?:debt|credit|leverage|balance[- ]sheets?|valuations?|financial|financing|loans?|bonds?|capex|spending) (?:\S+ ){0,8}time ?bombs?)|\binnings?\b(?<=\bwe'?re in the (?:late|final|last) innings?)(?! of (?:the )?\w+ (?:cycle|launch))|\binnings? of (?:the|this) (?:bull|boom|rally|bubble|ai (?:trade|boom))\b(?<=\b(?:late|final|last) innings? of (?:the|this) [a-z ]+)|\blate[- ]cycle\b(?! (?:gpus?|chips?|products?))|\blate in (?:the|this) cycle\b(?! (?:to|for)\b)(?<=\b(?:we'?re|we are|it'?s|this is|that'?s) (?:usually |probably |clearly |definitely |already |pretty |very |getting )?late in (?:the|this) cycle)|\b(?:can'?t|cannot|won'?t) go on (?:forever|indefinitely|like this)\b|\b(?:not|isn'?t|never|hardly) (?:\w+ ){0,2}sustainable\b|\b(?:can'?t|cannot|won'?t|will not) (?:last|continue|keep (?:going|up)|be sustained)\b|\bnot a plan\b|\bprayer\b|\bwobbly\b|\bshaky\b|\bhouse of cards\b|\bcard ?house\b|\bjenga\b|\bdomino(?:es)?\b|\b(?:only )?a matter of time\b(?! (?:before|until) (?:\w+ ){0,3}(?:ships?|launch\w*|releas\w*|arriv\w*|(?<!\b(?:reality|gravity|math|maths|numbers|debt|bills?|market|physics|fundamentals|karma) )catch\w* up|adopt\w*|approv\w*|overtak\w*|beats?|wins?)\b)|\binevitabl\w*|\btoo big to fail\b|\bgreater fool\w*|\bmusical chairs\b|\bhot potato\b|\brussian roulette\b|\bgambl\w*\b(?! (?:on sports|industry|addiction|apps?|laws?|ads?)\b)(?<!\bsports gambl\w*)|\breckless\w*|\bexcessive\b|\bover-?valu\w*|\bover-?heat\w*|\bover-?invest\w*|\bover-?provision\w*|\bover-?build\w*|\bover-?built\b|\bover-?capacity\b|\bover-?extend\w*|\bover-?leverag\w*|\bover-?excited\b|\bover-?hyped\b|\bover-?priced\b|\birrational\w*|\bspeculat\w*\b(?![- ](?:execution|decoding)\b)(?! (?:that|about|on whether|as to)\b)(?<!\bthere(?:'?s| is) (?:some |a lot of |much |lots of )?speculat\w*)|\bunhealthy\b|\bdesperat\w*|\bfroth\w*|\bpriced for perfection\b|\bsky[- ]high valuations?\b|\b(?:insane|crazy|absurd|ridiculous|silly|nosebleed|eye[- ]watering|stratospheric) (?:valuations?|multiples?|prices?|spending|capex|numbers|amounts?)\b|\bp/?e (?:ratios? )?of \d{3,}\b|\bpeak (?:of the )?(?:bubble|mania|cycle)\b|\btop signal\b(?! (?:processing|processors?|chips?|integrity|path|chain|generators?|boost|strength|quality|bars?|on (?:the |a )?(?:rsi|macd|\d+h|chart))\b)|\bmarket top\b(?!-)|\bshoe ?shine boys?\b|\b(?<!["']|\b(?:heard|hear|hearing|say|says|said|saying|call|calls|calling|called|yell\w*|scream\w*|shout\w*|claim\w*) )(?:this|that|it) (?:is|was|marks|called) the top\b(?!["'])(?![^.!?\n]{0,60}\b(?:bottom|lid|hinge|label|upside|flip)\b)(?<!\b(?:flip|lid|hinge|label|bottom|side)\b[^.!?\n]{0,60})(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|,|-|lol\b|folks\b|boys\b| of (?:the |this )?(?:market|cycle|bubble|hype|ai (?:trade|bubble|boom|cycle))\b))|\btoo much (?:money|capital|cash|liquidity) chasing (?:too few |the same |a handful of |a few )?(?:real |good |viable )?(?:deals?|use cases?|startups?|companies|stocks?|gpus|chips|assets|ideas|returns|opportunities|projects|ai)\b|\b(?:none of (?:this|it) works|this only works|it only works|that only works|the math only works|the numbers only work|the model only works) (?:unless|if)\b(?=[^.!?\n]{0,80}\b(?:revenue|demand|growth|grows?|growing|valuations?|forever|doubl\w+|tripl\w+|10x|100x)\b)|\b(?:depreciation|useful[- ]li(?:fe|ves)) (?:\w+ ){0,6}(?:fantasy|fiction|made[- ]up|too (?:long|generous)|unrealistic|inflated|a joke)\b|\b(?:peak|investor|irrational|speculative) euphoria\b|\beuphoria,? not (?:fundamentals|earnings|value)\b|\b(?:remember|forget|forgot|forgotten) how (?:that|it|this|the last one|the last time) (?:all )?ended\b`,
    triggers: [...list('way e-waste ewaste waste obsolete paperweight paperweights worthless bailed bailout bailouts bail-out bail-outs none only math numbers model depreciation useful euphoria remember forget forgot forgotten chasing top shoeshine shoe give breaks mind minds crowded unwind perfection unsustainabl* sustainable end ends bomb bombs timebomb timebombs inning innings late-cycle cycle forever indefinitely last continue sustained keep prayer plan wobbly shaky house card cardhouse jenga domino dominoes matter inevitabl* fail greater musical hot russian gambl* reckless* excessive over* irrational* speculat* unhealthy desperat* froth* priced sky sky-high insane crazy absurd ridiculous silly nosebleed eye eye-watering stratospheric p/e pe peak top'), 'on like this'],
    negatable: true,
    prior: { bubble_caution: 1.6 },
  },
  {
    // predictions that the players will fail, and capacity built for demand that isn't there
    name: 'failure-prediction',
    kind: 'cue',
    pattern: W`\btell me how (?:that|this) ends(?=\s*(?:[.!…]|$))(?<=(?:^|[.!\n]\s{0,3})tell me how (?:that|this) ends)|\b(?:we'?ve|we have|i'?ve|i have) seen this (?:movie|film) (?:before )?(?:and|,) (?:it|we know how it|i know how it|everyone knows how it) (?:ends (?:with |in )?(?:writedowns?|write-?downs?|write-?offs?|a crash|crashes|tears|bagholders|bag holders|badly|bankruptc\w*|a bust|defaults?|layoffs|a bailout|bailouts)\b|doesn'?t end well\b)|\b(?:we|i|everyone) (?:all )?know how this (?:movie|film|story) ends(?=\s*(?:[.!…)\n]|$|sarcmark|[^\x00-\x7f]|lol\b))|\bwrite[- ]?(?:downs|offs) (?:(?:on|of) (?:these|those|the|all (?:these|those|the)) (?:[\w-]+ ){0,3}?)?(?:are|will) (?:going to |gonna )?be (?:\w+ )?(?:brutal|massive|huge|spectacular|enormous|ugly|epic|historic|painful|biblical|insane|wild)\b(?! for (?:anyone|you|everyone|small businesses|businesses|buyers|owners|people|landlords|freelancers)\b)(?<!\btax (?:[\w-]+ ){0,8}[\w-]+)|\bmiss(?:es|ed|ing)? (?:a |an |its |their |one )?(?:debt |interest |lease |loan )?payments?\b|\b(?:sit\w*|stand\w*|left|empty|idle) (?:\w+ ){0,2}with no (?:tenants?|customers?|buyers?)\b|\b(?:write|writing)(?<=\b(?:will|would|could|might|have to|has to|forced to|going to|gonna) (?:\S+ )?(?:write|writing)) (?:down|off) (?:\w+ ){0,3}(?:stake|investments?|value|assets?|goodwill|holdings?|position)\b|\b(?:writes|writing) (?:down|off) (?:its|their|his|the) (?:\w+ ){0,2}(?:stake|investments?)\b(?! (?:in|back in) (?:19|20)\d\d\b)|\bnext(?<=\b(?:is|be|becomes?|are|as|into) the next) (?:enron|lehman|worldcom|webvan|pets\.com|wework|ftx|theranos|bear stearns|global crossing)\b|\b(?:cut|chopped|slashed) in half\b(?<=\b(?:get|gets|getting|got|be) (?:cut|chopped|slashed) in half)(?<!\b(?:costs?|time|latency|power|bills?|prices?) (?:get|gets|getting|got|be) (?:cut|chopped|slashed) in half)|\b(?:are|is|they'?re|it'?s|we'?re|he'?s) (?:so |totally |completely )?toast\b|\b(?:will|going to|gonna|likely to|bound to|set to|about to) (?:(?!not\b|never\b)\w+ )?(?:fail|be destroyed|be wiped out|go bankrupt)\b|\b(?:won'?t|will not|didn'?t|did not|never) survive\b|\b(?:free )?cash flow (?:(?!never\b|not\b|no\b)\w+ ){0,2}(?:negative|evaporat\w*)\b|\bnegative (?:free )?cash flow\b(?! (?:in|during) (?:the |its |their )?(?:build|early|first|ramp|construction|startup)\w*)|\b(?:not based on|detached from|disconnected from|divorced from) (?:\w+ )?(?:fundamentals|reality)\b|\bunder-?utili[sz]\w*|\b(?:sit|sits|sitting|stand|standing|left|lie|lying) (?:\w+ )?(?:unused|idle|empty)\b(?! for (?:an?|one|two|a few|\d+) (?:\w+ )?(?:seconds?|minutes?|hours?)\b)|\bidle (?:capacity|gpus|chips|data cent\w*)\b|\bghost (?:data cent\w*|campus\w*|facilit\w*)\b|\blow (?:current )?utili[sz]ation\b|\bstranded assets?\b|\b(?:lose|loose|lost|losing) (?:\w+ ){0,2}(?:savings|retirement|pensions?)\b|\bmake (?:\w+ )?(?:investors|them|people|everyone|anyone|creditors|bondholders|shareholders|savers|lenders|depositors|us|you) whole\b`,
    triggers: list('tell movie film miss misses missed missing tenant tenants customer customers buyer buyers write writes wrote writing written next half toast fail destroyed wiped bankrupt survive flow negative fundamentals reality underutili* under-utili* unused idle empty ghost utilization utilisation stranded savings retirement pension pensions whole'),
    negatable: true,
    prior: { bubble_caution: 1.4 },
  },
  {
    name: 'hold-the-bag',
    kind: 'cue',
    pattern: W`\bwhoever(?:'s| is) (?:holding|left holding|stuck with) (?:the )?(?:bag|(?:last|these|those) (?:[a-z-]+ ){0,2}?(?:tranches?|rounds?|bonds?|loans?|shares|notes|debt|paper|gpus))\b|\b(?:hold|holding|held|left holding|stuck (?:with|holding)) the bag\b(?! up\b)|\bbag ?holders?\b|\bbagholders?\b|\bholding the (?:debt|bill|bonds)\b|\bstuck with the (?:bill|debt|losses|tab)\b|\bleft (?:with|holding) (?:worthless(?: (?!(?:and|or|but|if|when|because)\b)[a-z]+\b)?|the (?:bill|debt|losses|tab))\b|\bwho (?:actually |really |exactly )?(?:pays|foots) (?:for )?(?:the bill|all this|all of this|it all)\b(?! in\b)|\bwho(?:'s| is) (?:going to be )?left holding\b(?: the (?:bags?|debt|bill|losses|tab)\b)?|\blast one out\b|\b(?:nobody|no one) (?:really )?knows (?:how much (?:of (?:it|this|that|the) )?(?:debt|leverage|bad debt)\b|who(?:'s| is)? (?:holding|exposed to|on the hook for) (?:the |this |that |all (?:of )?(?:this|that|the) )?(?:debt|bag|losses|exposure|loans?|paper)\b|who holds (?:the |this |that |all (?:of )?(?:this|that|the) )?(?:debt|bag|loans?|paper)\b)`,
    triggers: list('whoever knows hold holding held left stuck bag bagholder bagholders holder holders who last'),
    negatable: false,
    prior: { bubble_caution: 2.4 },
  },
  {
    name: 'debt-risk',
    kind: 'cue',
    words: list('default defaults defaulted defaulting write-down write-downs writedown writedowns write-off write-offs writeoff writeoffs insolven* bankrupt* debt debts loan loans borrow* leverag* bond bonds bondholder* junk depreciat* refinanc* margin-call'),
    negatable: true,
    prior: { bubble_caution: 0.6 },
  },
  {
    name: 'spend-beyond-revenue',
    kind: 'cue',
    pattern: W`\bhow (?:(?:does|do|will|would|is|are) )?(?:that|the|this|these|those|any of (?:this|that|these|the)) (?:math|maths|numbers) (?:ever|possibly) (?:going to )?(?:close|closes|add up|adds up|pencil out|pencils out)\b(?!\?\s*(?:easy|simple|answer|here'?s how|it does|they do|by)\b)|\bhow is (?:that|this|the) math (?:supposed|going) to (?:work|close|add up)(?=\s*\?)(?!\?\s*(?:easy|simple|answer|here'?s how|it does|they do|by)\b)|\b(?:never|not once) (?:had|posted|reported|turned|seen|booked) (?:a |an |one |a single )?profitable (?:quarter|year)\b(?! (?:\w+ ){0,4}(?:until|before)\b| for (?:its|their|the) first\b| for (?:almost|nearly|over|more than) (?:a decade|\w+ years)\b)|\b(?:has|have)(?:n'?t| not| never) (?:ever |once |yet )?been profitable\b(?! (?:\w+ ){0,4}(?:until|before)\b| (?:\w+ ){0,2}back (?:in|then)\b)|\b(?:spending|capex|commitments|spend|costs) (?:is |are )?(?:now |already )?(?:running |way |now )?(?:years|miles|way|far|decades) (?:\w+ )?ahead of (?:revenue|revenues|demand|sales|income|anything|what(?= (?:it|they|anyone|customers|users|the market|(?:the |its |their )?\w+) (?:will |would |can |could |actually )?(?:pay|earn|make|bring|generate|spend|buy|bill|charge|need|use)\w*\b))\b|\bwho(?:'s| is| are) (?:actually |really |even |ultimately )(?:going to |gonna )?pay(?:ing)? for (?:all )?(?:of )?(?:this|it|that|these|those)\b(?! (?:round|dinner|lunch|drinks?|meal|party|trip|wedding|pizza|coffee|beers?|tab|subscription|tickets?)\b)|\b(?:never|not once|has yet to|have yet to|hasn'?t|haven'?t|yet to) (?:\w+ )?(?:turned|turn|made|make|earned|earn|posted|post|booked|book) (?:a |any |an actual |a single )?(?:profit|dime of profit)\b(?! (?:\w+ ){0,4}(?:until|before|for (?:its|their|the) first)\b)|\b(?:revenue|money|demand|profits?|customers|returns?|use cases?) (?:just )?(?:isn'?t|aren'?t|is not|are not|won'?t be|will not be) (?:just |really |simply |yet )?there\b(?! (?:for|in)\b)|\b(?:no one|nobody|none of (?:them|these|the)(?: \w+)?)(?: is| are)? (?:actually |really )?(?:mak\w+|earn\w+) (?:any )?(?:real )?(?:money|a profit|profits)\b(?! yet\b)(?! (?:shorting|betting against|timing)\b)|\b(?:burn(?:s|ing|ed|t)?|hemorrhag\w*|bleed\w*|bled|losing|lose|lost|blasting|pouring|throwing|torch\w*|lighting|setting|incinerat\w*|shoveling|dumping) (?:\w+ ){0,3}(?:cash|money|billions?|trillions?|capital)\b|\bburn rate\b|\bcash (?:burn|bonfire|furnace|incinerator)\b|\bon fire\b|\bmoney (?:they|it|he|she) (?:don'?t|doesn'?t|haven'?t|hasn'?t) (?:\w+ ){0,2}(?:have|got|make|earn)\b|\b(?<!\bi )(?:can'?t|cannot|couldn'?t|unable to|won'?t be able to|never be able to) (?:afford(?! to (?!(?:pay|buy|build|fund|finance|keep|service|cover|repay|spend)\b))|pay (?:for|back|it|off|the|its|their|his)|repay|recoup|cover|service (?:the|its|their) debt|make (?:a profit|money|it work|the numbers work|the economics work))\b|\bno (?:real |clear |viable |obvious )?(?:revenue|profits?|path to profit\w*|money to be made|business model|moat|way (?:to|they)|plan to)\b(?! (?:recognition|recogni[sz]ed|share|sharing|guidance|impact)\b)(?! until (?:\w+ ){0,3}(?:deliver\w*|ships?|shipped|installed|online|live|launch\w*|complet\w*|accept\w*)\b)|\b(?:without|little|limited|tiny|fraction of the) (?:real |actual )?(?:revenue|profits?|income)\b|\b(?:revenue|income|profits?) (?:doesn'?t|don'?t|does not|do not|will never|won'?t|can'?t) (?:\w+ ){0,2}(?:cover|justify|support|match|come close)\b|\boutstrip\w*|\bfar (?:ahead|beyond|exceed\w*) (?:of )?(?:any |their |its )?(?:revenue|demand|income|profits?)\b|\bmore (?:money|chips|compute|capacity) than (?:they|it|he|anyone) (?:have|has|makes?|needs?|could ever|will ever|can)\b|\b(?:don'?t|doesn'?t) have (?:the )?(?:cash|money|revenue|\$)\b|\bunprofitable\b|\bmoney[- ]losing\b|\blosing money\b|\bnever (?:\w+ ){0,2}(?:pay off|pay back|materiali[sz]e|recoup|turn a profit|be profitable|make money|earn (?:it|that) back)\b|\bmay never\b|\bnot a business(?: model)?\b|\bwithout a (?:plan|business model|path)\b|\bgood (?:money|debt) after bad\b|\bspending (?:\w+ ){0,2}(?:ahead of|outpac\w*|outrun\w*|far exceed\w*)\b|\b(?:capex|spending|commitments?|obligations?) (?:\w+ ){0,2}(?:dwarf\w*|exceed\w*|outpac\w*|outstrip\w*|far more than)\b|\bwhere(?:'s| is| does) the (?:money|revenue|return|roi)\b(?! go(?:es)?\b)|\bwho(?:'s| is) (?:going to |gonna )?pay(?:ing)? for (?:all )?(?:this|it|that)\b|\bmath (?:doesn'?t|does not|don'?t|ain'?t) (?:math|work|add up|math out)\b|\bnumbers (?:don'?t|do not|doesn'?t) (?:work|add up)\b|\bwhat(?: is|'s) the (?:roi\b|returns? on\b)(?![^?\n]{0,80}\?\s*(?:about|around|roughly|approximately|~)?\s*[$~]?\d)|\bsomeone (?:has to|will have to|needs to|is going to have to|'s going to have to|gotta) (?:actually |eventually )?pay for all (?:of )?(?:this|that|it|these|those)\b|\b(?:at some point|eventually|sooner or later),? someone (?:has to|will have to|needs to|is going to have to|'s going to have to|gotta) (?:actually )?pay for (?:all (?:of )?)?(?:this|that|it|these|those)\b`,
    triggers: [...list("someone yet once isn't isnt aren't arent won't wont nobody none burn burns burning burned burnt hemorrhag* bleed* bled losing lose lost blasting pouring throwing torch* lighting setting incinerat* shoveling dumping bonfire furnace incinerator fire don't dont doesn't doesnt haven't havent hasn't hasnt can't cant cannot couldn't couldnt unable able no without little limited tiny fraction cover justify support match close outstrip* far than unprofitable money-losing never business bad ahead outpac* outrun* exceed* dwarf* where where's wheres who who's whos math numbers roi return"), 'no one', 'is not', 'are not', 'will not be'],
    negatable: false,
    prior: { bubble_caution: 1.3 },
  },
  {
    name: 'big-commitments',
    kind: 'cue',
    pattern: W`\bcapex\b|\bcapital (?:expenditures?|spending)\b|\bcommitments?\b|\bobligations?\b|\bbillions and billions\b|\btrillion[- ]dollar\b(?! (?:companies|company|giants?|club|firms?|corporations?|market caps?|valuations? club)\b)|\bstaggering\b|\bastronomical\b|\bmind[- ]boggling\b|\beye[- ]watering\b|\bmassive (?:investments?|spending|increase|bets?)\b`,
    triggers: list('capex capital commitment commitments obligation obligations billions trillion trillion-dollar staggering astronomical mind mind-boggling eye eye-watering massive'),
    negatable: false,
    prior: { bubble_caution: 0.4 },
  },
  {
    name: 'risk-warning',
    kind: 'cue',
    words: list('risk risks risky warn* alarm* worry worries worried worrying concern concerns jitters danger* problem problems problematic questionable dubious skeptic* sceptic* messy disaster* catastroph* contagion systemic exposed exposure doom* precarious fragile fragility peril* ominous scary terrifying vulnerable'),
    negatable: true,
    prior: { bubble_caution: 0.6 },
  },

  // ---- rebuttal / defence (turn tags off) ------------------------------------------
  {
    name: 'denial',
    kind: 'rebuttal',
    pattern: W`\b(?:the )?(?:dot[- ]?com|bubble|ponzi|fraud|2000|1999|enron|wework|pets\.com) (?:comparisons?|talk|narratives?|takes?) (?:is|are) (?:just |simply |pretty |so |really )?(?:lazy|wrong|silly|nonsense|overblown|tired|dumb|stupid|cope|a stretch)\b(?![^.!?\n]{0,80}\b(?:but|until|unless|what worries|the (?:problem|issue|risk|worry|danger) is)\b)|\b(?:bubble|ponzi|fraud|scam),? no(?=\s*[.!]|\s*$)(?<=(?:^|[.!?\n]\s{0,3}|\b(?:sure|yes|yeah|expensive|overvalued|pricey|rich)[.,] )(?:bubble|ponzi|fraud|scam),? no)|\bkeep (?:on )?(?:crying|yelling|screaming|shouting) (?:about )?(?:an? )?(?:bubble|ponzi|fraud|scam)\b|\b(?:talk|fears?|calls|cries|claims|warnings) of an? (?:ai )?bubble (?:is |are )?(?:overblown|misguided|misplaced|premature|miss(?:es)? the point|misunderstands?|misreads?|ignores?|gets? it wrong|(?:is |are )?wrong)\b(?![^.!?\n]{0,5}[;,:—–-]\s*(?:the (?:real|actual|eventual)|but)\b)|\bnot because (?:i think |i believe |i'?m saying )?(?:it'?s|its|this is|they'?re|it is) (?:an? )?(?:\w+ )?(?:fraud|scam|ponzi|bubble)\b|\b(?:the )?(?:circular (?:deals?|financing|money|investments?)|vendor financing|these deals|this deal|the deals) (?:is|are) (?:totally |perfectly |completely |actually |just )?(?:fine|normal|standard|routine|healthy|ok|okay|rational|smart)\b(?! (?:in isolation|on (?:their|its) own|by themselves|for now|in theory|until|unless)\b)(?![^.!?\n]{0,80}\b(?:but|until|unless|what worries|the (?:problem|issue|risk|worry|danger) is)\b)|\bcalling (?:\S+ ){1,3}?(?:an? )?(?:\w+ )?(?:bubble|ponzi(?: scheme)?|fraud|scam|pyramid scheme|round[- ]tripping|circular financing|house of cards) is (?:just |simply |pretty |so |really )?(?:lazy|wrong|silly|nonsense|ridiculous|absurd|dumb|stupid|cope|a stretch|overblown)\b|\bpeople (?:comparing|who compare) (?:\w+ ){0,5}?(?:forget|ignore|miss|are (?:wrong|clueless))\b|\bnot (?:really |even |remotely |at all )?comparable\b(?![^.!?\n]{0,60}\b(?:bigger|worse|larger|crazier|greater|more|times)\b)|\bnothing like (?:the )?(?:dot-?com|2000|1999|2008)\b(?![^.!?\n]{0,20}\b(?:worse|bigger)\b)|\bbubble['"”’]? (?:talk|narrative)\b|\b(?:bother|worry|concern|scare) me\b(?<=\b(?:doesn'?t|don'?t|does not|do not) (?:really )?(?:bother|worry|concern|scare) me)(?![^.!?\n]{0,80}(?:\bdoes\b|\bdo\b|i'?m (?:worried|scared|concerned)))|\bnot (?:worried|concerned|scared)\b(?<=\b(?:i'?m|i am) not [a-z]+)(?![^.!?\n]{0,80}(?:\bdoes\b|\bdo\b|i'?m (?:worried|scared|concerned)))|\b(?:automatically|inherently|necessarily) (?:bad|a problem|wrong|evil|fraud)\b(?<=\blike (?:it'?s|that'?s|this is) [a-z]+ [a-z ]+)|\b(?:normal|common|routine|standard) in(?<=\b(?:is|are) (?:pretty |very |completely |totally |perfectly )?(?:normal|common|routine|standard) in) (?:every|most|many|the|this|any) (?!(?:\w+ )?(?:bubble|mania|boom|bust|late|final|top|scam)\b)|\b(?:normal|common|routine|standard) (?:practice|tool|thing|part|structure|arrangement|mechanism|way|vehicle|setup|instrument)\b(?<=\b(?:is|are) (?:a )?(?:normal|common|routine|standard) [a-z]+)(?! (?:to|for|of) (?:\w+ )?(?:hid\w*|conceal\w*|disguis\w*|bur(?:y|ied|ying)|mask\w*|obscur\w*|inflat\w*|pad\w*|juic\w*|cook\w*|fak\w*|dodg\w*|evad\w*|launder\w*|keep\w* (?:\w+ )?off)\b)(?![^.!?\n]{0,80}\b(?:exactly|precisely) why\b)|\b(?:not|isn'?t|ain'?t|is not|wasn'?t|no such thing as|hardly) (?!(?:just|only|merely|simply|even)\b)(?:\w+ ){0,2}(?:a |an |in an? )?(?:bubble|ponzi|fraud|scam|pyramid scheme|round[- ]?tripping)\b|\b(?:there'?s|there is|i see) no (?:\w+ )?bubble\b|\bno one is accusing\b|\bpeople (?:keep )?(?:yelling|screaming|crying|calling|shouting|saying|claiming)\b(?! (?:that )?['"]?(?:this time|it'?s different|different this time))|\b(?:people|anyone|everyone|those|folks|guys) (?:who|that) (?:keep )?(?:calls?|says?|thinks?|claims?|yells?|screams?|cry|cries) (?:this |it |that )?(?:is )?(?:an? )?(?:bubble|ponzi|fraud|scam)\b|\b(?:anyone|everyone|those|folks) (?:calling|saying|yelling|screaming|claiming) (?:this |it |that )?(?:is )?(?:an? )?(?:bubble|ponzi|fraud|scam)\b|\bunderstand\b(?<=\b(?:you|they|people|bears|critics|folks) (?:clearly |just |really |simply )?(?:don'?t|do not|doesn'?t|does not) (?:\S+ )?understand)(?! (?:just )?how (?:much|bad|big|deep|risky|fragile|leveraged|exposed)\b)|\bbubble (?:talk|callers?|narrative|fears? (?:are|is) overblown)\b|\bdoom(?:ers?|sayers?|ing| and gloom)\b|\bfear[- ]?monger\w*|\bi don'?t see (?:the|an?|any) (?:issue|problem)\b|\bnothing wrong\b|\bnothing (?:illegal|unusual|shady|nefarious)\b|\b(?:perfectly|completely|totally|entirely) (?:normal|legal|legit|fine|reasonable|benign|standard)\b|\bbenign\b|\bstandard (?:practice|industry|procedure)\b|\bcommon practice\b|\bnot (?:at all )?uncommon\b|\bnot (?:a |the )?gotcha\b|\b(?:the )?(?:chips|revenue|demand|customers|contracts) (?:is|are) real\b|\breal demand\b|(?<!['"]|\b(?:says?|said|saying|tells? (?:you|us)|telling (?:you|us)|told (?:you|us)|claims?|claiming|insists?|insisting|how|why|explain)(?: that)? )(?<!${IRONY_BEFORE})\b(?:this time (?:is|it'?s|really is) different|(?:it'?s|it is) different this time)\b(?!${IRONY_AFTER})|\boverblown\b|\boverstated\b(?!\s+(?:(?:the|its|their|his|her|our)\s+)?(?:revenue|revenues|earnings|profits?|income|assets|backlog|numbers|figures|results|users|arr|sales|growth|demand|bookings)\b)(?<!\b(?:revenue|revenues|earnings|profits?|income|assets|backlog|numbers|figures|results|users|arr|sales|bookings)\s+(?:(?:(?:have|has|had)\s+)?(?:was|were|is|are|been|being|got)\s+)?overstated)|\bhas been (?:said|called|predicted) (?:for|every)\b`,
    triggers: list('comparison comparisons narrative narratives takes comparable comparing compare dot-com dotcom 2000 1999 2008 bother worry concern scare worried concerned scared automatically inherently necessarily normal common routine standard bubble ponzi fraud scam pyramid round round-tripping roundtripping accusing understand yelling screaming crying calling shouting saying claiming doom* fear fearmonger* fear-monger* issue problem wrong illegal unusual shady nefarious perfectly completely totally entirely benign standard common uncommon gotcha real different overblown overstated said called predicted'),
    negatable: false,
    prior: { cynicism: -0.6, distrust: -1.8, bubble_caution: -2.0 },
  },
  {
    name: 'bullish',
    kind: 'rebuttal',
    pattern: W`\bi'?m here for it\b|\blfg\b|\blet'?s (?:fucking )?go+\b(?=\s*(?:[!.,]|$))|\bbullish\b|\bundervalued\b|\bbuy(?:ing)? the dip\b|\bhealthy (?:demand|growth|business|margins)\b|\bstrong demand\b|\bdemand (?:far )?(?:outpac\w*|exceed\w*)\b|\binsatiable\b|\bgreat (?:deal|investment|move|news|partnership)\b|\bwin-win\b|\btriple win\b|\bexcited\b|\bexciting\b|\bhappy\b|\bconfident\b|\bconfidence\b(?! (?:game|trick)s?\b)|\bremarkable\b|\brevolutionary\b|\bthe right call\b|\bsavvy\b|\boutperform\w*|\bsmart (?:move|bet|deal)\b|\bhere to stay\b|\breal utility\b|\bsold out\b|\bbacklog\b|\bprofitable\b|\bgame[- ]?changer\b|\bbull case\b|\blong (?:term )?(?:winner|hold)\b|\bloaded up\b|\bbought (?:more|the dip|shares)\b`,
    triggers: list('here lfg let lets bullish undervalued dip healthy strong outpac* exceed* insatiable great win-win win triple excited exciting happy confident confidence remarkable revolutionary call savvy outperform* smart stay utility sold backlog profitable gamechanger game-changer changer bull winner hold loaded bought'),
    negatable: false,
    prior: { cynicism: -0.4, distrust: -0.6, bubble_caution: -0.8 },
  },
  {
    // LABELS.md rule 5: jokes or complaints about unrelated things — a CEO's clothes, chatbot quality, product names —
    // get no tag. No labeled text has these words, so the weights stay at these priors: "Jensen's jacket at the keynote
    // lol" and "ChatGPT still can't count the r's in strawberry 💀" are laughs at something else than the deals
    name: 'unrelated-subject',
    kind: 'rebuttal',
    pattern: W`\bjackets?\b(?<!\b(?:life|strait|dust|flak) jackets?)|\bhaircut\b|\bturtlenecks?\b|\bhoodies?\b|\bsweaters?\b|\bsneakers\b|\bstrawberr(?:y|ies)\b|\b(?:chatgpt|gpt-?\d\w*|claude|gemini|copilot|grok|the chatbot|the bot|the model) (?:still )?(?:can'?t|cannot|couldn'?t|fails? to|failed to) (?:count(?! on\b)|spell|do (?:basic )?math|draw hands)\b|\bnaming (?:scheme|convention)s?\b|\bproduct names?\b`,
    triggers: list('jacket jackets haircut turtleneck turtlenecks hoodie hoodies sweater sweaters sneakers strawberry strawberries count spell math hands naming names name'),
    negatable: false,
    prior: { cynicism: -2.0, distrust: -0.4, bubble_caution: -0.4 },
  },
  {
    name: 'mock-the-critic',
    kind: 'rebuttal',
    pattern: W`\bcalled (?:\d+|[a-z]+) of the last (?:\d+|[a-z]+) (?:crash|crashes|recessions?|bubbles?|collapses?|bear markets?|downturns?)\b|\bcrowd\b(?<=['\"“‘][^'\"”’\n]{0,60}?\b(?:bubbles?|crash\w*|bag|bagholders?|ponzi|fraud\w*|pop\w*|bursts?|collapse\w*|doom\w*|circular|scam\w*|bust|overvalued|unsustainable|house of cards)\b[^'\"”’\n]{0,60}['\"”’] crowd)|\bcope\b(?! with\b)(?<!\b(?:to|can'?t|cannot|will|could) cope)|\bpraying for a (?:crash|dip|collapse)\b|\bshort(?:ing|ed)\b|\bshorts\b(?! (?:and|or|&) (?:a )?(?:t-?shirts?|shirts?|sandals|flip[- ]?flops|socks|sneakers|hoodies?)\b)(?<!\b(?:board|gym|running|cargo|swim|basketball|bike|cycling|denim|khaki|my|his|her) shorts)|\bshort\b(?![ -](?:answer|version|term|time|times|period|periods|list|story|stories|while|run|supply|supplies|notice|distance|circuit|film|films|form|span|horizon|video|videos|clip|summary|explanation|window|amount|of|on|for|sighted|lived|cut|hand|drive|trip|walk|read|reply|post|comment|answer)\b)(?<!\b(?:in|relatively|very|too|so|pretty|quite|fairly|really|a bit|fall|falls|fell|falling|fallen|cut|cuts|come|comes|came|coming|run|runs|ran|running|stop|stops|stopped|keep it|kept it|sell \w+|long (?:and|or|&)) short)|\bshort[- ]?sellers?\b|\bbears?\b(?! (?:in mind|with (?:me|us)|the (?:brunt|cost|costs|risk|risks|burden|weight)|the|a|an|its|their|his|her|our|no|any|fruit|responsibility|witness|market|markets|repeating|mentioning|noting|watching|case|cases|thesis|scenario|argument|view)\b)|\bburry\b|\bputs\b(?<=\b(?:his|her|my|your|their|our|buy|buys|buying|bought|sell|sells|selling|sold|load(?:ed|ing)? up on|calls (?:and|or|&)|\d+|some|nvda|spy|qqq|weekly|cheap|otm|leaps|burry'?s|burry’s|the) puts)(?! (?:him|her|them|it|this|that|his|their|its|the|a|an|altman|nvidia|openai|oracle|amd|microsoft|pressure|money)\b)|\bputs\b(?= (?:print\w*|expir\w*|are (?:up|down|print\w*)|on (?:nvda|nvidia|oracle|amd|coreweave|crwv|orcl|spy|qqq|meta|msft|\$\w+))\b)|\bput options?\b|\ba put on\b|\bwrong every\b|\bkeeps? being wrong\b|\bnaysayers?\b|\bhaters?\b|\b(?:make|makes|made|making) (?:the |all the |these )?(?:skeptics|sceptics|doubters|doomers|critics|bears) look (?:silly|dumb|stupid|foolish|like (?:idiots|fools|clowns))\b|\b(?:prove|proves|proved|proving) (?:the |all the )?(?:skeptics|sceptics|doubters|doomers|critics|bears) wrong\b|\bperma[- ]?bears?\b|\bcoping\b|\bseething\b`,
    triggers: list('called crowd cope praying short shorts shorting shorted shortseller shortsellers short-seller short-sellers bear bears burry put puts wrong keep keeps naysayer naysayers hater haters look perma permabear permabears perma-bear perma-bears coping seething'),
    negatable: false,
    prior: { cynicism: -0.6, bubble_caution: -0.4 },
  },

  // ---- context (classifier features, never shown) -----------------------------------
  {
    name: 'reported-speech',
    kind: 'context',
    pattern: W`\b(?:says?|said|saying|warn(?:s|ed|ing)?|call(?:s|ed|ing)? (?:it|this|that|the)|argu(?:es?|ed|ing)|claim(?:s|ed)?|caution(?:s|ed)?|point(?:s|ed)? out|told|wrote|writes|according to|accus\w*|alleg\w*|reportedly|per a report|analysts?|critics?|experts?|reports?|reported|notes|noted|believes|suggests?|estimates?)\b`,
    triggers: list('say says said saying warn warns warned warning call calls called calling argue argues argued arguing claim claims claimed caution cautions cautioned point points pointed told wrote writes according accus* alleg* reportedly per analyst analysts critic critics expert experts report reports reported notes noted believes suggest suggests estimate estimates'),
    negatable: false,
    prior: {},
  },
  {
    name: 'topic',
    kind: 'context',
    words: list(
      'deal deals invest* billion billions trillion trillions valuation valuations revenue stock stocks share shares chip chips gpu gpus datacenter datacenters datacentre datacentres data openai nvidia nvda oracle orcl amd microsoft msft amazon aws azure coreweave softbank stargate funding fund funds capex spend* money cash market markets investor investors profit* earnings contract contracts compute infrastructure buildout ai altman huang jensen ellison nadella financ* economy economics',
    ),
    negatable: false,
    prior: {},
  },
  {
    name: 'first-person-analysis',
    kind: 'context',
    pattern: W`\b(?:i think|i believe|in my (?:opinion|experience)|imo|imho|i suspect|i'?m not sure|personally)\b`,
    triggers: list("i imo imho in i'm im personally"),
    negatable: false,
    prior: {},
  },
];

/**
 * Structural cues: found by extract-features.ts from the token and sentence
 * stream (not by the matcher); listed here so they carry priors, appear in the
 * lexicon hash and can be shown as cues.
 */
export const STRUCTURAL_DEFS: readonly CueDef[] = [
  // a sentence of one to three words that is praise or assent: "Genius." "Riveting." "Sounds legit."
  { name: 'terse-praise', kind: 'cue', negatable: false, prior: { cynicism: 1.2 } },
  // praise / mockery and a stance cue (fraud, bubble, circular money) in the same text
  { name: 'mock-x-stance', kind: 'cue', negatable: false, prior: { cynicism: 0.6 } },
  // a denial whose denied cues all warn of a bubble ("This isn't a bubble, it's a Ponzi.") or all allege fraud ("the
  // problem isn't fraud, it's …"): LABELS.md rule 3 turns off *that* tag, so it weighs on that tag only
  { name: 'bubble-denial', kind: 'rebuttal', negatable: false, prior: { cynicism: -0.6, bubble_caution: -2.0 } },
  { name: 'fraud-denial', kind: 'rebuttal', negatable: false, prior: { cynicism: -0.6, distrust: -1.8 } },
];

/**
 * sarcastic-praise words that are plain praise: a hit counts only as an exclamation (first in its sentence,
 * after at most a few interjections or intensifiers, and followed by the sentence's end or a comma that is
 * not "…, but") or in quotes.
 */
export const PLAIN_PRAISE_WORDS: ReadonlySet<string> = new Set(list('brilliant fantastic incredible impressive wonderful lovely marvelous marvellous stellar inspiring masterful'));

/**
 * Short-sentence words that read as ironic praise or assent when they stand alone. Single words only: the list is
 * split on spaces, and "checks out" / "love it" once put "out" and "it" here, so "It isn't one." was terse praise.
 */
export const TERSE_PRAISE_WORDS: ReadonlySet<string> = new Set(
  list(
    'genius brilliant fantastic riveting great nice perfect wonderful lovely amazing awesome incredible impressive cool classic sure right totally legit seems sounds checks love nailed convenient shocking shocker bravo stunning masterful visionary innovation innovative wow neat splendid marvelous marvellous excellent beautiful progress',
  ),
);

/** A verdict against the thing: a terse sentence holding one ("Seems fairly arbitrary.", "Sounds sketchy.") is sincere, not ironic praise. */
export const NEGATIVE_VERDICT_WORDS: ReadonlySet<string> = new Set(
  list('arbitrary sketchy shady fishy dodgy suspicious sus questionable dubious wrong bad worse terrible awful dumb stupid idiotic silly risky dangerous scary worrying concerning alarming problematic misleading weird odd strange off insane crazy absurd ridiculous unsustainable overpriced overvalued expensive pricey frothy bubbly steep aggressive excessive precarious unlikely shaky dicey fragile'),
);

/** Before "right", agreement rather than an ironic "Right.": forms of "be" ("They're right.") and degree words ("Sounds about right.", "Exactly right."). */
/**
 * Words that put a bare laugh or eye-roll on the deals (extract-features.ts isLoneOffTopicMockery): people, firms and
 * things of the trade, beside the `topic` words and the money words. Possessives are read without their "'s".
 */
export const DEAL_GATE_WORDS: ReadonlySet<string> = new Set(
  list(
    'auditor auditors analyst analysts regulator regulators sec ftc doj ceo ceos exec execs executive executives board shareholders vc vcs bankers banks insiders ' +
      'capitalism capitalists wsb wallstreetbets cramer nasdaq bull bulls bear bears portfolio position positions calls puts options ipo ipos equity ' +
      'partnership partnerships merger acquisition company companies corporate corporations business businesses industry sector startup startups founder founders ' +
      'billionaire billionaires growth sustainable unsustainable hype dollars bucks warrants nonprofit layoffs laid announcement announcements announced pr press ' +
      'sama sammy zuck zuckerberg musk elon bezos jassy masa masayoshi lisa anthropic xai intel broadcom tsmc apple tesla microslop hyperscaler hyperscalers fed taxpayers mag7 wall',
  ),
);

/** Third-person subjects: a laugh at "they" or "these guys" is at someone of the story, unless the text is about the commenter ("I", "my"). */
export const THIRD_PERSON_WORDS: ReadonlySet<string> = new Set(list("they they're theyre their them he he's his him she she's her guys dudes clowns folks"));
export const FIRST_PERSON_WORDS: ReadonlySet<string> = new Set(list("i i'm im i've ive my me mine myself"));

/** Two-word sarcastic frames that keep a bare laugh on someone's doings ("really said", "love how", "at it again"). */
export const SARCASTIC_FRAMES: readonly (readonly [string, string])[] = [
  ['really', 'said'], ['of', 'course'], ['love', 'how'], ['imagine', 'being'], ['imagine', 'thinking'], ['remember', 'when'], ['it', 'again'], ['the', 'lengths'],
];
export const SARCASTIC_FRAME_WORDS: ReadonlySet<string> = new Set(list('surely speedrunning speedrun speedruns'));

export const AGREEMENT_BE_WORDS: ReadonlySet<string> = new Set(list("is 's are 're was were am 'm about exactly absolutely dead quite 100"));

/** Words of sincere agreement: a terse sentence holding one is no ironic praise ("Totally agree.", "Seems fair.", "Great insight."). */
export const AGREEMENT_WORDS: ReadonlySet<string> = new Set(list('agree agreed agreeing fair reasonable plausible accurate correct insight insights'));

/** What a terse compliment to another commenter praises (their post, answer or find, and thanks): such a sentence is no terse praise ("Great write-up."). */
export const POST_PRAISE_WORDS: ReadonlySet<string> = new Set(
  list('write-up writeup post reporting report point question find catch summary thread analysis read link answer explanation breakdown dd take comment thanks thank thx ty share info source sources research article piece chart'),
);

/**
 * Word-cue hits in another sense (matcher: match-cues.ts `dropOffSenseWords`): a hit of `cue` whose word matches
 * `word` is dropped when the text just before it matches `before` or the text just after it matches `after`
 * (lower-case regex sources; `before` is tested on the 40 characters before the word, `after` on the 40 after).
 * Written from sincere wordings of each cue's trigger words (training/README.md, lex10, bubble / distrust review).
 */
export interface WordSenseFilter {
  cue: string;
  word: string;
  before?: string;
  after?: string;
  /** both `before` and `after` must match (default: either) */
  both?: boolean;
}

export const WORD_SENSE_FILTERS: readonly WordSenseFilter[] = [
  // lex34: "apparently" as "reportedly" ("Apparently, he was privately questioning …", "Oracle apparently convinced
  // them"): ironic only where it ends its clause ("this is how economies work now apparently")
  { cue: 'sarcastic-praise', word: W`^apparently$`, after: W`^,?\s+[a-z]` },
  // lex47 (lex46 was tried and dropped, training/README.md): praise said as meant — "genuinely inspiring", "kind of genius ngl", "honestly brilliant work by the
  // engineers" — is no irony: a sincerity marker just before the word or just after it
  {
    cue: 'sarcastic-praise',
    word: W`^(?:genius|brilliant|fantastic|incredible|impressive|inspiring|masterful|visionary|wonderful|lovely|stellar|riveting|marvell?ous)$`,
    before: W`\b(?:genuinely|sincerely|honestly|kind of|kinda|sort of|lowkey|low-key|no joke|not gonna lie|ngl)\s+(?:(?:pretty|quite|so|very|really)\s+)?$`,
    after: W`^\s*(?:,\s*)?(?:ngl|tbh|no cap|not gonna lie|honestly)\b`,
  },
  // a problem to solve or a technical one ("solve problems in the world", "hardware problems", "the problem set"); the
  // critics' pessimism ("doom and gloom", "the doomer narrative") is no warning; Warner is a name
  { cue: 'risk-warning', word: W`^problems?$`, before: W`\b(?:solve|solving|solved|solves|fix|fixing|fixed|fixes|hardware|software|technical|math|maths|coding|benchmark|engineering)\s+$`, after: W`^\s+(?:sets?|data|statements?)\b` },
  { cue: 'risk-warning', word: W`^doom$`, after: W`^\s+and gloom\b` },
  { cue: 'risk-warning', word: W`^doomers?$` },
  { cue: 'risk-warning', word: W`^warner$` },
  // lex39: skeptics mocked or proved wrong ("makes the skeptics look silly") warn of nothing: a bull's jab at the critics
  { cue: 'risk-warning', word: W`^(?:skeptics?|sceptics?)$`, before: W`\b(?:make|makes|made|making|prove|proves|proved|proving)\s+(?:the\s+|all the\s+|these\s+)?$`, after: W`^\s+(?:look|looks|looking|looked)\s+(?:silly|dumb|stupid|foolish|like)\b|^\s+wrong\b`, both: true },
  // "lies" as "is located" ("the risk lies in …", "Beneath the posturing lies a more troubling reality")
  { cue: 'dishonesty', word: W`^lies$`, after: W`^\s+(?:in|with|ahead|within|beneath|behind|elsewhere|at the (?:heart|core|root)|an?\s+(?!lot\b|bit\b|few\b))\b` },
  // bubble tea / wrap / sort, a speech or filter bubble, "on the bubble" (a borderline pick), a bubbly mood
  { cue: 'bubble', word: W`^bubbles?$`, before: W`\b(?:filter|speech|text|chat|thought|air|echo|on the)[\s-]*$`, after: W`^[\s-]*(?:tea|wrap\w*|sort|gum|bath|chart|machine|boy|letters)\b` },
  { cue: 'bubble', word: W`^bubbly$`, after: W`^\s+(?:ceo|energy|mood|personality|host|guy|girl|person|drink|champagne|wine)\b` },
  // pop-up, pop music, popcorn, K-pop; a stock that "popped 8%" (a stock move); a burst of orders, burst capacity
  // lex41: cash "lying around" is idle, not a lie
  { cue: 'dishonesty', word: W`^lying$`, after: W`^\s+(?:around|idle)\b` },
  // lex41: profitable denied is no bullish word ("never had a profitable quarter", "is not profitable")
  { cue: 'bullish', word: W`^profitable$`, before: W`\bnone of (?:\w+ ){1,4}(?:is|are)\s+(?:(?:even|remotely|actually)\s+)?$` },
  { cue: 'bullish', word: W`^profitable$`, before: W`\b(?:never|not|isn'?t|aren'?t|wasn'?t|weren'?t|no|without|un|yet to (?:have|post|report|be))\s+(?:(?:a|an|single|one|even|yet|been|ever|remotely|really|actually|had|have|has|posted|reported|once|be)\s+){0,3}$` },
  // lex41: an investment or payment staged as a schedule ("staged at $10B per gigawatt", "payments are staged")
  { cue: 'spectacle', word: W`^staged$`, after: W`^\s+(?:(?:at|in|over|across|into|by|per)\s+(?:\$|\d|tranches|phases|installments|instalments|milestones|stages|quarters|years)|(?:deployment|rollout|investments?|payments?|funding|financing|tranches))` },
  { cue: 'spectacle', word: W`^staged$`, before: W`\b(?:investments?|payments?|funding|financing|rollout|deployment|capital|money|tranches?|deal|commitments?)\s+(?:is|are|was|were|will be|would be|gets|get|being)\s+(?:\w+\s+)?$` },
  { cue: 'pop-burst', word: W`^pop$`, before: W`\bk-?$`, after: W`^[\s-]*(?:up|ups|culture|music|songs?|stars?|corn|quiz)\b` },
  // lex34: a jump in the share price ("delivers the pop", "we should see a pop")
  { cue: 'pop-burst', word: W`^pop$`, before: W`\b(?:see|get|got|gets|deliver|delivers|delivered|give|gives|gave|nice|big|quick|little|\d+%)\s+(?:(?:an?|the|some)\s+)?$` },
  { cue: 'pop-burst', word: W`^(?:pops|popped|popping)$`, after: W`^\s+(?:(?:about|almost|over|nearly|another) )?\+?\d` },
  // lex39: the share price jumping ("the stock pops on a letter of intent", "shares popped after the call")
  { cue: 'pop-burst', word: W`^(?:pop|pops|popped|popping)$`, before: W`\b(?:stock|stocks|shares?|share price|price|ticker|nvda|amzn|orcl|amd|msft|crwv)\s+$` },
  { cue: 'pop-burst', word: W`^bursts?$`, after: W`^\s+(?:of (?!(?:the|this|that|it|an?|its|their)\b)|capacity|mode|rates?|traffic|buffers?|credits?|pipes?)\b` },
  // a crash course / test / landing, a program or driver that crashes, a collapsible rack, a healthy correction
  { cue: 'crash', word: W`^crash\w*$`, before: W`\b(?:drivers?|apps?|games?|programs?|software|browsers?|kernels?|blender|windows|pytorch|cuda|jupyter|notebooks?)\s+(?:keeps?\s+|kept\s+|just\s+)?$`, after: W`^\s+(?:courses?\s+(?:in|on|about|for)|tests?\s+(?:dumm\w*|results?|ratings?|sites?|facilit\w*|videos?)|cart|pad|diet|reports?|dumps?|logs?)\b` },
  { cue: 'crash', word: W`^collapsibl\w*$` },
  { cue: 'crash', word: W`^corrections?$`, before: W`\b(?:healthy|normal|small|minor|brief|typical|routine)\s+$`, after: W`^\s+(?:was|is|has been|looks)\s+(?:healthy|normal|small|minor|brief|over|done)\b` },
  // fraud as the crime a product fights ("fraud detection", "credit card fraud", "a phone scam"); wire, tax or ad fraud stay allegations
  { cue: 'fraud', word: W`^(?:fraud|scams?)$`, before: W`\b(?:credit[- ]card|card|phone|romance|e-?mail|text|identity|voice|(?:victim of an? )?(?:online|internet|phone|romance|e-?mail|text|phishing|crypto|lottery|tech[- ]support))\s+$`, after: W`^\s+(?:detection|prevention|protection|alerts?|teams?|department|models?|filters?)\b` },
  // "stole the show / the market from Intel", "a steal at $90" (a bargain)
  { cue: 'fraud', word: W`^steal$`, before: W`\b(?:a|an absolute|absolute|such a|what a|total)\s+$`, after: W`^(?![\s,;:—-]+(?:from|for (?:the )?(?:ceo|insiders|executives|management))\b)`, both: true },
  { cue: 'fraud', word: W`^(?:steal|steals|stole|stealing)$`, after: W`^\s+(?:the )?(?:show|spotlight|thunder|headlines?|limelight|market|crown|lead|top spot|momentum|(?:\w+ )?engineers?|talent)\b` },
  // debt-free, a default setting, "leverage the existing fibre" (use), borrowing an idea or a car
  { cue: 'debt-risk', word: W`^debts?$`, after: W`^[\s-]*free\b` },
  { cue: 'debt-risk', word: W`^default$`, before: W`\bby\s+$`, after: W`^\s+(?:settings?|options?|values?|modes?|browser|search|model|behaviou?r|config\w*|choice|install\w*|apps?)\b` },
  { cue: 'debt-risk', word: W`^leverag(?:e|es|ing)$`, after: W`^\s+(?:(?:the|its|their|our|your|this|that|these)\s+)?(?:existing\s+)?(?:fib(?:re|er)|network|platform|technology|tech|data(?!\s+cent)|expertise|infrastructure|relationships?|brand|ecosystem|scale|models?|software|partnerships?|talent|experience|ai|tools?)\b` },
  // lex34: "leverage older hardware" (use), "as leverage in negotiations" (bargaining power)
  { cue: 'debt-risk', word: W`^leverag(?:e|es|ing)$`, after: W`^\s+(?:(?:its|their|our|the)\s+)?(?:older|old|legacy|spare|idle|existing)\s+(?:hardware|gpus?|chips|servers|capacity|assets)\b` },
  { cue: 'debt-risk', word: W`^leverage$`, before: W`\b(?:as|negotiating|bargaining)\s+$`, after: W`^\s+(?:in (?:the )?negotiations?|over|against)\b` },
  { cue: 'debt-risk', word: W`^borrow\w*$`, after: W`^\s+(?:(?:a|an|the|my|his|her|their|its|our|your|\w+'s)\s+)?(?:friend'?s\s+)?(?:car|idea|ideas|term|phrase|line|page|playbook|design|trick|book|laptop)\b` },
  // Nikola Tesla; working at Lehman; a documentary or book about a scandal
  { cue: 'enron', word: W`^nikola$`, after: W`^\s+tesla\b` },
  // Andersen the auditor only as "Arthur Andersen": a bare "Andersen" is a surname ("Ross Andersen's profile of Altman")
  { cue: 'enron', word: W`^andersen$`, before: W`^(?![\s\S]*\barthur\s*$)` },
  { cue: 'enron', word: W`^(?:enron|worldcom|theranos|wirecard|ftx|lehman|nikola|luckin|sbf|madoff)$`, before: W`\b(?:worked|works|working|interned|job|career|years) (?:at|for)\s+$`, after: W`^\s+(?:documentary|movie|film|book|podcast|series|miniseries)\b` },
  // a reactor's or a toddler's meltdown; crashing at a friend's place
  { cue: 'crash', word: W`^meltdowns?$`, before: W`\b(?:reactor|toddler|kids?|child|baby|son|daughter)(?:\s+\w+){0,2}\s+$` },
  { cue: 'crash', word: W`^crash(?:ed|ing)$`, after: W`^\s+(?:at|on)\s+(?:a|my|his|her|their)\s+(?:friend|buddy|mate|couch|sofa|place)` },
  // a hidden gem / hidden layers (a network's)
  { cue: 'hiding', word: W`^hidden$`, after: W`^\s+(?:gems?|layers?|states?|dimensions?|talents?|tracks?)\b` },
  // fakes that are no company's claims (fake reviews, accounts, a fake Rolex), "sus out" (work out)
  { cue: 'dishonesty', word: W`^fake$`, after: W`^\s+(?:reviews?|accounts?|images?|videos?|profiles?|bots?|photos?|calls?|e-?mails?|voices?|ids?|listings?|rolex\w*|watch(?:es)?|sneakers?)\b` },
  { cue: 'dishonesty', word: W`^sus$`, after: W`^\s+out\b` },
  // the hype met ("lives up to the hype", "the hype is justified"), good vibes
  { cue: 'hype', word: W`^hype$`, before: W`\b(?:(?:lives?|lived|living|delivers?|delivered|delivering) (?:up to|on)|worth) (?:the|all the|all that|its|their)\s+$`, after: W`^\s+(?:is|was)\s+(?:(?:totally|fully|completely)\s+)?(?:justified|real|deserved|warranted)\b` },
  { cue: 'hype', word: W`^vibes$`, after: W`^\s+(?:\w+\s+){0,4}(?:were|are|was|is)\s+(?:great|good|amazing|immaculate|positive|awesome)\b` },
];
