import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectFlagsSchema } from '../../src/cli/common-options.js';
import { numberFlagSchema } from '../../src/cli/number-flag-schema.js';
import { parseOptions } from '../../src/cli/parse-options.js';
import { ConfigError } from '../../src/errors/errors.js';

const schema = z.object({
  maxQuotes: z.coerce.number().int().min(1).optional(),
  batchSize: z.coerce.number().int().optional(),
  minScore: z.coerce.number({ error: '--min-score must be a number' }).optional(),
});

function messageOf(raw: unknown): string {
  try {
    parseOptions('report', schema, raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseOptions', () => {
  it('names the flag the user typed and the value given, not the camelCase option key', () => {
    const message = messageOf({ maxQuotes: '0' });
    expect(message).toMatch(/^report: --max-quotes "0": /);
    expect(message).not.toContain('maxQuotes');
  });

  it('names every bad flag', () => {
    const message = messageOf({ maxQuotes: '0', batchSize: 'lots' });
    expect(message).toContain('--max-quotes "0"');
    expect(message).toContain('--batch-size "lots"');
  });

  it('keeps a message that already names its flag as it is', () => {
    expect(messageOf({ minScore: 'high' })).toBe('report: --min-score must be a number');
  });

  it('gives the range of a numeric flag shared by several commands: --concurrency, --worst', () => {
    const collect = { event: 'e', source: 'fixtures', eventsDir: 'events', fixtures: 'fixtures' };
    expect(() => parseOptions('collect', collectFlagsSchema, { ...collect, concurrency: '0' })).toThrow('collect: --concurrency "0": must be a whole number between 1 and 8');
    expect(() => parseOptions('collect', collectFlagsSchema, { ...collect, concurrency: 'x' })).toThrow('collect: --concurrency "x": must be a whole number between 1 and 8');
    expect(parseOptions('collect', collectFlagsSchema, collect).concurrency).toBe(4);
    const worst = z.object({ worst: numberFlagSchema({ min: 0, max: 50, whole: true }).optional().default(3) });
    expect(() => parseOptions('eval', worst, { worst: '-1' })).toThrow('eval: --worst "-1": must be a whole number between 0 and 50');
    expect(parseOptions('eval', worst, { worst: ' 50 ' })).toEqual({ worst: 50 });
  });

  it('a flag with no maximum names the bound a value past 2^53 - 1 breaks, not its minimum (tag --max-line-bytes)', () => {
    const open = z.object({ maxLineBytes: numberFlagSchema({ min: 1, whole: true }) });
    expect(() => parseOptions('tag', open, { maxLineBytes: '99999999999999999999' })).toThrow(
      'tag: --max-line-bytes "99999999999999999999": must be a whole number no larger than 9007199254740991',
    );
    expect(() => parseOptions('tag', open, { maxLineBytes: '9007199254740992' })).toThrow('no larger than 9007199254740991');
    expect(parseOptions('tag', open, { maxLineBytes: '9007199254740991' })).toEqual({ maxLineBytes: Number.MAX_SAFE_INTEGER });
    expect(() => parseOptions('tag', open, { maxLineBytes: '0' })).toThrow('tag: --max-line-bytes "0": must be a whole number of at least 1');
  });

  it('returns the parsed flags when they are valid', () => {
    expect(parseOptions('report', schema, { maxQuotes: '3' })).toEqual({ maxQuotes: 3 });
  });
});
