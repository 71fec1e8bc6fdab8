// `reactionlens eval FILE [--json]`: precision / recall / F1 of the committed tagger on labeled JSONL.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { jsonOption } from '../cli/common-options.js';
import { parseOptions } from '../cli/parse-options.js';
import { ConfigError } from '../errors/errors.js';
import { formatTable, summarize, worstErrors, type Prediction } from '../tag/evaluate-tags.js';
import { parseLabeledJsonl } from '../tag/labeled-data.js';
import { loadTagger } from '../tag/load-tagger.js';
import { tagInBatches } from '../tag/tag-in-batches.js';
import { TAG_NAMES, type Cue, type TagName } from '../types.js';

const flagsSchema = z.object({
  json: z.boolean().optional().default(false),
  worst: z.coerce.number().int().min(0).max(50).optional().default(3),
});

export function registerEvalCommand(program: Command, ctx: CliContext): void {
  program
    .command('eval <file>')
    .description('evaluate the tagger on labeled JSONL (id, text, labels {cynicism, distrust, bubble_caution})')
    .option(...jsonOption)
    .option('--worst <n>', 'how many worst false positives / negatives to list per tag', '3')
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
      const tagger = loadTagger();
      const cues = new Map<string, Record<TagName, Cue[]>>();
      const texts = new Map<string, string>();
      const outcomes = tagInBatches(tagger, items.map((it) => it.text));
      const preds: Prediction[] = items.map((it, k) => {
        const o = outcomes[k]!;
        const predicted = {} as Record<TagName, boolean>;
        const scores = {} as Record<TagName, number>;
        const c = {} as Record<TagName, Cue[]>;
        for (const t of TAG_NAMES) {
          predicted[t] = o.tags[t].label;
          scores[t] = o.tags[t].score;
          c[t] = o.tags[t].cues;
        }
        cues.set(it.id, c);
        texts.set(it.id, it.text);
        return { id: it.id, labels: it.labels, predicted, scores };
      });
      const s = summarize(preds);
      if (flags.json) {
        ctx.stdout(JSON.stringify({ n: s.n, tags: s.tags, macroF1: s.macroF1, tagger: tagger.version }) + '\n');
        return;
      }
      const out = [formatTable(`reactionlens eval ${file} — tagger ${tagger.version}`, s)];
      const short = (t: string): string => (t.length > 140 ? `${t.slice(0, 137)}...` : t).replace(/\s+/g, ' ');
      const cueList = (id: string, t: TagName): string =>
        (cues.get(id)?.[t] ?? []).map((c) => `${c.cue}(${c.weight > 0 ? '+' : ''}${c.weight}) "${c.text}"`).join(', ') || '(no cues)';
      for (const t of TAG_NAMES) {
        const w = worstErrors(preds, t, flags.worst);
        if (w.fp.length + w.fn.length === 0) continue;
        out.push('', `${t}:`);
        for (const p of w.fp) out.push(`  FP ${p.scores[t].toFixed(2)} ${p.id}: ${short(texts.get(p.id) ?? '')}`, `       cues: ${cueList(p.id, t)}`);
        for (const p of w.fn) out.push(`  FN ${p.scores[t].toFixed(2)} ${p.id}: ${short(texts.get(p.id) ?? '')}`, `       cues: ${cueList(p.id, t)}`);
      }
      ctx.stdout(out.join('\n') + '\n');
    });
}
