// The model-independent half of tagging: normalise, screen (empty / emoji-only
// / quoted-only / non-English), tokenise, match cues and build features.

import { detectEnglish } from './detect-language.js';
import { extractFeatures, type ExtractedFeatures, type WordIndex } from './extract-features.js';
import { lowerSameLength, matchCues, type CueHit } from './match-cues.js';
import { analyseDoc, type AnalysedDoc } from './nlp-doc.js';
import { normalizeText, type NormalizedText } from './normalize-text.js';

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
  const norm = normalizeText(original);
  if (original.trim() === '') return emptyAnalysis(norm, 'empty text');
  if (norm.onlyQuoted) return emptyAnalysis(norm, 'only quoted parent text');
  const lower = lowerSameLength(norm.text);
  const doc = analyseDoc(norm.text, lower);
  if (doc.tokens.length === 0 && !/[\p{L}\p{N}]/u.test(norm.text)) return emptyAnalysis(norm, 'no words (emoji or symbols only)');
  const lang = detectEnglish(norm.text, doc);
  if (!lang.english) return emptyAnalysis(norm, lang.reason);
  const hits = matchCues(norm.text, doc, lower);
  const extracted = extractFeatures(doc, hits, norm.quotedChars > 0, wordIndex);
  return { norm, doc, hits, extracted };
}
