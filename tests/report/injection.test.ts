import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { escapeMarkdownInline, formatMarkdownBlockquote } from '../../src/report/escape-markdown.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { formatCell, renderCsv, renderQuotesCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderLink, renderMarkdown, renderMarkdownQuotes } from '../../src/report/render-markdown.js';
import { toSafeUrl } from '../../src/report/to-safe-url.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { findTitledThreadIds } from '../../src/report/find-titled-thread-ids.js';
import { isShownExcerpt } from '../helpers/is-shown-excerpt.js';

// These inputs take ~150 ms when the patterns are linear; a backtracking pattern takes many seconds on them (13 s
// measured for one). The bound sits far from both, so a test run on a busy two-core machine (1.3 s seen) does not fail.
const BACKTRACKING_BOUND_MS = 5_000;
import { HOSTILE_BODIES, buildHostileInput } from './injection-fixture.js';

const input = buildHostileInput();
const report = buildReport(input);
const feed = pickFeedQuotes(input, { limit: 50 });
const hostileQuotes = [...report.quotes.highlights, ...report.quotes.byTag.cynicism].filter((q) => q.commentId.startsWith('h'));

describe('hostile comment bodies', () => {
  it('are quoted (so the escaping is actually exercised)', () => {
    expect(hostileQuotes.length).toBeGreaterThanOrEqual(3);
    expect(feed.filter((q) => q.commentId.startsWith('h')).length).toBe(Object.keys(HOSTILE_BODIES).length);
  });

  it('keep their exact text in JSON', () => {
    const json = JSON.parse(renderJson(report)) as typeof report;
    const bodies: string[] = Object.values(HOSTILE_BODIES);
    for (const q of [...json.quotes.highlights, ...json.quotes.byTag.cynicism].filter((x) => x.commentId.startsWith('h'))) {
      expect(bodies.some((b) => isShownExcerpt(b.slice(q.excerpt.start, q.excerpt.end), q.text)), q.text).toBe(true);
    }
  });

  it('cannot add Markdown structure: no headings, lists, links, tables or raw HTML from comments', () => {
    const md = renderMarkdown(report);
    const lines = md.split('\n');
    const headings = lines.filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['## Social media reaction', '### What the numbers say']);
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\# Heading \\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\| table \\| \\`code\\`');
    expect(md).toContain('> \\- list item');
    // a `>` line is the parent's words: never quoted at all (trim-quote.ts), escaped or not
    expect(md).not.toContain('> quote');
    // Every quote line stays inside its block quote.
    for (const line of lines.filter((l) => l.includes('circular financing') && !l.startsWith('- ') && !l.startsWith('<sub>'))) {
      expect(line.startsWith('> ') || line.startsWith('*Our paraphrase:*')).toBe(true);
    }
  });

  it('links bare URLs as <autolinks> with nothing escaped inside, and still lets no structure in', () => {
    const md = renderMarkdownQuotes(feed);
    expect(md).toContain(
      '> circular financing, see <https://x.example/a*b_c[d](e)?q=1&r=>\\<b\\>x\\</b\\> and \\[t\\](<https://x.example/y_z>) \\[u\\]: <https://x.example/>)\\*\\_ done.',
    );
  });

  it('cannot run script or inject tags in HTML', () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('Hostile &lt;b&gt;title&lt;/b&gt;');
    expect(html).toContain("Content-Security-Policy");
  });

  it('cannot inject a spreadsheet formula in CSV', () => {
    const csv = renderQuotesCsv(feed.map((quote) => ({ section: 'feed', quote })), false);
    expect(renderCsv(report).startsWith('section,')).toBe(true);
    for (const row of csv.split('\r\n')) for (const cell of splitCsvRow(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain(`"'=SUM(A1:A9)+cmd|"" /C calc""!A0 circular financing, obviously, ""quoted"" text."`);
  });

  it("is the guard the README documents, with its example: the only mark CSV adds to a quote's words", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const documents = (text: string): boolean => readme.includes(text);
    expect(documents("a text cell that starts with `=`, `+`, `-` or `@` (after any spaces), or with a tab or a carriage return, gets a `'` in front of it"), 'README describes the guard').toBe(true);
    const example = /reads `('@\[user\] [^`]+)` in the CSV's `text` column and `(@\[user\] [^`]+)` in JSON/.exec(readme);
    expect(example, 'README gives an example').not.toBeNull();
    const [, inCsv, elsewhere] = example!;
    expect(formatCell(elsewhere!)).toBe(inCsv);
    expect(documents("It is the only change made to a quote's words (CSV adds a `'` before a cell that would run as a formula"), 'README names it beside the mention swap').toBe(true);
  });

  it('drops bidi overrides and zero-width spaces from renderings, JSON included, keeping RTL text', () => {
    const feedJson = JSON.stringify(feed.map(toFeedRecord));
    for (const out of [renderMarkdown(report), renderHtml(report), renderQuotesCsv(feed.map((quote) => ({ section: 'feed', quote })), false), renderJson(report), feedJson]) {
      expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
      expect(out).toContain('\u0627\u0644\u0633\u0644\u0627\u0645');
    }
  });

  it('lets very long words through without breaking layout rules', () => {
    const html = renderHtml(report);
    expect(html).toContain('overflow-wrap:anywhere');
  });
});

