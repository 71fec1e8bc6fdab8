import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvent } from '../../src/events/load-events.js';
import { adjustPValuesHolm } from '../../src/report/adjust-p-values-holm.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportInput } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { renderComparison } from '../../src/report/render-comparison.js';
import type { EventConfig, TagResult } from '../../src/types.js';
import { makeComment, makeTags, makeThread } from './report-fixture.js';

const EVENTS_DIR = join(import.meta.dirname, '..', '..', 'events');

/** n comments of one thread, of which `cynical` carry the cynicism tag and every fifth the distrust tag. */
function buildEventInput(event: EventConfig, n: number, cynical: number): ReportInput {
  const thread = makeThread(`${event.id.slice(0, 6)}t`, 'stocks', event.title);
  const screened: ReportInput['screened'] = [];
  const tags = new Map<string, TagResult>();
  for (let i = 0; i < n; i++) {
    const comment = makeComment(`${event.id}-${i}`, thread, `Circular financing, and cooking the books, comment ${i} on ${event.id}.`, { score: 3 });
    screened.push({ comment, excluded: null });
    tags.set(
      comment.id,
      makeTags(comment, {
        ...(i < cynical ? { cynicism: { score: 0.9, cues: ['circular financing'] } } : {}),
        ...(i % 5 === 0 ? { distrust: { score: 0.9, cues: ['cooking the books'] } } : {}),
      }),
    );
  }
  return { event, threads: [thread], screened, tags, labels: new Map(), tagger: 'tagger-test-1', runs: [], options: { withAuthors: false } };
}

describe('adjustPValuesHolm', () => {
  it('multiplies the i-th smallest of m by m − i + 1, never below the one before, capped at 1, in the input order', () => {
    // sorted 0.01, 0.02, 0.03, 0.5: × 4, 3, 2, 1 → 0.04, 0.06, 0.06 (kept at least 0.06), 0.5
    const adjusted = adjustPValuesHolm([0.03, 0.5, 0.01, 0.02]);
    expect(adjusted.map((p) => (p === null ? null : Number(p.toFixed(6))))).toEqual([0.06, 0.5, 0.04, 0.06]);
    expect(adjustPValuesHolm([0.4, 0.6])).toEqual([0.8, 0.8]);
    expect(adjustPValuesHolm([0.9, 0.8])).toEqual([1, 1]);
  });

  it('leaves out the tests without a p-value: they are not in the family and stay null', () => {
    expect(adjustPValuesHolm([null, 0.01, null, 0.04])).toEqual([null, 0.02, null, 0.04]);
    expect(adjustPValuesHolm([null])).toEqual([null]);
    expect(adjustPValuesHolm([])).toEqual([]);
  });
});

describe('compare says how many tests its table holds', () => {
  const events = ['nvidia-openai-2025-09', 'amazon-openai-2025-12'].map((id) => loadEvent(EVENTS_DIR, id));
  const third: EventConfig = { ...events[0]!, id: 'third-event' };
  const compareThree = () =>
    compareReports([
      buildReport(buildEventInput(events[0]!, 200, 40)),
      buildReport(buildEventInput(events[1]!, 200, 70)),
      buildReport(buildEventInput(third, 200, 100)),
    ]);

  it('counts every p-value of the table (3 tags × every pair) and gives each a Holm-adjusted one, in the JSON', () => {
    const c = compareThree();
    const differences = c.tags.flatMap((t) => t.differences);
    const tested = differences.filter((d) => d.pValue !== null);
    // bubble caution is tagged nowhere: both 0%, p = 1, still a test the table holds
    expect(differences).toHaveLength(9);
    expect(tested).toHaveLength(9);
    expect(c.multipleComparisons).toMatchObject({ tests: 9, pairs: 3, adjustment: 'holm' });
    expect(c.multipleComparisons.note).toContain('This comparison holds 9 two-proportion tests (3 tags × 3 pairs of events)');
    expect(c.multipleComparisons.note).toContain('about one test in twenty reads as significant where there is no real difference');
    // the adjustment runs over the whole table, not tag by tag
    const expected = adjustPValuesHolm(differences.map((d) => d.pValue));
    differences.forEach((d, i) => expect(d.pValueHolm).toBeCloseTo(expected[i]!, 5));
    for (const d of tested) expect(d.pValueHolm!).toBeGreaterThanOrEqual(d.pValue!);
    // the existing fields keep their meaning: the unadjusted p-value and its 5% verdict
    const cynicism = c.tags.find((t) => t.tag === 'cynicism')!.differences[0]!;
    expect(cynicism.significant).toBe(cynicism.pValue! < 0.05);
    const json = JSON.parse(renderComparison(c, 'json')) as typeof c;
    expect(json.multipleComparisons).toEqual(c.multipleComparisons);
  });

  it('says so under the Markdown table, with a Holm-adjusted p column after the existing ones', () => {
    const c = compareThree();
    const md = renderComparison(c, 'md');
    expect(md).toContain('| Difference | p-value | Significant (5%) | Holm-adjusted p |');
    expect(md).toContain('This comparison holds 9 two-proportion tests (3 tags × 3 pairs of events).');
    expect(md).toContain('The Holm-adjusted p-value allows for all 9 tests together');
    const row = md.split('\n').find((l) => l.startsWith('| Cynicism'))!;
    const holm = c.tags.find((t) => t.tag === 'cynicism')!.differences.map((d) => (d.pValueHolm! < 0.001 ? '<0.001' : d.pValueHolm!.toFixed(3)));
    expect(row.endsWith(` | ${holm.join('; ')} |`)).toBe(true);
  });

  it('adds the adjusted p-value and the number of tests as the last CSV columns, the earlier ones unchanged', () => {
    const c = compareThree();
    const lines = renderComparison(c, 'csv').split('\r\n');
    expect(lines[0]).toBe(
      'tag,event,weight,share,ci95_low,ci95_high,count,total,difference_vs_first,p_value_vs_first,significant_vs_first,difference_direction,has_data,effective_total,p_value_note,p_value_holm,tests_in_comparison',
    );
    for (const d of c.tags.find((t) => t.tag === 'cynicism')!.differences) {
      const cells = lines.find((l) => l.startsWith('cynicism,') && l.includes(`,${d.to} minus ${d.from},`))!.split(',');
      expect(cells.slice(9, 10)).toEqual([String(d.pValue)]);
      expect(cells.slice(-2)).toEqual([String(d.pValueHolm), '9']);
    }
  });

  it('leaves a withheld test out of the count and says so', () => {
    // 2 of 3 against 34 of 546: the cynicism test is withheld (expected count below 5)
    const c = compareReports([buildReport(buildEventInput(events[0]!, 3, 2)), buildReport(buildEventInput(events[1]!, 546, 34))]);
    const withheld = c.tags.flatMap((t) => t.differences).filter((d) => d.pValue === null);
    expect(withheld.length).toBeGreaterThan(0);
    for (const d of withheld) expect(d.pValueHolm).toBeNull();
    expect(c.multipleComparisons.tests).toBe(3 - withheld.length);
    expect(c.multipleComparisons.note).toContain(`less ${withheld.length} without a p-value`);
  });
});
