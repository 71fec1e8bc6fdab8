// Reads a wink-nlp document's own token and sentence arrays instead of copying them out one value per token.
//
// The tagger needs, per document, every token's vocabulary id, the sentences' token ranges, (when a clause is
// negated) the tokens' negation flags and (for a token not seen before) its value. Through the public API each is a
// `.out(its.…)` call that maps every token through an accessor into a new array. wink keeps them in the document's
// raw data (`rdd`): tokens as 4 numbers each, sentences as [first, last, …] arrays, values in its vocabulary (`cache`).
// wink passes `rdd` to the accessors it calls, and calls only accessors on its whitelist (`allowed.its4token`); so one
// accessor, added to that list, hands the raw data over: one call per document. On the tagger bench this raised the
// tagger / readDoc ratio by 0.01–0.02 (CPU time, alternated runs).
//
// This reads wink's internals (wink-nlp 2.x), so the tagger uses it only when a probe document read both ways gives
// the same ids, values, sentence ranges and negation flags (nlp-doc.ts checks that once per process); otherwise it
// keeps the public `.out` calls. tests/tag/wink-raw-doc.test.ts fails on a wink where the raw read is not in use.

import { createRequire } from 'node:module';

/** What the tagger reads of a document's raw data. */
export interface WinkRawDoc {
  /** TOKEN_SIZE numbers per token: vocabulary id (`its.uniqueId`) first, the negation flag last. */
  tokens: readonly number[];
  /** Per sentence: [first token, last token, …] (`its.span` is its first two). */
  sentences: readonly (readonly number[])[];
  /** wink's vocabulary (shared by all documents): `its.value` reads a token's value from it. */
  cache: unknown;
}

/** Numbers per token in `WinkRawDoc.tokens` (wink's `constants.tkSize`). */
export const TOKEN_SIZE = 4;
/** A token's last number is at least this when it is in a negation's scope (wink's `constants.negationFlag`). */
const NEGATION_FLAG = 2 ** 31;

/** An accessor that returns the raw data wink calls it with. */
export const rawDocOf = (_index: number, rdd: unknown): unknown => rdd;

/** Adds rawDocOf to wink's accessor whitelist; false when wink has no such list where 2.x keeps it. */
export function allowRawDocOf(): boolean {
  try {
    const allowed = createRequire(import.meta.url)('wink-nlp/src/allowed.js') as { its4token?: unknown };
    if (!(allowed.its4token instanceof Set)) return false;
    allowed.its4token.add(rawDocOf);
    return true;
  } catch {
    return false;
  }
}

/** Whether `x` has the shape of a raw document with `n` tokens. */
export function isRawDoc(x: unknown, n: number): x is WinkRawDoc {
  const r = x as Partial<WinkRawDoc> | undefined;
  return Array.isArray(r?.tokens) && r.tokens.length >= n * TOKEN_SIZE && Array.isArray(r.sentences) && typeof r.cache === 'object' && r.cache !== null;
}

/**
 * The parts of a raw document the tagger reads, in an object of their own: holding it does not hold the rest of the
 * document (its other arrays, and the API object with its closures), which can go as soon as readWink returns. A
 * batch keeps every text's wink output until buildDoc: a young-generation collection in between then copies less.
 */
export function keptRawDoc(raw: WinkRawDoc): WinkRawDoc {
  return { tokens: raw.tokens, sentences: raw.sentences, cache: raw.cache };
}

/** Token `i`'s vocabulary id (`its.uniqueId`). */
export function rawId(raw: WinkRawDoc, i: number): number {
  return raw.tokens[i * TOKEN_SIZE]!;
}

/** Whether token `i` is in a negation's scope (`its.negationFlag`). */
export function rawNegated(raw: WinkRawDoc, i: number): boolean {
  return raw.tokens[i * TOKEN_SIZE + TOKEN_SIZE - 1]! >= NEGATION_FLAG;
}