describe('escapers', () => {
  it.each([
    ['*x*', '\\*x\\*'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['a | b', 'a \\| b'],
    ['<b>x</b> & y', '\\<b\\>x\\</b\\> \\& y'],
    ['line\nbreak', 'line break'],
    ['  a \r\n\t\n  b\u00a0\n', 'a b'],
    ['\n\n# x', '\\# x'],
    ['a\t\tb', 'a\t\tb'],
    ['see https://x.com/a?utm_source=r&utm_medium=s.', 'see <https://x.com/a?utm_source=r&utm_medium=s>.'],
    ['(https://en.wikipedia.org/wiki/Foo_(bar)), ok', '(<https://en.wikipedia.org/wiki/Foo_(bar)>), ok'],
    ['HTTP://X.COM/a*b_c[d]e)f', '<HTTP://X.COM/a*b_c[d]e)f>'],
    ['https://x.com/a<b>c d', '<https://x.com/a>\\<b\\>c d'],
    // a `|` in a URL is part of it (?family=Roboto|Open+Sans): linked whole, the `|` escaped in the label (it would split
    // a table cell) and percent-encoded in the destination; one after the URL's end stays out
    ['a|https://x.com/a|b', 'a\\|[https://x.com/a\\|b](https://x.com/a%7Cb)'],
    ['see https://fonts.example/css?family=Roboto|Open+Sans for it', 'see [https://fonts.example/css?family=Roboto\\|Open+Sans](https://fonts.example/css?family=Roboto%7COpen+Sans) for it'],
    ['https://x.com/a| b', '<https://x.com/a>\\| b'],
    ['https://x.com/a&lt;b&c', '<https://x.com/a>\\&lt;b\\&c'],
    ['https:// and http://', 'https:// and http://'],
    ['https://x.com/_a_', '<https://x.com/_a>\\_'],
    // www. links: the label is the text as written (escaped as text), the destination adds the scheme
    ['see www.x.com/a_b?utm_source=r&utm_medium=s.', 'see [www.x.com/a\\_b?utm\\_source=r\\&utm\\_medium=s](https://www.x.com/a_b?utm_source=r&utm_medium=s).'],
    ['(www.en.wikipedia.org/wiki/Foo_(bar)), ok', '([www.en.wikipedia.org/wiki/Foo\\_(bar)](https://www.en.wikipedia.org/wiki/Foo_\\(bar\\))), ok'],
    ['www.x.com/a\\b`c(d e', '[www.x.com/a\\\\b\\`c(d](https://www.x.com/a\\\\b\\`c\\(d) e'],
    ['a|www.x.com/a|b', 'a\\|[www.x.com/a\\|b](https://www.x.com/a%7Cb)'],
    ['www.x.com/a&lt;b', '[www.x.com/a](https://www.x.com/a)\\&lt;b'],
    ['"www.x.com/_a_" [www.y.com]', '"[www.x.com/\\_a](https://www.x.com/_a)\\_" \\[[www.y.com](https://www.y.com)\\]'],
    ['https://www.x.com/a_b and www.y.com', '<https://www.x.com/a_b> and [www.y.com](https://www.y.com)'],
    // not a www. link: inside a word, a host name or an address, or nothing after the dot
    ['awww.x.com foo.www.x_y.com me@www.x.com www. www..com', 'awww.x.com foo.www.x\\_y.com me@www.x.com www. www..com'],
  ])('escapeMarkdownInline(%j) = %j', (input, expected) => {
    expect(escapeMarkdownInline(input)).toBe(expected);
  });

  it('escapeMarkdownInline takes linear time on long runs of whitespace (a /\\s*\\n\\s*/ took 13 s on 100,000 tabs)', () => {
    const t0 = performance.now();
    expect(escapeMarkdownInline(`a${'\t'.repeat(100_000)}b`)).toBe(`a${'\t'.repeat(100_000)}b`);
    expect(performance.now() - t0).toBeLessThan(BACKTRACKING_BOUND_MS);
  });

  it('does not autolink inside a link label, where a link may not hold another', () => {
    expect(escapeMarkdownInline('https://x.com/y_z', { autolink: false })).toBe('https://x.com/y\\_z');
    expect(escapeMarkdownInline('www.x.com/y_z', { autolink: false })).toBe('www.x.com/y\\_z');
  });

  it('links a www. URL inside a quote without changing the words shown', () => {
    expect(formatMarkdownBlockquote('# read www.x.com/a_b*c*\nwww.y.com/q?a=1&b=2')).toBe(
      '> \\# read [www.x.com/a\\_b\\*c](https://www.x.com/a_b*c)\\*\n> [www.y.com/q?a=1\\&b=2](https://www.y.com/q?a=1&b=2)',
    );
  });

  it('finds URLs in linear time', () => {
    const t0 = performance.now();
    escapeMarkdownInline(`https://x.com/${'('.repeat(100_000)}${')'.repeat(100_000)}`);
    escapeMarkdownInline('https://'.repeat(50_000));
    escapeMarkdownInline(`https://x.com/${'&a'.repeat(100_000)}`);
    escapeMarkdownInline(`https://x.com/${'.'.repeat(100_000)}`);
    escapeMarkdownInline('www.x'.repeat(50_000));
    escapeMarkdownInline(' www.x'.repeat(50_000));
    escapeMarkdownInline(`www.x.com/${'('.repeat(100_000)}`);
    expect(performance.now() - t0).toBeLessThan(BACKTRACKING_BOUND_MS);
  });

  it('keeps every line of a block quote inside it', () => {
    expect(formatMarkdownBlockquote('a\n\n# b\n---')).toBe('> a\n>\n> \\# b\n> \\---');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
  ])('formatCell(%j) = %j', (input, expected) => {
    expect(formatCell(input)).toBe(expected);
  });

  it('the HTML draws no trend chart for one night (its shares would stack on one line), and says when it starts', () => {
    expect(report.trend.length).toBe(1);
    const html = renderHtml(report);
    expect(html).not.toContain('id="chart-trend"');
    expect(html).toContain('One night so far: the trend chart starts with the second.');
    const earlier = { ...report.trend[0]!, date: '2025-12-01' };
    expect(renderHtml({ ...report, trend: [earlier, ...report.trend] })).toContain('id="chart-trend"');
  });

  it('a link label (a thread title) holds no link for any renderer: brackets and parentheses escaped', () => {
    const link = renderLink('Nvidia deal [x](javascript:alert(1)) (update)', 'https://www.reddit.com/r/x/comments/1ab/');
    expect(link).toBe('[Nvidia deal \\[x\\]\\(javascript:alert\\(1\\)\\) \\(update\\)](https://www.reddit.com/r/x/comments/1ab/)');
    // no unescaped "](" or "(" inside the label that a lenient renderer could read as a nested link's target
    expect(link.slice(1, link.lastIndexOf('](')).match(/(?<!\\)[()]/g)).toBeNull();
  });

  it('allows only http(s) links and encodes characters that would end them', () => {
    expect(toSafeUrl('javascript:alert(1)')).toBe('');
    expect(toSafeUrl('https://www.reddit.com/r/x/comments/1/a_(b)/')).toBe('https://www.reddit.com/r/x/comments/1/a_%28b%29/');
  });
});

function splitCsvRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (quoted) {
      if (ch === '"' && row[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch ?? '';
  }
  cells.push(cell);
  return cells.map((c) => c.replace(/^\uFEFF/, ''));
}

describe('links in a quote’s words, as the scrub reads them', () => {
  it('a URL holding a | is the words, not a title link the report wrote (isWordsLink)', () => {
    const md = formatMarkdownBlockquote('see https://www.reddit.com/r/x/comments/abc1/some_title/?a=1|2 and www.reddit.com/r/x/comments/abc2/other/?b|c');
    expect([...findTitledThreadIds('md', md)]).toEqual([]);
    // a link a report writes (a thread's title slug in it) is still found
    expect([...findTitledThreadIds('md', `1. [Title](https://www.reddit.com/r/x/comments/abc3/some_title/) — r/x`)]).toEqual(['abc3']);
  });
});
