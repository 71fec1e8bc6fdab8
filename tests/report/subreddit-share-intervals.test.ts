import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { formatInterval, formatPercent } from '../../src/report/format-values.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { FEW_THREADS } from '../../src/report/cluster-effective-size.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

/** The rows of the Markdown's "By subreddit" table, header first. */
function readSubredditTable(md: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf('**By subreddit**');
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('the Markdown "By subreddit" table', () => {
  it('gives each share its 95% interval, the one the JSON has, so "0.0%" of a few comments does not read as a measured absence', () => {
    const report = buildReport(buildFixtureInput());
    const rows = readSubredditTable(renderMarkdown(report));
    expect(rows[0]).toBe('| Subreddit | Analysed | Tagged | Cynicism (95% interval) | Distrust (95% interval) | Bubble caution (95% interval) |');
    // r/stocks: no cynical comment among its 4, yet a 0% share of so few is compatible with a sizeable one
    const stocks = report.subreddits.find((s) => s.subreddit === 'stocks')!;
    expect(stocks.shares.cynicism.share).toBe(0);
    expect(stocks.shares.cynicism.ci95.high).toBeGreaterThan(0.3);
    for (const s of report.subreddits) {
      const cells = [s.shares.cynicism, s.shares.distrust, s.shares.bubble_caution].map((c) => `${formatPercent(c.share)} (${formatInterval(c.ci95)})`);
      expect(rows).toContain(`| r/${s.subreddit} | ${s.analysed} | ${s.tagged} | ${cells.join(' | ')} |`);
    }
  });

  it('names the subreddits whose intervals rest on one thread, as the HTML does under its chart', () => {
    const md = renderMarkdown(buildReport(buildFixtureInput()));
    // each fixture subreddit has one thread
    expect(md).toContain('r/stocks, r/technology, r/wallstreetbets: all tagged comments in one thread, so their intervals take them as independent (too narrow by an unknown amount).');
  });

  it('calls the intervals of a subreddit of 2 to 9 threads indicative, as the footnote does the report\'s, in the Markdown and the HTML', () => {
    const input = buildFixtureInput();
    const [tech] = input.threads;
    // a second r/technology thread with tagged comments: r/technology's interval now allows for threads, measured from two
    const tech2 = makeThread('t9', 'technology', 'Amazon and OpenAI, again');
    input.threads.push(tech2);
    const extra = makeComment('x1', tech2, 'Circular financing, the same dollars counted twice.', { score: 30 });
    input.screened.push({ comment: extra, excluded: null });
    input.tags.set('x1', makeTags(extra, { cynicism: { score: 0.9, cues: ['circular financing'] } }));
    const report = buildReport(input);
    expect(report.subreddits.find((s) => s.subreddit === tech!.subreddit)!.shares.cynicism.threads).toBe(2);
    const note = 'r/technology (2 threads): tagged comments in fewer than ten threads, so the allowance for comments of one thread being alike is itself rough: read its intervals as indicative.';
    const md = renderMarkdown(report);
    expect(md).toContain(note);
    // the others keep their one-thread note, r/technology leaves it
    expect(md).toContain('r/stocks, r/wallstreetbets: all tagged comments in one thread');
    expect(renderHtml(report)).toContain(`<p class="foot">${note}</p>`);
  });

  it('spells the few-threads threshold from FEW_THREADS in the footnote', () => {
    expect(FEW_THREADS).toBe(10);
    expect(renderMarkdown(buildReport(buildFixtureInput()))).toContain('Student\'s t, 2 degrees of freedom; with fewer than ten threads that allowance is itself rough');
  });

  it('shows dashes, not 0.0%, for a subreddit none of whose comments was tagged', () => {
    const input = buildFixtureInput();
    const quiet = { ...input.threads[0]!, id: 't8', subreddit: 'investing', permalink: 'https://www.reddit.com/r/investing/comments/t8/slug/' };
    input.threads.push(quiet);
    // analysed, but the tagger has no result for it (an emoji-only comment, say)
    input.screened.push({ comment: makeComment('q1', quiet, '🙄🙄'), excluded: null });
    const rows = readSubredditTable(renderMarkdown(buildReport(input)));
    expect(rows).toContain('| r/investing | 1 | 0 | — | — | — |');
  });
});
