import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { renderQuotesCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown, renderMarkdownQuotes } from '../../src/report/render-markdown.js';
import { splitCsvRecords } from '../../src/report/split-csv-records.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

/** The fixture plus a comment with a four-digit score, high enough to be the top pick. */
function buildInput() {
  const input = buildFixtureInput();
  const thread = makeThread('t9', 'investing', 'OpenAI raises again');
  input.threads.push(thread);
  const comment = makeComment('z9', thread, 'Circular financing with extra steps, the bubble math never closes.', { score: 4653 });
  input.screened.push({ comment, excluded: null });
  input.tags.set(comment.id, makeTags(comment, { bubble_caution: { score: 0.97, cues: ['bubble math'] } }));
  return input;
}

describe('a quote score reads as every other count in text for people, and stays a number for programs', () => {
  const input = buildInput();
  const feed = pickFeedQuotes(input, { limit: 20 }).filter((q) => q.commentId === 'z9');
  const report = buildReport(input);

  it('is picked (so the rule is exercised)', () => {
    expect(feed).toHaveLength(1);
    expect(report.quotes.highlights.some((q) => q.commentId === 'z9')).toBe(true);
  });

  it('groups the thousands in the Markdown (feed and report) and the HTML: "score 4,653 at fetch"', () => {
    for (const text of [renderMarkdownQuotes(feed), renderMarkdown(report), renderHtml(report)]) {
      expect(text).toContain('score 4,653 at fetch');
      expect(text).not.toContain('score 4653');
    }
  });

  it('keeps the bare number in the JSON and CSV', () => {
    expect(toFeedRecord(feed[0]!).score_at_fetch).toBe(4653);
    expect(renderJson(report)).toContain('"score": 4653');
    const [header, row] = splitCsvRecords(renderQuotesCsv(feed.map((quote) => ({ section: 'feed', quote })), false)).map((r) => r.fields);
    expect(row?.[header?.indexOf('score_at_fetch') ?? -1]).toBe('4653');
  });
});
