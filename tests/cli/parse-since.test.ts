import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/parse-since.js';
import { ConfigError } from '../../src/errors/errors.js';

const NOW = 1_766_100_000; // 2025-12-18T23:20:00Z

describe('parseSince (quotes --since)', () => {
  it.each([
    ['24h', NOW - 86_400],
    ['1h', NOW - 3600],
    ['7d', NOW - 7 * 86_400],
    ['2025-12-20', Date.parse('2025-12-20T00:00:00Z') / 1000],
    ['2024-02-29', Date.parse('2024-02-29T00:00:00Z') / 1000],
    ['2025-12-20T08:00Z', Date.parse('2025-12-20T08:00:00Z') / 1000],
    ['2025-12-20T08:00:30.5+01:00', Date.parse('2025-12-20T07:00:30.5Z') / 1000],
    // RFC 3339's lower-case forms, and spaces around the value
    ['2025-12-20t08:00z', Date.parse('2025-12-20T08:00:00Z') / 1000],
    [' 7D ', NOW - 7 * 86_400],
  ])('%s → %d', (text, expected) => {
    expect(parseSince('quotes', text, NOW)).toBe(expected);
  });

  // a zoneless time would be read in the machine's zone; a day that does not exist would roll over into the next month
  it.each(['yesterday', '', '24', '24m', '-1d', '2025-02-30', '2025-13-01', '2025-12-20T08:00', '2025-12-20 08:00Z', '20/12/2025'])(
    '%j is a usage error naming the command, the flag, the value and the accepted forms',
    (text) => {
      expect(() => parseSince('quotes', text, NOW)).toThrow(ConfigError);
      expect(() => parseSince('quotes', text, NOW)).toThrow(`quotes: --since ${JSON.stringify(text)}: give a UTC date (2025-12-20), a date-time with its zone`);
    },
  );
});
