// `reactionlens tag [FILE|-]`: JSONL in (id, text), JSONL out, one line per input line.
// `reactionlens tag --event <id>`: the tag stage over the store (what `run` does between collect and report).

import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, eventsDirOption, jsonOption, pathFlagSchema } from '../cli/common-options.js';
import { numberFlagSchema } from '../cli/number-flag-schema.js';
import { parseOptions } from '../cli/parse-options.js';
import { describeLockTaker, withStoreLock } from '../cli/with-store-lock.js';
import { ConfigError } from '../errors/errors.js';
import { formatZodIssues } from '../errors/format-zod-issues.js';
import { loadEvent } from '../events/load-events.js';
import { DEFAULT_MAX_LINE_BYTES } from '../import/line-splitter.js';
import { tagEvent } from '../pipeline/tag-event.js';
import { pluralise } from '../report/format-values.js';
import { inputIdSchema } from '../tag/input-id-schema.js';
import { loadTagger } from '../tag/load-tagger.js';
import { MAX_ANALYSED_CHARS } from '../tag/normalize-text.js';
import { TAG_BATCH_CHARS, TAG_BATCH_SIZE, TAG_NAMES, type TagName, type TagScore, type TagScores } from '../types.js';
import { OVERLONG_LINE, readLineBatches } from '../util/read-line-batches.js';

const flagsSchema = z.object({
  event: z.string().min(1).optional(),
  db: pathFlagSchema.optional(),
  eventsDir: pathFlagSchema,
  json: z.boolean().optional().default(false),
  maxLineBytes: numberFlagSchema({ min: 1, whole: true }).optional().default(DEFAULT_MAX_LINE_BYTES),
});

const lineSchema = z.object({ id: inputIdSchema, text: z.string() });

