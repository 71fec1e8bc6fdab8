// The model `npm run train` builds: the repo's labeled data, the default training config.
// Shared by the script and the test that checks the committed model is still what it builds.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toExamples } from './cross-validate.js';
import { parseLabeledJsonl, type ParseProblem } from './labeled-data.js';
import type { TaggerModelFile } from './logistic-model.js';
import { DEFAULT_TRAIN_CONFIG, trainModel } from './train-model.js';

export const REPO_LABELED_DATA = 'training/labeled-dev.jsonl';

/** Deterministic: same data + same code → byte-identical model (and version). */
export function trainRepoModel(): { model: TaggerModelFile; problems: ParseProblem[] } {
  const content = readFileSync(fileURLToPath(new URL(`../../${REPO_LABELED_DATA}`, import.meta.url)), 'utf8');
  const { items, problems } = parseLabeledJsonl(content);
  const model = trainModel(toExamples(items), DEFAULT_TRAIN_CONFIG, {
    data: REPO_LABELED_DATA,
    dataSha256: createHash('sha256').update(content).digest('hex').slice(0, 16),
  });
  return { model, problems };
}
