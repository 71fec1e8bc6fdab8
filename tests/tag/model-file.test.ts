import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/errors.js';
import { MODEL_PATH, parseModel, readModelFile } from '../../src/tag/model-file.js';

const committed = readFileSync(MODEL_PATH, 'utf8');

describe('model file checks', () => {
  it('reads the committed model', () => {
    expect(Object.keys(parseModel(committed, MODEL_PATH).tags).sort()).toEqual(['bubble_caution', 'cynicism', 'distrust']);
  });

  it('a model trained with another lexicon is a config error naming the file and the fix', () => {
    const stale = JSON.stringify({ ...JSON.parse(committed), lexiconVersion: 'lex0' });
    expect(() => parseModel(stale, 'models/x.json')).toThrow(ConfigError);
    expect(() => parseModel(stale, 'models/x.json')).toThrow(/models\/x\.json: trained with lexicon lex0.*npm run train/);
    const rehashed = JSON.stringify({ ...JSON.parse(committed), lexiconHash: '000000000000' });
    expect(() => parseModel(rehashed, 'models/x.json')).toThrow(/different .* lexicon \(hash 000000000000/);
  });

  it('broken or missing files name the file and what is wrong', () => {
    expect(() => parseModel('{"format":', 'models/x.json')).toThrow(/models\/x\.json: not valid JSON/);
    const noTags = JSON.stringify({ ...JSON.parse(committed), tags: 'none' });
    expect(() => parseModel(noTags, 'models/x.json')).toThrow(/models\/x\.json: not a tagger model: tags:/);
    expect(() => readModelFile('/nonexistent/tagger-model.json')).toThrow(/\/nonexistent\/tagger-model\.json: cannot read the tagger model \(ENOENT\)/);
  });
});
