import { describeFewThreadSubreddits, describeIntervalMethodChange, describeIntervals, describeScoreWeighting, describeSingleThreadSubreddits, describeThreadIntervals } from './describe-intervals.js';
import { EXCLUSION_REASONS, TAG_NAMES } from '../types.js';
import { formatCorrectionChanges } from './describe-correction-changes.js';
import { formatRunStatuses } from './describe-run-statuses.js';
import { formatTaggerChanges } from './describe-tagger-changes.js';
import { escapeHtml } from './escape-html.js';
import {
  describeExclusion,
  TAG_LABELS,
  formatCount,
  formatInterval,
  formatPercent,
  formatProbability,
  formatUtcDateTime,
  formatUtcDay,
  NO_TAGGED_COMMENTS,
  SHARES_OVERLAP,
  TREND_IS_CUMULATIVE,
  describeOverrides,
  describeUntagged,
  pluralise,
} from './format-values.js';
import type { ReportQuote } from './pick-quotes.js';
import { describeNoQuotes, describeThreadActivity, describeUnconfirmed } from './render-markdown.js';
import type { Report, TrendPoint } from './report.js';
import { TAG_COLOURS, isMeasuredNight, renderShareChart, renderSubredditChart, renderTrendChart } from './render-svg-charts.js';
import { toSafeUrl } from './to-safe-url.js';

