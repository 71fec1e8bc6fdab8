import { describeFewThreadSubreddits, describeIntervals, describeScoreWeighting, describeSingleThreadSubreddits, describeThreadIntervals } from './describe-intervals.js';
import { EXCLUSION_REASONS, TAG_NAMES } from '../types.js';
import type { TagName } from '../types.js';
import { formatCorrectionChanges } from './describe-correction-changes.js';
import { formatRunStatuses, labelRunStatus } from './describe-run-statuses.js';
import { formatTaggerChanges } from './describe-tagger-changes.js';
import { escapeMarkdownInline, formatMarkdownBlockquote } from './escape-markdown.js';
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
import type { Report, ThreadActivity } from './report.js';
import { toSafeUrl } from './to-safe-url.js';

/**
 * An article-ready "Social media reaction" section. Every piece of Reddit
 * text goes through the escapers, so pasting it into a CMS cannot break the
 * structure (no stray headings, links, tables or HTML from a comment).
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const { counts } = report;
  out.push('## Social media reaction', '');
  out.push(
    `*${escapeMarkdownInline(report.event.title)}* — how Reddit reacted, ${formatUtcDay(report.event.window.from)} to ${formatUtcDay(report.event.window.to)} (UTC).`,
    '',
  );
  out.push(
    `Based on ${pluralise(counts.analysed, 'comment')} analysed in ${pluralise(counts.threads, 'thread')} across ${pluralise(counts.subreddits, 'subreddit')}${describeExclusions(report)}.`,
    '',
  );

  if (counts.unconfirmed > 0) out.push(`_${describeUnconfirmed(counts.unconfirmed)}_`, '');
  if (report.quotes.highlights.length > 0) {
    for (const quote of report.quotes.highlights) out.push(...renderQuote(quote), '');
  } else {
    out.push(`_${describeNoQuotes(counts.unconfirmed)}_`, '');
  }

  out.push('### What the numbers say', '');
  out.push('| Tag | Share of comments | 95% interval | Comments | Score-weighted share (95% interval) |', '|---|---:|---:|---:|---:|');
  for (const share of report.shares) {
    const weighted = report.scoreWeightedShares.find((w) => w.tag === share.tag);
    out.push(
      share.total === 0
        ? `| ${TAG_LABELS[share.tag]} | — | — | 0 of 0 | — |`
        : `| ${TAG_LABELS[share.tag]} | ${formatPercent(share.share)} | ${formatInterval(share.ci95)} | ${formatCount(share.count)} of ${formatCount(share.total)} | ${weighted === undefined ? '—' : `${formatPercent(weighted.share)} (${formatInterval(weighted.ci95)})`} |`,
    );
  }
  // "0.0%" of nothing would read as a measured absence of the stance
  if (report.shares.every((sh) => sh.total === 0)) out.push('', `_${NO_TAGGED_COMMENTS}_`);
  out.push('');

  const cueLines = TAG_NAMES.filter((t) => report.topCues[t].length > 0).map(
    (t) =>
      `- ${TAG_LABELS[t]}: ${report.topCues[t]
        .map((c) => `“${escapeMarkdownInline(c.phrase)}” (${formatCount(c.comments)})`)
        .join(', ')}`,
  );
  if (cueLines.length > 0) out.push('**Top cue phrases** (comments using each)', '', ...cueLines, '');

  if (report.threads.length > 0) {
    out.push('**Most active threads**', '');
    report.threads.forEach((t, i) => {
      out.push(
        `${i + 1}. ${renderLink(t.title === '' ? t.id : t.title, t.permalink)} — r/${escapeMarkdownInline(t.subreddit)}, ${describeThreadActivity(t)}`,
      );
    });
    out.push('');
    const threadIntervals = describeThreadIntervals(report.threads);
    if (threadIntervals !== '') out.push(escapeMarkdownInline(threadIntervals), '');
  }

  if (report.subreddits.length > 1) {
    out.push('**By subreddit**', '');
    // a subreddit's share often rests on a few dozen comments of one thread: the interval beside it says how little
    // "0.0%" of 32 comments pins down, as the JSON and the HTML chart do
    out.push(`| Subreddit | Analysed | Tagged | ${TAG_NAMES.map((t) => `${TAG_LABELS[t]} (95% interval)`).join(' | ')} |`);
    out.push(`|---|---:|---:|${TAG_NAMES.map(() => '---:').join('|')}|`);
    for (const s of report.subreddits) {
      // no tagged comment measured nothing: "0.0%" would read as the stance being absent there
      const cell = (t: TagName): string => (s.tagged > 0 ? `${formatPercent(s.shares[t].share)} (${formatInterval(s.shares[t].ci95)})` : '—');
      out.push(`| r/${escapeMarkdownInline(s.subreddit)} | ${formatCount(s.analysed)} | ${formatCount(s.tagged)} | ${TAG_NAMES.map(cell).join(' | ')} |`);
    }
    out.push('');
    const singleThread = describeSingleThreadSubreddits(report.subreddits);
    if (singleThread !== '') out.push(escapeMarkdownInline(singleThread), '');
    const fewThreads = describeFewThreadSubreddits(report.subreddits);
    if (fewThreads !== '') out.push(escapeMarkdownInline(fewThreads), '');
  }

  if (report.trend.length > 1) {
    out.push('**Trend across nightly runs**', '');
    out.push(`| Date | Comments | ${TAG_NAMES.map((t) => TAG_LABELS[t]).join(' | ')} |`);
    out.push(`|---|---:|${TAG_NAMES.map(() => '---:').join('|')}|`);
    for (const p of report.trend) {
      // a night with no tagged comments measured nothing: "0.0%" would read as the stance vanishing that night
      const cell = (t: TagName): string => (p.shares[t].total > 0 ? formatPercent(p.shares[t].share) : '—');
      // a night whose run did not end ok (threads not fetched, a capped listing) must not read as a real move
      const status = labelRunStatus(p.runStatus);
      out.push(`| ${p.date}${status === '' ? '' : ` (${status})`} | ${formatCount(p.tagged)} | ${TAG_NAMES.map(cell).join(' | ')} |`);
    }
    out.push('', escapeMarkdownInline(TREND_IS_CUMULATIVE), '');
    for (const note of [formatRunStatuses(report.trend), formatTaggerChanges(report.trend, report.tagger), formatCorrectionChanges(report.trend)]) {
      if (note !== '') out.push(escapeMarkdownInline(note), '');
    }
  }

  const weighting = describeScoreWeighting(report.scoreWeightedShares);
  out.push(
    `<sub>Shares are of ${pluralise(counts.tagged, 'tagged comment')}${counts.untagged > 0 ? ` ${escapeMarkdownInline(describeUntagged(counts))}` : ''}${escapeMarkdownInline(describeOverrides(counts.overrides))}; ${escapeMarkdownInline(describeIntervals(report.shares))}. ${escapeMarkdownInline(SHARES_OVERLAP)}${weighting === '' ? '' : ` ${escapeMarkdownInline(weighting)}.`} Glosses under quotes are our paraphrase, built from the phrases the tagger matched in the quoted text. Deleted, removed, bot and AutoModerator comments are never counted or quoted. Tagger ${escapeMarkdownInline(report.tagger)}; data as of ${formatUtcDateTime(report.asOf)}.</sub>`,
    '',
  );
  return out.join('\n');
}

/**
 * Quotes alone (the writers' feed), each with attribution and gloss, and its id at the end of the attribution line:
 * a writer drafting from the Markdown cites a quote back by the id the JSON and CSV feeds carry. `empty` is the one
 * line the feed holds when no quote is offered (the quotes command says for which request).
 */
