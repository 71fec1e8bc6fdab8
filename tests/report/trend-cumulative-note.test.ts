import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { buildFixtureInput } from './report-fixture.js';

// Every night's point is the report of all the event's comments the store holds by then (loadReportInput reads the
// whole event), not of the comments that night added; nothing in the trend said so. Read as nightly moods, a trend
// invites "cynicism rose from 40% to 45% on Tuesday" where Tuesday's new comments may have been far more cynical, or
// the move a few deleted comments; and two nights' intervals, drawn from mostly the same comments, are no test of a
// change. The Markdown and HTML trend now say what a point is.

const NOTE =
  "Each night's shares are of all the event's comments collected by that night (those still live then), not of that night's new comments: nights share most of their comments, so a night's new comments move the shares only in proportion to their number, and whether two nights' intervals overlap is no test of a change.";

function buildWithTwoNights(): ReturnType<typeof buildReport> {
  const first = buildReport(buildFixtureInput());
  return buildReport(buildFixtureInput({ history: [{ ...first.trend[0]!, date: '2025-12-17', runId: 'run-2025-12-17' }] }));
}

describe('the trend across nightly runs', () => {
  it('says in the Markdown that each night counts all comments collected by then', () => {
    const md = renderMarkdown(buildWithTwoNights());
    const trend = md.slice(md.indexOf('**Trend across nightly runs**'));
    expect(trend.slice(0, trend.indexOf('<sub>'))).toContain(NOTE);
  });

  it('says so in the HTML under the chart', () => {
    const html = renderHtml(buildWithTwoNights());
    const section = /<section id="trend">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('<svg id="chart-trend"');
    expect(section).toContain(`<p class="foot">${escapeHtml(NOTE)}</p>`);
  });

  it('says nothing of it with one night, which shows no trend', () => {
    const report = buildReport(buildFixtureInput());
    expect(renderMarkdown(report)).not.toContain(NOTE);
    expect(renderHtml(report)).not.toContain(escapeHtml(NOTE));
  });
});
