import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createArcticShiftClient } from '../../src/archive/arctic-shift-client.js';
import { SourceError } from '../../src/errors/errors.js';
import type { SourceContext } from '../../src/sources/source.js';

// The archive's connection dropping while an answer's body arrives (a proxy restart, a reset midway): the headers said
// 200 and a length, half the body came, then the socket closed. A real local server, since only a real socket cut makes
// undici fail the body read ("terminated").

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
  server = undefined;
});

async function serve(answers: Array<'cut' | 'whole'>): Promise<{ base: string; requests: () => number }> {
  let requests = 0;
  const body = JSON.stringify({ data: [{ id: 'c1' }, { id: 'c2' }], error: null });
  server = createServer((_req, res) => {
    const answer = answers[requests++] ?? 'whole';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    if (answer === 'whole') return void res.end(body);
    res.write(body.slice(0, 10), () => res.socket?.destroy());
  });
  await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

const ctx: SourceContext = { now: () => 1_767_000_000 };

describe('Arctic Shift client: a connection cut while the body arrives', () => {
  it('is retried like any network failure, and the next whole answer is used', async () => {
    const { base, requests } = await serve(['cut', 'cut']);
    const client = createArcticShiftClient({ baseUrl: base, sleep: async () => {} });
    await expect(client.get('/api/comments/search', { link_id: 'p1' }, ctx)).resolves.toEqual([{ id: 'c1' }, { id: 'c2' }]);
    expect(requests()).toBe(3);
  });

  it('past the retries is a source error naming the socket, not an internal error', async () => {
    const { base } = await serve(['cut', 'cut', 'cut']);
    const client = createArcticShiftClient({ baseUrl: base, retries: 2, sleep: async () => {} });
    const error = await client.get('/api/comments/search', { link_id: 'p1' }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/^Arctic Shift unreachable after 3 attempts: GET \S+\/api\/comments\/search\?link_id=p1 \(terminated \(UND_ERR_SOCKET\)\)$/);
  });
});
