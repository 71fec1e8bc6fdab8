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

  it('a ceiling outside (0, 1] is refused; a model from before ceilings (none) still reads, as plain Platt', () => {
    const model = JSON.parse(committed) as { tags: Record<string, { ceiling?: unknown }> };
    expect(model.tags['cynicism']!.ceiling).toBeDefined();
    const withCap = (cap: number) => JSON.stringify({ ...model, tags: { ...model.tags, cynicism: { ...model.tags['cynicism'], ceiling: { a: 1, b: 0, cap } } } });
    expect(() => parseModel(withCap(1.2), 'models/x.json')).toThrow(/models\/x\.json: not a tagger model: tags\.cynicism\.ceiling\.cap/);
    expect(() => parseModel(withCap(0), 'models/x.json')).toThrow(ConfigError);
    expect(parseModel(withCap(1), 'models/x.json').tags.cynicism.ceiling?.cap).toBe(1);
    const tags = Object.fromEntries(Object.entries(model.tags).map(([name, { ceiling: _ceiling, ...rest }]) => [name, rest]));
    expect(parseModel(JSON.stringify({ ...model, tags }), 'models/x.json').tags.distrust.ceiling).toBeUndefined();
  });
});

describe('model file checks: values training never writes', () => {
  const model = JSON.parse(committed) as { tags: Record<string, Record<string, unknown>> };
  const withCynicism = (patch: Record<string, unknown>) => JSON.stringify({ ...model, tags: { ...model.tags, cynicism: { ...model.tags['cynicism'], ...patch } } });
  const cap = (model.tags['cynicism']!['ceiling'] as { cap: number }).cap;

  it('a threshold the calibration can never reach is refused, naming the tag and the ceiling', () => {
    expect(() => parseModel(withCynicism({ threshold: cap }), 'models/x.json')).toThrow(ConfigError);
    expect(() => parseModel(withCynicism({ threshold: cap + 0.01 }), 'models/x.json')).toThrow(
      new RegExp(`models/x\\.json: not a tagger model: tags\\.cynicism\\.threshold: .*never be reached \\(the ceiling is ${cap}\\)`),
    );
    expect(parseModel(withCynicism({ threshold: cap - 0.01 }), 'models/x.json').tags.cynicism.threshold).toBe(cap - 0.01);
    // without a ceiling plain Platt never reaches 1
    const { ceiling: _ceiling, ...plain } = model.tags['cynicism']!;
    const plainAt = (threshold: number) => JSON.stringify({ ...model, tags: { ...model.tags, cynicism: { ...plain, threshold } } });
    expect(() => parseModel(plainAt(1), 'models/x.json')).toThrow(/tags\.cynicism\.threshold: 1 can never be reached \(the probability never reaches 1\)/);
    expect(parseModel(plainAt(0.9), 'models/x.json').tags.cynicism.threshold).toBe(0.9);
    expect(() => parseModel(withCynicism({ threshold: 0 }), 'models/x.json')).toThrow(/tags\.cynicism\.threshold: must be > 0/);
  });

  it('a calibration slope of zero or below is refused, plain or under the ceiling', () => {
    const platt = model.tags['cynicism']!['platt'] as { a: number; b: number };
    const ceiling = model.tags['cynicism']!['ceiling'] as { a: number; b: number; cap: number };
    expect(() => parseModel(withCynicism({ platt: { ...platt, a: -0.39 } }), 'models/x.json')).toThrow(/tags\.cynicism\.platt\.a: slope must be > 0/);
    expect(() => parseModel(withCynicism({ platt: { ...platt, a: 0 } }), 'models/x.json')).toThrow(ConfigError);
    expect(() => parseModel(withCynicism({ ceiling: { ...ceiling, a: -1 } }), 'models/x.json')).toThrow(/tags\.cynicism\.ceiling\.a: slope must be > 0/);
  });
});
