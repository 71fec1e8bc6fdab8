import { describe, expect, it } from 'vitest';
import { TAG_NAMES } from '../../src/types.js';
import { buildReport } from '../../src/report/build-report.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { formatInterval, formatPercent, TAG_LABELS } from '../../src/report/format-values.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { buildFixtureInput } from './report-fixture.js';

// The "Most active threads" list gave each thread's shares bare ("cynicism 50.0%" of 4 comments), while the overall
// shares and every subreddit row carry a 95% interval: a thread's share, often of a few dozen comments, read as
// precise as the event's. Each now has its Wilson interval (JSON threads[].ci95), taking the thread's comments as
// independent, which one thread cannot measure otherwise, and the list says so, as the subreddit rows of one thread do.

const NOTE = "Each thread's intervals take its comments as independent (one thread alone cannot show how alike its comments are), so they are too narrow by an unknown amount.";

describe('the most active threads', () => {
  it('carry a 95% interval per tag in the JSON: for a subreddit of one thread, the interval of its row', () => {
    const report = buildReport(buildFixtureInput());
    expect(report.threads.length).toBeGreaterThan(1);
    for (const t of report.threads) {
      // each fixture subreddit has this one thread, so the row's interval takes the same comments as independent
      const row = report.subreddits.find((s) => s.subreddit === t.subreddit)!;
      expect(row.threads).toBe(1);
      for (const tag of TAG_NAMES) {
        expect(t.ci95[tag]).toEqual(row.shares[tag].ci95);
        expect(t.ci95[tag].low).toBeLessThanOrEqual(t.shares[tag]);
        expect(t.ci95[tag].high).toBeGreaterThanOrEqual(t.shares[tag]);
      }
    }
    // 0 of 4 comments cynical: a share that small a sample cannot pin down
    const stocks = report.threads.find((t) => t.subreddit === 'stocks')!;
    expect(stocks.shares.cynicism).toBe(0);
    expect(stocks.ci95.cynicism.high).toBeGreaterThan(0.3);
  });

  it('give each share its interval in the Markdown and the HTML, with a note on what it leaves out', () => {
    const report = buildReport(buildFixtureInput());
    const md = renderMarkdown(report);
    const html = renderHtml(report);
    const section = /<section id="threads">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    for (const t of report.threads) {
      const shares = TAG_NAMES.map((tag) => `${TAG_LABELS[tag].toLowerCase()} ${formatPercent(t.shares[tag])} (${formatInterval(t.ci95[tag])})`).join(', ');
      expect(md).toContain(`r/${t.subreddit}, ${t.analysed} comments analysed (${shares})`);
      expect(section).toContain(`r/${t.subreddit}, ${t.analysed} comments analysed (${shares})</li>`);
    }
    const list = md.slice(md.indexOf('**Most active threads**'), md.indexOf('**By subreddit**'));
    expect(list).toContain(NOTE);
    expect(section).toContain(`<p class="foot">${escapeHtml(NOTE)}</p>`);
  });
});
