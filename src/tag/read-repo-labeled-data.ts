// The labeled data `npm run train` and `npm run eval:cv` learn from: the bundled training/labeled-dev.jsonl, plus every
// training/corrections/*.jsonl — reviewers' corrections as `reactionlens labels export --out` writes them.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLabeledJsonl, type LabeledLine } from './labeled-data.js';

export const REPO_LABELED_DATA = 'training/labeled-dev.jsonl';
export const CORRECTIONS_DIR = 'training/corrections';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LabeledSource {
  /** Path from the repo root. */
  file: string;
  sha256: string;
  items: number;
}

/** A line left out (bad JSON, bad labels) or replaced (its id labeled again in a later file), named by file and line. */
export interface RepoDataProblem {
  file: string;
  line: number;
  message: string;
}

export interface RepoLabeledData {
  items: LabeledLine[];
  problems: RepoDataProblem[];
  base: LabeledSource;
  /** In the order read: file names sorted, so the same files always train the same model. */
  corrections: LabeledSource[];
}

function readSource(root: string, file: string, problems: RepoDataProblem[]): { source: LabeledSource; items: LabeledLine[] } {
  const content = readFileSync(join(root, file), 'utf8');
  const parsed = parseLabeledJsonl(content);
  for (const p of parsed.problems) problems.push({ file, ...p });
  return {
    source: { file, sha256: createHash('sha256').update(content).digest('hex').slice(0, 16), items: parsed.items.length },
    items: parsed.items,
  };
}

export function readRepoLabeledData(root: string = REPO_ROOT): RepoLabeledData {
  const problems: RepoDataProblem[] = [];
  const base = readSource(root, REPO_LABELED_DATA, problems);
  const dir = join(root, CORRECTIONS_DIR);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort() : [];
  const corrections: LabeledSource[] = [];
  // one comment exported from two stores, or twice into one file: the later row is the newer judgment, and two rows
  // of one text would weigh it double and could land on both sides of a CV split
  const byId = new Map<string, { file: string; item: LabeledLine }>();
  for (const name of names) {
    const file = `${CORRECTIONS_DIR}/${name}`;
    const read = readSource(root, file, problems);
    corrections.push(read.source);
    for (const item of read.items.map(groupByThread)) {
      const earlier = byId.get(item.id);
      if (earlier !== undefined) {
        problems.push({ file: earlier.file, line: earlier.item.line, message: `comment ${item.id} is labeled again in ${file} line ${item.line}; that later row is used` });
        byId.delete(item.id);
      }
      byId.set(item.id, { file, item });
    }
  }
  return { items: [...base.items, ...[...byId.values()].map((x) => x.item)], problems, base: base.source, corrections };
}

/**
 * A corrections row without `group` (exported by a reactionlens before export rows named their thread, or written by
 * hand) falls back to its url, which for an export is the comment's own permalink: one group per comment, so comments of
 * one thread, which answer and quote each other, would land on both sides of a CV split. Such a row is grouped by the
 * thread its permalink names, as `group` names it in a newer export, so old and new rows of one thread group together.
 */
function groupByThread(item: LabeledLine): LabeledLine {
  const permalink = /\/comments\/([a-z0-9]+)\/[^/]*\/([a-z0-9]+)\/?(?:[?#].*)?$/i.exec(item.group);
  return permalink !== null && permalink[2] === item.id ? { ...item, group: permalink[1]! } : item;
}
