import { NOT_FETCHED, UNANSWERED_FETCHES_TO_STOP } from '../collect/collect-event.js';
import { SHORT_THREAD_MISSING } from '../collect/detect-short-thread.js';
import type { RunRecord, ShortThread, SkipRecord } from '../types.js';
import type { CliContext } from './cli-context.js';

/** The run summary on stderr, plus the partial/invalid marks that decide the exit code. */
export function summariseRun(ctx: CliContext, run: RunRecord): void {
  const c = run.counts;
  const notFetched = c.threadsNotFetched ?? 0;
  const stopped = `thread fetches stopped after ${UNANSWERED_FETCHES_TO_STOP} in a row got no answer from ${run.source} (it looks down)`;
  ctx.stderr(
    [
      `run ${run.id} (${run.source}): ${run.status}`,
      `  threads: ${c.threadsNew} new, ${c.threadsUpdated} updated${notFetched > 0 ? `, ${notFetched} not fetched (${stopped}; the next run fetches them)` : ''}`,
      ...describeShortThreads(run.shortThreads ?? []),
      // this run's counts on one line; the exclusions are the report's, over all the event's stored comments, so a second
      // run on the same data still shows them (and a cron log reader does not add them to this run's figures)
      `  comments: ${c.commentsNew} new, ${c.commentsUpdated} updated, ${c.commentsPurged} purged, ${c.commentsTagged} tagged (stored comments new to this tagger, those left out below included)`,
      `  left out of the report: ${c.commentsExcluded} of the event's stored comments (deleted, removed, bots, AutoModerator, mod notes, duplicates, empty)`,
      ...((c.commentsUnconfirmed ?? 0) > 0
        ? [`  unconfirmed: ${c.commentsUnconfirmed} comment(s) the deletion re-check could not confirm live: not quoted until a re-check confirms them`]
        : []),
      `  requests: ${c.requests}, 429s: ${c.rateLimited}, waited ${Math.round(c.waitMs / 1000)} s, listing caps hit: ${c.capsHit}`,
      `  skipped: ${c.skipped}`,
      ...describeSkipped(run.skipped),
    ].join('\n') + '\n',
  );
  const invalid = run.skipped.filter((s) => s.kind === 'invalid');
  // Each reason says what to do as well as what happened: the cron log is read the next morning by someone who must
  // decide whether to wait for the next night, edit the event file or look further.
  if (invalid.length > 0) {
    // exit 2 reads as "fix your config", but these are records the source served broken (or a fixture file's)
    ctx.markInvalidInput(
      `${invalid.length} invalid record(s) skipped (listed under skipped: above); the rest was stored. Served so by Reddit or the archive, they need no fix of yours: the next runs ask for them again`,
    );
  } else if (run.status === 'partial') {
    // each its own reason: the cap alone would hide requests that failed, and what to do differs
    if (c.capsHit > 0) {
      ctx.markPartial(
        "a search listing hit Reddit's ~1000-item cap, so threads of the window older than its last item (and not stored on an earlier night) were not found; " +
          "a rerun meets the same cap: narrow the event's queries or subreddits, or backfill the window with --source arctic-shift",
      );
    }
    if (notFetched > 0) ctx.markPartial(`${stopped}: ${notFetched} thread(s) were not fetched; the next run fetches them`);
    if (c.skipped > 0) {
      ctx.markPartial(
        `${c.skipped} record(s) could not be fetched (the skipped lines above say why): the next run tries them again; ` +
          'a subreddit refused with 403 or 404 (private, banned) is refused again until it is taken out of the event file',
      );
    }
    // otherwise a repaired history.json, marked with its own reason when it was repaired (warnRepairedHistory)
  }
}

/**
 * The skip records, twenty at most; the threads not fetched once the source looked down on one line (they share their
 * reason, and a hundred of them would push the failures that decided it, and the re-check's, out of sight).
 */
function describeSkipped(skipped: readonly SkipRecord[]): string[] {
  const notFetched = skipped.filter((s) => s.record === NOT_FETCHED);
  const ids = notFetched.slice(0, 5).map((s) => s.source.replace(/^thread /, ''));
  const lines: string[] = [];
  for (const s of skipped) {
    // in the place of the first of them, so the failures before it stay above it
    if (s === notFetched[0]) lines.push(`    - [incomplete] ${notFetched.length} thread(s) ${[...ids, ...(notFetched.length > ids.length ? ['…'] : [])].join(', ')}: ${s.reason}`);
    else if (s.record !== NOT_FETCHED) lines.push(`    - [${s.kind}] ${s.source} ${s.record}: ${s.reason}`);
  }
  return [...lines.slice(0, 20), ...(lines.length > 20 ? [`    … and ${lines.length - 20} more (see --json)`] : [])];
}

/**
 * A warning, not a partial mark: num_comments counts deleted and removed comments and may be stale, so a thread can
 * fall short with nothing missing that could be collected; the reader gets the numbers to judge.
 */
function describeShortThreads(short: readonly ShortThread[]): string[] {
  if (short.length === 0) return [];
  return [
    `  collected short: ${short.length} thread(s) fetched by this run hold under half the comments their source counts (at least ${SHORT_THREAD_MISSING} missing; ` +
      'num_comments also counts deleted and removed comments and may be stale, so this is a warning, not a partial run):',
    ...short.slice(0, 10).map((t) => `    - thread ${t.threadId} (r/${t.subreddit}): ${t.collected} of ${t.expected} comments collected`),
    ...(short.length > 10 ? [`    … and ${short.length - 10} more (see --json, shortThreads)`] : []),
  ];
}
