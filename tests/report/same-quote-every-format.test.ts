import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { renderQuotesCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdownQuotes } from '../../src/report/render-markdown.js';
import type { Report } from '../../src/report/report.js';
import { splitCsvRecords } from '../../src/report/split-csv-records.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

// Bidi overrides and isolates, zero-width space, word joiner, BOM, a C0 control: invisible, not words
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u0000-\u0008]/;

/** One comment and one thread title full of invisible characters, and a stored permalink with characters a URL encodes. */
function buildInput() {
  const input = buildFixtureInput();
  const thread = makeThread('t8', 'stocks', 'Deal \u202Eeht\u202C news\u200B today', {
    permalink: 'https://www.reddit.com/r/stocks/comments/t8/deal_news|today (x)/',
  });
  input.threads.push(thread);
  const comment = makeComment('z1', thread, 'This is circular\u200B financing \u202Egnp.exe\u202C again, and the\u2066 money\u2069 goes round.\u0007', {
    score: 9000,
    permalink: 'https://www.reddit.com/r/stocks/comments/t8/deal_news|today (x)/z1/',
  });
  input.screened.push({ comment, excluded: null });
  input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular\u200B financing'] } }));
  return input;
}

const input = buildInput();
const feed = pickFeedQuotes(input, { limit: 20 }).filter((q) => q.commentId === 'z1');
const report = JSON.parse(renderJson(buildReport(input))) as Report;

function csvRowOf(quotes: typeof feed): Record<string, string> {
  const [header, row] = splitCsvRecords(renderQuotesCsv(quotes.map((quote) => ({ section: 'feed', quote })), false)).map((r) => r.fields);
  return Object.fromEntries((header ?? []).map((name, i) => [name, row?.[i] ?? '']));
}

describe('a quote reads the same, with the same link, in every format', () => {
  it('is picked (so the rule is exercised)', () => {
    expect(feed).toHaveLength(1);
  });

  it('the quotes feed JSON carries the words the CSV and Markdown show: no bidi control or zero-width character', () => {
    const record = toFeedRecord(feed[0]!);
    const csv = csvRowOf(feed);
    expect(record.text).toBe(csv.text);
    expect(record.gloss).toBe(csv.gloss_our_paraphrase);
    expect(record.thread_title).toBe(csv.thread_title);
    for (const value of [record.text, record.gloss, record.thread_title, ...record.cue_phrases]) expect(value).not.toMatch(INVISIBLE);
    expect(record.text).toContain('circular financing gnp.exe again, and the money goes round.');
  });

  it('the feed JSON permalink is the percent-encoded link the CSV, Markdown and HTML link to', () => {
    const record = toFeedRecord(feed[0]!);
    expect(record.permalink).toBe(csvRowOf(feed).permalink);
    expect(record.permalink).toBe('https://www.reddit.com/r/stocks/comments/t8/deal_news%7Ctoday%20%28x%29/z1/');
    expect(renderMarkdownQuotes(feed)).toContain(`](${record.permalink})`);
  });

  it("the report's JSON holds the same text and links as its HTML shows", () => {
    const quote = [...report.quotes.highlights, ...report.quotes.byTag.cynicism].find((q) => q.commentId === 'z1');
    expect(quote).toBeDefined();
    for (const value of [quote!.text, quote!.gloss, quote!.threadTitle, ...quote!.cuePhrases]) expect(value).not.toMatch(INVISIBLE);
    expect(quote!.permalink).toBe(feed[0]!.permalink);
    const thread = report.threads.find((t) => t.id === 't8');
    expect(thread?.title).toBe('Deal eht news today');
    expect(thread?.permalink).toBe('https://www.reddit.com/r/stocks/comments/t8/deal_news%7Ctoday%20%28x%29/');
    const html = renderHtml(buildReport(input));
    expect(html).toContain(`href="${thread?.permalink}"`);
    for (const cue of Object.values(report.topCues).flat()) expect(cue.phrase).not.toMatch(INVISIBLE);
  });
});
