// Turns one analysed text into the classifier's sparse feature vector, and
// remembers which cue hits produced which feature (for explanations).

import type { CueHit } from './match-cues.js';
import type { AnalysedDoc } from './nlp-doc.js';

export type FeatureVector = Map<string, number>;

export interface ExtractedFeatures {
  features: FeatureVector;
  /** Feature name → the hits behind it. */
  hitsByFeature: Map<string, CueHit[]>;
}

/** 1 for one hit, ~1.58 for two, 2 for three, capped. */
function countValue(n: number): number {
  return Math.min(2, Math.log2(1 + n));
}

/** Feature name of a hit: `cue:<name>`, `neg:<name>` or `ctx:<name>`. */
export function featureOfHit(hit: CueHit): string {
  if (hit.def.kind === 'context') return `ctx:${hit.def.name}`;
  return hit.negated ? `neg:${hit.def.name}` : `cue:${hit.def.name}`;
}

export function extractFeatures(text: string, doc: AnalysedDoc, hits: CueHit[], hadQuotedLines: boolean): ExtractedFeatures {
  const hitsByFeature = new Map<string, CueHit[]>();
  for (const h of hits) {
    const f = featureOfHit(h);
    const list = hitsByFeature.get(f);
    if (list === undefined) hitsByFeature.set(f, [h]);
    else list.push(h);
  }
  const features: FeatureVector = new Map();
  for (const [f, list] of hitsByFeature) features.set(f, countValue(list.length));

  const nTok = doc.tokens.length;
  const s = doc.sentiment;
  if (s < 0) features.set('sent:neg', Math.min(1, -s));
  if (s > 0) features.set('sent:pos', Math.min(1, s));
  let minSent = 0;
  for (const se of doc.sentences) minSent = Math.min(minSent, se.sentiment);
  if (minSent < 0) features.set('sent:min', Math.min(1, -minSent));
  features.set('len', Math.log1p(nTok) / 5);
  if (nTok < 10) features.set('short', 1);
  let q = 0;
  let ex = 0;
  for (const se of doc.sentences) {
    const last = text.slice(se.start, se.end).trimEnd().slice(-1);
    if (last === '?') q++;
    else if (last === '!') ex++;
  }
  if (q > 0) features.set('question', countValue(q));
  if (ex > 0) features.set('exclaim', countValue(ex));
  if (hadQuotedLines) features.set('quoted-parent', 1);
  // interactions the linear model cannot form itself
  const strong = (n: string): boolean => features.has(`cue:${n}`);
  if (features.has('ctx:reported-speech') && (strong('fraud') || strong('ponzi') || strong('bubble') || strong('crash'))) {
    features.set('reported-x-stance', 1);
  }
  return { features, hitsByFeature };
}
