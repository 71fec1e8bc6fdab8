import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderHtml } from '../../src/report/render-html.js';
import type { ShareCell, SubredditBreakdown } from '../../src/report/report.js';
import { renderSubredditChart } from '../../src/report/render-svg-charts.js';
import { buildHostileInput } from './injection-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = join(import.meta.dirname, '..', '__output__');
const available = existsSync(CHROMIUM);
if (!available && process.env.CI !== 'true') {
  console.warn(`html-browser.test: ${CHROMIUM} not found, skipping the browser test (apt-get install -y chromium; CI=true makes it mandatory)`);
}

describe.skipIf(!available && process.env.CI !== 'true')('HTML report in headless Chromium', () => {
  it('renders charts and quotes, makes no external requests, and runs no script from comments', async () => {
    const input = buildHostileInput();
    // A second nightly point so the trend chart draws lines.
    const first = buildReport(input);
    const earlier = { ...first.trend[0]!, date: '2025-12-17', asOf: first.asOf - 86_400, runId: null };
    const report = buildReport({ ...input, history: [earlier] });
    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'report.html');
    writeFileSync(file, renderHtml(report));

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 960, height: 900 } });
      const external: string[] = [];
      await page.route('**', async (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        external.push(url);
        return route.abort();
      });
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      expect(external).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);

      for (const id of ['chart-shares', 'chart-subreddits', 'chart-trend']) {
        const box = await page.locator(`svg#${id}`).boundingBox();
        expect(box?.width ?? 0, id).toBeGreaterThan(100);
      }
      expect(await page.locator('#chart-shares rect.bar').count()).toBe(3);
      expect(await page.locator('#chart-shares g.whisker').count()).toBe(3);
      expect(await page.locator('#chart-trend polyline.trend-line').count()).toBe(3);

      const quotes = page.locator('#quotes figure.quote');
      expect(await quotes.count()).toBe(report.quotes.highlights.length);
      const firstText = await quotes.first().locator('blockquote').textContent();
      expect(firstText).toBe(report.quotes.highlights[0]!.text.replace(/[\u202A-\u202E\u2066-\u2069\u200B]/g, ''));
      // The hostile <script> shows up as text, not as an element.
      expect(await page.getByText('<script>window.__pwned = 1</script>', { exact: false }).count()).toBeGreaterThan(0);

      await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('keeps a very long thread title or event title inside the page width (no sideways scrolling)', async () => {
    const input = buildHostileInput();
    const word = `Open${'X'.repeat(300)}`;
    const threads = input.threads.map((t, i) => (i === 0 ? { ...t, title: `${word} thread` } : t));
    const report = buildReport({ ...input, threads, event: { ...input.event, title: `${word} event` } });
    expect(report.threads.some((t) => t.title.includes(word))).toBe(true);
    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'long-title.html');
    writeFileSync(file, renderHtml(report));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 960, height: 900 } });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(960);
    } finally {
      await browser.close();
    }
  });

  it('draws every subreddit label whole, inside the chart and left of its bars, however long the name', async () => {
    const cell = (count: number, total: number): ShareCell => ({ count, total, share: count / total, ci95: { low: 0, high: Math.min(1, count / total + 0.1) } });
    const subreddit = (name: string, tagged: number): SubredditBreakdown => ({
      subreddit: name, threads: 2, analysed: tagged, tagged,
      shares: { cynicism: cell(Math.floor(tagged / 2), tagged), distrust: cell(1, tagged), bubble_caution: cell(2, tagged) },
    });
    // wallstreetbets as in the bundled example; Reddit names have at most 21 characters, the widest of them cut
    const names = ['wallstreetbets', 'technology', 'AskHistoriansMetaTalk', 'mmmmmmmmmmmmmmmmmmmmm', 'WWWWWWWWWWWWWWWWWWWWW', 'x'.repeat(60)];
    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'subreddit-chart.html');
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><body style="margin:0">${renderSubredditChart(names.map((n, i) => subreddit(n, [113, 4, 12_345, 3, 7, 9][i]!)))}</body>`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // run in the page (a string: this project's TypeScript has no DOM types); boxes in the chart's own units
      const drawn = (await page.evaluate(`(() => {
        const svg = document.querySelector('svg#chart-subreddits');
        const barsFrom = Math.min(...[...svg.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('x'))));
        const box = (t) => ({ text: t.textContent, from: t.getBBox().x, to: t.getBBox().x + t.getBBox().width });
        return {
          width: svg.viewBox.baseVal.width,
          barsFrom,
          labels: [...svg.querySelectorAll('text[text-anchor="end"]')].map(box),
          legend: [...svg.querySelectorAll(':scope > text:not([text-anchor])')].map(box),
        };
      })()`)) as { width: number; barsFrom: number; labels: Array<{ text: string; from: number; to: number }>; legend: Array<{ text: string; to: number }> };
      for (const label of drawn.labels) {
        expect(label.from, label.text).toBeGreaterThanOrEqual(0);
        expect(label.to, label.text).toBeLessThanOrEqual(drawn.barsFrom);
      }
      const texts = drawn.labels.map((l) => l.text);
      expect(texts.slice(0, 3)).toEqual(['r/wallstreetbets (113)', 'r/technology (4)', 'r/AskHistoriansMetaTalk (12,345)']);
      // past the margin's cap the name is cut, never the count
      expect(texts.slice(3)).toEqual([expect.stringMatching(/^r\/m+… \(3\)$/), expect.stringMatching(/^r\/W+… \(7\)$/), expect.stringMatching(/^r\/x+… \(9\)$/)]);
      // the legend stays inside the chart too
      expect(drawn.legend.map((l) => l.text)).toEqual(['Cynicism', 'Distrust', 'Bubble caution']);
      for (const entry of drawn.legend) expect(entry.to, entry.text).toBeLessThanOrEqual(drawn.width);
    } finally {
      await browser.close();
    }
  });
});
