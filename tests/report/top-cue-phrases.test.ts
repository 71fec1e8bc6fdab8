import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { TOP_CUE_PHRASES } from '../../src/report/count-cue-phrases.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import type { Report } from '../../src/report/report.js';
import { buildFixtureInput, makeComment, makeTags } from './report-fixture.js';

const PHRASES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

/** The fixture plus one cynical comment per phrase: more distinct cue phrases than any list shows. */
function buildInput() {
  const input = buildFixtureInput();
  const thread = input.threads[0]!;
  PHRASES.forEach((phrase, i) => {
    const comment = makeComment(`p${i}`, thread, `They keep saying ${phrase} about this deal, which tells you plenty.`);
    input.screened.push({ comment, excluded: null });
    input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.9, cues: [phrase] } }));
  });
  return input;
}

const report = buildReport(buildInput());

/** The phrases a rendered list line gives for cynicism. */
function phrasesIn(line: string | undefined): number {
  return (line?.match(/“[^”]*” \(\d+\)/g) ?? []).length;
}

describe('top cue phrases', () => {
  it('are as many in Markdown, HTML and JSON: one constant, held by the report the renderers format', () => {
    const json = JSON.parse(renderJson(report)) as Report;
    const md = renderMarkdown(report).split('\n').find((l) => l.startsWith('- Cynicism: '));
    const html = renderHtml(report).split('\n').find((l) => l.startsWith('<li>Cynicism: '));
    expect([phrasesIn(md), phrasesIn(html)]).toEqual([json.topCues.cynicism.length, json.topCues.cynicism.length]);
    expect(json.topCues.cynicism).toHaveLength(TOP_CUE_PHRASES);
  });
});
