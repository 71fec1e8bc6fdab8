import { describe, expect, it } from 'vitest';
import { SchemaError, SourceError } from '../../src/errors/errors.js';
import { createHttpRedditApi, type Clock } from '../../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import type { ProgressEvent } from '../../src/sources/source.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

// Reddit's token endpoint answering with a web page and status 200 (a maintenance page, a captive portal) is no answer
// yet, as the same page is from a data request: retried with the same bounded backoff, not given up at once.

const PORTAL = '<html><head><title>Hotel Wi-Fi: accept the terms</title></head><body>lorem ipsum</body></html>';
const TOKEN = JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 });
const EMPTY_LISTING = JSON.stringify({ kind: 'Listing', data: { after: null, children: [] } });

function createReddit(tokenAnswers: Array<() => Response>) {
  const calls = { token: 0, data: 0 };
  const slept: number[] = [];
  const events: ProgressEvent[] = [];
  const clock: Clock = {
    now: () => 1_766_500_000_000,
    sleep: async (ms) => {
      slept.push(ms);
    },
  };
  const fetchStub: typeof fetch = (input) => {
    if (String(input).includes('/api/v1/access_token')) {
      const answer = tokenAnswers[Math.min(calls.token, tokenAnswers.length - 1)]!;
      calls.token++;
      return Promise.resolve(answer());
    }
    calls.data++;
    return Promise.resolve(new Response(EMPTY_LISTING, { status: 200 }));
  };
  const api = createHttpRedditApi({
    credentials: parseRedditCredentials({ ...TEST_ENV, REDDIT_AUTH_BASE: 'http://127.0.0.1:9', REDDIT_API_BASE: 'http://127.0.0.1:9' }),
    fetch: fetchStub,
    clock,
    random: () => 0.5,
    context: () => ({ progress: (event) => events.push(event) }),
  });
  return { api, calls, slept, events };
}

const page = (status: number) => () => new Response(PORTAL, { status, headers: { 'content-type': 'text/html' } });
const token = () => new Response(TOKEN, { status: 200 });

describe("an HTML page from Reddit's token endpoint", () => {
  it('with status 200: retried with the data requests\' backoff, and the request goes through once a token comes', async () => {
    const { api, calls, slept, events } = createReddit([page(200), page(200), token]);
    await expect(api.info(['t1_a'])).resolves.toMatchObject({ kind: 'Listing' });
    expect(calls.token).toBe(3);
    expect(calls.data).toBe(1);
    // equal jitter at random 0.5: 3/4 of 1 s, then of 2 s — as for a data request's 5xx or HTML page
    expect(slept).toEqual([750, 1500]);
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'wait', cause: 'retry', reason: expect.stringContaining('an HTML page, not JSON') as string }),
    );
  });

  it('with status 200 on every attempt: 5 attempts, then a failure of that request naming the page', async () => {
    const { api, calls } = createReddit([page(200)]);
    const error = await api.info(['t1_a']).catch((e: unknown) => e);
    expect(calls.token).toBe(5);
    expect(calls.data).toBe(0);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).not.toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(
      /failed after 5 attempts: POST \S+\/api\/v1\/access_token \(client_credentials\): an HTML page, not JSON \(\d+ bytes, status 200, title "Hotel Wi-Fi: accept the terms"\), no access token$/,
    );
  });

  it('with a status not retried (404): one attempt, as before', async () => {
    const { api, calls } = createReddit([page(404)]);
    const error = await api.info(['t1_a']).catch((e: unknown) => e);
    expect(calls.token).toBe(1);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/: an HTML page, not JSON \(\d+ bytes, status 404, title "Hotel Wi-Fi: accept the terms"\), no access token$/);
  });
});
