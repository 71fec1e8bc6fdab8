// Tagging throughput vs. wink-nlp's own readDoc (sbd + negation only) on the
// same 20,000 comments, in the same process; plus load time and peak RSS. Two corpora:
// synthetic comments, and comments made of sentences of the repo's real labeled comments.
// The measured process runs the compiled code (bench/tagger-bench-child.mjs).
// Run: npx tsx bench/tagger-bench.ts   (or via npm run bench)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseLabeledJsonl } from '../src/tag/labeled-data.js';
import { createRandom } from '../src/util/create-random.js';
import { buildDist } from './build-dist.js';
import { runJsonChild } from './run-json-child.js';

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

const ROUNDS = 5;
const LABELED = fileURLToPath(new URL('../training/labeled-dev.jsonl', import.meta.url));

interface ChildResult {
  version: string;
  /** V8 allocation-site pretenuring in the measured process (src/tag/avoid-pretenuring.ts). */
  pretenuring: string;
  pipe: string[];
  loadMs: number;
  /** Comments per tagMany call. */
  batch: number;
  winkSec: number[];
  /** Per round: the tagger on batches (tagMany). */
  tagSec: number[];
  /** Per round: the tagger one text per call (tag). */
  oneSec: number[];
  tagged: number;
  peakMb: number;
}

/**
 * Comments made of real sentences: each is 1–3 sentences drawn (seeded) from the 650 sentences of the repo's
 * 364 real labeled comments (training/labeled-dev.jsonl): real wording, links and punctuation, and 13,908
 * distinct texts of 20,000, so costs paid per new combination of wordings (such as compiling a regex per
 * subset of cue alternatives) show. Its vocabulary is still small and every round passes over the same
 * texts: costs paid per new word (cache misses) are mostly warmed away, so a night's real collection may
 * cost more than this corpus shows.
 */
export function realSentenceComments(n: number, seed = 42): string[] {
  const { items, problems } = parseLabeledJsonl(readFileSync(LABELED, 'utf8'));
  if (problems.length > 0 || items.length === 0) throw new Error(`tagger bench: ${LABELED}: ${problems.length} bad lines, ${items.length} items`);
  const sentences = items.flatMap((it) => it.text.split(/(?<=[.!?])\s+|\n+/u)).filter((x) => x.trim() !== '');
  const rnd = createRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = 1 + Math.floor(rnd() * 3);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(sentences[Math.floor(rnd() * sentences.length)]!);
    out.push(parts.join(' '));
  }
  return out;
}

interface CommandResult {
  /** Wall time of `reactionlens tag` over the corpus, process start to exit. */
  wallSec: number;
  peakMb: number;
}

/**
 * `reactionlens tag corpus.jsonl > /dev/null` in a fresh process, as a user runs it: its peak RSS is the
 * tagger's memory on this corpus. The measured bench process holds more (three sides' garbage, five rounds).
 */
function runTagCommand(dir: string, name: string, texts: string[]): CommandResult {
  const input = join(dir, `${name}.jsonl`);
  const rssFile = join(dir, `${name}.rss`);
  writeFileSync(input, texts.map((text, i) => JSON.stringify({ id: `c${i}`, text })).join('\n') + '\n');
  const preload = fileURLToPath(new URL('./report-peak-rss.mjs', import.meta.url));
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, cli, 'tag', input], {
    env: { ...process.env, REACTIONLENS_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wallSec = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`tagger bench: reactionlens tag (${name}) failed (exit ${child.status}):\n${child.stderr}`);
  return { wallSec, peakMb: Number(readFileSync(rssFile, 'utf8')) };
}

function runCorpus(dir: string, name: string, texts: string[]): ChildResult & { command: CommandResult } {
  const corpus = join(dir, `${name}.json`);
  writeFileSync(corpus, JSON.stringify(texts));
  const measured = runJsonChild<ChildResult>([fileURLToPath(new URL('./tagger-bench-child.mjs', import.meta.url)), corpus, String(ROUNDS)], `tagger bench (${name})`);
  return { ...measured, command: runTagCommand(dir, name, texts) };
}

/** Per round: readDoc time ÷ tagger time (the throughput ratio), sorted, and their median. */
function roundRatios(r: ChildResult, secs: number[]): { sorted: number[]; median: number } {
  const sorted = secs.map((sec, i) => (r.winkSec[i] ?? 0) / sec).sort((a, b) => a - b);
  return { sorted, median: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}

function describeRun(label: string, n: number, r: ChildResult & { command: CommandResult }): string[] {
  const batched = roundRatios(r, r.tagSec);
  const one = roundRatios(r, r.oneSec);
  const best = (secs: number[]): number => n / Math.min(...secs);
  const list = (x: number[]): string => x.map((v) => v.toFixed(2)).join(', ');
  return [
    label,
    `  wink-nlp readDoc (${r.pipe.join('+')}):   ${best(r.winkSec).toFixed(0)} comments/s (best round)`,
    `  reactionlens tagger, tagMany:     ${best(r.tagSec).toFixed(0)} comments/s (best round, batches of ${r.batch})  [${r.tagged} tagged]`,
    `  tagger / readDoc per round:      median ${batched.median.toFixed(2)} × (rounds ${list(batched.sorted)}; target ≥ 0.5)`,
    `  one text per call (tag):         ${best(r.oneSec).toFixed(0)} comments/s, median ${one.median.toFixed(2)} × readDoc (rounds ${list(one.sorted)})`,
    `  model load:                      ${r.loadMs.toFixed(0)} ms  (target ≤ 1000)`,
    `  peak RSS, bench process:         ${r.peakMb.toFixed(0)} MB  (target ≤ 300; all three sides, ${ROUNDS} rounds)`,
    `  reactionlens tag on the corpus:  peak RSS ${r.command.peakMb.toFixed(0)} MB, ${r.command.wallSec.toFixed(1)} s wall (fresh process, JSONL in, stdout discarded)`,
  ];
}

export async function runTaggerBench(): Promise<void> {
  const N = 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'reactionlens-tagger-bench-'));
  try {
    buildDist(); // the measured child runs the compiled tagger, as the CLI does
    const synthetic = runCorpus(dir, 'synthetic', syntheticComments(N));
    const real = runCorpus(dir, 'real-sentences', realSentenceComments(N));
    const how = `one process running the compiled tagger ${synthetic.version}, ${ROUNDS} rounds, each interleaving 500-comment chunks of every side; V8 allocation-site pretenuring ${synthetic.pretenuring} for both sides (src/tag/avoid-pretenuring.ts; REACTIONLENS_V8_PRETENURING=1 keeps V8's default)`;
    const lines = [
      ...describeRun(`tagger bench: ${N} synthetic comments of 35–50 words (${how})`, N, synthetic),
      ...describeRun(`tagger bench: ${N} comments of 1–3 real sentences drawn from the 364 labeled comments (training/labeled-dev.jsonl), same procedure`, N, real),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runTaggerBench();
}
