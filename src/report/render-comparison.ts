import type { Comparison } from './compare-reports.js';
import type { SharedThreads } from './count-shared-threads.js';
import { escapeMarkdownInline, formatMarkdownBlockquote } from './escape-markdown.js';
import { SHARES_OVERLAP, TAG_LABELS, formatCount, formatInterval, formatPercent, pluralise } from './format-values.js';
import { formatCell } from './render-csv.js';
import { renderLink } from './render-markdown.js';
import { MIN_EXPECTED_COUNT } from './two-proportion-test.js';

export type ComparisonFormat = 'md' | 'json' | 'csv';
export const COMPARISON_FORMATS: readonly ComparisonFormat[] = ['md', 'json', 'csv'];

/** The Markdown comparison's first line (the scrub tells a comparison from a report by it). */
export const COMPARISON_MD_HEADING = '## Reddit reaction compared';

export function renderComparison(comparison: Comparison, format: ComparisonFormat): string {
  if (format === 'json') return `${JSON.stringify(comparison, null, 2)}\n`;
  if (format === 'csv') return renderComparisonCsv(comparison);
  return renderComparisonMarkdown(comparison);
}

function renderComparisonMarkdown(c: Comparison): string {
  const out: string[] = [COMPARISON_MD_HEADING, ''];
  // a weighted share's effective size is Kish's, far below the comment count: without saying so its wide intervals and
  // withheld p-values would be a puzzle to a reader of the Markdown alone
  const unit =
    c.weight === 'score'
      ? "score-weighted share of comments (each comment counts max(1, its score at fetch) times, and the effective sample sizes start from Kish's, (Σw)²/Σw², since a few high-score comments carry most of the weight)"
      : 'share of comments';
  for (const e of c.events) {
    const head = `- **${escapeMarkdownInline(e.id)}** — ${escapeMarkdownInline(e.title)}: `;
    if (!e.hasData) out.push(`${head}**no data** (the store holds no threads or comments for this event)`);
    else out.push(`${head}${formatCount(e.counts.tagged)} tagged of ${pluralise(e.counts.analysed, 'analysed comment')} in ${pluralise(e.counts.threads, 'thread')} (data as of ${e.date})`);
  }
  const noData = new Set(c.events.filter((e) => !e.hasData).map((e) => e.id));
  out.push('');
  if (c.mixedTaggers) out.push('_Warning: the events were tagged by different tagger versions._', '');
  for (const shared of c.sharedThreads) out.push(`_Warning: ${escapeMarkdownInline(describeSharedThreads(shared))}_`, '');
  for (const id of c.singleThreadEvents) out.push(`_Warning: ${escapeMarkdownInline(describeSingleThread(id))}_`, '');
  for (const e of c.fewThreadEvents) out.push(`_Note: ${escapeMarkdownInline(describeFewThreads(e.id, e.threads))}_`, '');
  const pair = c.events.length === 2 ? ` (${escapeMarkdownInline(c.events[1]?.id ?? '')} − ${escapeMarkdownInline(c.events[0]?.id ?? '')})` : '';
  // the Holm column last, so the columns before it keep their places
  out.push(`| Tag | ${c.events.map((e) => escapeMarkdownInline(e.id)).join(' | ')} | Difference${pair} | p-value | Significant (5%) | Holm-adjusted p |`);
  out.push(`|---|${c.events.map(() => '---:').join('|')}|---:|---:|:---:|---:|`);
  for (const row of c.tags) {
    // an event with no comments has no share to compare: say so rather than print a 0% and a "+0.0 pts"
    const cells = row.shares.map((s) =>
      s.share === null || s.ci95 === null ? `n/a (${noData.has(s.eventId) ? 'no data' : 'no comments'})` : `${formatPercent(s.share)} (${formatInterval(s.ci95)})`,
    );
    const diffs = row.differences;
    const first = diffs[0];
    const points = (d: (typeof diffs)[number]): string => (d.difference === null ? 'n/a' : `${signed(d.difference)} pts`);
    const diff = diffs.length === 1 && first !== undefined ? points(first) : diffs.map((d) => `${escapeMarkdownInline(d.to)} − ${escapeMarkdownInline(d.from)}: ${points(d)}`).join('; ');
    // a p-value withheld because the samples are too small says so; a side without comments already does in its share cell
    const p = diffs
      .map((d) => (d.pValue === null ? (d.untestedReason === undefined ? 'n/a' : `n/a (too few: expected count < ${MIN_EXPECTED_COUNT})`) : formatPValue(d.pValue)))
      .join('; ');
    const sig = diffs.map((d) => (d.significant === null ? 'n/a' : d.significant ? 'yes' : 'no')).join('; ');
    const holm = diffs.map((d) => (d.pValueHolm === null ? 'n/a' : formatPValue(d.pValueHolm))).join('; ');
    out.push(`| ${TAG_LABELS[row.tag]} | ${cells.join(' | ')} | ${diff} | ${p} | ${sig} | ${holm} |`);
  }
  out.push('', `Shares are the ${unit} carrying each tag, with 95% Wilson intervals of sampling error only, on effective sample sizes that allow for comments of one thread being alike and for measuring that from few threads (not of the tagger's own errors). ${SHARES_OVERLAP} Difference is the second event's share minus the first's (of each pair, in the order the events were given on the command line, not by date), in percentage points, computed before rounding (so it can differ by 0.1 from the shares as shown); differences use a pooled two-proportion z-test on the same effective sizes, again of sampling error only. Where an expected count (the pooled share, or its complement, times either event's effective size) is below ${MIN_EXPECTED_COUNT} the z-test does not hold and would overstate significance, so no p-value or verdict is given (n/a). ${escapeMarkdownInline(c.multipleComparisons.note)}`, '');
  out.push('### Top quote per tag', '');
  for (const row of c.tags) {
    out.push(`#### ${TAG_LABELS[row.tag]}`, '');
    for (const { eventId, quote } of row.topQuotes) {
      if (quote === null) {
        out.push(`_${escapeMarkdownInline(eventId)}: ${noData.has(eventId) ? 'no data' : 'no quotable comment'}._`, '');
        continue;
      }
      out.push(formatMarkdownBlockquote(quote.text), '>', `> — ${renderLink(quote.attribution, quote.permalink)} (${escapeMarkdownInline(eventId)})`, '', `*Our paraphrase:* ${escapeMarkdownInline(quote.gloss)}`, '');
    }
  }
  return out.join('\n');
}

