// Tagging throughput vs. wink-nlp's own readDoc (sbd + negation only) on the
// same 20,000 synthetic comments, in the same process; plus load time and peak RSS.
// Run: npx tsx bench/tagger-bench.ts   (or via npm run bench)

import { pathToFileURL } from 'node:url';
import { createRandom } from '../src/util/create-random.js';
import { loadTagger } from '../src/tag/load-tagger.js';
import { getNlp, WINK_PIPE } from '../src/tag/nlp-doc.js';

const WORDS =
  'the deal money chips data centre openai nvidia oracle revenue billion investors market stock valuation compute cloud contract debt spending growth demand year quarter they it is was will would could not just really more this that and but so with for from into about think people company companies'.split(
    ' ',
  );
const PHRASES = [
  'more circular financing',
  'what could go wrong /s',
  'this is not a bubble',
  'feels like 1999 all over again',
  'cooking the books',
  'who is left holding the bag',
  'line go up 🙄',
  'is this even legal?',
  'when this pops',
  'u/someone said $10B &amp; more',
];

export function syntheticComments(n: number, seed = 42): string[] {
  const rnd = createRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const words = 35 + Math.floor(rnd() * 16);
    for (let w = 0; w < words; w++) {
      if (rnd() < 0.03) parts.push(PHRASES[Math.floor(rnd() * PHRASES.length)]!);
      else parts.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
      if (rnd() < 0.07) parts[parts.length - 1] += '.';
    }
    out.push(parts.join(' ') + '.');
  }
  return out;
}

const ROUNDS = 3;

export async function runTaggerBench(): Promise<void> {
  const N = 20_000;
  const texts = syntheticComments(N);
  const t0 = performance.now();
  const tagger = loadTagger();
  tagger.tag('warm up: load the model and the wink instance');
  const loadMs = performance.now() - t0;

  // wink-nlp alone, sentence splitting + negation only: the tagger's own process-wide instance
  // (one instance per process; pipe sbd+negation), readDoc with no outputs read
  const bare = getNlp();
  for (const t of texts.slice(0, 500)) bare.readDoc(t);
  for (const t of texts.slice(0, 500)) tagger.tag(t);
  // Interleaved rounds, best of each (the machine is shared: a busy neighbour slows one round, not all)
  let winkSec = Infinity;
  let tagSec = Infinity;
  let labels = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t1 = performance.now();
    for (const t of texts) bare.readDoc(t);
    winkSec = Math.min(winkSec, (performance.now() - t1) / 1000);
    t1 = performance.now();
    labels = 0;
    for (const t of texts) {
      const o = tagger.tag(t);
      if (o.tags.cynicism.label || o.tags.distrust.label || o.tags.bubble_caution.label) labels++;
    }
    tagSec = Math.min(tagSec, (performance.now() - t1) / 1000);
  }
  const winkRate = N / winkSec;
  const tagRate = N / tagSec;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const lines = [
    `tagger bench (${N} synthetic comments of 35–50 words, one process, tagger ${tagger.version}, best of ${ROUNDS} interleaved rounds)`,
    `  wink-nlp readDoc (${WINK_PIPE.join('+')}):   ${winkRate.toFixed(0)} comments/s`,
    `  reactionlens tagger:             ${tagRate.toFixed(0)} comments/s  (${(tagRate / winkRate).toFixed(2)} × wink; target ≥ 0.5)  [${labels} tagged]`,
    `  model load:                      ${loadMs.toFixed(0)} ms  (target ≤ 1000)`,
    `  peak RSS:                        ${peakMb.toFixed(0)} MB  (target ≤ 300)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runTaggerBench();
}
