import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagEvent } from '../../src/pipeline/tag-event.js';
import { Store } from '../../src/store/store.js';
import type { TagOutcome, Tagger } from '../../src/types.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';

/** A tagger that records what it was asked, so the test sees exactly which texts were (re)tagged. */
function fakeTagger(version: string): Tagger & { seen: string[] } {
  const seen: string[] = [];
  return {
    version,
    seen,
    tag(text: string): TagOutcome {
      seen.push(text);
      const hit = text.includes('bubble');
      const score = { score: hit ? 0.9 : 0.1, label: hit, cues: [] };
      return { tags: { cynicism: score, distrust: score, bubble_caution: score } };
    },
  };
}

describe('tagEvent (the tag stage over the store)', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(':memory:');
    store.saveThreadBundle('ev', {
      thread: makeThread(),
      comments: [
        makeComment({ id: 'a', body: 'this is a bubble' }),
        makeComment({ id: 'b', body: 'fine deal' }),
        makeComment({ id: 'gone', body: '', status: 'deleted', author: null }),
      ],
      expected: 3,
      collected: 3,
    });
  });
  afterEach(() => store.close());

  it('tags every live comment once, skips deleted ones, and caches per tagger version', () => {
    const v1 = fakeTagger('v1');
    expect(tagEvent(store, 'ev', v1, 100)).toEqual({ tagged: 2, cached: 0 });
    expect(v1.seen.sort()).toEqual(['fine deal', 'this is a bubble']);
    expect(store.loadTags('ev', 'v1').get('a')?.tags.bubble_caution.label).toBe(true);

    expect(tagEvent(store, 'ev', v1, 101)).toEqual({ tagged: 0, cached: 2 });
    const v2 = fakeTagger('v2');
    expect(tagEvent(store, 'ev', v2, 102)).toEqual({ tagged: 2, cached: 0 });
  });

  it('tags an edited comment again', () => {
    const v1 = fakeTagger('v1');
    tagEvent(store, 'ev', v1, 100);
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'b', body: 'fine deal, until the bubble pops', editedUtc: 5 })], expected: 3, collected: 3 });
    v1.seen.length = 0;
    expect(tagEvent(store, 'ev', v1, 200)).toEqual({ tagged: 1, cached: 1 });
    expect(v1.seen).toEqual(['fine deal, until the bubble pops']);
    expect(store.loadTags('ev', 'v1').get('b')?.tags.bubble_caution.label).toBe(true);
  });

  it('saves in batches without losing the tail', () => {
    const v1 = fakeTagger('v1');
    expect(tagEvent(store, 'ev', v1, 100, 1).tagged).toBe(2);
    expect(store.loadTags('ev', 'v1').size).toBe(2);
  });
});
