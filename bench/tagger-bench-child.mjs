// The measured side of the tagger bench, in plain JavaScript over the compiled code (dist/), as the CLI
// runs it. Usage: node bench/tagger-bench-child.mjs <corpus.json> <rounds>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [corpusPath, roundsArg] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(corpusPath, 'utf8'));
const rounds = Number(roundsArg);
const dist = new URL('../dist/', import.meta.url);

const t0 = performance.now();
const { loadTagger } = await import(new URL('tag/load-tagger.js', dist).href);
const { getNlp, WINK_PIPE } = await import(new URL('tag/nlp-doc.js', dist).href);
const tagger = loadTagger();
tagger.tag('warm up: load the model and the wink instance');
const loadMs = performance.now() - t0;

// wink-nlp alone, sentence splitting + negation only: the tagger's own process-wide instance, no outputs read.
const bare = getNlp();
for (const t of texts.slice(0, 500)) bare.readDoc(t);
for (const t of texts.slice(0, 500)) tagger.tag(t);
// Interleaved rounds: the machine is shared, so a busy neighbour slows one round, not one side.
const winkSec = [];
const tagSec = [];
let tagged = 0;
for (let round = 0; round < rounds; round++) {
  let t1 = performance.now();
  for (const t of texts) bare.readDoc(t);
  winkSec.push((performance.now() - t1) / 1000);
  t1 = performance.now();
  tagged = 0;
  for (const t of texts) {
    const o = tagger.tag(t);
    if (o.tags.cynicism.label || o.tags.distrust.label || o.tags.bubble_caution.label) tagged++;
  }
  tagSec.push((performance.now() - t1) / 1000);
}
console.log(
  JSON.stringify({ version: tagger.version, pipe: WINK_PIPE, loadMs, winkSec, tagSec, tagged, peakMb: process.resourceUsage().maxRSS / 1024 }),
);
