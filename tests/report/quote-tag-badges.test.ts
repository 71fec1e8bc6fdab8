import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { splitCsvRecords } from '../../src/report/split-csv-records.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

// The tagger's per-tag thresholds sit below one half (about 0.23–0.26): a comment scoring 0.31 for distrust carries the
// tag, and the shares count it. Its quote's tag badges in the HTML, and the labels in JSON, CSV and the feed, say so.
function buildInput() {
  const input = buildFixtureInput();
  const thread = makeThread('t9', 'investing', 'Amazon and OpenAI, again');
  input.threads.push(thread);
  const comment = makeComment('b1', thread, 'This is circular financing with a press release stapled on. Nobody checks these numbers.', { score: 5000 });
  input.screened.push({ comment, excluded: null });
  const tags = makeTags(comment, { cynicism: { score: 0.95, cues: ['circular financing'] }, distrust: { score: 0.31, cues: ['press release'] } });
  tags.tags.distrust.label = true; // over its threshold, under one half
  input.tags.set(comment.id, tags);
  // a human correction: bubble caution yes, whatever the tagger gave it (0.05)
  input.labels.set(comment.id, { commentId: comment.id, labels: { bubble_caution: true }, createdAt: comment.fetchedAt, note: null });
  return input;
}

function figureOf(html: string, commentId: string): string {
  const start = html.indexOf(`<figure class="quote" data-comment-id="${commentId}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</figure>', start));
}

describe("a quote's tags follow the comment's labels in every format", () => {
  const input = buildInput();
  const report = buildReport(input);
  const quote = report.quotes.highlights.find((q) => q.commentId === 'b1');

  it('is a highlight (so the rule is exercised)', () => {
    expect(quote).toBeDefined();
  });

  it('the HTML shows a badge for every tag the comment carries, a score under one half included', () => {
    const figure = figureOf(renderHtml(report), 'b1');
    expect(figure).toContain('Cynicism 0.95');
    expect(figure).toContain('Distrust 0.31');
    expect(figure).toContain('Bubble caution 1.00');
  });

  it('the HTML shows no badge for a tag the comment does not carry', () => {
    const figure = figureOf(renderHtml(report), 'c4'); // bubble caution only
    expect(figure).toContain('Bubble caution');
    expect(figure).not.toContain('Cynicism');
    expect(figure).not.toContain('Distrust');
  });

  it('the JSON, the CSV and the feed carry the same labels', () => {
    expect(quote?.labels).toEqual({ cynicism: true, distrust: true, bubble_caution: true });
    const [header, ...rows] = splitCsvRecords(renderCsv(report)).map((r) => r.fields);
    const row = rows.find((r) => r[header!.indexOf('comment_id')] === 'b1');
    expect(['label_cynicism', 'label_distrust', 'label_bubble_caution'].map((c) => row?.[header!.indexOf(c)])).toEqual(['true', 'true', 'true']);
    const feed = pickFeedQuotes(input, { limit: 20 }).find((q) => q.commentId === 'b1');
    expect(toFeedRecord(feed!).labels).toEqual({ cynicism: true, distrust: true, bubble_caution: true });
    const c4 = report.quotes.highlights.find((q) => q.commentId === 'c4');
    expect(c4?.labels).toEqual({ cynicism: false, distrust: false, bubble_caution: true });
  });
});
