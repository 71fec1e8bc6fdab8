import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { formatProbability } from '../../src/report/format-values.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown, renderMarkdownQuotes } from '../../src/report/render-markdown.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

/** The fixture plus one comment the tagger is nearly, not quite, sure of: 0.99997, which four places round to 1. */
function buildInput() {
  const input = buildFixtureInput();
  const thread = makeThread('t9', 'investing', 'OpenAI raises again');
  input.threads.push(thread);
  const comment = makeComment('z9', thread, 'Circular financing with extra steps, the bubble math never closes.', { score: 99_000 });
  input.screened.push({ comment, excluded: null });
  input.tags.set(comment.id, makeTags(comment, { bubble_caution: { score: 0.99997, cues: ['bubble math'] } }));
  return input;
}

describe('a probability shown to people never reads as certainty unless it is one', () => {
  it.each([
    [0.98, '0.98'],
    [0.9949, '0.99'],
    [0.9974, '>0.99'],
    [0.99997, '>0.99'],
    [1, '1.00'],
    [0.004, '<0.01'],
    [0, '0.00'],
    [0.5, '0.50'],
  ])('%d reads %s', (p, shown) => {
    expect(formatProbability(p)).toBe(shown);
  });

  const input = buildInput();
  const feed = pickFeedQuotes(input, { limit: 20 });
  const quote = feed.find((q) => q.commentId === 'z9');

  it('is picked (so the rule is exercised)', () => {
    expect(quote?.primaryTag).toBe('bubble_caution');
  });

  it('keeps four places in the quote data, but a probability below 1 stays below 1 there too', () => {
    expect(quote?.tags.bubble_caution).toBe(0.9999);
  });

  it('reads >0.99 in the Markdown gloss (feed and report) and the HTML badge, never 1.00', () => {
    expect(renderMarkdownQuotes(feed)).toContain('(bubble caution >0.99)');
    const report = buildReport(input);
    const markdown = renderMarkdown(report);
    const html = renderHtml(report);
    expect(markdown).toContain('(bubble caution >0.99)');
    expect(html).toContain('Bubble caution &gt;0.99</span>');
    for (const text of [renderMarkdownQuotes(feed), markdown, html]) expect(text).not.toMatch(/(?:caution|cynicism|distrust) 1\.00/i);
  });
});

describe('the tagger\'s own 1 is no certainty either', () => {
  // the tagger rounds its probability to four places itself: a strongly cued comment is stored with score 1 exactly
  // (tag a text with five distrust cues to see it), though only a reviewer's correction is certain
  function buildInputWith(score: number, reviewed: boolean) {
    const input = buildFixtureInput();
    const thread = makeThread('t9', 'investing', 'OpenAI raises again');
    input.threads.push(thread);
    const comment = makeComment('z9', thread, 'Circular financing with extra steps, the bubble math never closes.', { score: 99_000 });
    input.screened.push({ comment, excluded: null });
    input.tags.set(comment.id, makeTags(comment, { bubble_caution: { score, cues: ['bubble math'] } }));
    if (reviewed) input.labels.set(comment.id, { commentId: comment.id, labels: { bubble_caution: true }, createdAt: 0, note: null });
    return input;
  }

  it('reads >0.99 and is 0.9999 in the quote data when the tagger gave exactly 1', () => {
    const input = buildInputWith(1, false);
    const feed = pickFeedQuotes(input, { limit: 20 });
    const quote = feed.find((q) => q.commentId === 'z9');
    expect(quote?.tags.bubble_caution).toBe(0.9999);
    expect(renderMarkdownQuotes(feed)).toContain('(bubble caution >0.99)');
    const report = buildReport(input);
    expect(renderMarkdown(report)).toContain('(bubble caution >0.99)');
    expect(renderHtml(report)).toContain('Bubble caution &gt;0.99</span>');
  });

  it('stays 1 and reads 1.00 for a reviewer\'s correction', () => {
    const feed = pickFeedQuotes(buildInputWith(0.6, true), { limit: 20 });
    const quote = feed.find((q) => q.commentId === 'z9');
    expect(quote?.tags.bubble_caution).toBe(1);
    expect(renderMarkdownQuotes(feed)).toContain('(bubble caution 1.00)');
  });
});
