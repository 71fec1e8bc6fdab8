// Builds a Tagger from a model file: calibrated probability, per-tag threshold
// and the cues that fired (exact original spans, with their contributions).

import { TAG_NAMES, type Cue, type TagOutcome, type TagScores, type Tagger } from '../types.js';
import { analyseText, type TextAnalysis } from './analyse-text.js';
import { featureOfHit, NGRAM_PREFIX } from './extract-features.js';
import { calibrated, rawLogits, weightOf, type TagModel, type TaggerModelFile } from './logistic-model.js';
import { toOriginalSpan } from './normalize-text.js';

/** Contributions smaller than this (in logit units) are not listed as cues. */
export const MIN_CUE_WEIGHT = 0.05;

function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function cuesFor(m: TagModel, original: string, a: TextAnalysis): Cue[] {
  const cues: Cue[] = [];
  for (const [feature, hits] of a.extracted.hitsByFeature) {
    if (feature.startsWith('ctx:')) continue;
    const w = weightOf(m, feature);
    if (w === undefined) continue;
    const value = a.extracted.features.get(feature) ?? 0;
    const each = (w * value) / hits.length;
    if (Math.abs(each) < MIN_CUE_WEIGHT) continue;
    for (const h of hits) {
      const span = toOriginalSpan(a.norm, h.start, h.end);
      cues.push({
        start: span.start,
        end: span.end,
        text: original.slice(span.start, span.end),
        cue: featureOfHit(h).startsWith('neg:') ? `not-${h.def.name}` : h.def.name,
        weight: round(each, 3),
      });
    }
  }
  cues.sort((x, y) => x.start - y.start || x.end - y.end || (x.cue < y.cue ? -1 : 1));
  return cues;
}

export function emptyScores(): TagScores {
  return {
    cynicism: { score: 0, label: false, cues: [] },
    distrust: { score: 0, label: false, cues: [] },
    bubble_caution: { score: 0, label: false, cues: [] },
  };
}

/** Score an analysis with a model (used by the tagger and by CV). */
export function scoreAnalysis(model: TaggerModelFile, original: string, a: TextAnalysis): TagOutcome {
  if (a.skipped !== undefined) return { tags: emptyScores(), skipped: a.skipped };
  const tags = emptyScores();
  const z = rawLogits(model, a.extracted.features);
  for (let ti = 0; ti < TAG_NAMES.length; ti++) {
    const tag = TAG_NAMES[ti]!;
    const m = model.tags[tag];
    const p = round(calibrated(m, z[ti]!));
    tags[tag] = { score: p, label: p >= m.threshold, cues: cuesFor(m, original, a) };
  }
  return { tags };
}

export function createTagger(model: TaggerModelFile, version: string): Tagger {
  const vocab = new Set<string>();
  for (const t of TAG_NAMES) for (const f of Object.keys(model.tags[t].weights)) if (f.startsWith(NGRAM_PREFIX)) vocab.add(f);
  return {
    version,
    tag(text: string): TagOutcome {
      return scoreAnalysis(model, text, analyseText(text, vocab));
    },
  };
}
