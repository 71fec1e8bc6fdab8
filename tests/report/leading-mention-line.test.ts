import { describe, expect, it } from 'vitest';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { renderQuotesCsv } from '../../src/report/render-csv.js';
import { splitCsvRecords } from '../../src/report/split-csv-records.js';
import { trimQuote } from '../../src/report/trim-quote.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

// comment nmq70m8 of the bundled fixtures: a reply whose first line only addresses the user it answers
const REPLY = '@nixCraft\n\nMulti billion dollar game of "hot potato" or musical chairs.\n\nWho is holding the debt when the music stops and they can\'t pass it on?';

describe('a first line that only addresses someone is not quoted', () => {
  it('starts the quote at the next line, marked as cut', () => {
    const trimmed = trimQuote(REPLY, REPLY.indexOf('holding'));
    expect(trimmed?.text).toBe('… Multi billion dollar game of "hot potato" or musical chairs.\n\nWho is holding the debt when the music stops and they can\'t pass it on?');
    expect(trimmed?.start).toBe(REPLY.indexOf('Multi'));
    expect(trimmed?.end).toBe(REPLY.length);
  });

  it.each([
    ['u/someone,\nThis is circular financing, and everyone on the call knew it.', '… This is circular financing'],
    ['/u/a, u/b:\nThis is circular financing, and everyone on the call knew it.', '… This is circular financing'],
    ['@\u200Bname\nThis is circular financing, and everyone on the call knew it.', '… This is circular financing'],
    ['> what the parent said\n\n@name\nThis is circular financing, and everyone on the call knew it.', '… This is circular financing'],
  ])('%j', (body, start) => {
    expect(trimQuote(body, body.indexOf('circular'))?.text.startsWith(start)).toBe(true);
  });

  it.each([
    // a mention inside the commenter's sentence is part of what they say
    '@name thanks for the tip, this is circular financing all over again.',
    // a line with words besides the names
    '@name you are right\nThis is circular financing, and everyone on the call knew it.',
    // an e-mail address is no mention
    'ir@example.com\nThis is circular financing, and everyone on the call knew it.',
  ])('keeps %j whole', (body) => {
    expect(trimQuote(body, body.indexOf('circular'))?.text).toBe(body);
  });

  it('keeps a comment that is nothing but its address line as it was (too short to quote either way)', () => {
    expect(trimQuote('@name\nlol', 0)).toBeNull();
  });

  it('so the feed CSV does not open such a quote with "\'@[user]"', () => {
    const input = buildFixtureInput();
    const thread = makeThread('t9', 'technology', 'Amazon in talks');
    input.threads.push(thread);
    const comment = makeComment('z9', thread, REPLY, { score: 9000 });
    input.screened.push({ comment, excluded: null });
    input.tags.set(comment.id, makeTags(comment, { bubble_caution: { score: 0.95, cues: ['holding the debt'] } }));
    const feed = pickFeedQuotes(input, { limit: 20 }).filter((q) => q.commentId === 'z9');
    expect(feed).toHaveLength(1);
    expect(feed[0]?.id).toBe(`z9:${REPLY.indexOf('Multi')}-${REPLY.length}`);
    const [header, row] = splitCsvRecords(renderQuotesCsv(feed.map((quote) => ({ section: 'feed', quote })), false)).map((r) => r.fields);
    expect(row?.[header?.indexOf('text') ?? -1]?.startsWith('… Multi billion dollar game')).toBe(true);
  });
});
