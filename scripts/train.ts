// npm run train — rebuilds models/tagger-model.json from training/labeled-dev.jsonl.
// Deterministic: same data + same code → byte-identical model (and version).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toExamples } from '../src/tag/cross-validate.js';
import { parseLabeledJsonl } from '../src/tag/labeled-data.js';
import { MODEL_PATH, modelVersion, serializeModel } from '../src/tag/model-file.js';
import { DEFAULT_TRAIN_CONFIG, trainModel } from '../src/tag/train-model.js';

const DATA = fileURLToPath(new URL('../training/labeled-dev.jsonl', import.meta.url));
const content = readFileSync(DATA, 'utf8');
const { items, problems } = parseLabeledJsonl(content);
for (const p of problems) process.stderr.write(`line ${p.line}: ${p.message}\n`);
const model = trainModel(toExamples(items), DEFAULT_TRAIN_CONFIG, {
  data: 'training/labeled-dev.jsonl',
  dataSha256: createHash('sha256').update(content).digest('hex').slice(0, 16),
});
writeFileSync(MODEL_PATH, serializeModel(model));
const version = modelVersion(model);
writeFileSync(fileURLToPath(new URL('../models/tagger-model.version', import.meta.url)), version + '\n');
process.stdout.write(`wrote ${MODEL_PATH}\ntagger version ${version}\n`);
for (const [t, m] of Object.entries(model.tags)) {
  process.stdout.write(`  ${t}: threshold ${m.threshold}, platt a=${m.platt.a} b=${m.platt.b}, ${Object.keys(m.weights).length} weights\n`);
}
