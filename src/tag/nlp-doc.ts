// A compact analysed document: word tokens with character offsets, sentence
// ranges and a negation-scope flag per token. Built by one linear scan of the
// normalised text (no regex, no wink-nlp): the tagger's hot path only needs
// word boundaries, sentence ends and "was there a negator earlier in this
// clause", and wink's readDoc cost more than everything else together (see
// training/README.md, "Throughput"). wink-nlp is still used by the CV baselines.

export interface DocToken {
  start: number;
  end: number;
  /** Lower-cased token text. */
  lower: string;
  /** Inside the scope of a negator earlier in the same clause. */
  negated: boolean;
  sentence: number;
}

export interface DocSentence {
  start: number;
  end: number;
  /** Always 0 (kept for the feature code; sentiment is not a tagger input). */
  sentiment: number;
  /** Index of the first token and one past the last token. */
  firstToken: number;
  endToken: number;
  /** Last non-space character of the sentence ('?', '!', '.', …) or '' */
  terminator: string;
}

export interface AnalysedDoc {
  tokens: DocToken[];
  sentences: DocSentence[];
  sentiment: number;
}

/** Negation triggers (lower-case tokens; words ending in "n't" count too). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'without',
  'hardly',
  'nor',
  'neither',
  'isnt',
  'dont',
  'doesnt',
  'wasnt',
  'aint',
  'nobody',
  'none',
  'cannot',
]);

export function isNegatorToken(lower: string): boolean {
  return NEGATORS.has(lower) || lower.endsWith("n't");
}

/** Tokens that end a negation scope (clause breaks). */
const SCOPE_BREAK = new Set(['but', 'though', 'although', 'however', 'yet']);

function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0xc0 && c <= 0x24f);
}

/**
 * Tokenise `text` (already lower-cased or not; tokens are lower-cased) into
 * words ("don't", "dot-com" stay whole), split sentences at . ! ? … and line
 * breaks, and mark negation scope. Linear in the text length.
 */
export function analyseDoc(text: string, lowerText: string = text.toLowerCase()): AnalysedDoc {
  const n = text.length;
  const tokens: DocToken[] = [];
  const sentences: DocSentence[] = [];
  let sentStartTok = 0;
  let sentStartChar = -1;
  let lastNonSpace = -1;
  let negScope = false;
  const closeSentence = (endChar: number): void => {
    if (tokens.length > sentStartTok || sentStartChar >= 0) {
      const term = lastNonSpace >= 0 ? text[lastNonSpace]! : '';
      sentences.push({
        start: Math.max(0, sentStartChar),
        end: endChar,
        sentiment: 0,
        firstToken: sentStartTok,
        endToken: tokens.length,
        terminator: term === '?' || term === '!' || term === '.' || term === '…' ? term : '',
      });
    }
    sentStartTok = tokens.length;
    sentStartChar = -1;
    negScope = false;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isWordCode(d)) j++;
        // inner apostrophe or hyphen joined to a following letter: "don't", "dot-com"
        else if ((d === 0x27 || d === 0x2d) && j + 1 < n && isWordCode(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      if (sentStartChar < 0) sentStartChar = i;
      const lower = lowerText.slice(i, j);
      const sentence = sentences.length;
      tokens.push({ start: i, end: j, lower, negated: negScope, sentence });
      if (isNegatorToken(lower)) negScope = true;
      else if (SCOPE_BREAK.has(lower)) negScope = false;
      lastNonSpace = j - 1;
      i = j;
      continue;
    }
    if (c === 0x0a) {
      closeSentence(lastNonSpace + 1);
      i++;
      continue;
    }
    if (c <= 0x20) {
      i++;
      continue;
    }
    // punctuation / symbols / emoji: not tokens, but they end sentences or clauses
    if (sentStartChar < 0) sentStartChar = i;
    lastNonSpace = i;
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) {
      // run of terminators ("?!", "...")
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 0x2e || d === 0x21 || d === 0x3f || d === 0x2026 || d === 0x22 || d === 0x27 || d === 0x29) j++;
        else break;
      }
      const next = j < n ? text.charCodeAt(j) : 0x20;
      // "3.5", "e.g.x": a dot inside a word is not a sentence end
      if (next <= 0x20) {
        lastNonSpace = c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 ? i : j - 1;
        // terminator is the first char of the run; prefer '?' / '!' if present
        for (let k = i; k < j; k++) {
          const d = text.charCodeAt(k);
          if (d === 0x3f || d === 0x21) {
            lastNonSpace = k;
            break;
          }
        }
        closeSentence(j);
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    if (c === 0x3b || c === 0x3a || c === 0x2c) negScope = false; // ; : , end a negation scope
    i++;
  }
  closeSentence(lastNonSpace + 1);
  return { tokens, sentences, sentiment: 0 };
}
