import { describe, expect, it } from 'vitest';
import { toRecheckSkipRecords } from '../../src/collect/unconfirmed-comments.js';
import type { SkipRecord } from '../../src/types.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);

describe('toRecheckSkipRecords: comments left out of the /api/info answer', () => {
  it('560 left out: one record that counts them and names the first five, not 560 records', () => {
    const records = toRecheckSkipRecords([], ids(560), true);
    expect(records).toEqual([
      {
        source: '/api/info (deletion re-check)',
        record: '560 comments: c000, c001, c002, c003, c004 and 555 more',
        reason: expect.stringMatching(/left out of Reddit's answer .*not quoted until a re-check confirms them; all 560 are on the store's unconfirmed list/),
        kind: 'incomplete',
      },
    ]);
  });

  it('a few left out: all named, no "more"', () => {
    expect(toRecheckSkipRecords([], ids(3), true).map((r) => r.record)).toEqual(['3 comments: c000, c001, c002']);
  });

  it('one left out: named as before', () => {
    expect(toRecheckSkipRecords([], ['abc'], true)).toEqual([
      { source: '/api/info (deletion re-check)', record: 'comment abc', reason: expect.stringMatching(/left out of Reddit's answer .*not quoted until a re-check confirms it/), kind: 'incomplete' },
    ]);
  });

  it('only news alerts: the same comments again the next night give no record, a failed batch still does', () => {
    const failedBatch: SkipRecord = { source: '/api/info (deletion re-check, batch 2 of 6: 100 comments left unchecked)', record: '(request)', reason: 'status 503', kind: 'incomplete' };
    const unreadable: SkipRecord = { source: '/api/info (deletion re-check)', record: 'comment zzz', reason: 'score: expected number', kind: 'invalid' };
    expect(toRecheckSkipRecords([failedBatch, unreadable], ids(560), false)).toEqual([failedBatch]);
    expect(toRecheckSkipRecords([], [], true)).toEqual([]);
  });
});
