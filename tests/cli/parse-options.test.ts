import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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

  it('returns the parsed flags when they are valid', () => {
    expect(parseOptions('report', schema, { maxQuotes: '3' })).toEqual({ maxQuotes: 3 });
  });
});
