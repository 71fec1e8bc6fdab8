import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import type { Report } from '../../src/report/report.js';
import { buildFixtureInput } from './report-fixture.js';

/** The fixture's report with a share's counts in the thousands (renderers only format the report, so this is what they get). */
function buildLargeReport(): Report {
  const report = buildReport(buildFixtureInput());
  const share = report.shares[0]!;
  report.shares[0] = { ...share, count: 1234, total: 5678 };
  const sub = report.subreddits[0]!;
  report.subreddits[0] = { ...sub, tagged: 2345, shares: { ...sub.shares, cynicism: { ...sub.shares.cynicism, count: 1001, total: 2345 } } };
  return report;
}

describe('counts read the same in Markdown and HTML', () => {
  const report = buildLargeReport();

  it('the shares table gives "1,234 of 5,678" in both, not "1234 of 5678" in the HTML', () => {
    expect(renderMarkdown(report)).toContain('| 1,234 of 5,678 |');
    const html = renderHtml(report);
    expect(html).toContain('<td class="n">1,234 of 5,678</td>');
    expect(html).not.toMatch(/\b1234\b|\b5678\b/);
  });

  it("the HTML charts' labels and tooltips group thousands as well", () => {
    const html = renderHtml(report);
    expect(html).toContain('(1,234 of 5,678)');
    expect(html).toContain('(1,001 of 2,345)');
    expect(html).not.toMatch(/\b2345\b|\b1001\b/);
  });
});

describe('top cue phrase counts', () => {
  it('group thousands in both, as the shares table beside them does', () => {
    const report = buildReport(buildFixtureInput());
    const tag = (['cynicism', 'distrust', 'bubble_caution'] as const).find((t) => report.topCues[t].length > 0)!;
    report.topCues[tag] = [{ ...report.topCues[tag][0]!, comments: 1234 }];
    expect(renderMarkdown(report)).toMatch(/” \(1,234\)/);
    expect(renderHtml(report)).toMatch(/” \(1,234\)/);
  });
});
