import type { TagShare } from '../types.js';
import { FEW_THREADS } from './cluster-effective-size.js';
import { TAG_LABELS } from './format-values.js';
import type { SubredditBreakdown, ThreadActivity, TrendPoint, WeightedShare } from './report.js';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "fewer than ten threads", spelled from FEW_THREADS so the words cannot drift from the threshold the notes apply. */
const FEWER_THAN_FEW_THREADS = `fewer than ${NUMBER_WORDS[FEW_THREADS] ?? String(FEW_THREADS)} threads`;

/**
 * The footnote clause saying what a report's intervals cover: sampling error, allowing for comments of one thread
 * being alike by each tag's design effect and for measuring that from few threads (computeEffectiveSize), and not the
 * tagger's own errors. Plain text.
 */
export function describeIntervals(shares: readonly TagShare[]): string {
  // every tag's share counts the same tagged comments, so the same threads
  const threads = shares[0]?.threads ?? 0;
  const tagged = shares[0]?.total ?? 0;
  const effects = shares.map((s) => `×${(s.designEffect ?? 1).toFixed(2)} for ${TAG_LABELS[s.tag].toLowerCase()}`).join(', ');
  const clustering =
    tagged === 0
      ? 'which say nothing here (no tagged comments)'
      : threads < 2
        ? 'taking the comments as independent: they come from one thread, so how alike they are cannot be measured, and the intervals are too narrow by an unknown amount'
        : `allowing for comments of one thread being alike (their variance is ${effects} that of independent comments) and ` +
          `for measuring that from the ${threads} threads with tagged comments (Student's t, ${threads - 1} degree${threads === 2 ? '' : 's'} of freedom` +
          `${threads < FEW_THREADS ? `; with ${FEWER_THAN_FEW_THREADS} that allowance is itself rough, so read the intervals as indicative` : ''})`;
  return (
    `intervals are 95% Wilson intervals of sampling error only, ${clustering}, not of the tagger's own errors ` +
    '(its measured precision and recall are in the reactionlens README, The tagger)'
  );
}

/** Under the subreddit chart: the subreddits whose intervals could not allow for threads (one thread with tagged comments). */
export function describeSingleThreadSubreddits(subreddits: readonly SubredditBreakdown[]): string {
  const single = subreddits.filter((s) => s.tagged > 0 && (s.shares.cynicism.threads ?? 0) < 2).map((s) => `r/${s.subreddit}`);
  if (single.length === 0) return '';
  return `${listAtMostEight(single)}: all tagged comments in one thread, so ${single.length === 1 ? 'its interval takes' : 'their intervals take'} them as independent (too narrow by an unknown amount).`;
}

/** Names for a note under the chart: eight at most, then how many more. */
function listAtMostEight(names: readonly string[]): string {
  return names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
}

/**
 * Under the subreddit chart: the subreddits whose intervals allow for threads but measure that from 2 to FEW_THREADS − 1
 * threads, so the allowance is itself rough, as the footnote says of the report's own intervals and `compare` of such
 * an event's.
 */
export function describeFewThreadSubreddits(subreddits: readonly SubredditBreakdown[]): string {
  const few = subreddits.filter((s) => {
    const threads = s.shares.cynicism.threads ?? 0;
    return s.tagged > 0 && threads >= 2 && threads < FEW_THREADS;
  });
  if (few.length === 0) return '';
  const named = few.map((s) => `r/${s.subreddit} (${s.shares.cynicism.threads} threads)`);
  return (
    `${listAtMostEight(named)}: tagged comments in ${FEWER_THAN_FEW_THREADS}, so the allowance for comments of one thread being alike is ` +
    `itself rough: read ${few.length === 1 ? 'its intervals' : 'their intervals'} as indicative.`
  );
}

/**
 * Under the "Most active threads" list: a thread is one cluster, so its intervals cannot allow for its comments being
 * alike, as the report's and the subreddits' of several threads do. Empty when no listed thread has a share.
 */
export function describeThreadIntervals(threads: readonly ThreadActivity[]): string {
  if (!threads.some((t) => t.tagged > 0)) return '';
  return "Each thread's intervals take its comments as independent (one thread alone cannot show how alike its comments are), so they are too narrow by an unknown amount.";
}

/**
 * For a trend some of whose nights were written before intervals allowed for threads (no effectiveTotal in their
 * points): their bands differ in method, not only in data. Empty when the method is one.
 */
export function describeIntervalMethodChange(trend: readonly TrendPoint[]): string {
  const withData = trend.filter((p) => p.tagged > 0);
  const older = withData.filter((p) => p.shares.cynicism.effectiveTotal === undefined).map((p) => p.date);
  if (older.length === 0 || older.length === withData.length) return '';
  const dates = older.length > 6 ? `${older.slice(0, 3).join(', ')} … ${older.slice(-2).join(', ')} (${older.length} nights)` : older.join(', ');
  return (
    `The bands of ${dates} were computed before intervals allowed for comments of one thread being alike: they take ` +
    'the comments as independent, so they are narrower than the other nights\' partly for that reason.'
  );
}

/**
 * The footnote sentence on the score-weighted column, which the design effects above do not cover: what its weight is,
 * and why its intervals are so much wider than the comment shares' (a few high-score comments carry most of the weight,
 * so the sample is worth only Kish's effective size, smaller still where threads differ). Plain text; '' when nothing
 * was tagged (the column shows dashes).
 */
export function describeScoreWeighting(weighted: readonly WeightedShare[]): string {
  if (weighted.every((w) => !(w.weightTotal > 0))) return '';
  const sizes = weighted.map((w) => `${formatEffectiveSize(w.effectiveTotal)} for ${TAG_LABELS[w.tag].toLowerCase()}`).join(', ');
  return (
    'Score-weighted shares count each comment max(1, its score at fetch) times; their intervals use effective sample sizes ' +
    `(Kish's, allowing for threads as above: ${sizes}), since a few high-score comments carry most of the weight`
  );
}

function formatEffectiveSize(n: number): string {
  return n >= 10 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}
