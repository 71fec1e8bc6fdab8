import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, buildTalliedReport } from '../../src/report/build-report.js';
import { loadFeedQuotes } from '../../src/report/load-feed-quotes.js';
import { loadReportInput } from '../helpers/load-report-input.js';
import { loadReportTally } from '../../src/report/load-report-tally.js';
import { countUnconfirmed } from '../../src/report/count-unconfirmed.js';
import { isInFeedWindow, pickFeedQuotes, type FeedOptions } from '../../src/report/pick-feed-quotes.js';
import { Store } from '../../src/store/store.js';
import { taggerOf } from '../../src/tag/tagger-of.js';
import { TAG_NAMES, type Comment, type Cue, type EventConfig, type TagName, type TagOutcome, type Thread } from '../../src/types.js';
import { createRandom } from '../../src/util/create-random.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

// The report commands read an event a page at a time and keep only tallies and the quote candidates that can still be
// picked (loadReportTally, loadFeedQuotes). These pin that against the event held whole in memory (loadReportInput,
// then buildReport / pickFeedQuotes, which keep every comment and candidate) on generated stores with ties in time and
// score, deleted and removed comments, bots, copies of a text, corrections, unconfirmed comments, results the tag stage
// never stored (tagged in memory), a skipped one, and comments that became quotable at different times or not yet (held
// for a re-check; quotes --collected-since): any page size, from 1 to past the event's size, gives the same
// report and feed, byte for byte. A page read twice or skipped changes a count, a share or an input hash.

const tempDir = useTempDirs('reactionlens-tally-');
const PHRASES: Record<TagName, string[]> = {
  cynicism: ['circular financing', 'money printer', 'lol sure'],
  distrust: ['cooking the books', "wouldn't trust", 'smoke and mirrors'],
  bubble_caution: ['bubble', 'like 1999', 'bag holders'],
};
const FILLER = ['Amazon', 'OpenAI', 'the cloud', 'Nvidia', 'the board', 'margins', 'retail', 'chips'];

function tagText(text: string): TagOutcome {
  const lower = text.toLowerCase();
  if (lower.startsWith('skip')) return { tags: emptyTags(), skipped: 'no words' };
  const tags = emptyTags();
  for (const name of TAG_NAMES) {
    const cues: Cue[] = [];
    for (const phrase of PHRASES[name]) {
      const start = lower.indexOf(phrase);
      if (start >= 0) cues.push({ start, end: start + phrase.length, text: text.slice(start, start + phrase.length), cue: phrase, weight: 1 });
    }
    // a few scores only, so relevance ties are common
    const score = cues.length > 0 ? [0.6, 0.8, 0.99][text.length % 3]! : 0.1;
    tags[name] = { score, label: cues.length > 0, cues };
  }
  return { tags };
}

function emptyTags(): TagOutcome['tags'] {
  return { cynicism: { score: 0, label: false, cues: [] }, distrust: { score: 0, label: false, cues: [] }, bubble_caution: { score: 0, label: false, cues: [] } };
}

const tagger = taggerOf('tally-test', tagText);

function eventOf(id: string): EventConfig {
  return {
    id, title: `Event ${id}`, description: 'generated', window: { from: 1_765_800_000, to: 1_766_900_000 },
    queries: ['x'], subreddits: ['stocks'], seedThreads: [], bots: ['HelperBot'], configHash: `hash-${id}`,
  };
}

/** A generated event in a fresh store; `size` comments over a few threads, with every case the reports treat apart. */
function generateStore(seed: number, size: number): { store: Store; event: EventConfig } {
  const rand = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // the store's clock: the comments are saved in batches at different times, so they became quotable at different times
  let clock = 1_766_100_000;
  const store = Store.open(join(tempDir(), 'store.db'), { now: () => clock });
  const event = eventOf(`ev${seed}`);
  const subs = ['stocks', 'technology', 'u_someone', 'wallstreetbets'];
  const threads: Thread[] = Array.from({ length: 2 + Math.floor(rand() * 6) }, (_, i) =>
    makeThread({ id: `t${seed}x${i}`, subreddit: pick(subs), author: rand() < 0.2 ? '[deleted]' : `op${i}`, fetchedAt: 1_766_000_000 + i }),
  );
  const texts: string[] = [];
  const comments: Comment[] = [];
  for (let i = 0; i < size; i++) {
    const thread = pick(threads);
    let body: string;
    if (texts.length > 0 && rand() < 0.08) body = `${pick(texts).toUpperCase()}!!`; // a copy, told apart only by case and punctuation
    else if (rand() < 0.03) body = 'skip this one 🙂 please';
    else {
      const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () =>
        rand() < 0.5 ? `This is ${pick(PHRASES[pick(TAG_NAMES)])} for ${pick(FILLER)}.` : `${pick(FILLER)} will ${pick(['grow', 'stall', 'matter'])} ${Math.floor(rand() * 50)}.`,
      );
      body = parts.join(' ');
      texts.push(body);
    }
    const r = rand();
    const status = r < 0.05 ? 'deleted' : r < 0.08 ? 'removed' : 'live';
    comments.push(
      makeComment({
        id: `c${seed}x${i.toString(36)}`,
        threadId: thread.id,
        permalink: `${thread.permalink}c${i}/`,
        body: status === 'live' ? body : '',
        // few distinct times and scores: ties in the page order and in the quote ranking
        createdUtc: 1_765_900_000 + Math.floor(rand() * 20) * 60,
        score: pick([-3, 0, 1, 5, 5, 40, 300]),
        status,
        author: status !== 'live' ? null : rand() < 0.02 ? 'AutoModerator' : rand() < 0.02 ? 'HelperBot' : `user${Math.floor(rand() * 40)}`,
        fetchedAt: 1_766_000_000 + Math.floor(rand() * 1000),
      }),
    );
  }
  // in four batches, an hour apart; the third held for a re-check as an archive's copies are (never quotable yet)
  const batch = Math.ceil(comments.length / 4);
  for (let b = 0; b < 4; b++) {
    clock = 1_766_100_000 + b * 3600;
    store.saveItems(event.id, { threads: b === 0 ? threads : [], comments: comments.slice(b * batch, (b + 1) * batch) }, b === 2 ? { holdUnconfirmed: true } : {});
  }
  // the tag stage reached most comments; the rest are tagged in memory by the reports
  const stored = comments.filter((c) => c.status === 'live' && rand() < 0.85);
  store.saveTags(stored.map((c) => ({ ...tagger.tag(c.body), commentId: c.id, tagger: tagger.version, body: c.body })), 0);
  for (const c of comments) {
    if (rand() < 0.03) store.putLabel({ commentId: c.id, labels: rand() < 0.5 ? { cynicism: true } : { distrust: false, bubble_caution: true }, createdAt: 1, note: null });
  }
  store.addUnconfirmedComments(comments.filter(() => rand() < 0.04).map((c) => c.id), 1);
  return { store, event };
}

