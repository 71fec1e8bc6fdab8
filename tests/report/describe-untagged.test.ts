import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { describeUntagged } from '../../src/report/format-values.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { buildHostileInput } from './injection-fixture.js';

describe('the footnote on analysed comments the shares leave out', () => {
  it('says why, so "552 analysed" and "shares of 546" do not read as a mistake', () => {
    expect(describeUntagged({ analysed: 552, untagged: 6, taggerSkipped: 6 })).toBe('(the tagger could not read 6 of the 552 analysed: it reads English only, and a comment with no words has nothing to read)');
    expect(describeUntagged({ analysed: 1200, untagged: 5, taggerSkipped: 3 })).toBe('(5 of the 1,200 analysed have no tags: 3 the tagger could not read, not English or no words; 2 with no tag result)');
  });

  it('is in both footnotes when some analysed comment has no tags, and absent when every one has', () => {
    const report = buildReport(buildHostileInput());
    expect(report.counts.untagged).toBe(0);
    expect(renderMarkdown(report)).not.toContain('analysed:');
    const skippedOne = { ...report, counts: { ...report.counts, tagged: report.counts.tagged - 1, untagged: 1, taggerSkipped: 1 } };
    const expected = `Shares are of ${skippedOne.counts.tagged} tagged comments (the tagger could not read 1 of the ${report.counts.analysed} analysed: it reads English only`;
    expect(renderMarkdown(skippedOne)).toContain(expected);
    expect(renderHtml(skippedOne)).toContain(expected);
  });
});
