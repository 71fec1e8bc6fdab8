// npx tsx scripts/count-cue-review.ts [FILE] — how the tagger treats the cue-review sentences (training/probes/cue-review.jsonl).
// Each line: {"id", "tag", "cue", "stance": 0|1, "text"}: a sentence written for a review of one cue of `tag` (a tag, or
// the list of tags reviewed together), using the cue's words without the stance (stance 0: sincere, factual, worried or
// bullish) or with it (stance 1). Prints, per tag or list, how many of each kind get a cue contributing to one of its
// tags and how many get one of their labels; with --list, each stance-0 sentence that still does (the reviews'
// leftovers). Not training data: the reviews narrowed cues until these passed.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseConfigJsonl } from '../src/errors/parse-config-jsonl.js';
import { loadTagger } from '../src/tag/load-tagger.js';
import { TAG_NAMES, type TagName, type TagOutcome } from '../src/types.js';

const args = process.argv.slice(2);
const list = args.includes('--list');
const file = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../training/probes/cue-review.jsonl', import.meta.url));
const Line = z.object({ id: z.string(), tag: z.union([z.enum(TAG_NAMES), z.array(z.enum(TAG_NAMES)).nonempty()]), cue: z.string(), stance: z.union([z.literal(0), z.literal(1)]), text: z.string() });

const rows = parseConfigJsonl(readFileSync(file, 'utf8'), Line, file, 'not a review line');
const tagger = loadTagger();
const outcomes = tagger.tagMany(rows.map((r) => r.text));
process.stdout.write(`cue review (${file}), tagger ${tagger.version}\n`);
const groupOf = (tag: TagName | TagName[]): TagName[] => (Array.isArray(tag) ? tag : [tag]);
for (const group of [...new Set(rows.map((r) => groupOf(r.tag).join('+')))]) {
  const tags = group.split('+') as TagName[];
  const own = rows.map((r, i) => ({ r, o: outcomes[i]! })).filter(({ r }) => groupOf(r.tag).join('+') === group);
  const cuesOf = (o: TagOutcome) => tags.flatMap((t) => o.tags[t].cues.filter((c) => c.weight > 0));
  for (const stance of [0, 1] as const) {
    const kind = own.filter(({ r }) => r.stance === stance);
    if (kind.length === 0) continue;
    const cued = kind.filter(({ o }) => cuesOf(o).length > 0);
    const labelled = kind.filter(({ o }) => tags.some((t) => o.tags[t].label));
    process.stdout.write(`${group.padEnd(24)} ${stance === 0 ? 'without the stance' : 'with the stance   '} ${String(kind.length).padStart(4)}: ${cued.length} with a cue of it, ${labelled.length} labelled so\n`);
    if (list && stance === 0) for (const { r, o } of cued) process.stdout.write(`  ${r.id} ${cuesOf(o).map((c) => `${c.cue}[${c.text}]`).join(' ')} | ${r.text}\n`);
  }
}
