import { TAG_NAMES } from '../types.js';
import type { TagName, TagShare } from '../types.js';
import { truncateText } from '../util/truncate-text.js';
import { labelRunStatus } from './describe-run-statuses.js';
import { escapeHtml } from './escape-html.js';
import { TAG_LABELS, formatCount, formatPercent } from './format-values.js';
import type { SubredditBreakdown, TrendPoint } from './report.js';

export const TAG_COLOURS: Record<TagName, string> = {
  cynicism: '#c2410c',
  distrust: '#1d4ed8',
  bubble_caution: '#047857',
};

const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

/** Horizontal bars of each tag's share with 95% interval whiskers. */
export function renderShareChart(shares: readonly TagShare[]): string {
  const width = 560;
  const left = 120;
  const plot = width - left - 70;
  const row = 34;
  const height = shares.length * row + 30;
  const max = niceMax(Math.max(0.05, ...shares.map((s) => s.ci95.high)));
  const x = (v: number): number => left + (v / max) * plot;
  const parts: string[] = [axis(x, max, height - 22, 8)];
  shares.forEach((s, i) => {
    const y = 8 + i * row;
    parts.push(
      `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(TAG_LABELS[s.tag])}</text>`,
      `<rect class="bar" data-tag="${s.tag}" x="${left}" y="${y + 4}" width="${fmt(x(s.share) - left)}" height="16" fill="${TAG_COLOURS[s.tag]}" opacity="0.8"><title>${escapeHtml(`${TAG_LABELS[s.tag]}: ${formatPercent(s.share)} (${formatCount(s.count)} of ${formatCount(s.total)})`)}</title></rect>`,
      whisker(x(s.ci95.low), x(s.ci95.high), y + 12),
      `<text x="${fmt(x(s.ci95.high) + 6)}" y="${y + 16}">${formatPercent(s.share)}</text>`,
    );
  });
  return svg('chart-shares', width, height, 'Share of comments with each tag, with 95% intervals', parts);
}

/** Grouped bars: each tag's share within the largest subreddits. */
export function renderSubredditChart(subreddits: readonly SubredditBreakdown[], limit = 8): string {
  // the bars are shares of the tagged comments, so the count beside them is that base
  const shown = subreddits.filter((s) => s.tagged > 0).slice(0, limit);
  const width = 560;
  // the margin grows with the longest label, up to a cap that leaves the bars room; a label longer than that (no
  // Reddit name is: they have at most 21 characters) loses the end of its name, never its count
  const labels = shown.map((s) => fitSubredditLabel(s.subreddit, s.tagged, MAX_LABEL_WIDTH));
  const left = Math.max(130, Math.ceil(Math.max(0, ...labels.map((l) => estimateTextWidth(l)))) + LABEL_PADDING);
  const plot = width - left - 60;
  const group = TAG_NAMES.length * 11 + 12;
  const height = Math.max(1, shown.length) * group + 50;
  const max = niceMax(Math.max(0.05, ...shown.flatMap((s) => TAG_NAMES.map((t) => s.shares[t].ci95.high))));
  const x = (v: number): number => left + (v / max) * plot;
  const parts: string[] = [axis(x, max, height - 42, 4)];
  shown.forEach((s, i) => {
    const y = 4 + i * group;
    parts.push(`<text x="${left - 8}" y="${y + 20}" text-anchor="end">${escapeHtml(labels[i] ?? '')}</text>`);
    TAG_NAMES.forEach((tag, j) => {
      const cell = s.shares[tag];
      const yy = y + j * 11 + 2;
      parts.push(
        `<rect class="bar" x="${left}" y="${yy}" width="${fmt(x(cell.share) - left)}" height="9" fill="${TAG_COLOURS[tag]}" opacity="0.8"><title>${escapeHtml(`r/${s.subreddit} ${TAG_LABELS[tag]}: ${formatPercent(cell.share)} (${formatCount(cell.count)} of ${formatCount(cell.total)})`)}</title></rect>`,
        whisker(x(cell.ci95.low), x(cell.ci95.high), yy + 4.5, 3),
      );
    });
  });
  // where it always was, not at a wider margin: the legend needs ~370 px, and would run past the chart's edge
  parts.push(legend(height - 16, 130));
  return svg('chart-subreddits', width, height, 'Tag shares per subreddit', parts);
}

/** Room left of a label (from the chart's edge) plus the gap between the label and its bars. */
const LABEL_PADDING = 4 + 8;
/** The widest a subreddit label may be: with its padding, the bars keep 560 − 230 − 60 = 270 px. */
const MAX_LABEL_WIDTH = 230 - LABEL_PADDING;

