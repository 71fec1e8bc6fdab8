import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { renderMarkdown, renderMarkdownQuotes } from '../../src/report/render-markdown.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { buildFixtureInput } from './report-fixture.js';

const input = buildFixtureInput();
const feed = pickFeedQuotes(input, { limit: 20 });

describe('the Markdown feed names each quote by its id', () => {
  it('has quotes to show (so the rule is exercised)', () => {
    expect(feed.length).toBeGreaterThan(1);
  });

  it("ends each attribution line with the id the JSON and CSV feeds give, so a writer can cite the quote back", () => {
    const attributions = renderMarkdownQuotes(feed).split('\n').filter((line) => line.startsWith('> — '));
    expect(attributions).toHaveLength(feed.length);
    feed.forEach((quote, i) => {
      expect(attributions[i]).toMatch(/, score [\d,]+ at fetch/);
      expect(attributions[i]?.endsWith(` · id ${toFeedRecord(quote).id}`)).toBe(true);
    });
  });

  it("leaves the id out of the report's highlights, which are pasted into articles as they are", () => {
    const markdown = renderMarkdown(buildReport(input));
    expect(markdown).toContain('> — ');
    expect(markdown).not.toContain(' · id ');
  });
});
