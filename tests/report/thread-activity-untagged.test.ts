import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { buildFixtureInput, makeComment, makeThread } from './report-fixture.js';

// A "Most active threads" entry whose thread has no tagged comment (emoji-only or non-English comments the tagger
// cannot read, or every comment left out) read "cynicism 0.0%, distrust 0.0%, bubble caution 0.0%": a share of
// nothing, which reads as a thread where nobody was cynical. The shares table, the subreddit rows and the trend show
// dashes for nothing measured; the thread list now says no share was measured.

function buildWithQuietThreads(): ReturnType<typeof buildReport> {
  const input = buildFixtureInput();
  const emoji = makeThread('t8', 'investing', 'Amazon and OpenAI, thoughts?');
  const gone = makeThread('t9', 'investing', 'Deleted discussion');
  input.threads.push(emoji, gone);
  // analysed, but the tagger has no result for them (emoji only)
  input.screened.push({ comment: makeComment('q1', emoji, '🙄🙄'), excluded: null }, { comment: makeComment('q2', emoji, '🍿'), excluded: null });
  input.screened.push({ comment: makeComment('q3', gone, '', { status: 'deleted', author: null }), excluded: 'deleted' });
  return buildReport(input);
}

describe('a most active thread with no tagged comment', () => {
  it('says in the Markdown that none was tagged, with no 0.0% shares', () => {
    const report = buildWithQuietThreads();
    expect(report.threads.map((t) => t.id)).toEqual(expect.arrayContaining(['t8', 't9']));
    const md = renderMarkdown(report);
    const line = (id: string): string => md.split('\n').find((l) => l.includes(`/comments/${id}/`) && /^\d+\. /.test(l))!;
    expect(line('t8')).toMatch(/ — r\/investing, 2 comments analysed \(none tagged, so no shares\)$/);
    expect(line('t9')).toMatch(/ — r\/investing, 0 comments analysed \(1 left out\)$/);
    expect(line('t8')).not.toContain('0.0%');
    expect(line('t9')).not.toContain('0.0%');
  });

  it('says the same in the HTML', () => {
    const html = renderHtml(buildWithQuietThreads());
    const section = /<section id="threads">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('r/investing, 2 comments analysed (none tagged, so no shares)</li>');
    expect(section).toContain('r/investing, 0 comments analysed (1 left out)</li>');
  });
});
