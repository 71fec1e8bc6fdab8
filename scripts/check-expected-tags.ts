// npx tsx scripts/check-expected-tags.ts [FILE] [--list] — how the tagger does on a review's probe sentences with
// expected tags (training/probes/lex18-review.jsonl). Each line: {"id", "rule", "text", "expect": {tag: 0|1, …},
// "ambiguous"}: a sentence written to break one rule of the tagger, with the labels LABELS.md gives it for the tags it
// is about (not all three), and whether a reasonable annotator could disagree. Prints per rule how many of the clear
// ones get every expected label; with --list, the clear ones that do not. Not training data, and not a measure of
// accuracy: the sentences were written to find failures.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseConfigJsonl } from '../src/errors/parse-config-jsonl.js';
import { loadTagger } from '../src/tag/load-tagger.js';
import { TAG_NAMES } from '../src/types.js';

const args = process.argv.slice(2);
const list = args.includes('--list');
const file = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../training/probes/lex18-review.jsonl', import.meta.url));
const Line = z.object({
  id: z.string(),
  rule: z.string(),
  text: z.string(),
  expect: z.partialRecord(z.enum(TAG_NAMES), z.union([z.literal(0), z.literal(1)])),
  ambiguous: z.boolean(),
});

const rows = parseConfigJsonl(readFileSync(file, 'utf8'), Line, file, 'not a probe line');
const tagger = loadTagger();
const outcomes = tagger.tagMany(rows.map((r) => r.text));
process.stdout.write(`expected tags (${file}), tagger ${tagger.version}\n`);
let right = 0;
let clear = 0;
for (const rule of [...new Set(rows.map((r) => r.rule))]) {
  const own = rows.map((r, i) => ({ r, o: outcomes[i]! })).filter(({ r }) => r.rule === rule);
  const wrong = own.filter(({ r, o }) => !r.ambiguous && Object.entries(r.expect).some(([tag, want]) => o.tags[tag as (typeof TAG_NAMES)[number]].label !== (want === 1)));
  const n = own.filter(({ r }) => !r.ambiguous).length;
  clear += n;
  right += n - wrong.length;
  process.stdout.write(`${rule.padEnd(14)} ${String(n - wrong.length).padStart(3)} of ${String(n).padStart(3)} clear probes right (${own.length - n} ambiguous not counted)\n`);
  if (list) for (const { r } of wrong) process.stdout.write(`  ${r.id} expected ${JSON.stringify(r.expect)} | ${r.text.replace(/\n/g, '\\n')}\n`);
}
process.stdout.write(`${'all'.padEnd(14)} ${String(right).padStart(3)} of ${String(clear).padStart(3)}\n`);
