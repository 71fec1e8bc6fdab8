// The model `npm run train` builds: the repo's labeled data (with any committed corrections), the default training config.
// Shared by the script and the test that checks the committed model is still what it builds.

import { checkTrainable } from './check-trainable.js';
import { toExamples } from './cross-validate.js';
import type { TaggerModelFile } from './logistic-model.js';
import { readRepoLabeledData, type RepoDataProblem } from './read-repo-labeled-data.js';
import { DEFAULT_TRAIN_CONFIG, trainModel } from './train-model.js';

/** Deterministic: same data + same code → byte-identical model (and version). A ConfigError when a tag cannot be trained. */
export function trainRepoModel(root?: string): { model: TaggerModelFile; problems: RepoDataProblem[] } {
  const { items, problems, base, corrections } = readRepoLabeledData(root);
  const withRows = corrections.filter((c) => c.items > 0);
  const examples = toExamples(items);
  const model = trainModel(examples, DEFAULT_TRAIN_CONFIG, {
    data: base.file,
    dataSha256: base.sha256,
    // only the files that give a row: the bundled data alone keeps the artifact, and so the tagger version, as it was,
    // also beside an empty file (what `labels export --out` writes for a store with no correction yet) or one whose
    // lines are all bad, which would otherwise retag every stored comment for nothing
    ...(withRows.length > 0 ? { corrections: withRows } : {}),
  });
  checkTrainable(examples, model);
  return { model, problems };
}