const COMPARISON_CSV_COLUMNS = ['tag', 'event', 'weight', 'share', 'ci95_low', 'ci95_high', 'count', 'total', 'difference_vs_first', 'p_value_vs_first', 'significant_vs_first', 'difference_direction', 'has_data', 'effective_total', 'p_value_note', 'p_value_holm', 'tests_in_comparison'];

/** Whether a CSV header is a comparison's (the scrub tells it from a report's, which quotes comments). */
export function isComparisonCsvHeader(fields: readonly string[]): boolean {
  return fields.length >= 4 && COMPARISON_CSV_COLUMNS.slice(0, 4).every((name, i) => fields[i] === name) && !fields.includes('comment_id');
}

/**
 * Every pair, as in the Markdown. One row per tag and event with its share and its difference against the first event,
 * as before (two events give the same rows, so readers of the `_vs_first` columns are not broken; `effective_total`,
 * `p_value_note`, `p_value_holm` and `tests_in_comparison` are last columns added since); from the third event on, one more row per other earlier event, its share repeated and the
 * difference against that event. The `difference_direction` cell ("<to> minus <from>") names the pair of each row's
 * difference.
 */
function renderComparisonCsv(c: Comparison): string {
  // difference_direction spells out the sign on every row that has a difference (a CSV has no other place for it);
  // has_data is false for an event the store holds nothing for, whose empty cells are not a measurement
  const lines = [COMPARISON_CSV_COLUMNS.join(',')];
  const hasData = new Map(c.events.map((e) => [e.id, e.hasData]));
  for (const row of c.tags) {
    row.shares.forEach((s, i) => {
      const earlier = i === 0 ? [undefined] : c.events.slice(0, i).map((e) => row.differences.find((x) => x.from === e.id && x.to === s.eventId));
      for (const d of earlier) {
        lines.push(
          [
            row.tag, s.eventId, c.weight, s.share, s.ci95?.low ?? null, s.ci95?.high ?? null, s.count, s.total,
            d?.difference ?? null, d?.pValue ?? null, d === undefined || d.significant === null ? null : String(d.significant),
            d === undefined ? null : `${d.to} minus ${d.from}`, String(hasData.get(s.eventId) === true),
            // last, so readers of the earlier columns by position are not broken
            s.share === null ? null : s.effectiveTotal,
            // why p_value and significant are empty on a row whose difference is given (samples too small)
            d?.untestedReason ?? null,
            // a CSV has no footnote: the adjusted p-value, and on every row how many tests it allows for
            d?.pValueHolm ?? null,
            c.multipleComparisons.tests,
          ]
            .map((v) => formatCell(v))
            .join(','),
        );
      }
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One line for stderr and the Markdown warning. */
export function describeSingleThread(eventId: string): string {
  return `${eventId} has all its tagged comments in one thread: how alike they are cannot be measured, so its intervals and the tests against it take them as independent, and its differences look more significant than they are.`;
}

/** The Markdown note on an event of few threads (see FEW_THREADS). */
export function describeFewThreads(eventId: string, threads: number): string {
  return `${eventId} has its tagged comments in only ${threads} threads: the allowance for comments of one thread being alike is measured from so few that it is itself rough, so read its intervals and the p-values and verdicts against it as indicative.`;
}

/** One line for stderr and the Markdown warning. */
export function describeSharedThreads(shared: SharedThreads): string {
  return `${shared.from} and ${shared.to} share ${pluralise(shared.threads, 'thread')} (${pluralise(shared.comments, 'analysed comment')} counted in both): the two-proportion test assumes independent samples, so their differences look more significant than they are.`;
}

function formatPValue(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

function signed(difference: number): string {
  const pts = difference * 100;
  return `${pts >= 0 ? '+' : '−'}${Math.abs(pts).toFixed(1)}`;
}
