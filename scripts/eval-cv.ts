// npm run eval:cv — grouped k-fold CV on training/labeled-dev.jsonl, with baselines.
// Usage: tsx scripts/eval-cv.ts [--k 5] [--json]

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TAG_NAMES } from '../src/types.js';
import { baselines, crossValidate, toExamples } from '../src/tag/cross-validate.js';
import { formatTable } from '../src/tag/evaluate-tags.js';
import { parseLabeledJsonl } from '../src/tag/labeled-data.js';
import { DEFAULT_TRAIN_CONFIG } from '../src/tag/train-model.js';

const DATA = fileURLToPath(new URL('../training/labeled-dev.jsonl', import.meta.url));

const args = process.argv.slice(2);
const kArg = args.indexOf('--k');
const k = kArg >= 0 ? Number(args[kArg + 1]) : 5;
const json = args.includes('--json');

const { items, problems } = parseLabeledJsonl(readFileSync(DATA, 'utf8'));
for (const p of problems) process.stderr.write(`line ${p.line}: ${p.message}\n`);
const t0 = performance.now();
const ex = toExamples(items);
const cv = crossValidate(ex, k, DEFAULT_TRAIN_CONFIG);
const base = baselines(items);
if (json) {
  process.stdout.write(JSON.stringify({ k, ...cv.summary, baselines: base }) + '\n');
} else {
  const out: string[] = [];
  out.push(formatTable(`Tagger, ${k}-fold CV grouped by url (seed ${DEFAULT_TRAIN_CONFIG.seed})`, cv.summary));
  out.push(`per-fold thresholds: ${TAG_NAMES.map((t) => `${t} ${cv.thresholds[t].map((x) => x.toFixed(2)).join('/')}`).join('; ')}`);
  for (const [name, s] of Object.entries(base)) out.push('', formatTable(`Baseline: ${name}`, s));
  out.push('', `(${items.length} items, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  process.stdout.write(out.join('\n') + '\n');
}
