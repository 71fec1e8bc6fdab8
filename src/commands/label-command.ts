// `reactionlens label <comment-id> --cynicism 1 --distrust 0 ...` records a human correction;
// `reactionlens labels export` writes the corrections as labeled JSONL for retraining.

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { dbOption, pathFlagSchema } from '../cli/common-options.js';
import { parseOptions } from '../cli/parse-options.js';
import { ConfigError } from '../errors/errors.js';
import { writeFileAtomic } from '../report/write-file-atomic.js';
import { loadTagger } from '../tag/load-tagger.js';
import { TAG_NAMES, type LabelOverride, type TagName } from '../types.js';

const bit = z
  .string()
  .regex(/^(0|1|true|false|yes|no)$/i, 'expected 0 or 1')
  .transform((v) => /^(1|true|yes)$/i.test(v))
  .optional();

const labelFlags = z.object({
  cynicism: bit,
  distrust: bit,
  bubbleCaution: bit,
  note: z.string().optional(),
  db: pathFlagSchema.optional(),
  force: z.boolean().optional().default(false),
});

const exportFlags = z.object({ db: pathFlagSchema.optional(), out: pathFlagSchema.optional() });

export function registerLabelCommand(program: Command, ctx: CliContext): void {
  program
    .command('label <comment-id>')
    .description('record a human correction of the tags of one comment (wins over the tagger in reports and quotes)')
    .option('--cynicism <0|1>', 'cynicism label')
    .option('--distrust <0|1>', 'distrust label')
    .option('--bubble-caution <0|1>', 'bubble_caution label')
    .option('--note <text>', 'why (kept with the correction)')
    .option('--force', 'record even if the comment is not in the store (never one deleted or removed on Reddit)')
    .option(...dbOption)
    .action((commentId: string, raw: unknown) => {
      const flags = parseOptions('label', labelFlags, raw);
      const labels: Partial<Record<TagName, boolean>> = {};
      if (flags.cynicism !== undefined) labels.cynicism = flags.cynicism;
      if (flags.distrust !== undefined) labels.distrust = flags.distrust;
      if (flags.bubbleCaution !== undefined) labels.bubble_caution = flags.bubbleCaution;
      if (Object.keys(labels).length === 0) throw new ConfigError('label: give at least one of --cynicism, --distrust, --bubble-caution (0 or 1)');
      const id = commentId.replace(/^t1_/, '');
      // a correction belongs in an existing store (even with --force): a wrong --db must not leave an empty store behind
      const store = ctx.openStore(flags.db, { mustExist: true });
      try {
        const comment = store.getComment(id);
        if (comment === undefined && !flags.force) {
          throw new ConfigError(`label: comment ${id} is not in the store (use --force to record it anyway)`);
        }
        if (comment !== undefined && comment.status !== 'live') {
          // a purged comment never comes back (not even from an archive copy), so the correction could never be used:
          // refusing says so now, where recording it only surfaced as a `labels export` warning much later
          throw new ConfigError(
            `label: comment ${id} was ${comment.status === 'deleted' ? 'deleted by its author' : 'removed by moderators'} on Reddit: its text is purged from the store ` +
              'and it is never counted or quoted, so a correction would never be applied or exported; nothing recorded',
          );
        }
        if (comment === undefined) {
          ctx.stderr(`reactionlens label: warning: comment ${id} is not in the store; the correction is recorded (--force) and applies once the comment is collected into this store (labels export skips it until then)\n`);
        }
        const earlier = store.getLabel(id);
        const unreadable = earlier !== undefined && 'unreadable' in earlier;
        if (unreadable) {
          // labelling again is the natural fix for a damaged correction: refusing it would leave only hand SQL
          ctx.stderr(`reactionlens label: warning: the earlier correction of ${id} could not be read and is replaced by this one (${earlier.unreadable.message})\n`);
        } else if (earlier?.label.textChanged === true) {
          ctx.stderr(`reactionlens label: ${id} was edited by its author after the earlier correction; that correction is replaced, not merged\n`);
        }
        const override: LabelOverride = { commentId: id, labels, createdAt: ctx.now(), note: flags.note ?? null };
        // merged with an earlier correction of this comment: show the whole correction now in force
        const stored = store.putLabel(override, { replace: unreadable });
        const shown = TAG_NAMES.filter((t) => stored.labels[t] !== undefined).map((t) => `${t}=${stored.labels[t] ? 1 : 0}`);
        ctx.stderr(`recorded ${id}: ${shown.join(' ')}\n`);
      } finally {
        store.close();
      }
    });

  const labelsCmd = program.command('labels').description('human label corrections');
  labelsCmd
    .command('export')
    .description('write the corrections as labeled JSONL (id, text, labels, ...) for retraining; tags not corrected take the tagger label and are flagged')
    .option('--out <file>', 'write to a file instead of stdout')
    .option(...dbOption)
    .action((raw: unknown) => {
      const flags = parseOptions('labels export', exportFlags, raw);
      const store = ctx.openStore(flags.db, { readonly: true });
      const lines: string[] = [];
      try {
        const tagger = loadTagger();
        for (const o of store.listLabels()) {
          const c = store.getComment(o.commentId);
          if (c === undefined) {
            // a correction recorded with --force, or from a store that was rebuilt: nothing to export and nothing a
            // re-run could fetch, so a warning like a purged comment's, not a partial result (exit 4 is for runs)
            ctx.stderr(`reactionlens labels export: comment ${o.commentId} is not in the store; skipped\n`);
            continue;
          }
          if (c.status !== 'live' || c.body.trim() === '') {
            // purged text: an empty text with labels would teach the model nothing true
            ctx.stderr(`reactionlens labels export: comment ${o.commentId} was ${c.status === 'live' ? 'emptied' : c.status} on Reddit; its text is purged, skipped\n`);
            continue;
          }
          if (o.textChanged === true) {
            // the labels are about words the author has since edited away: pairing them with the new text would teach
            // the model something nobody said; a new `label` of the comment records a correction of its text now
            ctx.stderr(`reactionlens labels export: comment ${o.commentId} was edited on Reddit after its correction; the correction is about its earlier text, skipped (label it again to correct the new text)\n`);
            continue;
          }
          const predicted = tagger.tag(c.body);
          const labels = {} as Record<TagName, 0 | 1>;
          const fromTagger: TagName[] = [];
          for (const t of TAG_NAMES) {
            const human = o.labels[t];
            if (human === undefined) fromTagger.push(t);
            labels[t] = (human ?? predicted.tags[t].label) ? 1 : 0;
          }
          lines.push(
            JSON.stringify({
              id: c.id,
              text: c.body,
              url: c.permalink,
              // comments of one thread answer each other: CV keeps a thread on one side of a split
              group: c.threadId,
              labels,
              // the tags no person decided are marked below, and training and eval leave them out
              ambiguous: false,
              rationale: o.note ?? '',
              source: 'reactionlens-label',
              labeledAt: o.createdAt,
              ...(fromTagger.length > 0 ? { tagsFromTagger: fromTagger, tagger: tagger.version } : {}),
            }),
          );
        }
      } finally {
        store.close();
      }
      const body = lines.length > 0 ? lines.join('\n') + '\n' : '';
      if (flags.out !== undefined) {
        // a full disk must not leave a truncated export, nor cost the previous one: the old file stays whole, and the
        // FileError names the file (exit 3)
        writeFileAtomic(resolve(ctx.cwd, flags.out), body);
        ctx.stderr(`wrote ${lines.length} labeled item(s) to ${flags.out}\n`);
      } else ctx.stdout(body);
    });
  labelsCmd.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const c of labelsCmd.commands) c.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
}
