// The model `npm run train` builds: the repo's labeled data (with any committed corrections), the default training config.
// Shared by the script and the test that checks the committed model is still what it builds.

import { toExamples } from './cross-validate.js';
import type { TaggerModelFile } from './logistic-model.js';
import { readRepoLabeledData, type RepoDataProblem } from './read-repo-labeled-data.js';
import { DEFAULT_TRAIN_CONFIG, trainModel } from './train-model.js';

/** Deterministic: same data + same code → byte-identical model (and version). */
export function trainRepoModel(root?: string): { model: TaggerModelFile; problems: RepoDataProblem[] } {
  const { items, problems, base, corrections } = readRepoLabeledData(root);
  const model = trainModel(toExamples(items), DEFAULT_TRAIN_CONFIG, {
    data: base.file,
    dataSha256: base.sha256,
    // only when there are some: the bundled data alone keeps the artifact, and so the tagger version, as it was
    ...(corrections.length > 0 ? { corrections } : {}),
  });
  return { model, problems };
}
