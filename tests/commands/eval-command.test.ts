import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { TAG_NAMES } from '../../src/types.js';
import { cli } from '../helpers/run-cli.js';

const item = (id: string, text: string, c: number, d: number, b: number): string =>
  JSON.stringify({ id, text, labels: { cynicism: c, distrust: d, bubble_caution: b } });

function labeledFile(extraLines: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-eval-'));
  const lines = [
    item('p1', 'More circular financing. What could go wrong? /s', 1, 0, 1),
    item('p2', 'They book their own investment as revenue. That is round-tripping, and the SEC should look at it.', 0, 1, 0),
    item('n1', 'The first gigawatt is scheduled to come online next year.', 0, 0, 0),
    ...extraLines,
  ];
  writeFileSync(join(dir, 'labeled.jsonl'), lines.join('\n') + '\n');
  return dir;
}

describe('reactionlens eval', () => {
  it('--json prints n, per-tag metrics, macroF1 and the tagger version', async () => {
    const dir = labeledFile();
    const r = await cli(['eval', 'labeled.jsonl', '--json'], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['macroF1', 'n', 'tagger', 'tags']);
    expect(out['n']).toBe(3);
    expect(out['tagger']).toBe(loadTagger().version);
    const tags = out['tags'] as Record<string, Record<string, number>>;
    for (const t of TAG_NAMES) {
      expect(Object.keys(tags[t]!).sort()).toEqual(['f1', 'fn', 'fp', 'precision', 'recall', 'tp']);
      expect(tags[t]!['tp']! + tags[t]!['fn']!).toBe(1); // one positive per tag in the file
    }
    expect(typeof out['macroF1']).toBe('number');
  });

  it('the text report lists the table; bad lines go to stderr with line numbers and exit 2', async () => {
    const dir = labeledFile(['{oops', JSON.stringify({ id: 'z', text: 'no labels' })]);
    const r = await cli(['eval', 'labeled.jsonl'], { cwd: dir });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toMatch(/macro-F1/);
    expect(r.stderr).toMatch(/line 4: invalid JSON/);
    expect(r.stderr).toMatch(/line 5: labels/);
  });
});