export function renderMarkdownQuotes(quotes: readonly ReportQuote[], empty = 'No quotes.'): string {
  // with no quote the feed is still a document that says so (as JSON's `"quotes": []` and CSV's header row do), not a
  // blank line that reads as nothing having run
  if (quotes.length === 0) return `_${escapeMarkdownInline(empty)}_\n`;
  return `${quotes.map((q) => renderQuote(q, { withId: true }).join('\n')).join('\n\n')}\n`;
}

// The report leaves the id out: its Markdown is pasted into articles as it is, and the night's JSON and CSV carry the
// ids of the same quotes.
function renderQuote(quote: ReportQuote, options: { withId: boolean } = { withId: false }): string[] {
  const meta = [
    quote.threadTitle === '' ? null : `in “${escapeMarkdownInline(quote.threadTitle)}”`,
    formatUtcDateTime(quote.createdUtc),
    `score ${formatCount(quote.score)} at fetch`,
    quote.author === undefined ? null : `u/${escapeMarkdownInline(quote.author)}`,
  ].filter((x): x is string => x !== null);
  return [
    formatMarkdownBlockquote(quote.text),
    '>',
    `> — ${renderLink(quote.attribution, quote.permalink)}, ${meta.join(', ')}${options.withId ? ` · id ${escapeMarkdownInline(quote.id)}` : ''}`,
    '',
    `*Our paraphrase:* ${escapeMarkdownInline(quote.gloss)} (${TAG_LABELS[quote.primaryTag].toLowerCase()} ${formatProbability(quote.tags[quote.primaryTag])})`,
  ];
}

