// The artifact `npm run train` writes must be one the model file accepts (model-file.ts refuses a calibration slope
// ≤ 0 and a threshold nothing can reach). Checked here, after training, rather than inside trainTag: cross-validation
// and the ablation scripts train on small splits where a tag can come out flat, and their scores say so; only the
// committed model has to be usable, and its author needs the reason in terms of the data, not of the file.

import { ConfigError } from '../errors/errors.js';
import { TAG_NAMES } from '../types.js';
import type { TaggerModelFile } from './logistic-model.js';
import { parseModel, serializeModel } from './model-file.js';
import type { Example } from './train-model.js';

/** Throws a ConfigError naming the first tag the examples could not train a usable threshold for. */
export function checkTrainable(ex: readonly Example[], model: TaggerModelFile): void {
  for (const tag of TAG_NAMES) {
    const fitted = ex.filter((e) => e.unlabeled?.includes(tag) !== true);
    const positives = fitted.filter((e) => e.labels[tag] === 1).length;
    if (positives === 0 || positives === fitted.length) {
      throw new ConfigError(`${tag}: the ${fitted.length} training examples are all labeled ${positives === 0 ? 0 : 1}; a threshold needs examples of both labels`);
    }
    const { a } = model.tags[tag].platt;
    if (a <= 0) {
      throw new ConfigError(
        `${tag}: out of fold a higher score does not mean a likelier label (calibration slope ${a}); the ${fitted.length} examples (${positives} labeled 1) are too few or too inconsistent to train on`,
      );
    }
  }
  parseModel(serializeModel(model), 'the trained model');
}