// No scripts, no external anything: the CSP forbids both, so even a missed
// escape could not run code or phone home; charts are inline SVG.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Why a quote can show up twice on the page. */
const BY_TAG_NOTE = 'Each tag’s own top quotes, picked on their own: a comment can also be among the highlights above, or under two tags when it carries both.';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:880px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.lede{color:#444}.lede,li,.foot{overflow-wrap:anywhere}.quote{margin:1.4rem 0;padding:.8rem 1rem;border-left:4px solid #999;background:#fafafa}
.quote blockquote{margin:0;font-size:1.1rem;white-space:pre-line;overflow-wrap:anywhere;unicode-bidi:isolate}
.quote .meta{font-size:.85rem;color:#555;margin-top:.4rem;overflow-wrap:anywhere}.gloss{font-size:.9rem;margin-top:.3rem}
.tag{display:inline-block;border-radius:3px;padding:0 .35rem;color:#fff;font-size:.75rem;margin-right:.3rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}td,th{border-bottom:1px solid #e5e5e5;padding:.25rem .6rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.chart{max-width:100%;height:auto;display:block;margin:.6rem 0}
.foot{font-size:.8rem;color:#666;margin-top:2rem}a{color:#1d4ed8}
`;

/** A self-contained HTML report: quotes, numbers, and inline SVG charts. */
export function renderHtml(report: Report): string {
  const { counts } = report;
  const exclusions = EXCLUSION_REASONS.filter((r) => counts.excludedByReason[r] > 0)
    .map((r) => describeExclusion(r, counts.excludedByReason[r]))
    .join(', ');
  const body: string[] = [];
  body.push(
    `<header><h1>Social media reaction</h1><p class="lede"><strong>${escapeHtml(report.event.title)}</strong> — how Reddit reacted, ${formatUtcDay(report.event.window.from)} to ${formatUtcDay(report.event.window.to)} (UTC).</p>`,
    `<p>Based on ${pluralise(counts.analysed, 'comment')} analysed in ${pluralise(counts.threads, 'thread')} across ${pluralise(counts.subreddits, 'subreddit')}${counts.excluded > 0 ? `; ${pluralise(counts.excluded, 'comment')} left out (${escapeHtml(exclusions)})` : ''}.</p></header>`,
  );
  body.push('<section id="quotes"><h2>Quote highlights</h2>');
  if (counts.unconfirmed > 0) body.push(`<p class="foot">${escapeHtml(describeUnconfirmed(counts.unconfirmed))}</p>`);
  if (report.quotes.highlights.length === 0) body.push(`<p>${escapeHtml(describeNoQuotes(counts.unconfirmed))}</p>`);
  for (const quote of report.quotes.highlights) body.push(renderQuote(quote));
  body.push('</section>');

  body.push('<section id="numbers"><h2>What the numbers say</h2>', renderShareChart(report.shares));
  body.push('<table><thead><tr><th>Tag</th><th>Share</th><th>95% interval</th><th>Comments</th><th>Score-weighted (95% interval)</th></tr></thead><tbody>');
  for (const s of report.shares) {
    const w = report.scoreWeightedShares.find((x) => x.tag === s.tag);
    body.push(
      s.total === 0
        ? `<tr><td>${TAG_LABELS[s.tag]}</td><td class="n">—</td><td class="n">—</td><td class="n">0 of 0</td><td class="n">—</td></tr>`
        : `<tr><td>${TAG_LABELS[s.tag]}</td><td class="n">${formatPercent(s.share)}</td><td class="n">${formatInterval(s.ci95)}</td><td class="n">${formatCount(s.count)} of ${formatCount(s.total)}</td><td class="n">${w === undefined ? '—' : `${formatPercent(w.share)} (${formatInterval(w.ci95)})`}</td></tr>`,
    );
  }
  body.push('</tbody></table>');
  if (report.shares.every((sh) => sh.total === 0)) body.push(`<p class="note">${NO_TAGGED_COMMENTS}</p>`);
  const cueItems = TAG_NAMES.filter((t) => report.topCues[t].length > 0).map(
    (t) => `<li>${TAG_LABELS[t]}: ${report.topCues[t].map((c) => `“${escapeHtml(c.phrase)}” (${formatCount(c.comments)})`).join(', ')}</li>`,
  );
  if (cueItems.length > 0) body.push('<h3>Top cue phrases</h3><ul>', ...cueItems, '</ul>');
  body.push('</section>');

  const singleThread = describeSingleThreadSubreddits(report.subreddits);
  const fewThreads = describeFewThreadSubreddits(report.subreddits);
  body.push(
    '<section id="subreddits"><h2>By subreddit</h2>',
    renderSubredditChart(report.subreddits),
    singleThread === '' ? '' : `<p class="foot">${escapeHtml(singleThread)}</p>`,
    ...(fewThreads === '' ? [] : [`<p class="foot">${escapeHtml(fewThreads)}</p>`]),
    '</section>',
  );
  const runStatuses = formatRunStatuses(report.trend);
  const taggerChanges = formatTaggerChanges(report.trend, report.tagger);
  const correctionChanges = formatCorrectionChanges(report.trend);
  const methodChange = describeIntervalMethodChange(report.trend);
  body.push(
    '<section id="trend"><h2>Trend across nightly runs</h2>',
    // one night is no trend: its shares would stack on one vertical line and hide each other (the Markdown waits too)
    measuredNights(report.trend) > 1
      ? `${renderTrendChart(report.trend)}<p class="foot">${escapeHtml(TREND_IS_CUMULATIVE)}</p>`
      : `<p class="foot">${measuredNights(report.trend) === 1 ? 'One night so far' : 'No night measured yet'}: the trend chart starts with the second.</p>`,
    ...[
      runStatuses === '' || measuredNights(report.trend) <= 1 ? runStatuses : `${runStatuses} On the chart their points are drawn hollow.`,
      taggerChanges,
      correctionChanges,
      methodChange,
    ]
      .filter((note) => note !== '')
      .map((note) => `<p class="foot">${escapeHtml(note)}</p>`),
    '</section>',
  );

  if (report.threads.length > 0) {
    body.push('<section id="threads"><h2>Most active threads</h2><ol>');
    for (const t of report.threads) {
      body.push(`<li>${renderLink(t.title === '' ? t.id : t.title, t.permalink)} — r/${escapeHtml(t.subreddit)}, ${escapeHtml(describeThreadActivity(t))}</li>`);
    }
    body.push('</ol>');
    const threadIntervals = describeThreadIntervals(report.threads);
    if (threadIntervals !== '') body.push(`<p class="foot">${escapeHtml(threadIntervals)}</p>`);
    body.push('</section>');
  }

  body.push('<section id="by-tag"><h2>Quotes by tag</h2>');
  body.push(`<p class="foot">${escapeHtml(BY_TAG_NOTE)}</p>`);
  for (const tag of TAG_NAMES) {
    body.push(`<h3>${TAG_LABELS[tag]}</h3>`);
    const quotes = report.quotes.byTag[tag];
    if (quotes.length === 0) body.push('<p>None.</p>');
    for (const quote of quotes) body.push(renderQuote(quote));
  }
  body.push('</section>');

  const weighting = describeScoreWeighting(report.scoreWeightedShares);
  body.push(
    `<p class="foot">Shares are of ${pluralise(counts.tagged, 'tagged comment')}${counts.untagged > 0 ? ` ${escapeHtml(describeUntagged(counts))}` : ''}${escapeHtml(describeOverrides(counts.overrides))}; ${escapeHtml(describeIntervals(report.shares))}. ${escapeHtml(SHARES_OVERLAP)}${weighting === '' ? '' : ` ${escapeHtml(weighting)}.`} Glosses are our paraphrase, built from the phrases the tagger matched in the quoted text. Deleted, removed, bot and AutoModerator comments are never counted or quoted. Tagger ${escapeHtml(report.tagger)}; data as of ${formatUtcDateTime(report.asOf)}; event config ${escapeHtml(report.event.configHash.slice(0, 12))}.</p>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`Reddit reaction: ${report.event.title}`)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

function renderQuote(quote: ReportQuote): string {
  // a badge per tag the comment carries, as the shares count it: a score over the tag's threshold (below one half) or a
  // human correction, not a fixed 0.5 that would drop tags the other formats and the shares give it
  const tags = TAG_NAMES.filter((t) => quote.labels[t] || t === quote.primaryTag)
    .map((t) => `<span class="tag" style="background:${TAG_COLOURS[t]}">${TAG_LABELS[t]} ${escapeHtml(formatProbability(quote.tags[t]))}</span>`)
    .join('');
  const meta = [
    renderLink(quote.attribution, quote.permalink),
    quote.threadTitle === '' ? null : `in “${escapeHtml(quote.threadTitle)}”`,
    formatUtcDateTime(quote.createdUtc),
    `score ${formatCount(quote.score)} at fetch`,
    quote.author === undefined ? null : `u/${escapeHtml(quote.author)}`,
  ].filter((x): x is string => x !== null);
  return `<figure class="quote" data-comment-id="${escapeHtml(quote.commentId)}" style="border-color:${TAG_COLOURS[quote.primaryTag]}"><blockquote dir="auto">${escapeHtml(quote.text)}</blockquote><figcaption><div class="meta">— ${meta.join(', ')}</div><div class="gloss">${tags}<em>Our paraphrase:</em> ${escapeHtml(quote.gloss)}</div></figcaption></figure>`;
}

function renderLink(label: string, href: string): string {
  const url = toSafeUrl(href);
  return url === '' ? escapeHtml(label) : `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

/** Nights with tagged comments (renderTrendChart draws only those). */
function measuredNights(trend: readonly TrendPoint[]): number {
  return trend.filter(isMeasuredNight).length;
}
