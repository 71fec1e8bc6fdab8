import { describe, expect, it } from 'vitest';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { renderQuotesCsv } from '../../src/report/render-csv.js';
import { splitCsvRecords } from '../../src/report/split-csv-records.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { buildFixtureInput } from './report-fixture.js';

// `quotes --format json` gives each quote's fetched_at (when score_at_fetch was read), the CSV feed did not: a writer
// working from the spreadsheet could not tell how old a score was. The column is appended after every existing one
// (after `author` too, with --with-authors), so a reader going by position still finds each old column where it was.

const input = buildFixtureInput();
const feed = pickFeedQuotes(input, { limit: 20 }).map((quote) => ({ section: 'feed', quote }));

function readRows(csv: string): Array<Record<string, string>> {
  const [header, ...rows] = splitCsvRecords(csv).map((r) => r.fields);
  return rows.map((fields) => Object.fromEntries(header!.map((name, i) => [name, fields[i] ?? ''])));
}

describe('the CSV feed gives fetched_at, as the JSON feed does', () => {
  it('has quotes to show (so the rule is exercised)', () => {
    expect(feed.length).toBeGreaterThan(1);
  });

  it('has the JSON feed record\'s fetched_at in each row', () => {
    const rows = readRows(renderQuotesCsv(feed, false));
    expect(rows).toHaveLength(feed.length);
    feed.forEach(({ quote }, i) => {
      expect(rows[i]?.fetched_at).toBe(toFeedRecord(quote).fetched_at);
      expect(rows[i]?.fetched_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });
  });

  it('as the last column, after author with --with-authors, so every earlier column keeps its position', () => {
    const header = (withAuthors: boolean): string[] => splitCsvRecords(renderQuotesCsv(feed, withAuthors))[0]!.fields;
    expect(header(false).at(-2)).toBe('status_checked_at');
    expect(header(false).at(-1)).toBe('fetched_at');
    expect(header(true).slice(-3)).toEqual(['status_checked_at', 'author', 'fetched_at']);
  });
});
