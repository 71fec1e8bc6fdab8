import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialsError, SourceError } from '../../src/errors/errors.js';
import { createHttpRedditApi } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { createVirtualClock, TEST_ENV } from '../helpers/synthetic-thread.js';

// Reddit's token endpoint answering, through one request's retries, with a maintenance page (HTML with status 200) or a
// 5xx is as out of reach as one refusing connections: every later request of the run fails at once with that error,
// instead of each spending its own 5 token requests and their backoff on it (minutes, over a night's threads).

const AUTH = 'https://www.reddit.com';
const API = 'https://oauth.reddit.com';
const PAGE = '<!DOCTYPE html><html><head><title>Reddit is down for maintenance</title></head><body>lorem ipsum</body></html>';
const EMPTY_LISTING = JSON.stringify({ kind: 'Listing', data: { after: null, children: [] } });

afterEach(() => {
  nock.cleanAll();
});

function createReddit() {
  const clock = createVirtualClock();
  const api = createHttpRedditApi({ credentials: parseRedditCredentials(TEST_ENV), clock, random: () => 0.5 });
  return { api, clock };
}

/** The token endpoint answers every request with `status` and `body`; returns how many it got. */
function tokenEndpointAnswering(status: number, body: string): () => number {
  let count = 0;
  nock(AUTH)
    .post('/api/v1/access_token')
    .times(50)
    .reply(() => {
      count++;
      return [status, body, { 'content-type': 'text/html' }];
    });
  return () => count;
}

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe("Reddit's token endpoint failing through one request's retries with an answer", () => {
  it.each([
    ['an HTML page with status 200', 200, /POST \S+ \(client_credentials\): an HTML page, not JSON \(\d+ bytes, status 200, title "Reddit is down for maintenance"\), no access token$/],
    ['a 503 maintenance page', 503, /POST \S+ \(client_credentials\): status 503 \(an HTML page, title "Reddit is down for maintenance"\)$/],
    ['a 502 with a JSON body', 502, /POST \S+ \(client_credentials\): status 502$/],
  ])('%s: later requests fail at once with that error, without asking the endpoint again', async (_name, status, reason) => {
    const body = status === 502 ? '{"error": 502}' : PAGE;
    const tokenRequests = tokenEndpointAnswering(status, body);
    const data = nock(API).get(/.*/).times(10).reply(200, EMPTY_LISTING);
    const { api, clock } = createReddit();

    const first = await failureOf(api.search({ query: 'a', sort: 'new', time: 'year', limit: 100 }));
    expect(first).toBeInstanceOf(SourceError);
    expect((first as Error).message).toMatch(/^GET \/search\?q=a\S* failed after 5 attempts: /);
    expect((first as Error).message).toMatch(reason);
    expect(tokenRequests()).toBe(5);
    const backoff = clock.slept;

    const later = await Promise.all([failureOf(api.comments('th1aaa')), failureOf(api.info(['t1_c1']))]);
    expect(tokenRequests()).toBe(5);
    expect(clock.slept).toBe(backoff);
    expect(data.isDone()).toBe(false);
    for (const error of later) {
      expect(error).toBeInstanceOf(SourceError);
      expect(error).not.toBeInstanceOf(CredentialsError);
      expect((error as Error).message).toMatch(/^GET \/(comments\/th1aaa|api\/info)\S* not sent: Reddit's token endpoint failed earlier in this run \(5 attempts\): /);
      expect((error as Error).message).toMatch(reason);
    }
  });

  it('an answer not retried (a 404 page) is still not latched: the next request asks for a token again', async () => {
    const tokenRequests = tokenEndpointAnswering(404, PAGE);
    const { api } = createReddit();
    await failureOf(api.info(['t1_a']));
    await failureOf(api.info(['t1_b']));
    expect(tokenRequests()).toBe(2);
  });

  it('a page that goes away within the retries is not latched: the request and the later ones go through', async () => {
    let count = 0;
    nock(AUTH)
      .post('/api/v1/access_token')
      .times(3)
      .reply(() => (++count < 3 ? [503, PAGE, { 'content-type': 'text/html' }] : [200, JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 })]));
    nock(API).get(/.*/).times(2).reply(200, EMPTY_LISTING);
    const { api } = createReddit();
    await expect(api.info(['t1_a'])).resolves.toMatchObject({ kind: 'Listing' });
    await expect(api.info(['t1_b'])).resolves.toMatchObject({ kind: 'Listing' });
    expect(count).toBe(3);
  });

  it('one token failure at the end of a request that spent its retries on data 5xx answers ends that request only', async () => {
    // tokens live a tenth of a second, so each attempt after a backoff asks for a new one: four data answers fail (503), then the
    // fifth attempt's token request meets a 503 and the request gives up; the endpoint failed once, which is no outage
    let tokens = 0;
    nock(AUTH)
      .post('/api/v1/access_token')
      .times(10)
      .reply(() => (++tokens === 5 ? [503, PAGE, { 'content-type': 'text/html' }] : [200, JSON.stringify({ access_token: `tok${tokens}`, token_type: 'bearer', expires_in: 0.1 })]));
    let data = 0;
    nock(API)
      .get(/.*/)
      .times(10)
      .reply(() => (++data <= 4 ? [503, 'busy'] : [200, EMPTY_LISTING]));
    const { api } = createReddit();
    const first = await failureOf(api.info(['t1_a']));
    expect(first).toBeInstanceOf(SourceError);
    expect(tokens).toBe(5);
    expect(data).toBe(4);
    await expect(api.info(['t1_b'])).resolves.toMatchObject({ kind: 'Listing' });
    expect(tokens).toBe(6);
  });
});
