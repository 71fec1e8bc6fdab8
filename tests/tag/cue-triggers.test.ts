import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticComments } from '../../bench/tagger-bench.js';
import { CUE_DEFS } from '../../src/tag/cue-lexicon.js';
import { gateAlternative, gateClauses, requiredLiterals, sampleAlternative, splitAlternatives } from '../../src/tag/gate-alternatives.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { isLiteralTrigger, lowerSameLength, matchCues } from '../../src/tag/match-cues.js';
import { analyseDoc } from '../../src/tag/nlp-doc.js';
import { normalizeText } from '../../src/tag/normalize-text.js';

const { items } = parseLabeledJsonl(readFileSync(new URL('../../training/labeled-dev.jsonl', import.meta.url), 'utf8'));
const extra = [
  'Sure, nothing says healthy demand like handing your customer the cash to place the order.',
  'Oh great, another totally-not-circular deal. Nothing to see here /s',
  'Who is going to pay for all this? The math does not math. Where is the revenue?',
  'Is this even legal? Someone at the SEC should look at the self-dealing.',
  'When this pops the bag holders will be retail, as always.',
  // lex5 phrase cues, one wording per alternative
  'The circle jerk continues. Ah yes, the genius plan. Said no one ever. Because that worked so well last time.',
  'Totally sustainable, super healthy. Slow clap. Wow, just wow. What a genius idea. Gotta love how it works.',
  'Love how a press release counts as revenue now.',
  'Executives blindly high on their own supply, drank the kool-aid, believe their own hype: Enron reloaded, dot-com all over again, astoundingly bad.',
  'They are toast and will likely fail; free cash flow turned negative, prices not based on fundamentals, GPUs sitting idle in ghost data centers, stranded assets.',
  'Savers will lose their retirement savings and nobody can make investors whole; low utilization and underutilized capacity.',
  'Economical with the truth, not kosher, complete bullshit, as if the demand were real, creating the illusion, manufacturing the appearance of demand, just marketing.',
  'They slipped it past the FTC, evading regulators, sneaking it around the rules, dodging scrutiny, skirting oversight.',
  'Management moved costs around to flatter their earnings and prettify the numbers.',
  'Azure has underutilizing clusters and they keep under-utilizing the GPUs; the labs will not survive, they won\'t survive.',
  'They keep buying back their own shares; cash given in order for them to rent more compute. Typical! (classic.) Blindly pouring money. Hoarding GPUs so no one else could.',
  'Nvidia invests in OpenAI in order for OpenAI to buy more Nvidia chips, then they pump their stocks and keep fleecing investors.',
  'Analysts called it "circular" and the CEO said revenue is still "underestimated" by consensus.',
  'Typical. Classic grift. So typical. The numbers check out, checks out.',
  // lex6 phrase cues (idioms written from LABELS.md signals), one wording per alternative
  'This will end badly, it all ends poorly; a ticking time bomb, timebombs, time bombs. We are in the late innings, late-cycle, late in the cycle; it cannot go on forever, won\'t go on indefinitely.',
  'Euphoria never ends well. This is what a top looks like, the top is in, a crowded trade that will unwind hard; Valuations assuming perfection.',
  'When the correction comes, once the reckoning hits, after the hangover starts; due for a big correction.',
  "The revenue just isn't there, the demand is not really there, the customers aren't there. None of these companies make money, nobody is making a profit, no one earns real money.",
  "I don't trust a single number they report, never trust any of their numbers. The numbers are made up, figures are completely invented, revenue was fabricated; made-up backlog.",
  'They pulled those figures out of thin air, pulled it out of their ass. Follow the money. It stinks to high heaven. I smell a rat.',
  "The whole thing is one big con; they're both in on it, the auditors were in on it, all in on the scam.",
  'Insiders have been selling all year, insiders dumping shares, an insider cashing out, insiders keep unloading.',
  'Nothing screams confidence like this. The most Silicon Valley thing ever, peak tech bro. Great, another deal. Perfect, just what we needed. Fundamentals are for losers.',
  "They're not even pretending anymore, aren't even trying to hide it, don't even bother to hide, not even hiding it. P.T. Barnum would be proud.",
  "Microsoft: we are independent\nalso Microsoft: signs another deal\nok buddy. Sure, they will definitely hit it, right after I retire; when pigs fly. Corporate-speak, corporate speak. Translation: no idea. Normal market. Totally no conflict there, definitely no issue.",
  'Wake me up when they make money. A bit sus. Quietly tucking losses away so nobody notices, quietly moved, quietly buried. A confidence game, check-kiting. How the auditors sign off, where were the auditors, who audits this; I would love to see the SEC look into it.',
  'Pure earnings management, a made-up metric built to make losses look like growth. The numbers are just made up.',
  'Something has to give, or something breaks. It will end the same way, we know where this goes, seen how it ends. The market has lost its mind, history rhymes.',
  'If OpenAI misses a payment, data centres with no tenants; Microsoft writes down its OpenAI stake, wrote off the investment. The next Enron, the next pets.com. Nvidia gets cut in half, a faceplant, face plants.',
  'Who actually pays for all this? They have never turned a profit, yet to make a profit, hasn\'t posted a single profit.',
  "Calling this a bubble is lazy. People comparing it to 2000, nothing like the dot-com era; this 'AI bubble' narrative. It doesn't bother me, I'm not worried, saying 'circular' like it's automatically bad; vendor financing is standard in every industry. I'm here for it, LFG, let's go. Cope. Praying for a crash.",
  "How is this not fraud? Isn't this round-tripping? People who call this a bubble, anyone calling it fraud, those who think so; you clearly don't understand. Vendor financing is a normal practice, a common tool.",
  // lex10 Reddit sarcasm idioms, one wording per alternative
  "I'm sure the auditors will catch it. Any day now. Yeah, aaany minute now /s\nGee, I wonder why. *surprised Pikachu face* Surprised pikachu. Bold strategy, Cotton.",
  'Nvidia invests in OpenAI, OpenAI buys Nvidia chips, Nvidia books revenue. Wash, rinse, repeat. Raise money, buy GPUs, rinse-and-repeat 🙄',
  "Sure, revenue is totally real when you're paying yourself. They invest in each other and keep paying themselves with extra steps. It's round-tripping with extra steps.",
  "Ah yes, 5D chess. Ah yes, my favourite deal. Ah yes, famously prudent Oracle. Galaxy-brained, galaxy brain, galaxybrains. Sure, that's totally how accounting works. Jensen playing 4-d chess, n-dimensional checkers, a big-brain move, big brain energy.",
  // wordings the triggers missed until the gate derivation showed their alternatives could match without them
  "Lines go up, charts go up, graphs go up. brrrrr. Hacks for free money. Pure corporatespeak, marketingspeak. Pipedreams. The financial engineers; stocks faceplanting, a rugpulled market, the dotcoms. Data centres sitting with no customer, left with no buyer. It has not once turned a profit. They sneaked it past the SEC. A ('circular') deal,\n'healthy' demand.",
];

