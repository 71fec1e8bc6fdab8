import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossValidate, toExamples } from '../../src/tag/cross-validate.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { MODEL_PATH, modelVersion, readModelFile } from '../../src/tag/model-file.js';
import { normalizeText, toOriginalSpan } from '../../src/tag/normalize-text.js';
import { DEFAULT_TRAIN_CONFIG } from '../../src/tag/train-model.js';
import type { TagName } from '../../src/types.js';

const tagger = loadTagger();
const label = (text: string, tag: TagName): boolean => tagger.tag(text).tags[tag].label;

describe('LABELS.md boundary examples and own cases', () => {
  const table: [string, TagName, boolean][] = [
    ['Feels like 1999 telecom all over again: vendors lending customers the money to buy their gear.', 'bubble_caution', true],
    ['When this pops, the pension funds holding the data-centre bonds are the ones stuck with the bill.', 'bubble_caution', true],
    ['People keep yelling bubble, but every GPU gets rented out the day it\'s installed.', 'bubble_caution', false],
    ['The first gigawatt is scheduled to come online in the second half of next year.', 'bubble_caution', false],
    ['This is not a bubble.', 'bubble_caution', false],
    ["They count the investment as revenue once it comes back as a chip order and call that growth? That's round-tripping, full stop.", 'distrust', true],
    ['Is this a Ponzi scheme? No: the chips are real, the customer pays, and the margins are public.', 'distrust', false],
    ['Three companies now sell most of the world\'s AI accelerators.', 'distrust', false],
    ['Sure, nothing says healthy demand like handing your customer the cash to place the order.', 'cynicism', true],
    ['Ha, the leather jacket made another appearance at the keynote.', 'cynicism', false],
    ['More circular financing. What could go wrong? /s', 'cynicism', true],
    ['Oh great, another totally-not-circular deal. Nothing to see here /s', 'cynicism', true],
    ['Line go up 🙄', 'cynicism', true],
    // rule 4: reported stances count (the text relays a warning or accusation without disputing it)
    ['Analysts warn the AI bubble could burst within a year.', 'bubble_caution', true],
    ['Critics call it round-tripping: Nvidia books its own investment as revenue.', 'distrust', true],
    ['Short sellers say the whole thing is a Ponzi scheme and will collapse.', 'distrust', true],
    ['A former SEC official said the deal looks like fraud.', 'distrust', true],
    // rule 5: jokes and complaints about unrelated things get no tag
    ['Ha, the leather jacket made another appearance at the keynote.', 'cynicism', false],
    ['My power bill went up again this winter, great.', 'bubble_caution', false],
    ['Whoever named these products should be fired, what a clown show of names.', 'distrust', false],
  ];
  for (const [text, tag, want] of table) {
    it(`${tag}=${want ? 1 : 0}: ${text.slice(0, 60)}`, () => expect(label(text, tag)).toBe(want));
  }

  // Known gap (training/README.md, "What is left"): laughter at an unrelated product still scores above
  // the low cynicism threshold; the off-topic feature has too few training examples to outweigh it.
  it.fails('known gap, rule 5: laughing at chatbot quality is not cynicism', () => {
    expect(label('lol the new chatbot still cannot count the letters in strawberry', 'cynicism')).toBe(false);
  });

  it('cues inside `>` quoted parent lines do not count', () => {
    const quoted = tagger.tag('> This is a Ponzi scheme and a bubble about to pop.\nI disagree.');
    const own = tagger.tag('This is a Ponzi scheme and a bubble about to pop.');
    expect(quoted.tags.distrust.cues).toHaveLength(0);
    expect(quoted.tags.bubble_caution.cues).toHaveLength(0);
    expect(own.tags.distrust.score).toBeGreaterThan(quoted.tags.distrust.score);
  });

  it('a quoted phrase after a speech verb is reported speech, not scare quotes', () => {
    const cueNames = (text: string): string[] => tagger.tag(text).tags.cynicism.cues.map((c) => c.cue);
    expect(cueNames('They booked it as "growth" and moved on.')).toContain('scare-quotes');
    expect(cueNames('Analysts called the deal "circular" in a note on Monday.')).not.toContain('scare-quotes');
    expect(cueNames('The CFO said revenue is still “underestimated by consensus” this year.')).not.toContain('scare-quotes');
  });

  it('concept cues beyond the keywords fire on new wordings', () => {
    const cueNames = (text: string, tag: TagName): string[] => tagger.tag(text).tags[tag].cues.map((c) => c.cue);
    expect(cueNames('Half those GPUs will sit idle in ghost data centers.', 'bubble_caution')).toContain('failure-prediction');
    expect(cueNames('They changed the depreciation schedule to flatter their earnings.', 'distrust')).toContain('cooking-the-books');
    // ordinary business wordings stay out
    expect(cueNames('They cut costs to improve their margins.', 'distrust')).not.toContain('cooking-the-books');
    expect(cueNames('OpenAI raised money to buy the chips it needs.', 'cynicism')).not.toContain('mock-summary');
    expect(cueNames('Nvidia will not fail, and this could make a whole lot of money.', 'bubble_caution')).not.toContain('failure-prediction');
    expect(cueNames('Executives high on their own supply, blindly signing more contracts.', 'cynicism')).toContain('mock-behaviour');
    expect(cueNames('They are buying up all the memory so that no one else can.', 'distrust')).toContain('legality');
    // "check out" as an invitation is not the ironic "checks out"
    expect(cueNames('Check out the new data centre in Memphis.', 'cynicism')).not.toContain('ironic-stock-phrase');
    expect(cueNames('Spending ten times revenue on chips. Checks out.', 'cynicism')).toContain('ironic-stock-phrase');
  });

  it('negation turns a cue into a negative cue', () => {
    const cues = tagger.tag('This is not a bubble at all.').tags.bubble_caution.cues;
    expect(cues.some((c) => c.cue === 'bubble')).toBe(false);
  });
});

