// `reactionlens eval FILE [--json]`: precision / recall / F1 of the committed tagger on labeled JSONL.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { jsonOption } from '../cli/common-options.js';
import { numberFlagSchema } from '../cli/number-flag-schema.js';
import { parseOptions } from '../cli/parse-options.js';
import { ConfigError } from '../errors/errors.js';
import { formatTable, summarize, worstErrors, type Prediction } from '../tag/evaluate-tags.js';
import { parseLabeledJsonl } from '../tag/labeled-data.js';
import { measureAllCalibration } from '../tag/measure-calibration.js';
import { loadTagger } from '../tag/load-tagger.js';
import { tagInBatches } from '../tag/tag-in-batches.js';
import { TAG_NAMES, type Cue, type TagName } from '../types.js';
import { truncateText } from '../util/truncate-text.js';

/** One of the worst errors of a tag: the item, the tag's score, a text excerpt and the cues that fired for the tag. */
interface WorstItem {
  id: string;
  score: number;
  text: string;
  cues: Cue[];
}

/** A labeled item with the tagger's answer on it, its text and the cues that fired per tag. */
interface EvalRow extends Prediction {
  text: string;
  cues: Record<TagName, Cue[]>;
}

/** Ids listed on more than one line, for stderr: every line is still evaluated as its own item. */
const MAX_REPEATED_IDS = 20;
const MAX_LINES_PER_ID = 10;
export function repeatedIds(items: readonly { id: string; line: number }[]): string[] {
  const linesOf = new Map<string, number[]>();
  for (const it of items) {
    const lines = linesOf.get(it.id);
    if (lines) lines.push(it.line);
    else linesOf.set(it.id, [it.line]);
  }
  const repeated = [...linesOf].filter(([, lines]) => lines.length > 1);
  const out = repeated.slice(0, MAX_REPEATED_IDS).map(([id, lines]) => {
    const shown = lines.slice(0, MAX_LINES_PER_ID);
    const more = lines.length - shown.length;
    const list = more > 0 ? `${shown.join(', ')} and ${more} more` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
    return `id ${JSON.stringify(id)} appears on lines ${list}`;
  });
  if (repeated.length > MAX_REPEATED_IDS) out.push(`${repeated.length - MAX_REPEATED_IDS} more ids appear on more than one line`);
  if (repeated.length > 0) out.push('each line is evaluated as its own item');
  return out;
}

const flagsSchema = z.object({
  json: z.boolean().optional().default(false),
  worst: numberFlagSchema({ min: 0, max: 50, whole: true }).optional().default(3),
});

export function registerEvalCommand(program: Command, ctx: CliContext): void {
  program
    .command('eval <file>')
    .description('evaluate the tagger on labeled JSONL (id, text, labels {cynicism, distrust, bubble_caution})')
    .option(...jsonOption)
    .option('--worst <n>', 'how many worst false positives / negatives to list per tag, 0–50', '3')
    .action((file: string, raw: unknown) => {
      const flags = parseOptions('eval', flagsSchema, raw);
      let content: string;
      try {
        content = readFileSync(resolve(ctx.cwd, file), 'utf8');
      } catch (e) {
        throw new ConfigError(`eval: cannot read ${file}: ${(e as Error).message}`, { cause: e });
      }
      const { items, problems } = parseLabeledJsonl(content);
      for (const p of problems) ctx.stderr(`reactionlens eval: ${file} line ${p.line}: ${p.message}\n`);
      if (problems.length > 0) ctx.markInvalidInput(`${problems.length} bad line(s) in ${file}`);
      if (items.length === 0) throw new ConfigError(`eval: no labeled items in ${file}`);
      for (const line of repeatedIds(items)) ctx.stderr(`reactionlens eval: ${file}: ${line}\n`);
      const tagger = loadTagger();
      const outcomes = tagInBatches(tagger, items.map((it) => it.text));
      // each row carries its own text and cues: ids may repeat, so nothing is looked up by id
      const rows: EvalRow[] = items.map((it, k) => {
        const o = outcomes[k]!;
        const predicted = {} as Record<TagName, boolean>;
        const scores = {} as Record<TagName, number>;
        const strengths = {} as Record<TagName, number>;
        const cues = {} as Record<TagName, Cue[]>;
        for (const t of TAG_NAMES) {
          predicted[t] = o.tags[t].label;
          scores[t] = o.tags[t].score;
          strengths[t] = o.tags[t].strength ?? o.tags[t].score;
          cues[t] = o.tags[t].cues;
        }
        return { id: it.id, labels: it.labels, predicted, scores, strengths, text: it.text, cues, ...(it.unlabeled !== undefined ? { unlabeled: it.unlabeled } : {}) };
      });
      const s = summarize(rows);
      // cut between graphemes: an emoji at the cut is kept or left out whole, never halved into a lone surrogate
      const short = (t: string): string => truncateText(t, 140).replace(/\s+/g, ' ');
      // the README promises the worst false positives and negatives with their cues; --json carries them too
      const worst = {} as Record<TagName, { falsePositives: WorstItem[]; falseNegatives: WorstItem[] }>;
      for (const t of TAG_NAMES) {
        const w = worstErrors(rows, t, flags.worst);
        const describe = (r: EvalRow): WorstItem => ({ id: r.id, score: r.scores[t], text: short(r.text), cues: r.cues[t] });
        worst[t] = { falsePositives: w.fp.map(describe), falseNegatives: w.fn.map(describe) };
      }
      // do the probabilities mean what they say on this file? (bins of 0.1: mean probability against the labeled share)
      const calibration = measureAllCalibration(rows);
      if (flags.json) {
        // n, tags and macroF1 are the keys other tools read: kept as they were, worst added beside them; macroOver
        // only when a tag has no labeled positive and so is left out of the macro-F1
        const over = s.macroOver.length < TAG_NAMES.length ? { macroOver: s.macroOver } : {};
        ctx.stdout(JSON.stringify({ n: s.n, tags: s.tags, macroF1: s.macroF1, ...over, tagger: tagger.version, calibration, worst }) + '\n');
        return;
      }
      const out = [
        formatTable(`reactionlens eval ${file} — tagger ${tagger.version}`, s),
        `calibration: ${TAG_NAMES.map((t) => `${t} Brier ${calibration[t].brier.toFixed(3)}, ECE ${calibration[t].ece.toFixed(3)}`).join('; ')} (0 is perfect)`,
      ];
      const cueList = (list: Cue[]): string => list.map((c) => `${c.cue}(${c.weight > 0 ? '+' : ''}${c.weight}) "${c.text}"`).join(', ') || '(no cues)';
      for (const t of TAG_NAMES) {
        const { falsePositives, falseNegatives } = worst[t];
        if (falsePositives.length + falseNegatives.length === 0) continue;
        out.push('', `${t}:`);
        for (const w of falsePositives) out.push(`  FP ${w.score.toFixed(2)} ${w.id}: ${w.text}`, `       cues: ${cueList(w.cues)}`);
        for (const w of falseNegatives) out.push(`  FN ${w.score.toFixed(2)} ${w.id}: ${w.text}`, `       cues: ${cueList(w.cues)}`);
      }
      ctx.stdout(out.join('\n') + '\n');
    });
}
