import { describe, expect, it } from 'vitest';
import { pickQuotes, poolSizeFor, QuoteCandidatePool, type QuoteCandidate } from '../../src/report/pick-quotes.js';
import type { ResolvedTags } from '../../src/report/resolve-tags.js';
import { TAG_NAMES, type TagName } from '../../src/types.js';
import { createRandom } from '../../src/util/create-random.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';

// QuoteCandidatePool keeps, of the candidates added, only those pickQuotes can reach, so the report commands need not
// hold every tagged comment. It must drop nothing pickQuotes would take: here most candidates come from three authors
// (one quote each at most), so the picks go deep into each tag's pool, down to its floor, where a candidate dropped
// too eagerly would change them. Scores and Reddit scores come from short lists: relevance ties are common.

const WORDS = ['circular', 'financing', 'money', 'printer', 'bubble', 'cooking', 'books', 'trust', 'nobody', 'again', 'sure', 'chips', 'margins', 'board'];

/** `strengthSeed`: each label also gets an evidence strength drawn apart from its score (a tagger with a ceiling). */
function generateCandidates(seed: number, size: number, strengthSeed?: number): QuoteCandidate[] {
  const rand = createRandom(seed);
  const strengthRand = strengthSeed === undefined ? undefined : createRandom(strengthSeed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const threads = Array.from({ length: 4 }, (_, i) => makeThread({ id: `t${i}`, subreddit: pick(['stocks', 'technology']) }));
  return Array.from({ length: size }, (_, i) => {
    const words = Array.from({ length: 4 + Math.floor(rand() * 30) }, () => pick(WORDS));
    const body = `${words.join(' ')}.`;
    const tags = {} as ResolvedTags;
    for (const tag of TAG_NAMES) {
      const label = rand() < 0.6;
      const start = body.indexOf(words[0]!);
      tags[tag] = {
        score: label ? pick([0.3, 0.5, 0.9, 0.99]) : pick([0, 0.1]),
        label,
        cues: label ? [{ start, end: start + words[0]!.length, text: words[0]!, cue: words[0]!, weight: 1 }] : [],
        ...(label && strengthRand !== undefined ? { strength: [0.2, 0.6, 0.95, 0.999][Math.floor(strengthRand() * 4)]! } : {}),
      };
    }
    const thread = pick(threads);
    const comment = makeComment({
      id: `c${i.toString(36).padStart(4, '0')}`,
      threadId: thread.id,
      body,
      score: pick([0, 2, 2, 10, 150]),
      author: rand() < 0.9 ? pick(['a', 'b', 'c']) : `user${i}`,
    });
    return { comment, thread, tags };
  });
}

describe('QuoteCandidatePool', () => {
  it('keeps every candidate pickQuotes picks, for any limit up to its size, tag and floor', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const all = generateCandidates(seed, 3_000);
      for (const limit of [1, 3, 5, 6]) {
        for (const tag of [undefined, ...TAG_NAMES] as Array<TagName | undefined>) {
          for (const minScore of [undefined, 0.5]) {
            const pool = new QuoteCandidatePool({ ...(tag === undefined ? {} : { tag }), ...(minScore === undefined ? {} : { minScore }), k: poolSizeFor(limit) });
            for (const candidate of all) pool.add(candidate);
            const kept = pool.list();
            expect(kept.length).toBeLessThan(all.length / 3);
            const options = { ...(tag === undefined ? {} : { tag }), ...(minScore === undefined ? {} : { minScore }), limit, refrains: new Map<string, number>(), withAuthors: true };
            expect(pickQuotes(kept, options), `seed ${seed}, limit ${limit}, tag ${tag}, floor ${minScore}`).toEqual(pickQuotes(all, options));
          }
        }
      }
    }
  });

  it('ranks by the strength as pickQuotes does, while --min-score filters on the probability', () => {
    // with a ceiling the strength orders candidates otherwise than the score: a pool bounding by the score would drop
    // candidates pickQuotes takes
    for (const seed of [11, 12, 13]) {
      const all = generateCandidates(seed, 3_000, seed + 100);
      for (const limit of [1, 5, 6]) {
        for (const tag of [undefined, 'cynicism'] as Array<TagName | undefined>) {
          for (const minScore of [undefined, 0.5]) {
            const pool = new QuoteCandidatePool({ ...(tag === undefined ? {} : { tag }), ...(minScore === undefined ? {} : { minScore }), k: poolSizeFor(limit) });
            for (const candidate of all) pool.add(candidate);
            const options = { ...(tag === undefined ? {} : { tag }), ...(minScore === undefined ? {} : { minScore }), limit, refrains: new Map<string, number>(), withAuthors: true };
            expect(pickQuotes(pool.list(), options), `seed ${seed}, limit ${limit}, tag ${tag}, floor ${minScore}`).toEqual(pickQuotes(all, options));
          }
        }
      }
    }
  });

  it('is exact for a smaller limit than the one it was sized for, and keeps the order candidates came in', () => {
    const all = generateCandidates(8, 2_000);
    const pool = new QuoteCandidatePool({ k: poolSizeFor(6) });
    for (const candidate of all) pool.add(candidate);
    const kept = pool.list();
    const order = new Map(all.map((c, i) => [c.comment.id, i]));
    expect(kept.map((c) => order.get(c.comment.id)!)).toEqual([...kept.map((c) => order.get(c.comment.id)!)].sort((a, b) => a - b));
    for (const limit of [1, 2, 3, 4]) {
      const options = { limit, refrains: new Map<string, number>(), withAuthors: false };
      expect(pickQuotes(kept, options)).toEqual(pickQuotes(all, options));
    }
  });
});