const key = (text: string, gate: boolean): string[] => {
  const norm = normalizeText(text);
  const lower = lowerSameLength(norm.text);
  return matchCues(norm.text, analyseDoc(norm.text, lower), lower, gate).map((h) => `${h.def.name}@${h.start}-${h.end}${h.negated ? '!' : ''}`);
};

describe('trigger gating', () => {
  it('never loses a regex match (labeled data, bench corpus, own cases)', () => {
    const texts = [...items.map((i) => i.text), ...syntheticComments(2000, 7), ...extra];
    const lost: string[] = [];
    for (const t of texts) {
      const gated = key(t, true);
      const full = key(t, false);
      if (gated.join('|') !== full.join('|')) lost.push(`${t.slice(0, 60)}: ${full.filter((h) => !gated.includes(h)).join(', ')}`);
    }
    expect(lost).toEqual([]);
  });

  it('runs only the alternatives a text triggers, and loses nothing: sample wordings of every alternative, in awkward surroundings', () => {
    // what wink makes a token of is not what the regex calls a word: hashtags, glued abbreviations,
    // hyphenated compounds, possessives, accented letters, URL slugs
    const surroundings = [(s: string) => `Well, ${s} today.`, (s: string) => `#${s}`, (s: string) => `e.g.${s}, ok`, (s: string) => `x-${s}-era`, (s: string) => `${s}'s`, (s: string) => `é${s}é`, (s: string) => `(${s})`, (s: string) => `see https://example.com/${s.replaceAll(' ', '-')}`];
    const lost: string[] = [];
    let checked = 0;
    for (const def of CUE_DEFS) {
      if (def.pattern === undefined) continue;
      const literals = (def.triggers ?? []).filter(isLiteralTrigger);
      for (const alt of splitAlternatives(def.pattern)) {
        // alternatives whose gate cannot be derived run whenever the cue is triggered, as before
        if (gateAlternative(alt, { literals }) === undefined) continue;
        const re = new RegExp(alt);
        for (const sample of sampleAlternative(alt, 'zq', 12)) {
          for (const around of surroundings) {
            const text = around(sample);
            if (!re.test(text.toLowerCase())) continue;
            checked++;
            const gated = key(text, true);
            if (gated.join('|') !== key(text, false).join('|')) lost.push(`${def.name}: ${text}`);
          }
        }
      }
    }
    expect(lost).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('several triggered alternatives of one cue find what the whole pattern finds: same spans, same order, overlaps resolved alike', () => {
    // the matcher runs each triggered alternative's own regex and merges their matches as one alternation
    // would (leftmost first, earlier alternative on a tie, resume after the match): texts that trigger two to
    // four alternatives of one cue, glued or overlapping, where a wrong merge shows
    const joins = [' ', '', ' and ', '. '];
    const differ: string[] = [];
    let multi = 0;
    for (const def of CUE_DEFS) {
      if (def.pattern === undefined) continue;
      const samples = splitAlternatives(def.pattern)
        .map((alt) => sampleAlternative(alt, 'zq', 2)[0])
        .filter((x): x is string => x !== undefined);
      if (samples.length < 2) continue;
      for (let i = 0; i < samples.length; i++) {
        for (const [k, join] of joins.entries()) {
          // pair each sample with a later one, and every third with two more
          const picked = [samples[i]!, samples[(i + 1 + k) % samples.length]!];
          if (i % 3 === 0) picked.push(samples[(i + 5) % samples.length]!, samples[i]!);
          const text = `So ${picked.join(join)} today`;
          const gated = key(text, true);
          if (gated.filter((h) => h.startsWith(`${def.name}@`)).length >= 2) multi++;
          if (gated.join('|') !== key(text, false).join('|')) differ.push(`${def.name}: ${text}`);
        }
      }
    }
    expect(differ).toEqual([]);
    expect(multi).toBeGreaterThan(1000);
  });

  it('derives a tight gate for an alternative and none it cannot prove', () => {
    const words = (alt: string, literals: string[] = []): string[] | undefined => {
      const g = gateAlternative(alt, { literals });
      return g === undefined ? undefined : [...g.words, ...g.prefixes.map((p) => `${p}*`), ...g.literals];
    };
    expect(words(String.raw`\bcalling (?:this|it) an? (?:\w+ )?(?:bubble|ponzi) is lazy\b`)).toEqual(['calling']);
    // "dot-com" is two regex words; "nothing" is in every match
    expect(words(String.raw`\bnothing like (?:the )?(?:dot-?com|1999)\b`)).toEqual(['nothing']);
    expect(words(String.raw`\b(?:glitch|hack)s? for money\b`)).toEqual(['money']);
    expect(words(String.raw`\bunsustainabl\w*`)).toEqual(['unsustainabl*']);
    expect(words(String.raw`\b(?:automatically|inherently) (?:bad|wrong)\b`)).toEqual(['automatically', 'inherently']);
    // a word cut by a wildcard is only a prefix; two letters are too short to be one
    expect(words(String.raw`\bno\w+`)).toBeUndefined();
    // \s is some whitespace, not the literal space of a literal trigger
    expect(words(String.raw`🙄\s🙄`, ['🙄 🙄'])).toBeUndefined();
    expect(words('🙄', ['🙄'])).toEqual(['🙄']);
  });

  it('derives further gates that must hold as well, each proved on its own, none implied by another or made of ubiquitous words', () => {
    const clauses = (alt: string): string[][] | undefined => gateClauses(alt)?.map((g) => [...g.words, ...g.prefixes.map((p) => `${p}*`), ...g.literals]);
    // one gate word would let it run on every text with an "a" in it
    expect(clauses(String.raw`\bwhat a time\b`)).toEqual([['a'], ['time'], ['what']]);
    expect(clauses(String.raw`\bare (?:we|you|they) (?:really|seriously|actually) (?:doing|going|supposed)\b`)).toEqual([['are'], ['actually', 'really', 'seriously'], ['doing', 'going', 'supposed']]);
    // the first gate is gateAlternative's
    for (const alt of [String.raw`\bnothing like (?:the )?(?:dot-?com|1999)\b`, String.raw`\bunsustainabl\w*`]) expect(gateClauses(alt)?.[0]).toEqual(gateAlternative(alt));
    expect(clauses(String.raw`\bunsustainabl\w*`)).toEqual([['unsustainabl*']]);
    expect(gateClauses(String.raw`\bno\w+`)).toBeUndefined();
  });

  it('derives the literals every match of an alternative contains, and no more', () => {
    // zero-width parts (lookarounds, \b) add nothing; \s and wildcards split a literal; a choice contributes nothing
    expect(requiredLiterals(String.raw`(?:\bare|'re|\bwere) (?:also |both |all )?in on it(?=\s*(?:[.!?]|$))`)).toEqual([' ', 'in on it']);
    expect(requiredLiterals(String.raw`(?<=\b(?:money|cash)\s)recycl\w*`)).toEqual(['recycl']);
    expect(requiredLiterals(String.raw`\bwith\sno (?:tenants?|buyers?)\b`)).toEqual(['with', 'no ']);
    expect(requiredLiterals(String.raw`\bno\1`)).toEqual([]);
    // every lexicon alternative's sample wordings hold its literals
    const missing: string[] = [];
    let checked = 0;
    for (const def of CUE_DEFS) {
      if (def.pattern === undefined) continue;
      for (const alt of splitAlternatives(def.pattern)) {
        const re = new RegExp(alt);
        for (const sample of sampleAlternative(alt, 'zq', 12)) {
          const m = re.exec(sample);
          if (m === null) continue;
          checked++;
          for (const lit of requiredLiterals(alt)) if (!m[0].includes(lit)) missing.push(`${def.name}: "${lit}" not in "${m[0]}"`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });

  it('cue spans are meaningful phrases, not one letter or a bare stopword', () => {
    const stop = new Set(['a', 'an', 'the', 'is', 'it', 's', 'to', 'of', 'and', 'or', 'i']);
    for (const t of [...items.map((i) => i.text), ...extra]) {
      const norm = normalizeText(t);
      const lower = lowerSameLength(norm.text);
      for (const h of matchCues(norm.text, analyseDoc(norm.text, lower), lower)) {
        if (h.def.kind === 'context') continue;
        const span = lower.slice(h.start, h.end).trim();
        expect(stop.has(span), `${h.def.name} "${span}" in ${t.slice(0, 50)}`).toBe(false);
      }
    }
  });
});