export function renderLink(label: string, href: string): string {
  const url = toSafeUrl(href);
  const text = escapeMarkdownInline(label, { autolink: false });
  if (url === '') return text;
  // parentheses escaped too inside a label: CommonMark reads the title's "[x](javascript:…)" as text once its brackets
  // are escaped, but some renderers (marked) still find a link in the label's "](…)" and would publish it
  return `[${text.replace(/[()]/g, '\\$&')}](${url})`;
}

/** A most active thread's comment count and shares with their intervals (`12 comments analysed (cynicism 8.3% (1.5–35.4%), …)`); shared by the Markdown and HTML reports. */
export function describeThreadActivity(t: ThreadActivity): string {
  // no tagged comment measured nothing: "cynicism 0.0%" would read as a thread where nobody was cynical
  if (t.analysed === 0) return `${pluralise(0, 'comment')} analysed${t.excluded > 0 ? ` (${formatCount(t.excluded)} left out)` : ''}`;
  if (t.tagged === 0) return `${pluralise(t.analysed, 'comment')} analysed (none tagged, so no shares)`;
  const shares = TAG_NAMES.map((tag) => `${TAG_LABELS[tag].toLowerCase()} ${formatPercent(t.shares[tag])} (${formatInterval(t.ci95[tag])})`).join(', ');
  return `${pluralise(t.analysed, 'comment')} analysed (${t.tagged === t.analysed ? '' : `of the ${formatCount(t.tagged)} tagged: `}${shares})`;
}

/** Shared by the Markdown and HTML reports. */
export function describeUnconfirmed(n: number): string {
  return `${pluralise(n, 'comment')} could not be confirmed live by the last deletion re-check (Reddit's answer was unreadable or did not come): not quoted until a re-check confirms ${n === 1 ? 'it' : 'them'} (the analysed ones still count in the shares).`;
}

/** Why the highlights are empty; shared by the Markdown and HTML reports. */
export function describeNoQuotes(unconfirmed: number): string {
  const bar = 'tagged, short enough to quote whole sentences, not excluded';
  // withheld comments may be the very ones that met the bar: saying only "none met the bar" would misstate why
  if (unconfirmed > 0) return `No comment is quoted: the ${pluralise(unconfirmed, 'comment')} above ${unconfirmed === 1 ? 'is' : 'are'} withheld until a deletion re-check confirms ${unconfirmed === 1 ? 'it' : 'them'} live, and none of the others met the bar for quoting (${bar}).`;
  return `No comment met the bar for quoting (${bar}).`;
}

function describeExclusions(report: Report): string {
  const parts = EXCLUSION_REASONS.filter((r) => report.counts.excludedByReason[r] > 0).map(
    (r) => describeExclusion(r, report.counts.excludedByReason[r]),
  );
  if (parts.length === 0) return '';
  return `; ${pluralise(report.counts.excluded, 'comment')} left out (${parts.join(', ')})`;
}
