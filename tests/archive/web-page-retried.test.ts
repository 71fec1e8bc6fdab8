import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { SchemaError } from '../../src/errors/errors.js';
import { NO_ANSWER_BODY } from '../../src/errors/to-skip-record.js';
import type { ProgressEvent, SourceContext } from '../../src/sources/source.js';

// An archive behind a proxy answers a maintenance page (or a captive portal its page) with status 200 for a while, as a
// 5xx would: the Reddit client retries such a body, and so does the archive's, with the backoff it uses for a 5xx.

const ARCHIVE = 'https://archive.test';
const PAGE = '<!doctype html><html><head><title>Down for maintenance</title></head><body>back soon</body></html>';
const ANSWER = JSON.stringify({ data: [{ id: 'c1' }], error: null });

function setUp() {
  const waits: number[] = [];
  const events: ProgressEvent[] = [];
  const client = createArcticShiftClient({ baseUrl: ARCHIVE, sleep: async (ms) => void waits.push(ms) });
  const ctx: SourceContext = { now: () => 1_767_000_000, progress: (e) => events.push(e) };
  return { client, ctx, waits, events };
}

afterEach(() => {
  nock.cleanAll();
});

describe('Arctic Shift client: a web page served with 200', () => {
  it('is retried after a backoff, and the next JSON answer is used', async () => {
    const scope = nock(ARCHIVE).get('/api/comments/search').query(true).reply(200, PAGE, { 'content-type': 'text/html' }).get('/api/comments/search').query(true).reply(200, ANSWER);
    const { client, ctx, waits, events } = setUp();
    await expect(client.get('/api/comments/search', { link_id: 'p1' }, ctx)).resolves.toEqual([{ id: 'c1' }]);
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([1000]);
    expect(events).toContainEqual({ kind: 'wait', ms: 1000, cause: 'retry', reason: expect.stringMatching(/^archive answered with an HTML page, not JSON \(\d+ bytes, status 200, title "Down for maintenance"\)$/) });
  });

  it('past the retries (5 attempts, the 5xx backoff between them) is a body that is no answer, naming the page', async () => {
    let requests = 0;
    nock(ARCHIVE)
      .get('/api/comments/search')
      .query(true)
      .times(6)
      .reply(200, () => {
        requests++;
        return PAGE;
      });
    const { client, ctx, waits } = setUp();
    const error = await client.get('/api/comments/search', { link_id: 'p1' }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).record).toBe(NO_ANSWER_BODY);
    expect((error as Error).message).toMatch(/^Arctic Shift answered with an HTML page, not JSON \(\d+ bytes, status 200, title "Down for maintenance"\), on the last of 5 attempts$/);
    expect(requests).toBe(5);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });
});
