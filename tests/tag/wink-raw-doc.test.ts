import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticComments } from '../../bench/tagger-bench.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { getNlp, readsRawDocs, readWink, winkId } from '../../src/tag/nlp-doc.js';
import { normalizeText } from '../../src/tag/normalize-text.js';
import { rawNegated } from '../../src/tag/wink-raw-doc.js';

const { items } = parseLabeledJsonl(readFileSync(new URL('../../training/labeled-dev.jsonl', import.meta.url), 'utf8'));

// readWink reads a document's raw data (src/tag/wink-raw-doc.ts: wink's internals) when it agrees with the public API;
// a wink whose internals changed falls back to the `.out` calls, and fails here rather than only running slower
describe("wink's raw document data", () => {
  it('is read on this wink-nlp', () => {
    expect(readsRawDocs()).toBe(true);
  });

  it('gives the ids, sentence ranges and negation flags the public API gives', () => {
    const nlp = getNlp();
    const its = nlp.its;
    const texts = [...items.map((i) => normalizeText(i.text).text), ...syntheticComments(200), '', '   ', '🙄🙄', 'No.\n\nNot at all, never!'];
    let negated = 0;
    for (const text of texts) {
      const w = readWink(text);
      const doc = nlp.readDoc(text);
      const toks = doc.tokens();
      expect(Array.from({ length: w.count }, (_, i) => winkId(w, i))).toEqual(toks.out(its.uniqueId));
      expect(w.spans.map((s) => [s[0], s[1]])).toEqual(doc.sentences().out(its.span));
      if (w.raw === undefined) continue;
      const flags = toks.out(its.negationFlag) as unknown as boolean[];
      const raw = w.raw;
      flags.forEach((flag, i) => expect(rawNegated(raw, i), `${text}: token ${i}`).toBe(flag));
      negated += flags.filter(Boolean).length;
    }
    expect(negated).toBeGreaterThan(100);
  });
});
