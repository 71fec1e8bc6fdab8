import { describe, expect, it } from 'vitest';
import { formatZodIssues } from '../../src/errors/format-zod-issues.js';
import { commentsResponseSchema, infoListingSchema, moreChildrenResponseSchema, searchListingSchema } from '../../src/reddit/reddit-schemas.js';

// Adapted from the unmerged fix-a branch: the schemas parse each entry of a listing on its own.
const comment = (id: string, parent: string, extra: Record<string, unknown> = {}) => ({
  kind: 't1',
  data: { id, parent_id: parent, link_id: 't3_th1', subreddit: 'stocks', body: `text ${id}`, author: 'someone', created_utc: 1_766_000_000, score: 1, ...extra },
});
const listing = (children: unknown[]) => ({ kind: 'Listing', data: { after: null, children } });
const submission = (id: string, extra: Record<string, unknown> = {}) => ({
  kind: 't3',
  data: { id, subreddit: 'stocks', title: 'T', permalink: `/r/stocks/comments/${id}/t/`, created_utc: 1_766_000_000, ...extra },
});

describe('comment listings are parsed one entry at a time', () => {
  it('a comment with a bad field becomes an invalid entry naming the field; its siblings and replies still parse', () => {
    const bad = comment('c1', 't3_th1', { score: 'oops', replies: listing([comment('c2', 't1_c1')]) });
    const parsed = commentsResponseSchema.parse([listing([submission('th1')]), listing([bad, comment('c3', 't3_th1')])]);
    const [first, second] = parsed[1].data.children;
    if (first?.kind !== 'invalid') throw new Error('expected an invalid entry');
    expect(first).toMatchObject({ id: 'c1', reason: expect.stringMatching(/^data\.score: /) });
    expect(first.replies?.data.children.map((c) => c.kind === 't1' && c.data.id)).toEqual(['c2']);
    expect(second).toMatchObject({ kind: 't1', data: { id: 'c3' } });
  });

  it('the envelope stays strict: a listing without children fails as a whole', () => {
    expect(commentsResponseSchema.safeParse([listing([submission('th1')]), { kind: 'Listing', data: {} }]).success).toBe(false);
  });

  it('morechildren answers too: one bad thing does not drop the batch', () => {
    const parsed = moreChildrenResponseSchema.parse({ json: { errors: [], data: { things: [comment('c4', 't1_c1', { body: 5 }), comment('c5', 't1_c1')] } } });
    expect(parsed.json.data.things.map((t) => t.kind)).toEqual(['invalid', 't1']);
  });
});

describe('/api/info listings are parsed one entry at a time', () => {
  it('a bad entry becomes an invalid entry with its id, field, and the body and author when they still read', () => {
    const parsed = infoListingSchema.parse(
      listing([
        comment('c1', 't3_th1'),
        comment('c2', 't3_th1', { body: '[deleted]', author: '[deleted]', created_utc: null }),
        comment('c3', 't3_th1', { body: 7, author: null }),
        { kind: 't1', data: { body: 'no id' } },
        submission('th2'),
      ]),
    );
    expect(parsed.data.children).toEqual([
      expect.objectContaining({ kind: 't1', data: expect.objectContaining({ id: 'c1' }) }),
      { kind: 'invalid', id: 'c2', reason: expect.stringMatching(/^data\.created_utc: /), body: '[deleted]', author: '[deleted]' },
      { kind: 'invalid', id: 'c3', reason: expect.stringMatching(/^data\.body: /), body: null, author: null },
      { kind: 'invalid', id: null, reason: expect.stringMatching(/data\.id/), body: 'no id', author: undefined },
      expect.objectContaining({ kind: 't3', data: expect.objectContaining({ id: 'th2' }) }),
    ]);
  });

  it('the envelope stays strict', () => {
    expect(infoListingSchema.safeParse({ kind: 'Listing', data: { children: 'x' } }).success).toBe(false);
    expect(infoListingSchema.safeParse([]).success).toBe(false);
  });
});

describe('a number field of the wrong type is named with what is wrong with it, as an import names it', () => {
  const reasonOf = (extra: Record<string, unknown>): string => {
    const [entry] = commentsResponseSchema.parse([listing([submission('th1')]), listing([comment('c1', 't3_th1', extra)])])[1].data.children;
    if (entry?.kind !== 'invalid') throw new Error('expected an invalid entry');
    return entry.reason;
  };

  it('created_utc (a number or a string of digits): not a bare "Invalid input"', () => {
    expect(reasonOf({ created_utc: 'lots' })).toBe('data.created_utc: expected a number (or a string of digits), received the string "lots"');
    expect(reasonOf({ created_utc: null })).toBe('data.created_utc: expected a number (or a string of digits), received null');
    expect(reasonOf({ created_utc: undefined })).toBe('data.created_utc: expected a number (or a string of digits), received nothing (the field is missing)');
    // still read: a number, or its digits
    expect(commentsResponseSchema.parse([listing([submission('th1')]), listing([comment('c1', 't3_th1', { created_utc: '1766000000.0' })])])[1].data.children[0]).toMatchObject({
      kind: 't1',
      data: { created_utc: 1_766_000_000 },
    });
  });

  it('score, num_comments (numbers only, as Reddit serves them): the same words for the value', () => {
    expect(reasonOf({ score: 'lots' })).toBe('data.score: expected a number, received the string "lots"');
    expect(reasonOf({ score: true })).toBe('data.score: expected a number, received a boolean');
    expect(reasonOf({ edited: 'yes' })).toBe('data.edited: expected false or an edit time in seconds, received the string "yes"');
    const search = searchListingSchema.safeParse(listing([submission('th1', { num_comments: null, created_utc: 'yesterday' })]));
    if (search.success) throw new Error('expected a failure');
    expect(formatZodIssues(search.error)).toBe(
      'data.children.0.data.created_utc: expected a number (or a string of digits), received the string "yesterday"; ' +
        'data.children.0.data.num_comments: expected a number, received null',
    );
  });
});
