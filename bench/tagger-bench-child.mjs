// The measured side of the tagger bench, in plain JavaScript over the compiled code (dist/), as the CLI
// runs it. Usage: node bench/tagger-bench-child.mjs <corpus.json> <rounds>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { peakRssKb } from './peak-rss.mjs';

const [corpusPath, roundsArg] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(corpusPath, 'utf8'));
const rounds = Number(roundsArg);
const dist = new URL('../dist/', import.meta.url);

const t0 = performance.now();
const { loadTagger } = await import(new URL('tag/load-tagger.js', dist).href);
const { getNlp, WINK_PIPE } = await import(new URL('tag/nlp-doc.js', dist).href);
const { TAG_BATCH_SIZE } = await import(new URL('types.js', dist).href);
const { pretenuringSetting } = await import(new URL('tag/avoid-pretenuring.js', dist).href);
const tagger = loadTagger();
tagger.tag('warm up: load the model and the wink instance');
const loadMs = performance.now() - t0;

// wink-nlp alone, sentence splitting + negation only: the tagger's own process-wide instance, no outputs read.
const bare = getNlp();
for (const t of texts.slice(0, 500)) bare.readDoc(t);
tagger.tagMany(texts.slice(0, 500));
// Interleaved rounds, and within a round interleaved chunks: the machine is shared, so a busy neighbour
// (or a change of CPU clock) lasting a fraction of a second slows every side of the comparison, not one.
// The order of the sides rotates per chunk, so none always runs with another's data in cache.
const CHUNK = 500;
const winkSec = [];
const tagSec = [];
let tagged = 0;
const runWink = (from, to) => {
  const t1 = performance.now();
  for (let i = from; i < to; i++) bare.readDoc(texts[i]);
  return performance.now() - t1;
};
// The tagger takes batches of TAG_BATCH_SIZE comments, as the tag stage and the tag command hand them over (tagMany).
const runTagger = (from, to) => {
  const t1 = performance.now();
  for (let b = from; b < to; b += TAG_BATCH_SIZE) {
    for (const o of tagger.tagMany(texts.slice(b, Math.min(to, b + TAG_BATCH_SIZE)))) {
      if (o.tags.cynicism.label || o.tags.distrust.label || o.tags.bubble_caution.label) tagged++;
    }
  }
  return performance.now() - t1;
};
// For comparison: one text per call (Tagger.tag), as a caller tagging comments one by one would.
const runTaggerOne = (from, to) => {
  const t1 = performance.now();
  for (let i = from; i < to; i++) tagger.tag(texts[i]);
  return performance.now() - t1;
};
const oneSec = [];
for (let round = 0; round < rounds; round++) {
  const ms = [0, 0, 0];
  tagged = 0;
  for (let from = 0, k = 0; from < texts.length; from += CHUNK, k++) {
    const to = Math.min(texts.length, from + CHUNK);
    // the three sides take turns at going first, second and third
    for (let j = 0; j < 3; j++) {
      const side = (k + round + j) % 3;
      ms[side] += side === 0 ? runWink(from, to) : side === 1 ? runTagger(from, to) : runTaggerOne(from, to);
    }
  }
  winkSec.push(ms[0] / 1000);
  tagSec.push(ms[1] / 1000);
  oneSec.push(ms[2] / 1000);
}
console.log(
  JSON.stringify({ version: tagger.version, pretenuring: pretenuringSetting(), pipe: WINK_PIPE, loadMs, batch: TAG_BATCH_SIZE, winkSec, tagSec, oneSec, tagged, peakMb: peakRssKb() / 1024 }),
);
