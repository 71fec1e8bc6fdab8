import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/errors/errors.js';
import { parseConfigJsonl } from '../../src/errors/parse-config-jsonl.js';

const line = z.object({ text: z.string() });

describe('parseConfigJsonl', () => {
  it('parses every non-blank line', () => {
    expect(parseConfigJsonl('{"text":"a"}\n\n{"text":"b"}\n', line, 'f.jsonl', 'not a text line')).toEqual([{ text: 'a' }, { text: 'b' }]);
  });

  it("names a bad line by its number in the file, blank lines counted", () => {
    const parse = (): unknown => parseConfigJsonl('{"text":"a"}\n\n{"text":1}\n', line, 'f.jsonl', 'not a text line');
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/^f\.jsonl:3: not a text line: text: /);
    expect(() => parseConfigJsonl('\n{oops', line, 'f.jsonl', 'x')).toThrow(/^f\.jsonl:2: not valid JSON/);
  });
});
