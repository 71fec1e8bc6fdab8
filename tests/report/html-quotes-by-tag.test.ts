import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderHtml } from '../../src/report/render-html.js';
import { buildFixtureInput } from './report-fixture.js';

// The HTML's per-tag section lists each tag's own top quotes, picked apart from the highlights: they often repeat the
// highlights above and can list one comment under two tags. It was titled "More quotes by tag"; it must not promise
// other quotes, and it says why a quote can show twice.
describe('the HTML report\'s quotes by tag', () => {
  it('is titled and explained as each tag\'s own picks, not as more quotes', () => {
    const report = buildReport(buildFixtureInput());
    const highlighted = new Set(report.quotes.highlights.map((q) => q.commentId));
    // the case the note is for: a tag's list repeats a highlight
    expect(Object.values(report.quotes.byTag).flat().some((q) => highlighted.has(q.commentId))).toBe(true);
    const section = /<section id="by-tag">[\s\S]*?<\/section>/.exec(renderHtml(report))?.[0] ?? '';
    expect(section).toContain('<h2>Quotes by tag</h2>');
    expect(section).not.toContain('More quotes');
    expect(section).toContain('a comment can also be among the highlights above, or under two tags when it carries both');
  });
});
