import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvent } from '../../src/events/load-events.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportInput } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { renderComparison } from '../../src/report/render-comparison.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import type { EventConfig, TagResult } from '../../src/types.js';
import { makeComment, makeTags, makeThread } from './report-fixture.js';

// README (Intervals allow for threads): "With few threads the correction is itself approximate: read the intervals
// and "significant" as indicative below ten or so threads." Only the README said so. The bundled events have 4 and 5
// threads, and their report footnote and comparison gave intervals and "Significant (5%): yes/no" with no such word,
// so a reader of the published numbers alone took them as firm. The report footnote, the comparison's Markdown and its
// JSON (fewThreadEvents) now say so for an event of 2 to 9 threads with tagged comments.

const EVENTS_DIR = join(import.meta.dirname, '..', '..', 'events');

/** `threads` threads of 30 comments each, a third of them cynical (the shares differ a little between threads). */
function buildInput(event: EventConfig, threads: number): ReportInput {
  const list = Array.from({ length: threads }, (_, k) => makeThread(`${event.id.slice(0, 4)}${k}`, 'stocks', `${event.title} ${k}`));
  const screened: ReportInput['screened'] = [];
  const tags = new Map<string, TagResult>();
  list.forEach((thread, k) => {
    for (let i = 0; i < 30; i++) {
      const cynical = i < 8 + (k % 4);
      const comment = makeComment(`${thread.id}-${i}`, thread, cynical ? `Circular financing again, take ${i}.` : `A reasonable deal, comment ${i}.`);
      screened.push({ comment, excluded: null });
      tags.set(comment.id, makeTags(comment, cynical ? { cynicism: { score: 0.9, cues: ['circular financing'] } } : {}));
    }
  });
  return { event, threads: list, screened, tags, labels: new Map(), tagger: 'tagger-test-1', runs: [], options: { withAuthors: false } };
}

describe('intervals measured from fewer than ten threads', () => {
  const nvidia = loadEvent(EVENTS_DIR, 'nvidia-openai-2025-09');
  const amazon = loadEvent(EVENTS_DIR, 'amazon-openai-2025-12');
  const ROUGH = 'with fewer than ten threads that allowance is itself rough, so read the intervals as indicative';

  it('are called indicative in the report footnote, Markdown and HTML', () => {
    const few = buildReport(buildInput(amazon, 5));
    expect(few.shares[0]!.threads).toBe(5);
    expect(renderMarkdown(few)).toContain(`(Student's t, 4 degrees of freedom; ${ROUGH})`);
    expect(renderHtml(few)).toContain(escapeHtml(`(Student's t, 4 degrees of freedom; ${ROUGH})`));
    const many = buildReport(buildInput(amazon, 10));
    expect(renderMarkdown(many)).toContain("(Student's t, 9 degrees of freedom)");
    expect(renderMarkdown(many)).not.toContain('indicative');
  });

  it('are called indicative in a comparison, with the events and their threads named', () => {
    const c = compareReports([buildReport(buildInput(nvidia, 4)), buildReport(buildInput(amazon, 12))]);
    expect(c.fewThreadEvents).toEqual([{ id: 'nvidia-openai-2025-09', threads: 4 }]);
    expect((JSON.parse(renderComparison(c, 'json')) as typeof c).fewThreadEvents).toEqual(c.fewThreadEvents);
    expect(renderComparison(c, 'md')).toContain(
      '_Note: nvidia-openai-2025-09 has its tagged comments in only 4 threads: the allowance for comments of one thread being alike is measured from so few that it is itself rough, so read its intervals and the p-values and verdicts against it as indicative._',
    );
    const both = compareReports([buildReport(buildInput(nvidia, 4)), buildReport(buildInput(amazon, 5))]);
    expect(both.fewThreadEvents).toEqual([{ id: 'nvidia-openai-2025-09', threads: 4 }, { id: 'amazon-openai-2025-12', threads: 5 }]);
    const many = compareReports([buildReport(buildInput(nvidia, 10)), buildReport(buildInput(amazon, 12))]);
    expect(many.fewThreadEvents).toEqual([]);
    expect(renderComparison(many, 'md')).not.toContain('indicative');
  });

  it('leave an event of one thread to its own warning', () => {
    const c = compareReports([buildReport(buildInput(nvidia, 1)), buildReport(buildInput(amazon, 12))]);
    expect(c.singleThreadEvents).toEqual(['nvidia-openai-2025-09']);
    expect(c.fewThreadEvents).toEqual([]);
  });
});
