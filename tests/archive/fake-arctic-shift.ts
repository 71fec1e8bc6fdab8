import nock from 'nock';

// A small in-memory Arctic Shift served through nock: it answers the search
// endpoints from its data by subreddit, query words, link_id and a strict
// after/before time range, sorted ascending and cut at `limit`, as the API does.

export interface FakeArchiveData {
  posts: Array<Record<string, unknown>>;
  comments: Array<Record<string, unknown>>;
}

export function mountFakeArcticShift(base: string, data: FakeArchiveData): { requests: string[]; unmount: () => void } {
  const requests: string[] = [];
  const scope = nock(base)
    .persist()
    .get(/^\/api\/.*/)
    .reply((uri) => {
      requests.push(uri);
      const url = new URL(uri, base);
      const q = url.searchParams;
      const after = Number(q.get('after') ?? Number.NEGATIVE_INFINITY);
      const before = Number(q.get('before') ?? Number.POSITIVE_INFINITY);
      const limit = Number(q.get('limit') ?? 100);
      const inTime = (item: Record<string, unknown>): boolean => (item.created_utc as number) > after && (item.created_utc as number) < before;
      const page = (items: Array<Record<string, unknown>>) =>
        [...items].filter(inTime).sort((a, b) => (a.created_utc as number) - (b.created_utc as number)).slice(0, limit);
      if (url.pathname === '/api/posts/search') {
        const sub = q.get('subreddit')?.toLowerCase();
        const words = (q.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const hits = data.posts.filter((p) => {
          const text = `${p.title as string} ${p.selftext as string}`.toLowerCase();
          return (sub === undefined || (p.subreddit as string).toLowerCase() === sub) && words.every((w) => text.includes(w));
        });
        return [200, { data: page(hits), error: null }];
      }
      if (url.pathname === '/api/comments/search') {
        const link = q.get('link_id') ?? '';
        const id = link.replace(/^t3_/, '');
        return [200, { data: page(data.comments.filter((c) => c.link_id === `t3_${id}`)), error: null }];
      }
      if (url.pathname === '/api/posts/ids') {
        const ids = new Set((q.get('ids') ?? '').split(','));
        return [200, { data: data.posts.filter((p) => ids.has(p.id as string)), error: null }];
      }
      return [404, { data: null, error: `unknown endpoint ${url.pathname}` }];
    });
  return { requests, unmount: () => scope.persist(false) && nock.cleanAll() };
}
