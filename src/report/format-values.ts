import type { ExclusionReason, Interval, TagName } from '../types.js';

export const TAG_LABELS: Record<TagName, string> = {
  cynicism: 'Cynicism',
  distrust: 'Distrust',
  bubble_caution: 'Bubble caution',
};

const EXCLUSION_LABELS: Record<ExclusionReason, [one: string, many: string]> = {
  deleted: ['deleted by its author', 'deleted by their authors'],
  removed: ['removed by moderators', 'removed by moderators'],
  automoderator: ['from AutoModerator', 'from AutoModerator'],
  'mod-note': ['moderator note', 'moderator notes'],
  bot: ['from a bot', 'from bots'],
  duplicate: ['duplicate', 'duplicates'],
  empty: ['empty', 'empty'],
};

/** "1 deleted by its author", "3 from bots". */
export function describeExclusion(reason: ExclusionReason, n: number): string {
  const [one, many] = EXCLUSION_LABELS[reason];
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A count as every format writes it: "1,234" (en-US grouping, whatever the machine's locale). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A tag probability as people read it, to two places: "0.98". One that only rounds to 1.00 or 0.00 reads ">0.99" or
 * "<0.01", since "1.00" reads as certainty and the tagger is never certain; exactly 1 or 0 (a reviewer's correction)
 * reads 1.00 or 0.00.
 */
export function formatProbability(p: number): string {
  const shown = p.toFixed(2);
  if (shown === '1.00' && p !== 1) return '>0.99';
  if (shown === '0.00' && p !== 0) return '<0.01';
  return shown;
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatInterval(ci: Interval): string {
  return `${(ci.low * 100).toFixed(1)}–${(ci.high * 100).toFixed(1)}%`;
}

/** 2025-12-16 14:03 UTC */
export function formatUtcDateTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatUtcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export function pluralise(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * Said under a trend of two nights or more: each point is the report of everything the store held for the event that
 * night (the report reads the whole event), so read as nightly moods the lines would mislead twice over.
 */
export const TREND_IS_CUMULATIVE =
  "Each night's shares are of all the event's comments collected by that night (those still live then), not of that night's new comments: nights share most of their comments, so a night's new comments move the shares only in proportion to their number, and whether two nights' intervals overlap is no test of a change.";

/** Said beside every set of shares: the three are not parts of one whole ("46% cynical and 17% bubble-cautious" is not "63% negative"). */
export const SHARES_OVERLAP = 'A comment can carry more than one tag, so the shares overlap and do not add up to a total.';

/** Said under the shares table when no comment was tagged: its dashes are no measurement, not a share of 0 %. */
export const NO_TAGGED_COMMENTS = 'No comment was tagged (none stored in the window, or all left out): there is nothing to measure yet.';

/**
 * Why analysed comments can be missing from the shares: the tagger reads English words only (README, The tagger); a
 * comment with no tag result at all (none stored for this tagger version) is counted apart.
 */
export function describeUntagged(counts: { analysed: number; untagged: number; taggerSkipped: number }): string {
  const n = formatCount;
  const skipped = Math.min(counts.taggerSkipped, counts.untagged);
  const rest = counts.untagged - skipped;
  if (rest === 0) return `(the tagger could not read ${n(skipped)} of the ${n(counts.analysed)} analysed: it reads English only, and a comment with no words has nothing to read)`;
  return `(${n(counts.untagged)} of the ${n(counts.analysed)} analysed have no tags: ${skipped > 0 ? `${n(skipped)} the tagger could not read, not English or no words; ` : ''}${n(rest)} with no tag result)`;
}

/**
 * The footnote clause after "Shares are of N tagged comments": how many of them a reviewer's correction (`reactionlens
 * label`) decided rather than the tagger, so a reader knows the shares are not the tagger's alone. Empty when none.
 */
export function describeOverrides(overrides: number): string {
  if (overrides === 0) return '';
  return `, ${formatCount(overrides)} of them tagged by a reviewer's correction (reactionlens label) rather than by the tagger`;
}