function serialise(value: unknown): string {
  return JSON.stringify(value, null, 1);
}

describe('reading an event a page at a time (loadReportTally, loadFeedQuotes)', () => {
  it('makes the report the event held in memory makes, at every page size', () => {
    for (const [seed, size] of [[1, 40], [2, 150], [3, 400], [4, 900]] as const) {
      const { store, event } = generateStore(seed, size);
      try {
        for (const withAuthors of [false, true]) {
          const options = { withAuthors, maxQuotes: 1 + (seed % 6) };
          const whole = serialise(buildReport(loadReportInput(store, event, tagger, options).input));
          const sizes = [1, 2, 3, 7, 64, size - 1, size, size + 1, 1 + Math.floor(createRandom(seed + 100)() * size)];
          for (const pageSize of sizes) {
            const { input, taggedNow } = loadReportTally(store, event, tagger, { ...options, pageSize });
            expect(input.tally.stored).toBe(size);
            expect(serialise(buildTalliedReport(input)), `seed ${seed}, page size ${pageSize}`).toBe(whole);
            expect(taggedNow).toBe(loadReportInput(store, event, tagger, options).taggedNow);
          }
        }
      } finally {
        store.close();
      }
    }
  });

  it('keeps only a few quote candidates of a big event, and picks the same quotes', () => {
    const { store, event } = generateStore(7, 2_500);
    try {
      const whole = loadReportInput(store, event, tagger, { withAuthors: false });
      const { input } = loadReportTally(store, event, tagger, { withAuthors: false, pageSize: 500 });
      const candidates = input.tally.quoteCandidates().length;
      expect(candidates).toBeGreaterThan(0);
      expect(candidates).toBeLessThan(whole.input.screened.filter((s) => s.excluded === null).length / 4);
      expect(serialise(buildTalliedReport(input))).toBe(serialise(buildReport(whole.input)));
    } finally {
      store.close();
    }
  });

  it('gives the feed the event held in memory gives, for any tag, floor, window, limit and page size', () => {
    const rand = createRandom(99);
    const windows = new Set<string>();
    for (const [seed, size] of [[11, 120], [12, 700], [13, 2_000]] as const) {
      const { store, event } = generateStore(seed, size);
      try {
        for (let round = 0; round < 8; round++) {
          const withAuthors = rand() < 0.5;
          const options: FeedOptions = {
            limit: [1, 3, 20, 200, 1000][Math.floor(rand() * 5)]!,
            ...(rand() < 0.5 ? { tag: TAG_NAMES[Math.floor(rand() * 3)]! } : {}),
            ...(rand() < 0.3 ? { minScore: 0.7 } : {}),
            ...(rand() < 0.3 ? { since: 1_765_900_000 + 600 } : {}),
            ...(rand() < 0.5 ? { collectedSince: 1_766_100_000 + Math.floor(rand() * 4) * 3600 } : {}),
          };
          const whole = loadReportInput(store, event, tagger, { withAuthors }).input;
          const expected = pickFeedQuotes(whole, options);
          const pageSize = 1 + Math.floor(rand() * (size + 10));
          const feed = loadFeedQuotes(store, event, tagger, { ...options, withAuthors, pageSize });
          expect(serialise(feed.quotes), `seed ${seed}, ${JSON.stringify(options)}, page size ${pageSize}`).toBe(serialise(expected));
          expect(feed.stored).toBe(size);
          // the quotes command's withheld count and collected_at, as computed from the event held in memory
          const eligible = whole.screened.map((x) => x.comment).filter((c) => isInFeedWindow(c, options));
          expect(feed.withheld).toBe(countUnconfirmed(eligible, whole.unconfirmed));
          const collectedAt = new Map(whole.screened.map(({ comment }) => [comment.id, comment.firstQuotableAt ?? null]));
          expect(feed.collectedAt).toEqual(new Map(expected.map((q) => [q.commentId, collectedAt.get(q.commentId) ?? null])));
          windows.add(`${options.collectedSince ?? '-'}:${feed.withheld > 0}:${expected.length > 0}`);
        }
      } finally {
        store.close();
      }
    }
    // collected-since windows that leave quotes out and keep some, with comments withheld in them
    expect([...windows].filter((w) => !w.startsWith('-') && w.endsWith(':true:true')).length).toBeGreaterThan(1);
  });
});
