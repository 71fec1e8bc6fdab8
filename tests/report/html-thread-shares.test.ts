import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { buildFixtureInput } from './report-fixture.js';

// The HTML report's "Most active threads" list gave each thread's comment count only; the Markdown beside it gives the
// thread's shares too. Both now say the same, the HTML escaped as the rest of the page.

describe('the HTML report\'s most active threads', () => {
  it('show each thread\'s comment count and shares as the Markdown does', () => {
    const report = buildReport(buildFixtureInput());
    expect(report.threads.length).toBeGreaterThan(1);
    const markdown = renderMarkdown(report);
    const html = renderHtml(report);
    const section = /<section id="threads">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const items = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(items).toHaveLength(report.threads.length);
    report.threads.forEach((t, i) => {
      // the Markdown's tail after the subreddit: "N comments analysed (cynicism x% (a–b%), distrust y% (…), bubble caution z% (…))"
      const line = markdown.split('\n').find((l) => l.startsWith(`${i + 1}. `) && l.includes(`r/${t.subreddit}, `))!;
      const tail = line.slice(line.indexOf(`r/${t.subreddit}, `) + `r/${t.subreddit}, `.length);
      const share = String.raw`\d+(\.\d)?% \(\d+\.\d–\d+\.\d%\)`;
      expect(tail).toMatch(new RegExp(String.raw` analysed \(.*cynicism ${share}, distrust ${share}, bubble caution ${share}\)$`));
      expect(items[i]).toContain(` — r/${t.subreddit}, ${tail.replace(/&/g, '&amp;')}`);
    });
  });
});
