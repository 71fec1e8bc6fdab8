import nock from 'nock';

// A Reddit that answers only what a deletion re-check asks: the OAuth token endpoint and /api/info, from archive-shaped
// items (Reddit's own field names), with the ids in `gone` (comments or submissions) answered as their authors'
// deletion shows them now.

export const REDDIT_API = 'https://oauth.reddit-recheck.test';
export const REDDIT_AUTH = 'https://www.reddit-recheck.test';

/** Credentials as the CLI reads them, pointed at the mock hosts. */
export const RECHECK_ENV = {
  REDDIT_CLIENT_ID: 'test-client',
  REDDIT_CLIENT_SECRET: 'test-secret',
  REDDIT_USER_AGENT: 'node:reactionlens-test:0.1.0 (by /u/reactionlens_test)',
  REDDIT_API_BASE: REDDIT_API,
  REDDIT_AUTH_BASE: REDDIT_AUTH,
} as const;

export interface RedditInfoMock {
  /** Paths asked of either host, in order (token requests included). */
  requests: string[];
  /** The fullnames asked of /api/info, over all requests. */
  asked: string[];
  unmount: () => void;
}

export function mountRedditInfo(
  items: { posts: Array<Record<string, unknown>>; comments: Array<Record<string, unknown>> },
  options: { gone?: ReadonlySet<string>; refuseToken?: boolean } = {},
): RedditInfoMock {
  const requests: string[] = [];
  const asked: string[] = [];
  const byFullname = new Map<string, { kind: 't1' | 't3'; data: Record<string, unknown> }>();
  for (const p of items.posts) {
    const gone = options.gone?.has(p.id as string) === true;
    byFullname.set(`t3_${p.id as string}`, { kind: 't3', data: { ...withoutMeta(p), ...(gone && { selftext: '[deleted]', author: '[deleted]' }) } });
  }
  for (const c of items.comments) {
    const gone = options.gone?.has(c.id as string) === true;
    byFullname.set(`t1_${c.id as string}`, { kind: 't1', data: { ...withoutMeta(c), ...(gone && { body: '[deleted]', author: '[deleted]' }) } });
  }
  const auth = nock(REDDIT_AUTH)
    .persist()
    .post('/api/v1/access_token')
    .reply((uri) => {
      requests.push(uri);
      if (options.refuseToken === true) return [401, { message: 'Unauthorized', error: 401 }];
      return [200, { access_token: 'token-1', token_type: 'bearer', expires_in: 86_400, scope: '*' }];
    });
  const api = nock(REDDIT_API)
    .persist()
    .get(/.*/)
    .reply((uri) => {
      requests.push(uri);
      const url = new URL(uri, REDDIT_API);
      if (url.pathname !== '/api/info') return [404, { message: 'Not Found', error: 404 }];
      const ids = (url.searchParams.get('id') ?? '').split(',').filter((s) => s !== '');
      asked.push(...ids);
      const children = ids.flatMap((id) => byFullname.get(id) ?? []);
      return [200, { kind: 'Listing', data: { after: null, before: null, dist: children.length, children } }];
    });
  return {
    requests,
    asked,
    unmount: () => {
      auth.persist(false);
      api.persist(false);
      nock.cleanAll();
    },
  };
}

/** Reddit's answer has no `_meta` (the archive's own field). */
function withoutMeta(item: Record<string, unknown>): Record<string, unknown> {
  const { _meta: _, ...rest } = item;
  return rest;
}
