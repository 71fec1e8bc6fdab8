import { describe, expect, it } from 'vitest';
import { truncateText } from '../../src/util/truncate-text.js';

/** A lone half of a surrogate pair (what a cut through an emoji leaves). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('truncateText', () => {
  it('returns a text within the limit as it is', () => {
    expect(truncateText('short 🤡', 140)).toBe('short 🤡');
    expect(truncateText('x'.repeat(140), 140)).toBe('x'.repeat(140));
  });

  it('cuts to the limit, ellipsis included, as before for plain text', () => {
    const text = 'x'.repeat(200);
    expect(truncateText(text, 140)).toBe(`${'x'.repeat(137)}...`);
    expect(truncateText(text, 10, '…')).toBe(`${'x'.repeat(9)}…`);
  });

  it('never cuts an emoji in half: a surrogate pair across the cut goes whole', () => {
    const cut = truncateText(`${'a'.repeat(136)}🤡 and more`, 140);
    expect(cut).toBe(`${'a'.repeat(136)}...`);
    expect(cut).not.toMatch(LONE_SURROGATE);
    expect(truncateText(`${'a'.repeat(135)}🤡 and more`, 140)).toBe(`${'a'.repeat(135)}🤡...`);
  });

  it('keeps graphemes whole: a flag, a ZWJ family, a letter with a combining accent', () => {
    // each of these would fit in part: a code-point cut keeps 🇫 of 🇫🇷, 👨 of the family, e without its accent
    expect(truncateText(`${'a'.repeat(134)}🇫🇷 rest`, 140)).toBe(`${'a'.repeat(134)}...`);
    expect(truncateText(`${'a'.repeat(130)}👨‍👩‍👧 rest`, 140)).toBe(`${'a'.repeat(130)}...`);
    expect(truncateText(`${'a'.repeat(136)}e\u0301 rest`, 140)).toBe(`${'a'.repeat(136)}...`);
  });

  it('cuts a single grapheme longer than the limit between code points, never inside a pair', () => {
    const zalgo = `🤡${'\u0301'.repeat(300)}`;
    const cut = truncateText(zalgo, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut.startsWith('🤡')).toBe(true);
    expect(truncateText(`a${'\u0301'.repeat(5)}🤡`.repeat(1), 9)).not.toMatch(LONE_SURROGATE);
  });

  it('stays fast on a long text (only the part before the cut is segmented)', () => {
    const text = '🤡 '.repeat(500_000);
    const started = performance.now();
    for (let i = 0; i < 100; i++) truncateText(text, 140);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
