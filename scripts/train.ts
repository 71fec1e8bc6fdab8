// npm run train — rebuilds models/tagger-model.json from training/labeled-dev.jsonl (and training/corrections/*.jsonl,
// reviewers' exported corrections), and records what the new
// tagger outputs on the repo's texts (models/tagger-outputs.json).
// Deterministic: same data + same code → byte-identical model (and version); tests/tag/model-guard.test.ts checks it.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../src/errors/errors.js';
import { createTagger } from '../src/tag/create-tagger.js';
import { MODEL_PATH, modelVersion, serializeModel } from '../src/tag/model-file.js';
import { FINGERPRINT_PATH, fingerprintTagOutputs, parseFingerprint, readFingerprintTexts, refuseFingerprintUpdate, serializeFingerprint } from '../src/tag/tag-outputs-fingerprint.js';
import { trainRepoModel } from '../src/tag/train-repo-model.js';

let trained: ReturnType<typeof trainRepoModel>;
try {
  trained = trainRepoModel();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  // data that cannot train a tag (see check-trainable.ts): the committed model stays as it was
  process.stderr.write(`npm run train: ${e.message}; nothing written\n`);
  process.exit(1);
}
const { model, problems } = trained;
for (const p of problems) process.stderr.write(`${p.file} line ${p.line}: ${p.message}\n`);
const version = modelVersion(model);
// a change of these outputs under the same version is refused here and fails the model-guard test: stored tags would look current
const fingerprint = fingerprintTagOutputs(createTagger(model, version), readFingerprintTexts());
const recorded = existsSync(FINGERPRINT_PATH) ? parseFingerprint(readFileSync(FINGERPRINT_PATH, 'utf8')) : undefined;
const refusal = refuseFingerprintUpdate(recorded, fingerprint);
if (refusal !== undefined) {
  process.stderr.write(`npm run train: ${refusal}; nothing written\n`);
  process.exit(1);
}
writeFileSync(MODEL_PATH, serializeModel(model));
writeFileSync(fileURLToPath(new URL('../models/tagger-model.version', import.meta.url)), version + '\n');
writeFileSync(FINGERPRINT_PATH, serializeFingerprint(fingerprint));
process.stdout.write(`wrote ${MODEL_PATH}\ntagger version ${version}\nwrote ${FINGERPRINT_PATH} (${fingerprint.texts} texts)\n`);
for (const [t, m] of Object.entries(model.tags)) {
  process.stdout.write(`  ${t}: threshold ${m.threshold}, platt a=${m.platt.a} b=${m.platt.b}${m.ceiling === undefined ? "" : `, ceiling ${m.ceiling.cap} · sigmoid(${m.ceiling.a} z + ${m.ceiling.b})`}, ${Object.keys(m.weights).length} weights\n`);
}
