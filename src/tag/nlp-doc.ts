// The single wink-nlp instance of the process (a second instance misbehaves,
// see NLP-NOTES.md) and a compact view of one analysed document: tokens with
// character offsets, wink's negation flags, sentence ranges and sentiment.

import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const WINK_PIPE = ['sbd', 'negation'];

type WinkInstance = ReturnType<typeof winkNLP>;

let instance: WinkInstance | undefined;

/** The process-wide wink-nlp instance (created on first use). */
export function getNlp(): WinkInstance {
  instance ??= winkNLP(model, WINK_PIPE);
  return instance;
}

export interface DocToken {
  start: number;
  end: number;
  /** Lower-cased token text. */
  lower: string;
  /** wink's negation flag: inside the scope of a negation trigger. */
  negated: boolean;
  sentence: number;
}

export interface DocSentence {
  start: number;
  end: number;
  sentiment: number;
  /** Index of the first token and one past the last token. */
  firstToken: number;
  endToken: number;
}

export interface AnalysedDoc {
  tokens: DocToken[];
  sentences: DocSentence[];
  /** wink's document sentiment (mean over sentences), in [-1, 1]. */
  sentiment: number;
}

/** Tokenise, split sentences and mark negation scope with wink-nlp (bulk outputs: fast). */
export function analyseDoc(text: string): AnalysedDoc {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const toks = doc.tokens();
  const values = toks.out(its.value) as string[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const negs = toks.out(its.negationFlag) as unknown as boolean[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sents = WINK_PIPE.includes('sentiment') ? (doc.sentences().out(its.sentiment) as unknown as number[]) : [];
  const tokens: DocToken[] = new Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let start = offset + (spaces[i]?.length ?? 0);
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, offset);
      if (found >= 0) start = found;
    }
    const end = start + value.length;
    offset = end;
    tokens[i] = { start, end, lower: value.toLowerCase(), negated: negs[i] === true, sentence: 0 };
  }
  const sentences: DocSentence[] = [];
  let total = 0;
  spans.forEach(([a, b], si) => {
    for (let k = a; k <= b && k < tokens.length; k++) tokens[k]!.sentence = si;
    const sentiment = Number.isFinite(sents[si]) ? sents[si]! : 0;
    total += sentiment;
    sentences.push({ start: tokens[a]?.start ?? 0, end: tokens[b]?.end ?? 0, sentiment, firstToken: a, endToken: b + 1 });
  });
  return { tokens, sentences, sentiment: sentences.length > 0 ? total / sentences.length : 0 };
}
