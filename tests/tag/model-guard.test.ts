import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { MODEL_PATH, serializeModel } from '../../src/tag/model-file.js';
import { FINGERPRINT_PATH, fingerprintTagOutputs, parseFingerprint, readFingerprintTexts, refuseFingerprintUpdate } from '../../src/tag/tag-outputs-fingerprint.js';
import { trainRepoModel } from '../../src/tag/train-repo-model.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

// Stored tags carry the tagger version: these two checks keep the version honest when matching code changes.
describe('the committed model and its version stay true to the code', () => {
  it('the committed model is what npm run train builds from the committed data and code', () => {
    const { model, problems } = trainRepoModel();
    expect(problems).toEqual([]);
    const built = serializeModel(model);
    const committed = readFileSync(MODEL_PATH, 'utf8');
    // compared by hash: a diff of two 40 KB JSON files says less than the remedy
    expect(sha(built), 'features changed since the model was trained: run npm run train and commit models/').toBe(sha(committed));
  }, 120_000);

  it('the tagger outputs on the repo texts are the ones recorded with this tagger version', () => {
    const recorded = parseFingerprint(readFileSync(FINGERPRINT_PATH, 'utf8'));
    const tagger = loadTagger();
    expect(recorded.tagger, 'models/tagger-outputs.json was taken with another model: run npm run train').toBe(tagger.version);
    const now = fingerprintTagOutputs(tagger, readFingerprintTexts());
    // texts added or edited: a new record is all that is needed, not a new version
    expect(now.textsSha256, "the fingerprint's texts changed since it was recorded: run npm run train").toBe(recorded.textsSha256);
    expect(now.sha256, 'tag outputs changed but the tagger version did not: bump LEXICON_VERSION in src/tag/cue-lexicon.ts and run npm run train').toBe(recorded.sha256);
  }, 60_000);

  it('npm run train refuses to record other outputs for the same version and texts, and records new texts or a new version', () => {
    const rec = { tagger: 'lex1-aaa', texts: 2, textsSha256: 'a'.repeat(64), sha256: 'b'.repeat(64) };
    expect(refuseFingerprintUpdate(rec, { ...rec, sha256: 'c'.repeat(64) })).toMatch(/bump LEXICON_VERSION/);
    expect(refuseFingerprintUpdate(rec, rec)).toBeUndefined();
    expect(refuseFingerprintUpdate(rec, { ...rec, textsSha256: 'd'.repeat(64), sha256: 'c'.repeat(64) })).toBeUndefined();
    expect(refuseFingerprintUpdate(rec, { ...rec, tagger: 'lex2-bbb', sha256: 'c'.repeat(64) })).toBeUndefined();
    expect(refuseFingerprintUpdate(undefined, rec)).toBeUndefined();
  });

  it('a broken fingerprint file names the file and what is wrong', () => {
    expect(() => parseFingerprint('{', 'models/x.json')).toThrow(/models\/x\.json: not valid JSON/);
    expect(() => parseFingerprint(`{"tagger":"v","texts":1,"textsSha256":"${'a'.repeat(64)}","sha256":"zz"}`, 'models/x.json')).toThrow(/models\/x\.json: not a tag-outputs fingerprint: sha256/);
  });
});
