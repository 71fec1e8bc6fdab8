import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticComments } from '../../bench/tagger-bench.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { lowerSameLength, matchCues } from '../../src/tag/match-cues.js';
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
