// The single wink-nlp instance of the process (a second instance misbehaves,
// see NLP-NOTES.md) and a compact view of one analysed document: tokens with
// character offsets, wink's negation flags, sentence ranges and sentiment.

import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const WINK_PIPE = ['sbd', 'negation', 'sentiment'];

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

/** Tokenise, split sentences and mark negation scope with wink-nlp. */
export function analyseDoc(text: string): AnalysedDoc {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens: DocToken[] = [];
  const sentences: DocSentence[] = [];
  let offset = 0;
  let si = 0;
  doc.sentences().each((s: ItemSentence) => {
    const first = tokens.length;
    s.tokens().each((t: ItemToken) => {
      const value = t.out(its.value) as string;
      const pre = (t.out(its.precedingSpaces) as string).length;
      let start = offset + pre;
      if (text.startsWith(value, start) === false) {
        const found = text.indexOf(value, offset);
        start = found >= 0 ? found : start;
      }
      const end = start + value.length;
      offset = end;
      tokens.push({
        start,
        end,
        lower: value.toLowerCase(),
        negated: t.out(its.negationFlag) as unknown as boolean,
        sentence: si,
      });
    });
    const firstTok = tokens[first];
    const lastTok = tokens[tokens.length - 1];
    sentences.push({
      start: firstTok?.start ?? offset,
      end: lastTok?.end ?? offset,
      sentiment: s.out(its.sentiment) as unknown as number,
      firstToken: first,
      endToken: tokens.length,
    });
    si++;
  });
  const sentiment = doc.out(its.sentiment) as unknown as number;
  return { tokens, sentences, sentiment: Number.isFinite(sentiment) ? sentiment : 0 };
}
