import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { decodeRedditEntities } from '../../src/report/decode-reddit-entities.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { escapeMarkdownInline } from '../../src/report/escape-markdown.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { renderQuotesCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown, renderMarkdownQuotes } from '../../src/report/render-markdown.js';
import type { Report } from '../../src/report/report.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

// Reddit's API sends bodies and titles with & < > escaped; a typed "&amp;" arrives as "&amp;amp;".
const BODY = 'Their R&amp;D budget is circular financing &lt;3. Typing &amp;amp; gets you an ampersand entity.';
const READ = 'Their R&D budget is circular financing <3. Typing &amp; gets you an ampersand entity.';
const TITLE = 'AT&amp;T &amp; OpenAI: R&amp;D or &lt;hype&gt;?';
const TITLE_READ = 'AT&T & OpenAI: R&D or <hype>?';

function buildEntityInput() {
  const input = buildFixtureInput();
  const thread = makeThread('t9', 'technology', TITLE);
  const comment = makeComment('e1', thread, BODY, { score: 9000 });
  input.threads.push(thread);
  input.screened.push({ comment, excluded: null });
  input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['R&amp;D budget', 'circular financing'] } }));
  return input;
}

const input = buildEntityInput();
const report = buildReport(input);
const feed = pickFeedQuotes(input, { limit: 50 });

function quoteOf(quotes: readonly ReportQuote[]): ReportQuote {
  const quote = quotes.find((q) => q.commentId === 'e1');
  if (quote === undefined) throw new Error('e1 was not quoted');
  return quote;
}

describe("Reddit's escaping in quote exports", () => {
  it('is undone once: "R&amp;D" reads "R&D", a typed "&amp;" stays "&amp;"', () => {
    expect(decodeRedditEntities('AT&amp;T &lt;3 $10B &amp; Trainium')).toBe('AT&T <3 $10B & Trainium');
    expect(decodeRedditEntities('write &amp;amp; not &')).toBe('write &amp; not &');
  });

  it('report JSON holds the text as people read it: quote, thread titles, cue phrases and gloss', () => {
    const json = JSON.parse(renderJson(report)) as Report;
    const quote = quoteOf(json.quotes.highlights);
    expect(quote.text).toBe(READ);
    expect(quote.threadTitle).toBe(TITLE_READ);
    expect(quote.cuePhrases).toContain('R&D budget');
    expect(quote.gloss).toContain('“R&D budget”');
    expect(json.threads.find((t) => t.id === 't9')?.title).toBe(TITLE_READ);
    expect(json.topCues.cynicism.map((c) => c.phrase)).toContain('r&d budget');
  });

  it("keeps the excerpt offsets on the stored body: decoding that slice gives the quote's text", () => {
    const quote = quoteOf(report.quotes.highlights);
    expect(decodeRedditEntities(BODY.slice(quote.excerpt.start, quote.excerpt.end))).toBe(quote.text);
    expect(quote.id).toBe(`e1:0-${BODY.length}`);
  });

  it('the writers feed JSON record has the readable text, title and cue phrases', () => {
    const record = toFeedRecord(quoteOf(feed));
    expect(record.text).toBe(READ);
    expect(record.thread_title).toBe(TITLE_READ);
    expect(record.cue_phrases).toContain('R&D budget');
    expect(JSON.stringify(record)).not.toMatch(/&(?:lt|gt);|R&amp;D/);
  });

  it('CSV, Markdown and HTML show the same text, escaped only for their own format', () => {
    const quote = quoteOf(feed);
    const csv = renderQuotesCsv([{ section: 'feed', quote }], false);
    expect(csv).toContain(READ);
    expect(csv).toContain(TITLE_READ);
    expect(renderMarkdownQuotes([quote])).toContain(`> ${escapeMarkdownInline(READ)}`);
    expect(escapeMarkdownInline(READ)).toBe('Their R\\&D budget is circular financing \\<3. Typing \\&amp; gets you an ampersand entity.');
    expect(renderMarkdown(report)).toContain('“r\\&d budget”');
    const html = renderHtml(report);
    expect(html).toContain('Their R&amp;D budget is circular financing &lt;3. Typing &amp;amp; gets you an ampersand entity.');
    expect(html).toContain(escapeHtml(TITLE_READ));
    expect(escapeHtml(TITLE_READ)).toBe('AT&amp;T &amp; OpenAI: R&amp;D or &lt;hype&gt;?');
  });
});
