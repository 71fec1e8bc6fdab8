// The model-independent half of tagging: normalise, screen (empty / emoji-only
// / quoted-only / non-English), tokenise, match cues and build features.

import { detectEnglish } from './detect-language.js';
import { extractFeatures, type ExtractedFeatures, type WordIndex } from './extract-features.js';
import { lowerSameLength, matchCues, type CueHit } from './match-cues.js';
import { buildDoc, readWink, type AnalysedDoc, type WinkOutputs } from './nlp-doc.js';
import { MAX_RUN_CHARS, normalizeText, type NormalizedText } from './normalize-text.js';

export interface TextAnalysis {
  norm: NormalizedText;
  /** Set when the text is not analysed; then doc/hits/features are empty. */
  skipped?: string;
  doc: AnalysedDoc;
  hits: CueHit[];
  extracted: ExtractedFeatures;
}

const EMPTY_DOC: AnalysedDoc = { tokens: [], sentences: [] };

function emptyAnalysis(norm: NormalizedText, skipped: string): TextAnalysis {
  return { norm, skipped, doc: EMPTY_DOC, hits: [], extracted: { features: new Map(), hitsByFeature: new Map() } };
}

/**
 * `wordIndex`: the tagger passes its model's word vocabulary; word features outside it are not built
 * (they would get no weight), and the rest are reported as ids, not Map entries (ExtractedFeatures.wordIds).
 * Training passes nothing and gets every word feature.
 */
export function analyseText(original: string, wordIndex?: WordIndex): TextAnalysis {
  return analyseTexts([original], wordIndex)[0]!;
}

/**
 * analyseText for many texts, stage by stage: every text is normalised, then read by wink, then
 * adapted, then matched. Each stage's code and tables (wink's model above all) stay in the CPU
 * caches across the batch instead of evicting each other on every text; the results are the same
 * as one text at a time.
 */
export function analyseTexts(originals: readonly string[], wordIndex?: WordIndex): TextAnalysis[] {
  const n = originals.length;
  const out: (TextAnalysis | undefined)[] = new Array<TextAnalysis | undefined>(n);
  const norms: NormalizedText[] = new Array<NormalizedText>(n);
  const lowers: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const original = originals[i]!;
    const norm = (norms[i] = normalizeText(original));
    if (original.trim() === '') out[i] = emptyAnalysis(norm, 'empty text');
    else if (norm.onlyQuoted) out[i] = emptyAnalysis(norm, 'only quoted parent text');
    else lowers[i] = lowerSameLength(norm.text);
  }
  const wink: (WinkOutputs | undefined)[] = new Array<WinkOutputs | undefined>(n);
  for (let i = 0; i < n; i++) if (out[i] === undefined) wink[i] = readWink(norms[i]!.text);
  const docs: AnalysedDoc[] = new Array<AnalysedDoc>(n);
  for (let i = 0; i < n; i++) {
    const w = wink[i];
    if (w === undefined) continue;
    wink[i] = undefined; // the wink document can go as soon as it is adapted
    const text = norms[i]!.text;
    const doc = (docs[i] = buildDoc(text, lowers[i]!, w));
    if (doc.tokens.length === 0 && !/[\p{L}\p{N}]/u.test(text)) {
      out[i] = emptyAnalysis(norms[i]!, norms[i]!.blankedChars > 0 ? `no words (runs of over ${MAX_RUN_CHARS} characters without a space are not analysed)` : 'no words (emoji or symbols only)');
      continue;
    }
    const lang = detectEnglish(text, doc);
    if (!lang.english) out[i] = emptyAnalysis(norms[i]!, lang.reason);
  }
  for (let i = 0; i < n; i++) {
    if (out[i] !== undefined) continue;
    const norm = norms[i]!;
    const doc = docs[i]!;
    const hits = matchCues(norm.text, doc, lowers[i]!);
    out[i] = { norm, doc, hits, extracted: extractFeatures(doc, hits, norm.quotedChars > 0, wordIndex) };
  }
  return out as TextAnalysis[];
}
