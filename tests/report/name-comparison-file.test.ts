import { describe, expect, it } from 'vitest';
import { MAX_COMPARISON_NAME, nameComparisonFile } from '../../src/report/name-comparison-file.js';

const longIds = (n: number, tag = 'x'): string[] => Array.from({ length: n }, (_, i) => `${tag}-openai-investment-reaction-2025-12-event-${i}`);

describe('nameComparisonFile', () => {
  it('names a few events by their ids, as before', () => {
    expect(nameComparisonFile(['nvidia-openai-2025-09', 'amazon-openai-2025-12'])).toBe('compare-nvidia-openai-2025-09-vs-amazon-openai-2025-12');
    expect(nameComparisonFile(['a', 'b', 'c'])).toBe('compare-a-vs-b-vs-c');
  });

  it.each([4, 12, 40, 500])('caps the name for %i long ids: the leading ids that fit, how many more, a hash of the list', (n) => {
    const ids = longIds(n);
    const name = nameComparisonFile(ids);
    expect(name.length).toBeLessThanOrEqual(MAX_COMPARISON_NAME);
    expect(name.startsWith(`compare-${ids[0]}`)).toBe(true);
    expect(name).toMatch(/-and-\d+-more-[0-9a-f]{8}$/);
    const shown = name.slice('compare-'.length).replace(/-and-\d+-more-[0-9a-f]{8}$/, '').split('-vs-');
    expect(shown).toEqual(ids.slice(0, shown.length));
    expect(name).toContain(`-and-${n - shown.length}-more-`);
  });

  it('gives each list of events its own name: other ids, another order, one more', () => {
    const ids = longIds(12);
    const names = [ids, longIds(12, 'y'), [...ids].reverse(), [ids[0]!, ids[1]!, ...ids.slice(2).reverse()], [...ids, 'one-more']].map(nameComparisonFile);
    expect(new Set(names).size).toBe(names.length);
    expect(nameComparisonFile(ids)).toBe(nameComparisonFile([...ids]));
  });

  it('shortens an id too long to fit on its own', () => {
    const name = nameComparisonFile(['a'.repeat(200), 'b']);
    expect(name.length).toBeLessThanOrEqual(MAX_COMPARISON_NAME);
    expect(name).toMatch(/^compare-a+-and-1-more-[0-9a-f]{8}$/);
  });
});
