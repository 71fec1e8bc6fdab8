// Builds a Tagger from a model file: calibrated probability, per-tag threshold
// and the cues that fired (exact original spans, with their contributions).

import { TAG_NAMES, type Cue, type TagName, type TagOutcome, type TagScore, type TagScores, type Tagger } from '../types.js';
import { analyseTexts, type TextAnalysis } from './analyse-text.js';
import { featureOfHit, NGRAM_PREFIX, WordIndex } from './extract-features.js';
import { calibrated, evidenceStrength, jointWeights, rawLogits, type TaggerModelFile } from './logistic-model.js';
import { MAX_ANALYSED_CHARS, toOriginalSpan } from './normalize-text.js';
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

/**
 * Per word of `index`: its weights for all tags (jointWeights) at `weights[id * tags + ti]`, flat, so a word
 * costs one memory load instead of a chase through its own array; `has[id]` is 0 when it has none.
 */
interface WordWeights {
  model: TaggerModelFile;
  weights: Float64Array;
  has: Uint8Array;
}

const wordWeightCache = new WeakMap<WordIndex, WordWeights>();

function wordWeights(model: TaggerModelFile, index: WordIndex): WordWeights {
  let e = wordWeightCache.get(index);
  if (e === undefined || e.model !== model) {
    const jw = jointWeights(model);
    const nTags = TAG_NAMES.length;
    e = { model, weights: new Float64Array(index.words.length * nTags), has: new Uint8Array(index.words.length) };
    for (let id = 0; id < index.words.length; id++) {
      const w = jw.get(index.words[id]!);
      if (w === undefined) continue;
      e.has[id] = 1;
      e.weights.set(w, id * nTags);
    }
    wordWeightCache.set(index, e);
  }
  return e;
}

/** Score an analysis with a model (used by the tagger and by CV). */
export function scoreAnalysis(model: TaggerModelFile, original: string, a: TextAnalysis): TagOutcome {
  const outcome = scoreAnalysed(model, original, a);
  if (a.norm.truncated) outcome.analysedChars = MAX_ANALYSED_CHARS;
  return outcome;
}

function scoreAnalysed(model: TaggerModelFile, original: string, a: TextAnalysis): TagOutcome {
  if (a.skipped !== undefined) return { tags: emptyScores(), skipped: a.skipped };
  const z = rawLogits(model, a.extracted.features);
  const ids = a.extracted.wordIds;
  if (ids !== undefined && ids.length > 0) {
    // word features (value 1), summed in the same order as if they were the Map's last entries
    const { weights, has } = wordWeights(model, a.extracted.wordIndex!);
    const nTags = z.length;
    for (const id of ids) {
      if (has[id] === 0) continue;
      for (let ti = 0, at = id * nTags; ti < nTags; ti++, at++) z[ti]! += weights[at]! * 1;
    }
  }
  const cues = cuesForTags(model, original, a);
  return { tags: { cynicism: tagScore(model, 'cynicism', z, cues), distrust: tagScore(model, 'distrust', z, cues), bubble_caution: tagScore(model, 'bubble_caution', z, cues) } };
}

/** One tag's score, label and cues from the raw logits and cues of all tags (TAG_NAMES order). */
function tagScore(model: TaggerModelFile, tag: TagName, z: Float64Array, cues: Cue[][]): TagScore {
  const ti = TAG_NAMES.indexOf(tag);
  const m = model.tags[tag];
  const p = round(calibrated(m, z[ti]!));
  return { score: p, label: p >= m.threshold, cues: cues[ti]!, strength: round(evidenceStrength(m, z[ti]!)) };
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
