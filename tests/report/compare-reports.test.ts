import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvent } from '../../src/events/load-events.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportInput } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { renderComparison } from '../../src/report/render-comparison.js';
import type { EventConfig, TagResult } from '../../src/types.js';
import { makeComment, makeTags, makeThread } from './report-fixture.js';

const EVENTS_DIR = join(import.meta.dirname, '..', '..', 'events');

/** n comments of which `cynical` carry the cynicism tag, for one bundled event. */
function buildEventInput(event: EventConfig, n: number, cynical: number): ReportInput {
  const thread = makeThread(`${event.id.slice(0, 6)}t`, event.subreddits[0] ?? 'stocks', event.title);
  const screened: ReportInput['screened'] = [];
  const tags = new Map<string, TagResult>();
  for (let i = 0; i < n; i++) {
    const body = i < cynical ? `Circular financing at ${event.id}, number ${i} of this cycle.` : `Reasonable deal for both sides, comment ${i} here.`;
    const comment = makeComment(`${event.id}-${i}`, thread, body, { score: i % 7 === 0 ? 200 : 3 });
    screened.push({ comment, excluded: null });
    tags.set(comment.id, makeTags(comment, i < cynical ? { cynicism: { score: 0.9, cues: ['circular financing'] } } : {}));
  }
  return { event, threads: [thread], screened, tags, labels: new Map(), tagger: 'tagger-test-1', runs: [], options: { withAuthors: false } };
}

