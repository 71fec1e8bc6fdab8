// Builds a Tagger from a model file: calibrated probability, per-tag threshold
// and the cues that fired (exact original spans, with their contributions).

import { TAG_NAMES, type Cue, type TagOutcome, type TagScores, type Tagger } from '../types.js';
import { analyseTexts, type TextAnalysis } from './analyse-text.js';
import { featureOfHit, NGRAM_PREFIX, WordIndex } from './extract-features.js';
import { calibrated, jointWeights, rawLogits, type TaggerModelFile } from './logistic-model.js';
import { toOriginalSpan } from './normalize-text.js';
import { sortSmall } from '../util/sort-small.js';

/** Features contributing less than this (in logit units) are not listed as cues. */
export const MIN_CUE_WEIGHT = 0.05;

function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

interface CueSpan {
  start: number;
  end: number;
  text: string;
  cue: string;
}

function byPosition(x: Cue, y: Cue): number {
  return x.start - y.start || x.end - y.end || (x.cue < y.cue ? -1 : 1);
}

/**
 * The cues of every tag in one pass over the hit features: one weight lookup per feature
 * (all tags at once) and the original spans of a feature's hits computed once, not once per tag.
 */
function cuesForTags(model: TaggerModelFile, original: string, a: TextAnalysis): Cue[][] {
  const nTags = TAG_NAMES.length;
  const out: Cue[][] = [];
  for (let ti = 0; ti < nTags; ti++) out.push([]);
  const jw = jointWeights(model);
  for (const [feature, hits] of a.extracted.hitsByFeature) {
    if (feature.startsWith('ctx:')) continue;
    const w = jw.get(feature);
    if (w === undefined) continue;
    const value = a.extracted.features.get(feature) ?? 0;
    let spans: CueSpan[] | undefined;
    for (let ti = 0; ti < nTags; ti++) {
      // the feature's whole contribution decides, not each hit's share: a cue repeated 100 times must not vanish
      if (Math.abs(w[ti]! * value) < MIN_CUE_WEIGHT) continue;
      const each = (w[ti]! * value) / hits.length;
      if (spans === undefined) {
        spans = [];
        for (const h of hits) {
          const span = toOriginalSpan(a.norm, h.start, h.end);
          spans.push({
            start: span.start,
            end: span.end,
            text: original.slice(span.start, span.end),
            cue: featureOfHit(h).startsWith('neg:') ? `not-${h.def.name}` : h.def.name,
          });
        }
      }
      const weight = round(each, 3);
      const cues = out[ti]!;
      for (const sp of spans) cues.push({ start: sp.start, end: sp.end, text: sp.text, cue: sp.cue, weight });
    }
  }
  for (const cues of out) sortSmall(cues, byPosition);
  return out;
}

export function emptyScores(): TagScores {
  return {
    cynicism: { score: 0, label: false, cues: [] },
    distrust: { score: 0, label: false, cues: [] },
    bubble_caution: { score: 0, label: false, cues: [] },
  };
}

const wordWeightCache = new WeakMap<WordIndex, { model: TaggerModelFile; weights: (Float64Array | undefined)[] }>();

/** Per word of `index`: its weights for all tags (jointWeights), undefined when it has none. */
function wordWeights(model: TaggerModelFile, index: WordIndex): (Float64Array | undefined)[] {
  let e = wordWeightCache.get(index);
  if (e === undefined || e.model !== model) {
    const jw = jointWeights(model);
    e = { model, weights: index.words.map((w) => jw.get(w)) };
    wordWeightCache.set(index, e);
  }
  return e.weights;
}

/** Score an analysis with a model (used by the tagger and by CV). */
export function scoreAnalysis(model: TaggerModelFile, original: string, a: TextAnalysis): TagOutcome {
  if (a.skipped !== undefined) return { tags: emptyScores(), skipped: a.skipped };
  const tags = emptyScores();
  const z = rawLogits(model, a.extracted.features);
  const ids = a.extracted.wordIds;
  if (ids !== undefined && ids.length > 0) {
    // word features (value 1), summed in the same order as if they were the Map's last entries
    const ww = wordWeights(model, a.extracted.wordIndex!);
    for (const id of ids) {
      const w = ww[id];
      if (w !== undefined) for (let ti = 0; ti < z.length; ti++) z[ti]! += w[ti]! * 1;
    }
  }
  const cues = cuesForTags(model, original, a);
  for (let ti = 0; ti < TAG_NAMES.length; ti++) {
    const tag = TAG_NAMES[ti]!;
    const m = model.tags[tag];
    const p = round(calibrated(m, z[ti]!));
    tags[tag] = { score: p, label: p >= m.threshold, cues: cues[ti]! };
  }
  return { tags };
}

export function createTagger(model: TaggerModelFile, version: string): Tagger {
  const vocab = new Set<string>();
  for (const t of TAG_NAMES) for (const f of Object.keys(model.tags[t].weights)) if (f.startsWith(NGRAM_PREFIX)) vocab.add(f);
  const words = new WordIndex(vocab);
  const tagMany = (texts: readonly string[]): TagOutcome[] => analyseTexts(texts, words).map((a, i) => scoreAnalysis(model, texts[i]!, a));
  return {
    version,
    tag(text: string): TagOutcome {
      return tagMany([text])[0]!;
    },
    tagMany,
  };
}