/** `r/<name> (<tagged>)`, the name cut (with …) until the label's estimated width is at most `maxWidth`. */
function fitSubredditLabel(name: string, tagged: number, maxWidth: number): string {
  const label = (n: string): string => `r/${n} (${formatCount(tagged)})`;
  if (estimateTextWidth(label(name)) <= maxWidth) return label(name);
  for (let keep = name.length - 1; keep > 1; keep--) {
    const cut = label(truncateText(name, keep, '…'));
    if (estimateTextWidth(cut) <= maxWidth) return cut;
  }
  return label(truncateText(name, 2, '…'));
}

/**
 * A label's width in px at the charts' 12 px font, estimated per character without a font at hand (the SVG is
 * written here, drawn by the reader's browser). The widths are DejaVu Sans's (Linux's usual system-ui), which is wider
 * than the usual system fonts elsewhere (Helvetica, Arial, Segoe UI), so the estimate errs on the wide side; other
 * characters count as wide ones.
 */
function estimateTextWidth(text: string, fontSize = 12): number {
  let em = 0;
  for (const ch of text) em += CHAR_WIDTHS.get(ch) ?? (ch.charCodeAt(0) < 0x80 ? 0.65 : 1);
  return em * fontSize;
}

// em widths, rounded up (DejaVu Sans); ASCII characters not listed count as 0.65 em (a, e, 0–9: 0.61–0.64)
const CHAR_WIDTHS = new Map<string, number>([
  ...[...'ijl.,:;!|\''].map((c): [string, number] => [c, 0.28]),
  ...[...'ftr /()[]'].map((c): [string, number] => [c, 0.42]),
  ['m', 0.98], ['w', 0.82], ['M', 0.87], ['W', 0.99],
  ...[...'ABCDEFGHIJKLNOPQRSTUVXYZ'].map((c): [string, number] => [c, 0.78]),
  ['_', 0.5], ['…', 1],
]);

/** A night with tagged comments: the only kind the trend chart draws (no data is a 0–100% band, see renderTrendChart). */
export function isMeasuredNight(point: TrendPoint): boolean {
  return TAG_NAMES.some((t) => point.shares[t].total > 0);
}

/** Each tag's share across nightly runs, with the 95% band; a night with no tagged comments has no point. */
export function renderTrendChart(all: readonly TrendPoint[]): string {
  // no data is a 0–100% band: drawn, it would flatten every real night against a 100% axis
  const trend = all.filter(isMeasuredNight);
  const width = 560;
  const height = 240;
  const left = 50;
  const right = 20;
  const top = 10;
  const bottom = 60;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0.05, ...trend.flatMap((p) => TAG_NAMES.map((t) => p.shares[t].ci95.high))));
  // Placed by UTC day, not by index: a gap of six nights must look like one, not like the step between two nights.
  const days = trend.map((p) => Math.round(Date.parse(`${p.date}T00:00:00Z`) / DAY_MS));
  const firstDay = days[0] ?? 0;
  const span = (days.at(-1) ?? 0) - firstDay;
  const x = (i: number): number => left + (span <= 0 ? plotW / 2 : (((days[i] ?? firstDay) - firstDay) / span) * plotW);
  const y = (v: number): number => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${formatPercent(v)}</text>`,
    );
  }
  for (const i of pickLabelledPoints(trend.map((_, i) => x(i)))) {
    // Edge labels anchor inwards so the first and last dates are not clipped.
    const anchor = span <= 0 ? 'middle' : i === 0 ? 'start' : i === trend.length - 1 ? 'end' : 'middle';
    parts.push(`<text x="${fmt(x(i))}" y="${height - bottom + 16}" text-anchor="${anchor}">${escapeHtml(trend[i]?.date ?? '')}</text>`);
  }
  // a tick under every night, labelled or not, so nights whose dates are too close to label still show where they fall
  trend.forEach((_, i) => parts.push(`<line x1="${fmt(x(i))}" x2="${fmt(x(i))}" y1="${height - bottom}" y2="${height - bottom + 4}" stroke="#999"/>`));
  for (const tag of TAG_NAMES) {
    const colour = TAG_COLOURS[tag];
    if (trend.length > 1) {
      const upper = trend.map((p, i) => `${fmt(x(i))},${fmt(y(p.shares[tag].ci95.high))}`);
      const lower = trend.map((p, i) => `${fmt(x(i))},${fmt(y(p.shares[tag].ci95.low))}`).reverse();
      parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${colour}" opacity="0.12"/>`);
      parts.push(
        `<polyline class="trend-line" data-tag="${tag}" points="${trend.map((p, i) => `${fmt(x(i))},${fmt(y(p.shares[tag].share))}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      );
    }
    trend.forEach((p, i) => {
      // hollow for a night whose run did not end ok, or whose run's outcome is not known: the foot note names them
      const status = labelRunStatus(p.runStatus);
      const paint = status === '' ? `fill="${colour}"` : `fill="#fff" stroke="${colour}" stroke-width="1.5" data-run-status="${escapeHtml(p.runStatus ?? 'unknown')}"`;
      parts.push(
        `<circle cx="${fmt(x(i))}" cy="${fmt(y(p.shares[tag].share))}" r="3" ${paint}><title>${escapeHtml(`${p.date} ${TAG_LABELS[tag]}: ${formatPercent(p.shares[tag].share)} (${formatCount(p.shares[tag].count)} of ${formatCount(p.shares[tag].total)})${status === '' ? '' : `, ${status}`}`)}</title></circle>`,
      );
      if (trend.length === 1) {
        const c = p.shares[tag].ci95;
        parts.push(`<line x1="${fmt(x(i))}" x2="${fmt(x(i))}" y1="${fmt(y(c.low))}" y2="${fmt(y(c.high))}" stroke="${colour}"/>`);
      }
    });
  }
  parts.push(legend(height - 18, left));
  return svg('chart-trend', width, height, 'Tag shares across nightly runs', parts);
}