describe('compareReports on the two bundled events', () => {
  const nvidia = loadEvent(EVENTS_DIR, 'nvidia-openai-2025-09');
  const amazon = loadEvent(EVENTS_DIR, 'amazon-openai-2025-12');

  it('puts shares side by side with intervals, difference and a significance test', () => {
    const c = compareReports([buildReport(buildEventInput(nvidia, 200, 40)), buildReport(buildEventInput(amazon, 200, 70))]);
    expect(c.events.map((e) => e.id)).toEqual(['nvidia-openai-2025-09', 'amazon-openai-2025-12']);
    expect(c.events.map((e) => e.counts.analysed)).toEqual([200, 200]);
    const cynicism = c.tags.find((t) => t.tag === 'cynicism')!;
    expect(cynicism.shares.map((s) => s.share)).toEqual([0.2, 0.35]);
    for (const s of cynicism.shares) expect(s.ci95!.low).toBeLessThan(s.share!);
    expect(cynicism.differences).toHaveLength(1);
    expect(cynicism.differences[0]).toMatchObject({ from: 'nvidia-openai-2025-09', to: 'amazon-openai-2025-12', difference: 0.15, significant: true });
    expect(cynicism.topQuotes.map((q) => q.quote?.primaryTag)).toEqual(['cynicism', 'cynicism']);
    const distrust = c.tags.find((t) => t.tag === 'distrust')!;
    expect(distrust.differences[0]?.significant).toBe(false);
    expect(distrust.topQuotes.map((q) => q.quote)).toEqual([null, null]);
  });

  it('an event with no comments reads n/a, not a 0% share and a "+0.0 pts" difference', () => {
    const c = compareReports([buildReport(buildEventInput(nvidia, 200, 40)), buildReport(buildEventInput(amazon, 0, 0))]);
    const md = renderComparison(c, 'md');
    const row = md.split('\n').find((l) => l.startsWith('| Cynicism'))!;
    expect(row).toContain('n/a (no comments)');
    expect(row).not.toMatch(/pts/);
    expect(row).toMatch(/\| n\/a \| n\/a \| n\/a \|$/);
    // a difference of shares shown rounded can be 0.1 off their rounded difference: the footnote says which it is
    expect(md).toContain('in percentage points, computed before rounding (so it can differ by 0.1 from the shares as shown)');
  });

  it('an event with no comments has null share and difference in JSON and empty cells in CSV', () => {
    const c = compareReports([buildReport(buildEventInput(amazon, 200, 40)), buildReport(buildEventInput(nvidia, 0, 0))]);
    const json = JSON.parse(renderComparison(c, 'json')) as typeof c;
    const cynicism = json.tags.find((t) => t.tag === 'cynicism')!;
    expect(cynicism.shares[1]).toEqual({ eventId: 'nvidia-openai-2025-09', share: null, ci95: null, count: 0, total: 0, effectiveTotal: 0 });
    expect(cynicism.differences[0]).toEqual({ from: 'amazon-openai-2025-12', to: 'nvidia-openai-2025-09', difference: null, z: null, pValue: null, significant: null, pValueHolm: null });
    const csv = renderComparison(c, 'csv').split('\r\n');
    expect(csv).toContain('cynicism,nvidia-openai-2025-09,comment,,,,0,0,,,,nvidia-openai-2025-09 minus amazon-openai-2025-12,true,,,,0');
    for (const weight of ['comment', 'score'] as const) {
      const byWeight = compareReports([buildReport(buildEventInput(amazon, 200, 40)), buildReport(buildEventInput(nvidia, 0, 0))], weight);
      expect(byWeight.tags.every((t) => t.shares[1]?.share === null && t.differences[0]?.pValue === null)).toBe(true);
    }
  });

  it('an event the store holds nothing for says "no data" in every format, not "data as of" its window end', () => {
    const empty: ReportInput = { ...buildEventInput(nvidia, 0, 0), threads: [] };
    const c = compareReports([buildReport(buildEventInput(amazon, 200, 40)), buildReport(empty)]);
    const md = renderComparison(c, 'md');
    const line = md.split('\n').find((l) => l.startsWith('- **nvidia-openai-2025-09**'))!;
    expect(line).toContain('**no data** (the store holds no threads or comments for this event)');
    expect(line).not.toMatch(/data as of/);
    expect(md).not.toContain('2025-10-06'); // the window end, which read as a data date
    expect(md.split('\n').find((l) => l.startsWith('| Cynicism'))).toContain('| n/a (no data) |');
    expect(md).toContain('_nvidia-openai-2025-09: no data._');
    expect(md).toMatch(/- \*\*amazon-openai-2025-12\*\* — .*: 200 tagged of 200 analysed comments in 1 thread \(data as of \d{4}-\d\d-\d\d\)/);
    const json = JSON.parse(renderComparison(c, 'json')) as typeof c;
    expect(json.events.map((e) => [e.id, e.hasData, e.date === null])).toEqual([
      ['amazon-openai-2025-12', true, false],
      ['nvidia-openai-2025-09', false, true],
    ]);
    const csv = renderComparison(c, 'csv').split('\r\n');
    expect(csv[0]).toMatch(/,difference_direction,has_data,effective_total,p_value_note,p_value_holm,tests_in_comparison$/);
    expect(csv.find((l) => l.startsWith('cynicism,amazon-openai-2025-12,'))).toMatch(/^cynicism,amazon-openai-2025-12,comment,0\.2,[\d.]+,[\d.]+,40,200,,,,,true,[\d.]+,,,0$/);
    expect(csv).toContain('cynicism,nvidia-openai-2025-09,comment,,,,0,0,,,,nvidia-openai-2025-09 minus amazon-openai-2025-12,false,,,,0');
  });

  it('counts in the Markdown agree with their number: "1 analysed comment in 1 thread", "200 analysed comments in 2 threads"', () => {
    const two = buildEventInput(amazon, 200, 70);
    two.threads.push({ ...two.threads[0]!, id: 'second' });
    two.screened = two.screened.map((s, i) => (i % 2 === 0 ? s : { ...s, comment: { ...s.comment, threadId: 'second' } }));
    const md = renderComparison(compareReports([buildReport(buildEventInput(nvidia, 1, 1)), buildReport(two)]), 'md');
    expect(md).toMatch(/- \*\*nvidia-openai-2025-09\*\* — .*: 1 tagged of 1 analysed comment in 1 thread \(data as of/);
    expect(md).toMatch(/- \*\*amazon-openai-2025-12\*\* — .*: 200 tagged of 200 analysed comments in 2 threads \(data as of/);
  });

  it('says which way the difference goes in every format', () => {
    const c = compareReports([buildReport(buildEventInput(nvidia, 200, 40)), buildReport(buildEventInput(amazon, 200, 70))]);
    expect(c.differenceDirection).toBe(
      'share of `to` minus share of `from`, where `to` is the second event of the pair and `from` the first, in the order the events were given on the command line (not by date), as a proportion',
    );
    const md = renderComparison(c, 'md');
    expect(md).toContain('| Difference (amazon-openai-2025-12 − nvidia-openai-2025-09) |');
    expect(md).toContain("Difference is the second event's share minus the first's (of each pair, in the order the events were given on the command line, not by date)");
    // "later" read as later in time, the opposite of the pair's order when events are named newest first
    expect(md).not.toMatch(/later event|earlier one/);
    const csv = renderComparison(c, 'csv').split('\r\n');
    expect(csv[0]).toMatch(/,difference_direction,has_data,effective_total,p_value_note,p_value_holm,tests_in_comparison$/);
    expect(csv[2]).toMatch(/,0\.15,[^,]+,true,amazon-openai-2025-12 minus nvidia-openai-2025-09,true,[\d.]+,,[\d.]+,3$/);
  });

  it('does not call a small difference significant', () => {
    const c = compareReports([buildReport(buildEventInput(nvidia, 50, 10)), buildReport(buildEventInput(amazon, 50, 13))]);
    expect(c.tags[0]?.differences[0]?.significant).toBe(false);
  });

  it('tests on thread-clustered sizes: the same counts spread over threads that disagree are not significant', () => {
    // 20% against 35% of 200 comments is significant when the comments are independent (one thread each) ...
    const independent = compareReports([buildReport(buildEventInput(nvidia, 200, 40)), buildReport(buildEventInput(amazon, 200, 70))]);
    expect(independent.tags[0]!.differences[0]!.significant).toBe(true);
    // ... but not when each event's comments come from two threads that disagree (all or nothing)
    const splitThreads = (input: ReportInput): ReportInput => {
      const [a] = input.threads;
      const b = { ...a!, id: `${a!.id}-b` };
      const cynicalIds = new Set([...input.tags].filter(([, t]) => t.tags.cynicism.label).map(([id]) => id));
      // the cynical comments in thread a with as many others, the rest in thread b
      let others = cynicalIds.size;
      const screened = input.screened.map((s) => {
        if (cynicalIds.has(s.comment.id)) return s;
        if (others-- > 0) return s;
        return { ...s, comment: { ...s.comment, threadId: b.id } };
      });
      return { ...input, threads: [a!, b], screened };
    };
    const clustered = compareReports([buildReport(splitThreads(buildEventInput(nvidia, 200, 40))), buildReport(splitThreads(buildEventInput(amazon, 200, 70)))]);
    const [before, after] = [independent.tags[0]!, clustered.tags[0]!];
    expect(after.shares.map((x) => [x.share, x.count, x.total])).toEqual(before.shares.map((x) => [x.share, x.count, x.total]));
    expect(after.shares.every((x) => x.effectiveTotal < 20)).toBe(true);
    expect(after.differences[0]!.difference).toBe(before.differences[0]!.difference);
    // (so few effective comments that the z-test is not even run: see the small-samples test)
    expect(after.differences[0]!.significant).not.toBe(true);
    // one thread each: the likeness cannot be measured, and the comparison says so; two each: it is measured
    expect(independent.singleThreadEvents).toEqual(['nvidia-openai-2025-09', 'amazon-openai-2025-12']);
    expect(renderComparison(independent, 'md')).toContain('_Warning: amazon-openai-2025-12 has all its tagged comments in one thread: how alike they are cannot be measured');
    expect(clustered.singleThreadEvents).toEqual([]);
    expect(renderComparison(clustered, 'md')).not.toContain('in one thread');
  });

  it('gives no p-value or verdict where an expected count is below 5, in every format: 2 of 3 is not "significant" against 34 of 546', () => {
    // the z-test said p < 0.0001, significant; Fisher's exact test gives about 0.012, so the z-test is far off here
    const c = compareReports([buildReport(buildEventInput(nvidia, 3, 2)), buildReport(buildEventInput(amazon, 546, 34))]);
    const d = c.tags.find((t) => t.tag === 'cynicism')!.differences[0]!;
    expect(d).toMatchObject({ z: null, pValue: null, significant: null, untestedReason: expect.stringMatching(/^expected count 0\.2 < 5: too few comments for the z-test$/) });
    expect(d.difference).toBeCloseTo(34 / 546 - 2 / 3, 6);
    expect((JSON.parse(renderComparison(c, 'json')) as typeof c).tags[0]!.differences[0]).toEqual(d);
    const row = renderComparison(c, 'md').split('\n').find((l) => l.startsWith('| Cynicism'))!;
    expect(row).toMatch(/ pts \| n\/a \(too few: expected count < 5\) \| n\/a \| n\/a \|$/);
    expect(renderComparison(c, 'md')).toContain('Where an expected count');
    const csv = renderComparison(c, 'csv').split('\r\n');
    const csvRow = csv.find((l) => l.startsWith('cynicism,amazon-openai-2025-12,'))!;
    expect(csvRow).toMatch(/,-0\.604396,,,amazon-openai-2025-12 minus nvidia-openai-2025-09,true,546,expected count 0\.2 < 5: too few comments for the z-test,,\d$/);
    // a pair with enough comments is tested as before, with an empty note
    const big = compareReports([buildReport(buildEventInput(nvidia, 200, 40)), buildReport(buildEventInput(amazon, 200, 70))]);
    expect(big.tags[0]!.differences[0]).not.toHaveProperty('untestedReason');
    expect(renderComparison(big, 'csv').split('\r\n')[2]).toMatch(/,true,[\d.]+,,[\d.]+,3$/);
  });

  it('weights by score when asked, using effective sample sizes', () => {
    const reports = [buildReport(buildEventInput(nvidia, 200, 40)), buildReport(buildEventInput(amazon, 200, 70))];
    const byScore = compareReports(reports, 'score');
    expect(byScore.weight).toBe('score');
    const s = byScore.tags[0]!.shares[0]!;
    expect(s.total).toBeLessThan(200);
    expect(s.share).not.toBe(0.2);
    // a reader of the Markdown alone learns what the weight is and why the sizes are so small
    const md = renderComparison(byScore, 'md');
    expect(md).toContain("each comment counts max(1, its score at fetch) times, and the effective sample sizes start from Kish's");
    expect(renderComparison(compareReports(reports), 'md')).not.toContain('Kish');
  });

  it('renders Markdown, JSON and CSV', () => {
    const c = compareReports([buildReport(buildEventInput(nvidia, 200, 40)), buildReport(buildEventInput(amazon, 200, 70))]);
    const md = renderComparison(c, 'md');
    expect(md).toContain('| Cynicism | 20.0% (');
    expect(md).toContain('+15.0 pts');
    expect(JSON.parse(renderComparison(c, 'json'))).toEqual(c);
    expect(renderComparison(c, 'csv').split('\r\n')[1]).toMatch(/^cynicism,nvidia-openai-2025-09,comment,0\.2,/);
  });
});

describe('compare CSV with three events', () => {
  const events = ['nvidia-openai-2025-09', 'amazon-openai-2025-12'].map((id) => loadEvent(EVENTS_DIR, id));
  // a third event: the bundled nvidia config under another id
  const third: EventConfig = { ...events[0]!, id: 'third-event' };

  it('has the difference of every pair, as the Markdown does, not only against the first event', () => {
    const c = compareReports([
      buildReport(buildEventInput(events[0]!, 200, 40)),
      buildReport(buildEventInput(events[1]!, 200, 70)),
      buildReport(buildEventInput(third, 200, 100)),
    ]);
    const md = renderComparison(c, 'md');
    const mdRow = md.split('\n').find((l) => l.startsWith('| Cynicism'))!;
    expect(mdRow).toContain('third-event − amazon-openai-2025-12: +15.0 pts');
    const rows = renderComparison(c, 'csv').split('\r\n').filter((l) => l.startsWith('cynicism,'));
    const pairs = rows.map((l) => /,([^,]* minus [^,]*),(true|false),[^,]*,[^,]*,[^,]*,[^,]*$/.exec(l)?.[1] ?? null);
    expect(pairs).toEqual([
      null,
      'amazon-openai-2025-12 minus nvidia-openai-2025-09',
      'third-event minus nvidia-openai-2025-09',
      'third-event minus amazon-openai-2025-12',
    ]);
    // every pair's difference and p-value agree with the JSON (and so with the Markdown)
    const cynicism = c.tags.find((t) => t.tag === 'cynicism')!;
    for (const d of cynicism.differences) {
      const row = rows.find((l) => l.includes(`,${d.to} minus ${d.from},`))!;
      expect(row.split(',').slice(8, 10)).toEqual([String(d.difference), String(d.pValue)]);
    }
  });
});
