import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, eventsDirOption, pathFlagSchema } from '../cli/common-options.js';
import { numberFlagSchema } from '../cli/number-flag-schema.js';
import { parseOptions } from '../cli/parse-options.js';
import { parseSince } from '../cli/parse-since.js';
import { loadEvent } from '../events/load-events.js';
import { pluralise } from '../report/format-values.js';
import { loadFeedQuotes } from '../report/load-feed-quotes.js';
import { renderQuotesCsv } from '../report/render-csv.js';
import { renderMarkdownQuotes } from '../report/render-markdown.js';
import { toFeedRecord } from '../report/to-feed-record.js';
import { loadTagger } from '../tag/load-tagger.js';
import type { ReportCommandDeps } from './report-command.js';
import { TAG_NAMES } from '../types.js';

/** The most quotes one feed request gives. */
const MAX_FEED_LIMIT = 1000;

const flagsSchema = z.object({
  event: z.string({ error: 'missing --event <id>' }).min(1),
  tag: z.enum(TAG_NAMES, { error: `--tag must be one of ${TAG_NAMES.join(', ')}` }).optional(),
  minScore: numberFlagSchema({ min: 0, max: 1, whole: false }).optional(),
  limit: numberFlagSchema({ min: 1, max: MAX_FEED_LIMIT, whole: true }),
  format: z.enum(['json', 'csv', 'md'], { error: '--format must be json, csv or md' }),
  db: pathFlagSchema.optional(),
  eventsDir: pathFlagSchema,
  withAuthors: z.boolean().optional().default(false),
  since: z.string().optional(),
  collectedSince: z.string().optional(),
});

/** `deps` lets tests swap the model for a fake tagger; the CLI uses the committed model. */
export function registerQuotesCommand(program: Command, ctx: CliContext, deps: ReportCommandDeps = { loadTagger }): void {
  program
    .command('quotes')
    .description("the writers' feed: diverse, quotable comments with gloss, tags, permalink and status check time")
    .requiredOption('--event <id>', 'event id')
    .option('--tag <tag>', `only quotes carrying this tag: ${TAG_NAMES.join(' | ')}`)
    .option('--min-score <p>', 'minimum tag probability, 0–1')
    .option('--limit <n>', `at most this many quotes, 1–${MAX_FEED_LIMIT}`, '20')
    .option('--since <when>', 'only comments posted since: a UTC date (2025-12-20), a date-time with its zone, or a time ago (24h, 7d)')
    .option('--collected-since <when>', 'only comments that became quotable in this store since (same forms as --since): what is new since your last fetch')
    .option('--format <format>', 'json | csv | md', 'json')
    .option(...dbOption)
    .option(...eventsDirOption)
    .option('--with-authors', 'include usernames, and the names of users a quote mentions (off by default: they read u/[user], @[user])')
    .action((raw: unknown) => {
      const flags = parseOptions('quotes', flagsSchema, raw);
      const since = flags.since === undefined ? undefined : parseSince('quotes', flags.since, ctx.now());
      const collectedSince = flags.collectedSince === undefined ? undefined : parseSince('quotes', flags.collectedSince, ctx.now(), '--collected-since');
      const event = loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
      const store = ctx.openStore(flags.db, { readonly: true });
      const tagger = deps.loadTagger();
      const window = { ...(since === undefined ? {} : { since }), ...(collectedSince === undefined ? {} : { collectedSince }) };
      const { quotes, collectedAt, stored, withheld, taggedNow } = loadFeedQuotes(store, event, tagger, {
        limit: flags.limit,
        ...(flags.tag === undefined ? {} : { tag: flags.tag }),
        ...(flags.minScore === undefined ? {} : { minScore: flags.minScore }),
        ...window,
        withAuthors: flags.withAuthors,
      });
      // worded as report and compare word it: an empty feed from a store never collected into, not from a quiet night
      if (stored === 0) ctx.stderr(`reactionlens quotes: the store holds no comments for ${event.id}; the feed is empty\n`);
      if (taggedNow > 0) ctx.stderr(`reactionlens quotes: tagged ${pluralise(taggedNow, 'comment')} in memory\n`);
      if (withheld > 0) ctx.stderr(`reactionlens quotes: ${withheld} comment(s) left out: the last deletion re-check could not confirm them live\n`);
      const windows = describeWindows(since, collectedSince);
      ctx.stderr(`reactionlens quotes: ${pluralise(quotes.length, 'quote')} for ${event.id}${windows.length === 0 ? '' : ` ${windows.join(' and ')}`}\n`);
      if (flags.format === 'csv') {
        ctx.stdout(renderQuotesCsv(quotes.map((quote) => ({ section: 'feed', quote })), flags.withAuthors));
      } else if (flags.format === 'md') {
        ctx.stdout(renderMarkdownQuotes(quotes, describeEmptyFeed(event.id, flags, windows)));
      } else {
        const records = quotes.map((quote) => toFeedRecord(quote, collectedAt.get(quote.commentId) ?? null));
        ctx.stdout(`${JSON.stringify({ event: event.id, tagger: tagger.version, quotes: records }, null, 2)}\n`);
      }
    });
}

/** The time windows asked for, one phrase each (`posted since …`, `collected since …`), in the order the help lists them. */
function describeWindows(since: number | undefined, collectedSince: number | undefined): string[] {
  return [
    ...(since === undefined ? [] : [`posted since ${new Date(since * 1000).toISOString()}`]),
    ...(collectedSince === undefined ? [] : [`collected since ${new Date(collectedSince * 1000).toISOString()}`]),
  ];
}

/**
 * The empty Markdown feed's one line: no quotes, for which event and request (`No quotes for <event> (tag distrust,
 * probability at least 0.5, posted since …, collected since …).`). Every filter given is one item of the same comma
 * list, windows included: a quote must pass each, and an "and" between the two windows alone read as if they were one
 * filter unlike the others. Why there are none (a store never collected into, comments withheld unconfirmed) is said
 * on stderr, as for the JSON and CSV feeds.
 */
function describeEmptyFeed(
  eventId: string,
  flags: { tag?: string | undefined; minScore?: number | undefined },
  windows: readonly string[],
): string {
  const filters = [
    ...(flags.tag === undefined ? [] : [`tag ${flags.tag}`]),
    ...(flags.minScore === undefined ? [] : [`probability at least ${flags.minScore}`]),
    ...windows,
  ];
  return `No quotes for ${eventId}${filters.length === 0 ? '' : ` (${filters.join(', ')})`}.`;
}
