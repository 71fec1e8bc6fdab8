// Writes the tagger bench's two 20,000-comment corpora as <dir>/real.json and <dir>/synth.json, for
// scripts/tag-outputs.mjs (TAG_OUTPUTS_CORPORA=<dir>). Run: npx tsx scripts/tag-outputs-corpora.ts <dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realSentenceComments, syntheticComments } from '../bench/tagger-bench.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: npx tsx scripts/tag-outputs-corpora.ts <dir>');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'real.json'), JSON.stringify(realSentenceComments(20_000)));
writeFileSync(join(dir, 'synth.json'), JSON.stringify(syntheticComments(20_000)));
