import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { renderComparison } from '../../src/report/render-comparison.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { buildFixtureInput } from './report-fixture.js';

// A comment can carry several tags (the fixture's c1 is cynical and bubble-cautious; in the bundled example two of the
// three cynical picks carry another tag too), so the three shares are not parts of one whole: "45.8% cynical, 4.9%
// distrustful and 17.2% bubble-cautious" is not "68% negative". Nothing said so beside the shares; the report
// footnote (Markdown, HTML) and the comparison's now do.

const NOTE = 'A comment can carry more than one tag, so the shares overlap and do not add up to a total.';

describe('the shares of the three tags', () => {
  it('are said to overlap, in the report and the comparison', () => {
    const report = buildReport(buildFixtureInput());
    expect(renderMarkdown(report)).toContain(NOTE);
    expect(renderHtml(report)).toContain(escapeHtml(NOTE));
    const other = buildReport(buildFixtureInput({ event: { ...buildFixtureInput().event, id: 'nvidia-openai-2025-09' } }));
    expect(renderComparison(compareReports([other, report]), 'md')).toContain(NOTE);
  });
});
