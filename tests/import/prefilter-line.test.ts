import { describe, expect, it } from 'vitest';
import { toArchiveThread } from '../../src/archive/archive-to-domain.js';
import { archiveSubmissionSchema } from '../../src/archive/archive-schemas.js';
import { createEventFilter, filterThread, parseQuery } from '../../src/import/event-filter.js';
import { prefilterLine } from '../../src/import/prefilter-line.js';
import { FROM, TO, comment, makeEvent, post } from './dump-fixtures.js';

const filter = createEventFilter(makeEvent({ queries: ['amazon openai', '"aws deal"'], subreddits: ['stocks', 'OpenAI'], seedThreads: ['seed1'] }));
const kept = new Set(['p1']);
const line = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('prefilterLine', () => {
  it.each([
    ['an event submission', post('a', FROM + 1), null],
    ['another subreddit', post('a', FROM + 1, { subreddit: 'pics' }), 'other subreddit'],
    ['a subreddit in another case', post('a', FROM + 1, { subreddit: 'openai' }), null],
    ['before the window', post('a', FROM - 1), 'outside window'],
    ['after the window', post('a', TO + 1), 'outside window'],
    ['created_utc as a string', post('a', FROM + 1, { created_utc: String(FROM + 1) }), null],
    ['no query words', post('a', FROM + 1, { title: 'Tesla', selftext: 'cars', permalink: '/r/stocks/comments/a/tesla/' }), 'no query match'],
    ['a quoted phrase query', post('a', FROM + 1, { title: 'An AWS deal', selftext: '' }), null],
    ['a seed outside the window', post('seed1', FROM - 9999, { subreddit: 'pics' }), null],
    ['a comment of a kept thread', comment('c', 'p1', 't3_p1', FROM + 5), null],
    ['a comment of another thread', comment('c', 'zz', 't3_zz', FROM + 5), 'thread not kept'],
    ['a crosspost whose nested copy is elsewhere', post('a', FROM + 1, { crosspost_parent_list: [{ subreddit: 'pics', created_utc: 1 }] }), null],
    ['a thing wrapper', { kind: 't3', data: post('a', FROM - 1) }, null],
    ['an API answer', { data: [post('a', FROM - 1)] }, null],
    ['a /comments answer', [{ kind: 'Listing' }], null],
    ['spaces after colons', '{"id": "a", "subreddit" : "stocks", "created_utc": 1765843300, "title": "amazon openai"}', null],
    ['an escaped subreddit value', '{"subreddit": "st\\u006fcks", "created_utc": 1765843300, "title": "amazon openai"}', null],
  ])('%s → %s', (_name, value, expected) => {
    expect(prefilterLine(line(value), filter, kept)).toBe(expected);
  });

  it('never drops a submission the full filter keeps (generated lines)', () => {
    const subs = ['stocks', 'OpenAI', 'pics', 'STOCKS'];
    const titles = ['Amazon and OpenAI', 'amazon', 'OPENAI AMAZON', 'aws deal', 'AWS  deal', 'Ämazon openai', 'nothing'];
    const times = [FROM - 1, FROM, FROM + 10, TO, TO + 1];
    let keptCount = 0;
    for (const subreddit of subs) {
      for (const title of titles) {
        for (const created of times) {
          for (const selftext of ['', 'amazon openai 🚀', 'emoji 🫧 only']) {
            const raw = post('x', created, { subreddit, title, selftext });
            const thread = toArchiveThread(archiveSubmissionSchema.parse(raw), 0);
            if (filterThread(filter, thread) === null) {
              keptCount++;
              expect(prefilterLine(line(raw), filter, kept), JSON.stringify(raw)).toBeNull();
            }
          }
        }
      }
    }
    expect(keptCount).toBeGreaterThan(20);
  });
});

describe('parseQuery / filterThread', () => {
  it.each([
    ['amazon openai', ['amazon', 'openai']],
    ['"aws deal" Trainium', ['aws deal', 'trainium']],
  ])('%s → %o', (query, terms) => {
    expect(parseQuery(query).terms).toEqual(terms);
  });

  it.each([
    ['Amazon to invest in OpenAI', true],
    ["OpenAI's deal with Amazon", true],
    ['Amazonian openairs', true], // a term matches at the start of a word
    ['said openai amazon', true],
    ['The Amazon rainforest', false],
    ['Nothing', false],
  ])('title %s matches: %s', (title, matches) => {
    const thread = toArchiveThread(archiveSubmissionSchema.parse(post('x', FROM + 1, { title, selftext: '' })), 0);
    expect(filterThread(createEventFilter(makeEvent()), thread) === null).toBe(matches);
  });
});
