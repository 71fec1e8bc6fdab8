import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { RateLimitError } from '../../src/errors/errors.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import type { ProgressEvent, SourceContext } from '../../src/sources/source.js';
import { createVirtualClock, TEST_ENV } from '../helpers/synthetic-thread.js';

// A 429 or a 5xx served as a web page (Cloudflare's "Too Many Requests" or a maintenance page) names the page and its
// title wherever the answer is described: in the 429 that asks for a longer wait than a run gives, and in the reason of
// each retry's wait, as the other messages about a non-2xx page already did.

const AUTH = 'https://www.reddit.com';
const API = 'https://oauth.reddit.com';
const ARCHIVE = 'https://archive.test';
const TOO_MANY = '<!DOCTYPE html><html><head><title>429 Too Many Requests</title></head><body>lorem ipsum</body></html>';
const DOWN = '<!DOCTYPE html><html><head><title>Down for maintenance</title></head><body>back soon</body></html>';
const TOKEN = JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 });
const EMPTY_LISTING = JSON.stringify({ kind: 'Listing', data: { after: null, children: [] } });
const HTML = { 'content-type': 'text/html' };

afterEach(() => {
  nock.cleanAll();
});

function createReddit() {
  const events: ProgressEvent[] = [];
  const clock = createVirtualClock(Date.UTC(2026, 0, 30, 0, 0, 0));
  nock(AUTH).post('/api/v1/access_token').reply(200, TOKEN);
  const api = createHttpRedditApi({ credentials: parseRedditCredentials(TEST_ENV), clock, random: () => 0.5, context: () => ({ progress: (e) => events.push(e) }) });
  return { api, events };
}

describe('Reddit: a 429 served as a web page', () => {
  it('asking for a longer wait than a run gives: the rate-limit error names the page, and so do later requests', async () => {
    nock(API).get('/search').query(true).reply(429, TOO_MANY, { ...HTML, 'retry-after': '7200' });
    const { api } = createReddit();
    const error = await api.search({ query: 'q', sort: 'new', time: 'year', limit: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(
      /^Reddit rate limit: Reddit asks to wait 7200 s before the next request, more than the 60 s a run waits; run again after 2026-01-30 02:00 UTC: GET \/search\?\S+ \(an HTML page, title "429 Too Many Requests"\)$/,
    );
    expect((error as Error).message).not.toContain('lorem ipsum');
    const later = await api.info(['t1_a']).catch((e: unknown) => e);
    expect((later as Error).message).toMatch(/^GET \/api\/info\S* not sent: Reddit rate limit: .*\(an HTML page, title "429 Too Many Requests"\)$/);
  });

  it('waited out: the wait says it was a page, with its title', async () => {
    nock(API).get('/search').query(true).reply(429, TOO_MANY, { ...HTML, 'retry-after': '3' }).get('/search').query(true).reply(200, EMPTY_LISTING);
    const { api, events } = createReddit();
    await expect(api.search({ query: 'q', sort: 'new', time: 'year', limit: 100 })).resolves.toMatchObject({ kind: 'Listing' });
    expect(events).toContainEqual({ kind: 'wait', ms: 3000, cause: 'rate-limit', reason: '429 from Reddit on /search (an HTML page, title "429 Too Many Requests")' });
  });

  it('a 429 with a JSON body waits with the reason as before', async () => {
    nock(API).get('/search').query(true).reply(429, '{"message": "Too Many Requests", "error": 429}', { 'retry-after': '3' }).get('/search').query(true).reply(200, EMPTY_LISTING);
    const { api, events } = createReddit();
    await api.search({ query: 'q', sort: 'new', time: 'year', limit: 100 });
    expect(events).toContainEqual({ kind: 'wait', ms: 3000, cause: 'rate-limit', reason: '429 from Reddit on /search' });
  });
});

describe('Arctic Shift: a 429 or a 5xx served as a web page and retried', () => {
  function setUp() {
    const events: ProgressEvent[] = [];
    const client = createArcticShiftClient({ baseUrl: ARCHIVE, sleep: async () => {} });
    const ctx: SourceContext = { now: () => 1_767_000_000, progress: (e) => events.push(e) };
    return { client, ctx, events };
  }

  it('the wait before the retry names the page and its title', async () => {
    nock(ARCHIVE)
      .get('/api/comments/search')
      .query(true)
      .reply(503, DOWN, HTML)
      .get('/api/comments/search')
      .query(true)
      .reply(429, TOO_MANY, { ...HTML, 'retry-after': '2' })
      .get('/api/comments/search')
      .query(true)
      .reply(200, JSON.stringify({ data: [], error: null }));
    const { client, ctx, events } = setUp();
    await expect(client.get('/api/comments/search', { link_id: 'p1' }, ctx)).resolves.toEqual([]);
    const reasons = events.flatMap((e) => (e.kind === 'wait' ? [e.reason] : []));
    expect(reasons).toEqual(['archive status 503 (an HTML page, title "Down for maintenance")', 'archive rate limited (429) (an HTML page, title "429 Too Many Requests")']);
  });

  it('a JSON or empty body: the reasons are as before', async () => {
    nock(ARCHIVE).get('/api/comments/search').query(true).reply(503, '').get('/api/comments/search').query(true).reply(200, JSON.stringify({ data: [], error: null }));
    const { client, ctx, events } = setUp();
    await client.get('/api/comments/search', { link_id: 'p1' }, ctx);
    expect(events.flatMap((e) => (e.kind === 'wait' ? [e.reason] : []))).toEqual(['archive status 503']);
  });
});
