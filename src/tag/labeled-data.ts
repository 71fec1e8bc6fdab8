// Labeled JSONL (training/labeled-dev.jsonl, `reactionlens eval` input).

import { z } from 'zod';
import { inputIdSchema } from './input-id-schema.js';
import { TAG_NAMES, type TagName } from '../types.js';

const bit = z
  .union([z.literal(0), z.literal(1), z.boolean()], { error: 'expected 0 or 1 (or true/false)' })
  .transform((v) => (v === true || v === 1 ? 1 : 0));

export const labeledItemSchema = z.object({
  id: inputIdSchema,
  text: z.string(),
  url: z.string().optional(),
  labels: z.object({ cynicism: bit, distrust: bit, bubble_caution: bit }),
  ambiguous: z.boolean().optional(),
  /** The CV grouping key when `url` is not it: `labels export` writes the thread, since each comment has its own permalink. */
  group: z.string().min(1).optional(),
  /** Tags no human decided (`labels export` fills them with the tagger's own label): neither trained on nor scored. */
  tagsFromTagger: z.array(z.enum(TAG_NAMES)).optional(),
});

export interface LabeledItem {
  id: string;
  text: string;
  /** Thread / page: the CV grouping key (falls back to the id). */
  group: string;
  labels: Record<TagName, 0 | 1>;
  ambiguous: boolean;
  /** Tags whose label is the tagger's, not a person's (absent: every tag was labeled by a person). */
  unlabeled?: readonly TagName[];
}

/** An item read from labeled JSONL, with its 1-based line: what tells items apart, since ids may repeat. */
export interface LabeledLine extends LabeledItem {
  line: number;
}

export interface ParseProblem {
  line: number;
  message: string;
}

/** Parse labeled JSONL; bad lines are reported, not fatal. Every good line is an item, whether or not its id repeats. */
export function parseLabeledJsonl(content: string): { items: LabeledLine[]; problems: ParseProblem[] } {
  const items: LabeledLine[] = [];
  const problems: ParseProblem[] = [];
  const lines = content.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      problems.push({ line: i + 1, message: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    const r = labeledItemSchema.safeParse(json);
    if (!r.success) {
      problems.push({ line: i + 1, message: r.error.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; ') });
      return;
    }
    const d = r.data;
    items.push({
      id: d.id,
      line: i + 1,
      text: d.text,
      group: d.group ?? d.url ?? d.id,
      labels: { cynicism: d.labels.cynicism as 0 | 1, distrust: d.labels.distrust as 0 | 1, bubble_caution: d.labels.bubble_caution as 0 | 1 },
      ambiguous: d.ambiguous ?? false,
      ...(d.tagsFromTagger !== undefined && d.tagsFromTagger.length > 0 ? { unlabeled: [...new Set(d.tagsFromTagger)] } : {}),
    });
  });
  return { items, problems };
}