const DAY_MS = 86_400_000;
/** A date label (YYYY-MM-DD at the chart's font size) is about 60 px wide; closer labels would overlap. */
const LABEL_GAP = 70;

/**
 * Which points get a date label: the first and the last always, and between them each point at least a label's
 * width from the previous label and from the last one (points are in date order, so one greedy pass).
 */
function pickLabelledPoints(xs: readonly number[]): number[] {
  if (xs.length === 0) return [];
  const lastX = xs.at(-1) ?? 0;
  const picked = [0];
  let previous = xs[0] ?? 0;
  for (let i = 1; i < xs.length - 1; i++) {
    const xi = xs[i] ?? 0;
    if (xi - previous >= LABEL_GAP && lastX - xi >= LABEL_GAP) {
      picked.push(i);
      previous = xi;
    }
  }
  // two points on one day (or one point) share a position: one label
  if (xs.length > 1 && lastX - (xs[0] ?? 0) > 0) picked.push(xs.length - 1);
  return picked;
}

function svg(id: string, width: number, height: number, title: string, parts: string[]): string {
  return `<svg id="${id}" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}" ${FONT}><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

function axis(x: (v: number) => number, max: number, y: number, top: number): string {
  const out: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    out.push(
      `<line x1="${fmt(x(v))}" x2="${fmt(x(v))}" y1="${top}" y2="${y}" stroke="#e5e5e5"/>`,
      `<text x="${fmt(x(v))}" y="${y + 14}" text-anchor="middle" fill="#555">${formatPercent(v)}</text>`,
    );
  }
  return out.join('');
}

function whisker(x1: number, x2: number, y: number, cap = 5): string {
  return `<g class="whisker" stroke="#222" stroke-width="1.2"><line x1="${fmt(x1)}" x2="${fmt(x2)}" y1="${fmt(y)}" y2="${fmt(y)}"/><line x1="${fmt(x1)}" x2="${fmt(x1)}" y1="${fmt(y - cap)}" y2="${fmt(y + cap)}"/><line x1="${fmt(x2)}" x2="${fmt(x2)}" y1="${fmt(y - cap)}" y2="${fmt(y + cap)}"/></g>`;
}

function legend(y: number, left: number): string {
  return TAG_NAMES.map(
    (tag, i) =>
      `<rect x="${left + i * 130}" y="${y - 9}" width="10" height="10" fill="${TAG_COLOURS[tag]}"/><text x="${left + i * 130 + 14}" y="${y}">${escapeHtml(TAG_LABELS[tag])}</text>`,
  ).join('');
}

/** Axis maximum rounded up to a readable step. */
function niceMax(value: number): number {
  for (const step of [0.05, 0.1, 0.2, 0.25, 0.5, 1]) {
    const v = Math.ceil(value / step) * step;
    if (v / step <= 5) return Math.min(1, v);
  }
  return 1;
}

function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