describe('spans, normalisation and edge inputs', () => {
  it('cue spans point at the original characters after emoji and entities', () => {
    const text = '🙄🤡 caf\u00e9 &amp; \u200bmore circular financing, what could go wrong /s';
    const o = tagger.tag(text);
    const all = [...o.tags.cynicism.cues, ...o.tags.bubble_caution.cues, ...o.tags.distrust.cues];
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(all.some((c) => c.text === 'circular financing')).toBe(true);
    expect(all.some((c) => c.text === '/s')).toBe(true);
  });

  it('maps rewritten markers back to the original span', () => {
    const text = 'u/bob lost $10B &gt; fine';
    const n = normalizeText(text);
    const i = n.text.indexOf('billion');
    const span = toOriginalSpan(n, i, i + 'billion'.length);
    expect(text.slice(span.start, span.end)).toBe('B');
  });

  it('empty, emoji-only and non-English texts are skipped with a reason', () => {
    expect(tagger.tag('').skipped).toBeDefined();
    expect(tagger.tag('🙄🙄💀').skipped).toBeDefined();
    const de = tagger.tag('Das ist keine Blase, und die Firma ist nicht pleite, sagt der Chef der Bank.');
    expect(de.skipped).toMatch(/non-English/);
    expect(de.tags.bubble_caution.label).toBe(false);
  });

  it('a 100,000-character adversarial text is tagged fast', () => {
    const parts = ['"'.repeat(5000), ' the "growth" and'.repeat(1500), "'a ".repeat(5000), 'not '.repeat(5000), '$1'.repeat(3000), '&#'.repeat(3000), 'burning money '.repeat(2000), 'x'.repeat(20000)];
    const text = parts.join(' ').slice(0, 100_000).padEnd(100_000, ' bubble');
    const t0 = performance.now();
    tagger.tag(text);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('same input gives the same output', () => {
    const t = 'Nvidia gives OpenAI $100 billion. OpenAI uses that money to... buy Nvidia chips. Genius.';
    expect(JSON.stringify(tagger.tag(t))).toBe(JSON.stringify(tagger.tag(t)));
  });
});

describe('model artifact', () => {
  it('the artifact hash matches the tagger version and the recorded version', () => {
    const bytes = readFileSync(MODEL_PATH, 'utf8');
    const h = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const m = readModelFile();
    expect(tagger.version).toBe(`${m.lexiconVersion}-${h}`);
    expect(modelVersion(m)).toBe(tagger.version);
    const recorded = readFileSync(new URL('../../models/tagger-model.version', import.meta.url), 'utf8').trim();
    expect(recorded).toBe(tagger.version);
  });

  it('grouped CV on a fixed subset stays above a floor', () => {
    const { items } = parseLabeledJsonl(readFileSync(new URL('../../training/labeled-dev.jsonl', import.meta.url), 'utf8'));
    const subset = items.filter((_, i) => i % 2 === 0);
    const cv = crossValidate(toExamples(subset), 3, { ...DEFAULT_TRAIN_CONFIG, iterations: 600 });
    // lex5 scores 0.708 here; the floor leaves room for noise and still catches a real regression
    expect(cv.summary.macroF1).toBeGreaterThan(0.65);
  });
});
