import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderHtml } from '../../src/report/render-html.js';
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
});
