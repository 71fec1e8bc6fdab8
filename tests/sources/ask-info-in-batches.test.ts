import { describe, expect, it } from 'vitest';
import { CredentialsError, SourceError } from '../../src/errors/errors.js';
import type { RedditApi } from '../../src/reddit/reddit-api.js';
import { infoListingSchema, type InfoListing } from '../../src/reddit/reddit-schemas.js';
import { askInfoInBatches } from '../../src/sources/ask-info-in-batches.js';
import { createRedditApiSource } from '../../src/sources/reddit-api-source.js';
import type { SkipRecord } from '../../src/types.js';

const NOW = 1_766_100_000;
const ids = (n: number, prefix = 'x') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const emptyListing = (): InfoListing => infoListingSchema.parse({ kind: 'Listing', data: { after: null, children: [] } });

/** A RedditApi whose /api/info answers (or fails) each request as `answer` says, recording what it was asked. */
function fakeInfoApi(answer: (fullnames: string[], call: number) => Promise<InfoListing>) {
  const asked: string[][] = [];
  const api: RedditApi = {
    search: () => Promise.reject(new Error('not used')),
    comments: () => Promise.reject(new Error('not used')),
    moreChildren: () => Promise.reject(new Error('not used')),
    info: (fullnames) => {
      asked.push(fullnames);
      return answer(fullnames, asked.length);
    },
    stats: () => ({ requests: 0, rateLimited: 0, waitMs: 0 }),
  };
  return { api, asked };
}

const down = () => Promise.reject(new SourceError('GET /api/info failed after 5 attempts: status 503'));

describe('askInfoInBatches', () => {
  it('asks 100 prefixed ids per request, hands each answer its batch, and returns one skip record per unanswered batch', async () => {
    const { api, asked } = fakeInfoApi((_, call) => (call === 2 ? down() : Promise.resolve(emptyListing())));
    const answered: string[][] = [];
    const skipped = await askInfoInBatches(api, ids(250), { prefix: 't1', name: 'deletion re-check', noun: 'comments' }, { now: () => NOW }, (_, batch) => {
      answered.push([...batch]);
    });
    expect(asked.map((a) => [a.length, a[0]])).toEqual([[100, 't1_x0'], [100, 't1_x100'], [50, 't1_x200']]);
    expect(answered.map((b) => [b.length, b[0]])).toEqual([[100, 'x0'], [50, 'x200']]);
    expect(skipped.map((s: SkipRecord) => s.record)).toEqual(['(request)']);
    expect(skipped[0]).toEqual({ source: '/api/info (deletion re-check, batch 2 of 3: 100 comments left unchecked)', record: '(request)', reason: expect.stringMatching(/503/), kind: 'incomplete' });
  });

  it('rethrows refused credentials instead of skipping the batch', async () => {
    const { api } = fakeInfoApi(() => Promise.reject(new CredentialsError('refused')));
    await expect(askInfoInBatches(api, ids(3), { prefix: 't3', name: 'thread re-check', noun: 'threads' }, { now: () => NOW }, () => {})).rejects.toThrow(CredentialsError);
  });
});

describe('the two /api/info re-checks share the batch loop', () => {
  it.each([
    ['deletion re-check', 'comments', (source: ReturnType<typeof createRedditApiSource>, list: string[]) => source.checkStatus!(list, { now: () => NOW }, () => {})],
    ['thread re-check', 'threads', (source: ReturnType<typeof createRedditApiSource>, list: string[]) => source.checkThreads!(list, { now: () => NOW }, () => {})],
  ] as const)('the %s stops asking after three failed batches in a row (Reddit is down), naming what was left', async (name, noun, check) => {
    const { api, asked } = fakeInfoApi(down);
    const skipped: SkipRecord[] = await check(createRedditApiSource('test', api), ids(550));
    expect(asked).toHaveLength(3);
    expect(skipped.map((s) => s.source)).toEqual([
      `/api/info (${name}, batch 1 of 6: 100 ${noun} left unchecked)`,
      `/api/info (${name}, batch 2 of 6: 100 ${noun} left unchecked)`,
      `/api/info (${name}, batch 3 of 6: 100 ${noun} left unchecked)`,
      `/api/info (${name})`,
    ]);
    expect(skipped[3]!.reason).toBe(`3 batches in a row failed, so the last 3 batch(es) (250 ${noun}) were not asked; they are re-checked next run`);
  });
});
