import type { Comparison } from '../../src/report/compare-reports.js';
import type { buildReport } from '../../src/report/build-report.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { renderComparison } from '../../src/report/render-comparison.js';
import { renderCsv, renderQuotesCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown, renderMarkdownQuotes } from '../../src/report/render-markdown.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';

/**
 * A report, a quotes feed and (when given) a comparison in every format a reader can get them, by name: privacy
 * tests assert a name appears in none of them, so a format added later is covered by adding it here.
 */
export function renderEveryFormat(
  report: ReturnType<typeof buildReport>,
  feed: readonly ReportQuote[],
  options: { withAuthors?: boolean; comparison?: Comparison } = {},
): Record<string, string> {
  const outputs: Record<string, string> = {
    md: renderMarkdown(report),
    json: renderJson(report),
    csv: renderCsv(report),
    html: renderHtml(report),
    feedJson: JSON.stringify(feed.map(toFeedRecord)),
    feedCsv: renderQuotesCsv(feed.map((quote) => ({ section: 'feed', quote })), options.withAuthors ?? false),
    feedMd: renderMarkdownQuotes(feed),
  };
  if (options.comparison !== undefined) {
    outputs['compareMd'] = renderComparison(options.comparison, 'md');
    outputs['compareJson'] = renderComparison(options.comparison, 'json');
  }
  return outputs;
}
