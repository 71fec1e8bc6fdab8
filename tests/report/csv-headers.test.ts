import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { renderComparison } from '../../src/report/render-comparison.js';
import { renderCsv, renderQuotesCsv } from '../../src/report/render-csv.js';
import { buildFixtureInput } from './report-fixture.js';

// The CSV header rows, pinned: spreadsheets and scripts read these files by column, and columns have moved before
// (label_<tag> went in after score_<tag>, mid-row; compare's p_value_holm and tests_in_comparison at the end). A change
// to either list must be deliberate: it fails here until this test and reports/README.md ("CSV columns"), which says
// what every column holds, say the same.

const QUOTES_COLUMNS = [
  'section', 'id', 'comment_id', 'primary_tag', 'text', 'gloss_our_paraphrase',
  'score_cynicism', 'score_distrust', 'score_bubble_caution',
  'label_cynicism', 'label_distrust', 'label_bubble_caution',
  'subreddit', 'attribution', 'permalink', 'thread_id', 'thread_title', 'created_utc', 'score_at_fetch', 'status_checked_at',
  'fetched_at',
];
const WITH_AUTHORS_COLUMNS = [...QUOTES_COLUMNS.slice(0, -1), 'author', 'fetched_at'];
const COMPARISON_COLUMNS = [
  'tag', 'event', 'weight', 'share', 'ci95_low', 'ci95_high', 'count', 'total',
  'difference_vs_first', 'p_value_vs_first', 'significant_vs_first', 'difference_direction', 'has_data',
  'effective_total', 'p_value_note', 'p_value_holm', 'tests_in_comparison',
];

function readHeader(csv: string): string[] {
  return csv.split('\r\n')[0]!.split(',');
}

/** The backticked column names in the first cell of each row of the table under `heading` in reports/README.md. */
function readDocumentedColumns(heading: string): string[] {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'reports', 'README.md'), 'utf8');
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `reports/README.md has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const names: string[] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const first = line.split('|')[1] ?? '';
    names.push(...[...first.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]!));
  }
  return names;
}

describe('CSV header rows', () => {
  it('of a report and of the quotes feed', () => {
    const report = buildReport(buildFixtureInput());
    expect(readHeader(renderCsv(report))).toEqual(QUOTES_COLUMNS);
    const feed = report.quotes.highlights.map((quote) => ({ section: 'feed', quote }));
    expect(readHeader(renderQuotesCsv(feed, false))).toEqual(QUOTES_COLUMNS);
    expect(readHeader(renderQuotesCsv(feed, true))).toEqual(WITH_AUTHORS_COLUMNS);
  });

  it('of a comparison', () => {
    const a = buildReport(buildFixtureInput());
    const b = buildReport(buildFixtureInput({ event: { ...buildFixtureInput().event, id: 'nvidia-openai-2025-09' } }));
    expect(readHeader(renderComparison(compareReports([a, b]), 'csv'))).toEqual(COMPARISON_COLUMNS);
  });

  it('are documented in reports/README.md, in order', () => {
    expect(readDocumentedColumns('### Report and quotes feed CSV')).toEqual(WITH_AUTHORS_COLUMNS);
    expect(readDocumentedColumns('### Comparison CSV')).toEqual(COMPARISON_COLUMNS);
  });
});
