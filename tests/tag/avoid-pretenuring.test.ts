import { describe, expect, it } from 'vitest';
import { decidePretenuring, pretenuringSetting } from '../../src/tag/avoid-pretenuring.js';
import { loadTagger } from '../../src/tag/load-tagger.js';

describe('V8 pretenuring in the tagger process', () => {
  it('is decided before wink reads its first document, for the whole process', () => {
    loadTagger().tag('warm up');
    // the test runner does not set REACTIONLENS_V8_PRETENURING
    expect(pretenuringSetting()).toBe(decidePretenuring(process.env));
  });

  it('only REACTIONLENS_V8_PRETENURING=1 keeps V8 default', () => {
    expect(decidePretenuring({})).toBe('off');
    expect(decidePretenuring({ REACTIONLENS_V8_PRETENURING: '0' })).toBe('off');
    expect(decidePretenuring({ REACTIONLENS_V8_PRETENURING: 'true' })).toBe('off');
    expect(decidePretenuring({ REACTIONLENS_V8_PRETENURING: '1' })).toBe('V8 default');
  });
});