export function registerTagCommand(program: Command, ctx: CliContext): void {
  program
    .command('tag [file]')
    .description('tag JSONL comments ({"id","text"} per line; FILE or - for stdin) and write one JSONL result per line; or, with --event, tag the stored comments of an event')
    .option('--event <id>', "tag the store's comments of this event (cached per tagger version) instead of reading JSONL")
    .option(...dbOption)
    .option(...eventsDirOption)
    .option(...jsonOption)
    // for tests: a line over the cap is an error line, and a real one (64 MiB) is too large to write in a test
    .addOption(new Option('--max-line-bytes <n>', 'longest input line').hideHelp())
    .action(async (file: string | undefined, raw: unknown) => {
      const flags = parseOptions('tag', flagsSchema, raw);
      if (flags.event !== undefined) {
        if (file !== undefined) throw new ConfigError('tag: give either a FILE or --event, not both');
        const event = loadEvent(resolve(ctx.cwd, flags.eventsDir), flags.event);
        // tagging needs stored comments: a wrong --db is refused rather than made into an empty store ("tagged 0")
        const store = ctx.openStore(flags.db, { mustExist: true });
        const tagger = loadTagger();
        const summary = await withStoreLock(store, ctx, describeLockTaker('tag', ctx.now()), async () => tagEvent(store, event.id, tagger, ctx.now(), { signal: ctx.signal }));
        const result = { event: event.id, tagger: tagger.version, tagged: summary.tagged, cached: summary.cached };
        if (flags.json) ctx.stdout(`${JSON.stringify(result)}\n`);
        else ctx.stderr(`tagged ${pluralise(summary.tagged, 'comment')} of ${event.id} with ${tagger.version} (${summary.cached} already tagged)\n`);
        return;
      }
      let input: NodeJS.ReadableStream;
      let source = 'stdin';
      if (file === undefined || file === '-') input = ctx.stdin;
      else {
        source = resolve(ctx.cwd, file);
        if (statSync(source, { throwIfNoEntry: false })?.isDirectory() === true) throw new ConfigError(`tag: ${file} is a directory, not a JSONL file`);
        const stream = createReadStream(source);
        await new Promise<void>((ok, fail) => {
          stream.once('open', () => ok());
          stream.once('error', (e) => fail(new ConfigError(`tag: cannot read ${file}: ${e.message}`, { cause: e })));
        });
        input = stream;
      }
      const tagger = loadTagger();
      let lineNo = 0;
      let bad = 0;
      // lines whose text was longer than the tagger reads: named once at the end, not one stderr line each
      const cut: number[] = [];
      let batch: { id: string; text: string; lineNo: number }[] = [];
      let batchChars = 0;
      // results go out before a later line's error, so stdout and stderr interleave in input order
      const flush = (): void => {
        if (batch.length === 0) return;
        const outcomes = tagger.tagMany(batch.map((b) => b.text));
        let out = '';
        for (let k = 0; k < batch.length; k++) {
          const outcome = outcomes[k]!;
          const o: Record<string, unknown> = { id: batch[k]!.id, tags: printedTags(outcome.tags), tagger: tagger.version };
          if (outcome.skipped !== undefined) o['skipped'] = outcome.skipped;
          if (outcome.analysedChars !== undefined) {
            o['analysedChars'] = outcome.analysedChars;
            cut.push(batch[k]!.lineNo);
          }
          out += JSON.stringify(o) + '\n';
        }
        ctx.stdout(out);
        batch = [];
        batchChars = 0;
      };
      // lines already written stay written; on Ctrl-C the rest is not tagged (exit 130), also while waiting for input
      try {
        for await (const lines of readLineBatches(input, TAG_BATCH_SIZE, ctx.signal, { maxLineBytes: flags.maxLineBytes })) {
          ctx.signal?.throwIfAborted();
          for (const raw of lines) {
            lineNo++;
            if (raw === OVERLONG_LINE) {
              // its bytes were dropped as they came: read whole, a line past ~512 MiB does not even fit in a string
              bad++;
              flush();
              ctx.stderr(`reactionlens tag: ${source} line ${lineNo}: longer than ${describeBytes(flags.maxLineBytes)}, the most one line may hold; skipped\n`);
              continue;
            }
            const line = raw.trim();
            if (line === '') continue;
            let json: unknown;
            try {
              json = JSON.parse(line);
            } catch (e) {
              bad++;
              flush();
              ctx.stderr(`reactionlens tag: ${source} line ${lineNo}: invalid JSON (${(e as Error).message})\n`);
              continue;
            }
            const r = lineSchema.safeParse(json);
            if (!r.success) {
              bad++;
              flush();
              ctx.stderr(`reactionlens tag: ${source} line ${lineNo}: expected {"id": string, "text": string}: ${formatZodIssues(r.error)}\n`);
              continue;
            }
            batch.push({ ...r.data, lineNo });
            batchChars += r.data.text.length;
            if (batchChars >= TAG_BATCH_CHARS) flush();
          }
          flush();
          // a slow reader of stdout: wait for it rather than tag on and queue the results in memory
          await ctx.waitForStdout?.(ctx.signal);
        }
        if (cut.length > 0) ctx.stderr(`reactionlens tag: ${describeCut(cut, source)}\n`);
      } finally {
        // also when stopped: a bad line already named on stderr is part of how it went (the reader of stdout going
        // away ends it by its outcome so far, see src/cli.ts)
        if (bad > 0) ctx.markInvalidInput(`${bad} bad input line(s) in ${source}`);
      }
    });
}

/** "2 texts longer than 20,000 characters (stdin lines 4, 9): only their first 20,000 characters were tagged". */
function describeCut(lines: readonly number[], source: string): string {
  const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? `, … (${lines.length - 10} more)` : '');
  const n = MAX_ANALYSED_CHARS.toLocaleString('en-US');
  const texts = lines.length === 1 ? '1 text' : `${lines.length} texts`;
  return `${texts} longer than ${n} characters (${source} line${lines.length === 1 ? '' : 's'} ${shown}): only the first ${n} characters of each were tagged ("analysedChars" in its result)`;
}

/** 67108864 as "64 MiB"; a cap that is no whole number of MiB in bytes. */
function describeBytes(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes % mib === 0 ? `${bytes / mib} MiB` : `${bytes} bytes`;
}

/** The documented per-tag fields only: other tools read this format, and the picker's strength is ours. */
function printedTags(tags: TagScores): Record<TagName, Omit<TagScore, 'strength'>> {
  const out = {} as Record<TagName, Omit<TagScore, 'strength'>>;
  for (const name of TAG_NAMES) {
    const { score, label, cues } = tags[name];
    out[name] = { score, label, cues };
  }
  return out;
}
