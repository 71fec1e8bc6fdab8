// Reading, writing and versioning the committed model artifact.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../errors/errors.js';
import { parseConfigJson } from '../errors/parse-config-json.js';
import { LEXICON_VERSION } from './cue-lexicon.js';
import { lexiconHash } from './lexicon-hash.js';
import type { TaggerModelFile } from './logistic-model.js';

/** models/tagger-model.json, resolved from src/tag or dist/tag alike. */
export const MODEL_PATH = fileURLToPath(new URL('../../models/tagger-model.json', import.meta.url));

// Training never writes these, but a hand-edited or foreign model could, and it would load and quietly tag wrong: a
// slope ≤ 0 ranks comments backwards (the quote picker would lead with the weakest evidence), and a threshold at or
// past the highest probability the calibration can give never labels anything (one at 0 labels everything).
const tagModelSchema = z
  .object({
    bias: z.number(),
    weights: z.record(z.string(), z.number()),
    platt: z.object({ a: z.number().gt(0, 'slope must be > 0 (a slope ≤ 0 ranks comments backwards)'), b: z.number() }),
    ceiling: z
      .object({ a: z.number().gt(0, 'slope must be > 0 (a slope ≤ 0 ranks comments backwards)'), b: z.number(), cap: z.number().gt(0).max(1) })
      .optional(),
    threshold: z.number().gt(0, 'must be > 0 (a threshold of 0 labels every comment)').max(1),
  })
  .superRefine((m, ctx) => {
    const top = m.ceiling?.cap ?? 1;
    if (m.threshold >= top) {
      const scale = m.ceiling === undefined ? 'the probability never reaches 1' : `the ceiling is ${top}`;
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: `${m.threshold} can never be reached (${scale}), so nothing would be labeled` });
    }
  });

const modelSchema = z.object({
  format: z.literal('reactionlens-tagger'),
  formatVersion: z.literal(1),
  lexiconVersion: z.string(),
  lexiconHash: z.string(),
  tags: z.object({ cynicism: tagModelSchema, distrust: tagModelSchema, bubble_caution: tagModelSchema }),
  training: z.record(z.string(), z.unknown()),
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The canonical bytes of a model: sorted keys, 2-space indent, trailing newline. */
export function serializeModel(model: TaggerModelFile): string {
  return JSON.stringify(sortKeys(model), null, 2) + '\n';
}

/** Tagger version: `<lexicon>-<first 12 hex of sha256(canonical bytes)>`. */
export function modelVersion(model: TaggerModelFile): string {
  const h = createHash('sha256').update(serializeModel(model)).digest('hex').slice(0, 12);
  return `${model.lexiconVersion}-${h}`;
}

/**
 * Parses and checks a model file's text. A file that is not a model, or a model trained with another
 * lexicon than the code's, is a ConfigError naming `path` (the fix is a retrain or a checkout, not a bug report).
 */
export function parseModel(json: string, path = 'model'): TaggerModelFile {
  const parsed = parseConfigJson(json, modelSchema, path, 'not a tagger model');
  if (parsed.lexiconVersion !== LEXICON_VERSION) {
    throw new ConfigError(`${path}: trained with lexicon ${parsed.lexiconVersion}, the code has ${LEXICON_VERSION}; run npm run train`);
  }
  if (parsed.lexiconHash !== lexiconHash()) {
    throw new ConfigError(`${path}: trained with a different ${LEXICON_VERSION} lexicon (hash ${parsed.lexiconHash}, code ${lexiconHash()}); bump LEXICON_VERSION and run npm run train`);
  }
  return parsed as TaggerModelFile;
}

export function readModelFile(path: string = MODEL_PATH): TaggerModelFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${path}: cannot read the tagger model (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run npm run train`);
  }
  return parseModel(text, path);
}
