import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTagSummary, tagEvent } from '../../src/pipeline/tag-event.js';
import { Store } from '../../src/store/store.js';
import { taggerOf } from '../../src/tag/tagger-of.js';
import { TAG_BATCH_SIZE, type Tagger } from '../../src/types.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';

/**
 * A tagger that records what it was asked, so the test sees exactly which texts were (re)tagged;
 * `onTag` runs before each text is tagged (with the number tagged so far).
 */
function fakeTagger(version: string, onTag?: (done: number) => void): Tagger & { seen: string[] } {
  const seen: string[] = [];
  const tagger = taggerOf(version, (text) => {
    onTag?.(seen.length);
    seen.push(text);
    const hit = text.includes('bubble');
    const score = { score: hit ? 0.9 : 0.1, label: hit, cues: [] };
    return { tags: { cynicism: score, distrust: score, bubble_caution: score } };
  });
  return { ...tagger, seen };
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

  it('tags every live comment once, skips deleted ones, and caches per tagger version', async () => {
    const v1 = fakeTagger('v1');
    expect(await tagEvent(store, 'ev', v1, 100)).toEqual({ tagged: 2, cached: 0 });
    expect(v1.seen.sort()).toEqual(['fine deal', 'this is a bubble']);
    expect(store.loadTags('ev', 'v1').get('a')?.tags.bubble_caution.label).toBe(true);

    expect(await tagEvent(store, 'ev', v1, 101)).toEqual({ tagged: 0, cached: 2 });
    const v2 = fakeTagger('v2');
    expect(await tagEvent(store, 'ev', v2, 102)).toEqual({ tagged: 2, cached: 0 });
  });

  it('tags an edited comment again', async () => {
    const v1 = fakeTagger('v1');
    await tagEvent(store, 'ev', v1, 100);
    store.saveThreadBundle('ev', { thread: makeThread(), comments: [makeComment({ id: 'b', body: 'fine deal, until the bubble pops', editedUtc: 5 })], expected: 3, collected: 3 });
    v1.seen.length = 0;
    expect(await tagEvent(store, 'ev', v1, 200)).toEqual({ tagged: 1, cached: 1 });
    expect(v1.seen).toEqual(['fine deal, until the bubble pops']);
    expect(store.loadTags('ev', 'v1').get('b')?.tags.bubble_caution.label).toBe(true);
  });

  it('saves in batches without losing the tail', async () => {
    const v1 = fakeTagger('v1');
    expect((await tagEvent(store, 'ev', v1, 100, { batchSize: 1 })).tagged).toBe(2);
    expect(store.loadTags('ev', 'v1').size).toBe(2);
  });

  it('stops soon after an abort (Ctrl-C), keeps what it tagged, and the next run resumes', async () => {
    const many = Array.from({ length: 1_000 }, (_, i) => makeComment({ id: `m${i}`, body: `comment ${i}` }));
    store.saveThreadBundle('ev', { thread: makeThread(), comments: many, expected: many.length, collected: many.length });
    const controller = new AbortController();
    // the signal arrives while the 300th comment is tagged, as a SIGINT handler would set it
    const v1 = fakeTagger('v1', (done) => {
      if (done === 299) controller.abort();
    });
    const summary = emptyTagSummary();
    await expect(tagEvent(store, 'ev', v1, 100, { signal: controller.signal }, summary)).rejects.toThrow(/abort/i);
    const saved = store.loadTags('ev', 'v1').size;
    // the batch in flight is finished and saved, and no further one is started
    expect(saved).toBeGreaterThanOrEqual(300);
    expect(saved).toBeLessThanOrEqual(300 + TAG_BATCH_SIZE);
    expect(v1.seen.length).toBe(saved);
    // the caller's summary counts what was stored before the stop, for the run record
    expect(summary).toEqual({ tagged: saved, cached: 0 });
    const rest = await tagEvent(store, 'ev', fakeTagger('v1'), 101);
    expect(rest).toEqual({ tagged: 1_002 - saved, cached: saved });
  });

  it('tags in batches of TAG_BATCH_SIZE comments, fewer when the comments are long', async () => {
    const n = 2 * TAG_BATCH_SIZE + 50;
    const short = Array.from({ length: n }, (_, i) => makeComment({ id: `s${i}`, threadId: 't_short', body: `short ${i}` }));
    const long = Array.from({ length: 5 }, (_, i) => makeComment({ id: `l${i}`, threadId: 't_long', body: `${i} ${'x'.repeat(60_000)}` }));
    store.saveThreadBundle('short', { thread: makeThread({ id: 't_short' }), comments: short, expected: n, collected: n });
    store.saveThreadBundle('long', { thread: makeThread({ id: 't_long' }), comments: long, expected: 5, collected: 5 });
    const sizes: number[] = [];
    const base = fakeTagger('v1');
    const v1: Tagger = { ...base, tagMany: (texts) => (sizes.push(texts.length), base.tagMany(texts)) };
    expect((await tagEvent(store, 'short', v1, 100)).tagged).toBe(n);
    expect(sizes).toEqual([TAG_BATCH_SIZE, TAG_BATCH_SIZE, 50]);
    sizes.length = 0;
    // pages smaller than a batch still make full batches
    const small = fakeTagger('v-small-pages');
    const counted: Tagger = { ...small, tagMany: (texts) => (sizes.push(texts.length), small.tagMany(texts)) };
    expect((await tagEvent(store, 'short', counted, 100, { pageSize: 7 })).tagged).toBe(n);
    expect(sizes).toEqual([TAG_BATCH_SIZE, TAG_BATCH_SIZE, 50]);
    sizes.length = 0;
    // 60,000 characters each: a batch closes once it holds 100,000
    expect((await tagEvent(store, 'long', v1, 100)).tagged).toBe(5);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('reads the event a page at a time: never every comment and stored result of the event at once', async () => {
    const many = Array.from({ length: 600 }, (_, i) => makeComment({ id: `p${String(i).padStart(3, '0')}`, threadId: `t${i % 7}`, body: `comment ${i}` }));
    for (let t = 0; t < 7; t++) {
      const comments = many.filter((c) => c.threadId === `t${t}`);
      store.saveThreadBundle('ev', { thread: makeThread({ id: `t${t}` }), comments, expected: comments.length, collected: comments.length });
    }
    await tagEvent(store, 'ev', fakeTagger('v1'), 100, { pageSize: 50 });
    // a result that cannot be read (older code, a hand edit) is tagged again, not fatal
    store.db.prepare("UPDATE tags SET result = 'not json' WHERE comment_id = 'p007'").run();
    // the whole-event reads a report makes: the tag stage must not need them
    store.listComments = () => {
      throw new Error('listComments read the whole event');
    };
    store.loadTags = () => {
      throw new Error('loadTags read the whole event');
    };
    const pages: number[] = [];
    const read = store.listCommentsToTag.bind(store);
    store.listCommentsToTag = (...args) => {
      const page = read(...args);
      pages.push(page.length);
      return page;
    };
    const v1 = fakeTagger('v1');
    expect(await tagEvent(store, 'ev', v1, 101, { pageSize: 50 })).toEqual({ tagged: 1, cached: 601 });
    expect(v1.seen).toEqual(['comment 7']);
    expect(Math.max(...pages)).toBe(50);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(602);
    const v2 = fakeTagger('v2');
    expect(await tagEvent(store, 'ev', v2, 102, { pageSize: 50 })).toEqual({ tagged: 602, cached: 0 });
    expect(new Set(v2.seen).size).toBe(602);
  });

  it('honours a stop asked for during a stage too short to yield, after saving everything', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(tagEvent(store, 'ev', fakeTagger('v1'), 100, { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(store.loadTags('ev', 'v1').size).toBe(2);
  });
});
