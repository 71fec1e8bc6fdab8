import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { countUnconfirmed } from '../../src/report/count-unconfirmed.js';
import { describeTaggerChanges } from '../../src/report/describe-tagger-changes.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { isShownExcerpt } from '../helpers/is-shown-excerpt.js';
import { buildFixtureInput } from './report-fixture.js';

describe('buildReport', () => {
  it('matches the golden Markdown and JSON', async () => {
    const report = buildReport(buildFixtureInput());
    await expect(renderMarkdown(report)).toMatchFileSnapshot('golden/fixture-report.md');
    await expect(renderJson(report)).toMatchFileSnapshot('golden/fixture-report.json');
  });

  it('a thread line says which comments its shares are of when some analysed ones carry no tags', () => {
    const report = buildReport(buildFixtureInput());
    const thread = report.threads[0]!;
    const md = renderMarkdown({ ...report, threads: [{ ...thread, analysed: thread.tagged + 2 }] });
    expect(md).toContain(`${thread.tagged + 2} comments analysed (of the ${thread.tagged} tagged: cynicism`);
  });

  it('means the same by analysed and tagged for subreddits as for threads and the header', () => {
    const input = buildFixtureInput();
    // one analysed comment without a tag result (the tagger skipped it)
    const untagged = input.screened.find((s) => s.excluded === null && s.comment.threadId === 't1')!.comment;
    input.tags.delete(untagged.id);
    const report = buildReport(input);
    const sum = (xs: Array<{ analysed: number; tagged: number }>, k: 'analysed' | 'tagged'): number => xs.reduce((n, x) => n + x[k], 0);
    expect(sum(report.subreddits, 'analysed')).toBe(report.counts.analysed);
    expect(sum(report.subreddits, 'tagged')).toBe(report.counts.tagged);
    expect(sum(report.threads, 'analysed')).toBe(report.counts.analysed);
    const technology = report.subreddits.find((s) => s.subreddit === 'technology')!;
    const thread = report.threads.find((t) => t.id === 't1')!;
    expect([technology.analysed, technology.tagged]).toEqual([thread.analysed, thread.tagged]);
    expect(technology.tagged).toBe(technology.analysed - 1);
    expect(technology.shares.cynicism.total).toBe(technology.tagged);
    expect(renderMarkdown(report)).toContain(`| r/technology | ${technology.analysed} | ${technology.tagged} |`);
  });

  it('is deterministic: same inputs, byte-identical output', () => {
    expect(renderJson(buildReport(buildFixtureInput()))).toBe(renderJson(buildReport(buildFixtureInput())));
    expect(renderMarkdown(buildReport(buildFixtureInput()))).toBe(renderMarkdown(buildReport(buildFixtureInput())));
  });

  it('says the same whatever the input order; only the input hashes (taken in store order) differ', () => {
    const a = buildFixtureInput();
    const b = buildFixtureInput();
    b.screened.reverse();
    b.threads.reverse();
    const ra = buildReport(a);
    const rb = buildReport(b);
    expect(renderMarkdown(rb)).toBe(renderMarkdown(ra));
    expect({ ...rb, inputs: null }).toEqual({ ...ra, inputs: null });
    expect(rb.inputs.hashes.comments).not.toBe(ra.inputs.hashes.comments);
  });

  it('counts as unconfirmed every live comment of the event on the list, as the run summary and `quotes` do, and says why nothing is quoted', () => {
    const input = buildFixtureInput();
    const live = input.screened.filter((s) => s.comment.status === 'live');
    const excluded = live.find((s) => s.excluded !== null)!.comment;
    const purged = input.screened.find((s) => s.comment.status !== 'live')!.comment;
    // every analysed comment withheld, plus an excluded live one and a purged one (gone, so not counted)
    const ids = [...live.filter((s) => s.excluded === null).map((s) => s.comment.id), excluded.id, purged.id];
    const report = buildReport({ ...input, unconfirmed: new Set(ids) });
    expect(report.counts.unconfirmed).toBe(countUnconfirmed(input.screened.map((s) => s.comment), new Set(ids)));
    expect(report.counts.unconfirmed).toBe(ids.length - 1);
    expect(report.quotes.highlights).toEqual([]);
    const md = renderMarkdown(report);
    expect(md).not.toContain('No comment met the bar for quoting');
    expect(md).toContain(`No comment is quoted: the ${ids.length - 1} comments above are withheld until a deletion re-check confirms them live`);
    expect(renderHtml(report)).toContain('No comment is quoted: the');
  });

  it('counts analysed and excluded comments by reason', () => {
    const report = buildReport(buildFixtureInput());
    expect(report.counts).toMatchObject({ stored: 14, analysed: 10, excluded: 4, tagged: 10, threads: 3, subreddits: 3, overrides: 1 });
    expect(report.counts.excludedByReason).toMatchObject({ deleted: 1, removed: 1, automoderator: 1, bot: 1, duplicate: 0 });
  });

  it('lets human labels win over the tagger in shares and quotes', () => {
    const report = buildReport(buildFixtureInput());
    const cynicism = report.shares.find((s) => s.tag === 'cynicism');
    expect(cynicism).toMatchObject({ count: 3, total: 10 }); // c1, c2, c6; not c13
    const all = [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];
    expect(all.some((q) => q.commentId === 'c13' && q.primaryTag === 'cynicism')).toBe(false);
  });

  it('never quotes excluded comments and never shows authors without opt-in', () => {
    const report = buildReport(buildFixtureInput());
    const all = [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];
    expect(all.length).toBeGreaterThan(0);
    for (const q of all) {
      expect(['c9', 'c10', 'c11', 'c12']).not.toContain(q.commentId);
      expect(q.author).toBeUndefined();
      expect(q.attribution).toBe(`Reddit, r/${q.subreddit}`);
    }
    expect(renderJson(report)).not.toContain('user_c');
    const withAuthors = buildReport(buildFixtureInput({ options: { withAuthors: true } }));
    expect(withAuthors.quotes.highlights.every((q) => typeof q.author === 'string')).toBe(true);
  });

  it('gives 3–6 highlights with exact text and a paraphrase gloss', () => {
    const input = buildFixtureInput();
    const report = buildReport(input);
    expect(report.quotes.highlights.length).toBeGreaterThanOrEqual(3);
    expect(report.quotes.highlights.length).toBeLessThanOrEqual(6);
    const bodies = new Map(input.screened.map((s) => [s.comment.id, s.comment.body]));
    for (const q of report.quotes.highlights) {
      expect(isShownExcerpt(bodies.get(q.commentId)!.slice(q.excerpt.start, q.excerpt.end), q.text), q.text).toBe(true);
      expect(q.gloss.length).toBeGreaterThan(0);
      expect(q.glossIsParaphrase).toBe(true);
    }
  });

  it('merges the nightly history into the trend, the current run replacing its own date', () => {
    const first = buildReport(buildFixtureInput());
    const earlier = { ...first.trend[0]!, date: '2025-12-17', runId: 'run-2025-12-17' };
    const stale = { ...first.trend[0]!, tagged: 999 };
    const report = buildReport(buildFixtureInput({ history: [stale, earlier] }));
    expect(report.trend.map((p) => p.date)).toEqual(['2025-12-17', '2025-12-18']);
    expect(report.trend[1]?.tagged).toBe(10);
    expect(report.trend[1]?.runId).toBe('run-2025-12-18');
  });

  it("hashes the earlier nights the trend keeps, not a point of the report's own date it replaces: a re-run is byte for byte", () => {
    const first = buildReport(buildFixtureInput());
    const earlier = { ...first.trend[0]!, date: '2025-12-17', runId: 'run-2025-12-17' };
    // the night's run wrote its point (tonight's, as built); `report` the morning after reads it back from history.json
    const byRun = buildReport(buildFixtureInput({ history: [earlier] }));
    const byReport = buildReport(buildFixtureInput({ history: [earlier, byRun.trend[1]!] }));
    const byOlderRun = buildReport(buildFixtureInput({ history: [earlier, { ...byRun.trend[1]!, tagged: 999 }] }));
    expect(byReport.trend).toEqual(byRun.trend);
    expect(byReport.inputs.hashes.history).toBe(byRun.inputs.hashes.history);
    expect(byOlderRun.inputs.hashes.history).toBe(byRun.inputs.hashes.history);
    expect(renderJson(byReport)).toBe(renderJson(byRun));
    // an earlier night that differs is other input
    expect(buildReport(buildFixtureInput({ history: [{ ...earlier, tagged: 7 }] })).inputs.hashes.history).not.toBe(byRun.inputs.hashes.history);
  });

  it('files data a run fetched after midnight UTC under the date that run started on, as the run filed it', () => {
    const base = buildFixtureInput();
    const fetched = Math.max(...base.screened.map((s) => s.comment.fetchedAt));
    const midnight = Math.floor(fetched / 86_400) * 86_400;
    // the night's run started ten seconds before midnight UTC and fetched everything after it
    const run = { ...base.runs[0]!, id: 'run-across-midnight', startedAt: midnight - 10, finishedAt: fetched + 5 };
    const report = buildReport({ ...base, runs: [run] });
    const runDate = new Date((midnight - 10) * 1000).toISOString().slice(0, 10);
    expect(report.date).toBe(runDate);
    expect(report.trend.map((p) => [p.date, p.runId])).toEqual([[runDate, 'run-across-midnight']]);
    // data fetched after the last run finished (an import, a collect not recorded as a run) keeps the date it was fetched on
    const after = buildReport({ ...base, runs: [{ ...run, finishedAt: midnight - 1 }] });
    expect(after.date).toBe(new Date(fetched * 1000).toISOString().slice(0, 10));
  });

  it('the HTML trend says which nights\' bands were computed before intervals allowed for threads', () => {
    const first = buildReport(buildFixtureInput());
    // a point as history.json held it before: no effectiveTotal, designEffect or threads in its cells
    const strip = (cell: (typeof first.trend)[number]['shares']['cynicism']) => ({ count: cell.count, total: cell.total, share: cell.share, ci95: cell.ci95 });
    const old = { ...first.trend[0]!, date: '2025-12-17', runId: 'r', shares: { cynicism: strip(first.trend[0]!.shares.cynicism), distrust: strip(first.trend[0]!.shares.distrust), bubble_caution: strip(first.trend[0]!.shares.bubble_caution) } };
    const note = 'The bands of 2025-12-17 were computed before intervals allowed for comments of one thread being alike';
    expect(renderHtml(buildReport(buildFixtureInput({ history: [old] })))).toContain(note);
    // all nights of one method: nothing to say
    const same = { ...first.trend[0]!, date: '2025-12-17', runId: 'r' };
    expect(renderHtml(buildReport(buildFixtureInput({ history: [same] })))).not.toContain('were computed before intervals');
  });

  it('the Markdown trend shows a night with no tagged comments as dashes, not as shares of 0.0%', () => {
    // a night whose stored comments were all left out or untagged (only AutoModerator so far, or none in English) still
    // gets a point, with nothing measured: 0 of 0 is no share of 0 %, as the shares table and the HTML chart say
    const empty = buildReport(buildFixtureInput({ tags: new Map(), labels: new Map() }));
    expect(empty.trend[0]?.tagged).toBe(0);
    const report = buildReport(buildFixtureInput({ history: [{ ...empty.trend[0]!, date: '2025-12-17', runId: 'r' }] }));
    const md = renderMarkdown(report);
    expect(md).toContain('| 2025-12-17 | 0 | — | — | — |');
    expect(md).not.toMatch(/\| 2025-12-17 \|[^\n]*0\.0%/);
  });

  it('says how many comments a reviewer\'s correction tagged, and when that number changed between nights', () => {
    const first = buildReport(buildFixtureInput());
    expect(first.counts.overrides).toBe(1);
    const footnote = "1 of them tagged by a reviewer's correction (reactionlens label) rather than by the tagger";
    expect(renderMarkdown(first)).toContain(footnote);
    expect(renderHtml(first)).toContain(footnote.replace("'", '&#39;'));
    // the night's point records it, so a later trend can tell a correction's move from Reddit's
    expect(first.trend[0]?.overrides).toBe(1);
    const point = first.trend[0]!;
    const { overrides: _, ...unrecorded } = point;
    const history = [
      { ...unrecorded, date: '2025-12-15' },
      { ...point, date: '2025-12-16', overrides: 0 },
      { ...point, date: '2025-12-17', overrides: 0 },
    ];
    const report = buildReport(buildFixtureInput({ history }));
    const note = 'Reviewer corrections (reactionlens label) decide the tags of a different number of comments across these nights (2025-12-16 to 2025-12-17: none; 2025-12-18: 1 comment); a change in share across them may come from the corrections, not from the comments.';
    expect(renderMarkdown(report)).toContain(note);
    expect(renderHtml(report)).toContain(note);
    expect(JSON.parse(renderJson(report)).trend.map((p: { overrides?: number }) => p.overrides ?? null)).toEqual([null, 0, 0, 1]);
    // the same number every night: nothing to say
    expect(renderMarkdown(buildReport(buildFixtureInput({ history: [{ ...point, date: '2025-12-17' }] })))).not.toContain('Reviewer corrections');
  });

  it('says what the score-weighted column weighs and the effective sizes its intervals use', () => {
    const report = buildReport(buildFixtureInput());
    const size = (n: number): string => (n >= 10 ? String(Math.round(n)) : n.toFixed(1));
    const sizes = report.scoreWeightedShares.map((w) => `${size(w.effectiveTotal)} for ${w.tag.replace('_', ' ')}`).join(', ');
    // far below the 10 comments: the few high-score ones carry the weight, which is why the interval is so wide
    expect(report.scoreWeightedShares.every((w) => w.effectiveTotal < report.counts.tagged)).toBe(true);
    const note = `Score-weighted shares count each comment max(1, its score at fetch) times; their intervals use effective sample sizes (Kish's, allowing for threads as above: ${sizes}), since a few high-score comments carry most of the weight.`;
    expect(renderMarkdown(report)).toContain(note);
    expect(renderHtml(report)).toContain(note.replace("'", '&#39;'));
    // nothing tagged: the column shows dashes, and there is nothing to explain
    expect(renderMarkdown(buildReport(buildFixtureInput({ tags: new Map(), labels: new Map() })))).not.toContain('Score-weighted shares count');
  });

  it('records the tagger version with each trend point and says which dates another version produced', () => {
    const first = buildReport(buildFixtureInput());
    expect(first.trend[0]?.tagger).toBe(first.tagger);
    expect(renderMarkdown(first)).not.toMatch(/Not all points/);
    const point = first.trend[0]!;
    const history = [
      { ...point, date: '2025-12-13', tagger: undefined },
      { ...point, date: '2025-12-14', tagger: 'lex8-old' },
      { ...point, date: '2025-12-15', tagger: 'lex8-old' },
      { ...point, date: '2025-12-16', tagger: first.tagger },
      { ...point, date: '2025-12-17', tagger: 'lex8-old' },
    ];
    const report = buildReport(buildFixtureInput({ history }));
    expect(describeTaggerChanges(report.trend, report.tagger)).toEqual([
      { from: '2025-12-13', to: '2025-12-13', tagger: null },
      { from: '2025-12-14', to: '2025-12-15', tagger: 'lex8-old' },
      { from: '2025-12-17', to: '2025-12-17', tagger: 'lex8-old' },
    ]);
    const note = /Not all points come from tagger .*2025-12-13: a tagger version not recorded; 2025-12-14 to 2025-12-15: lex8-old; 2025-12-17: lex8-old/;
    expect(renderMarkdown(report)).toMatch(note);
    expect(renderHtml(report)).toMatch(note);
    expect(JSON.parse(renderJson(report)).trend.map((p: { tagger?: string }) => p.tagger ?? null)).toEqual([null, 'lex8-old', 'lex8-old', report.tagger, 'lex8-old', report.tagger]);
  });
});
