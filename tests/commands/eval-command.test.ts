import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { repeatedIds } from '../../src/commands/eval-command.js';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { TAG_NAMES } from '../../src/types.js';
import { cli } from '../helpers/run-cli.js';
import { ONE_COMMENT_BODY, saveOneCommentStore } from '../helpers/save-one-comment-store.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('rl-eval-');

const item = (id: string, text: string, c: number, d: number, b: number): string =>
  JSON.stringify({ id, text, labels: { cynicism: c, distrust: d, bubble_caution: b } });

function labeledFile(extraLines: string[] = []): string {
  const dir = makeDir();
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
  it('averages macro-F1 over the tags some item is labeled with, and says so', async () => {
    const dir = makeDir();
    writeFileSync(join(dir, 'cyn.jsonl'), [item('a', 'Sure, nothing says healthy demand like handing your customer the cash. /s', 1, 0, 0), item('b', 'The first gigawatt comes online next year.', 0, 0, 0)].join('\n') + '\n');
    const j = await cli(['eval', join(dir, 'cyn.jsonl'), '--json']);
    expect(j.code).toBe(EXIT.ok);
    const out = JSON.parse(j.stdout) as { macroF1: number; macroOver: string[]; tags: Record<string, { f1: number }> };
    expect(out.macroOver).toEqual(['cynicism']);
    expect(out.macroF1).toBe(out.tags['cynicism']!.f1);
    expect(out.macroF1).toBeGreaterThan(0);
    const t = await cli(['eval', join(dir, 'cyn.jsonl')]);
    expect(t.stdout).toMatch(/macro-F1 +[\d.]+ +\(over cynicism: no item is labeled with the others\)/);
    expect(t.stdout).toMatch(/distrust +— +— +—/);
    // with every tag labeled somewhere, macroOver is not printed and the mean is over all three
    const all = await cli(['eval', join(labeledFile(), 'labeled.jsonl'), '--json']);
    expect(Object.keys(JSON.parse(all.stdout) as object)).not.toContain('macroOver');
  });

  it('--json prints n, per-tag metrics, macroF1, the tagger version and the worst errors', async () => {
    const dir = labeledFile();
    const r = await cli(['eval', 'labeled.jsonl', '--json'], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['calibration', 'macroF1', 'n', 'tagger', 'tags', 'worst']);
    expect(out['n']).toBe(3);
    // the probabilities against the labels: each tag's Brier score is the mean squared gap over the three items
    const calibration = out['calibration'] as Record<string, { n: number; brier: number; ece: number; bins: unknown[] }>;
    const tagged = loadTagger().tagMany(readFileSync(join(dir, 'labeled.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text));
    const labeled = { cynicism: [1, 0, 0], distrust: [0, 1, 0], bubble_caution: [1, 0, 0] };
    for (const t of TAG_NAMES) {
      const brier = tagged.reduce((a, o, i) => a + (o.tags[t].score - labeled[t][i]!) ** 2, 0) / 3;
      expect(calibration[t]!.n, t).toBe(3);
      expect(calibration[t]!.brier, t).toBeCloseTo(brier, 3);
      expect(calibration[t]!.bins.length, t).toBeGreaterThan(0);
    }
    expect((await cli(['eval', 'labeled.jsonl'], { cwd: dir })).stdout).toMatch(/^calibration: cynicism Brier \d\.\d{3}, ECE \d\.\d{3}; distrust .* \(0 is perfect\)$/m);
    expect(out['tagger']).toBe(loadTagger().version);
    const tags = out['tags'] as Record<string, Record<string, number>>;
    for (const t of TAG_NAMES) {
      expect(Object.keys(tags[t]!).sort()).toEqual(['f1', 'fn', 'fp', 'precision', 'recall', 'tp']);
      expect(tags[t]!['tp']! + tags[t]!['fn']!).toBe(1); // one positive per tag in the file
    }
    expect(typeof out['macroF1']).toBe('number');
  });

  it('reads a labeled file that starts with a UTF-8 BOM, first line included', async () => {
    const dir = labeledFile();
    const file = join(dir, 'labeled.jsonl');
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    const r = await cli(['eval', 'labeled.jsonl', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect((JSON.parse(r.stdout) as { n: number }).n).toBe(3);
  });

  it('--json lists, per tag, the worst false positives and negatives with id, score, text excerpt and cues, as the text report does', async () => {
    const long = `They book their own investment as revenue. That is round-tripping, and the SEC should look at it. ${'Padding words here. '.repeat(10)}`;
    // every item labeled the opposite of what it says, so each tag has false positives and negatives
    const dir = labeledFile([item('fp1', long, 0, 0, 0), item('fn1', 'The first gigawatt is scheduled to come online next year.', 1, 1, 1)]);
    const json = JSON.parse((await cli(['eval', 'labeled.jsonl', '--json'], { cwd: dir })).stdout) as {
      tags: Record<string, { fp: number; fn: number }>;
      worst: Record<string, Record<'falsePositives' | 'falseNegatives', Array<{ id: string; score: number; text: string; cues: Array<{ cue: string; text: string; start: number; end: number; weight: number }> }>>>;
    };
    expect(Object.keys(json.worst)).toEqual([...TAG_NAMES]);
    const text = (await cli(['eval', 'labeled.jsonl'], { cwd: dir })).stdout;
    for (const t of TAG_NAMES) {
      const { falsePositives, falseNegatives } = json.worst[t]!;
      expect(falsePositives.length, t).toBe(Math.min(3, json.tags[t]!.fp));
      expect(falseNegatives.length, t).toBe(Math.min(3, json.tags[t]!.fn));
      for (const [kind, list] of [['FP', falsePositives], ['FN', falseNegatives]] as const) {
        for (const w of list) {
          expect(text).toContain(`  ${kind} ${w.score.toFixed(2)} ${w.id}: ${w.text}`);
          for (const c of w.cues) expect(text).toContain(`"${c.text}"`);
        }
      }
    }
    expect(json.worst['distrust']!.falsePositives.map((w) => w.id)).toContain('fp1');
    const fp1 = json.worst['distrust']!.falsePositives.find((w) => w.id === 'fp1')!;
    expect(fp1.text).toBe(`${long.slice(0, 137)}...`);
    expect(fp1.cues.length).toBeGreaterThan(0);
    expect(fp1.cues.every((c) => long.slice(c.start, c.end) === c.text)).toBe(true);
    expect(json.worst['bubble_caution']!.falseNegatives.map((w) => w.id)).toContain('fn1');
    // --worst bounds the lists
    const none = JSON.parse((await cli(['eval', 'labeled.jsonl', '--json', '--worst', '0'], { cwd: dir })).stdout) as typeof json;
    for (const t of TAG_NAMES) expect(none.worst[t]).toEqual({ falsePositives: [], falseNegatives: [] });
  });

  it('cuts a long excerpt between graphemes: an emoji across the cut is left out whole, not halved', async () => {
    const start = 'They book their own investment as revenue. That is round-tripping, and the SEC should look at it. Padding words here and ';
    // the emoji's two code units sit at 136 and 137: a cut at 137 code units kept only its first half
    const long = `${start}${'x'.repeat(136 - start.length)}🤡 and the rest of the comment.`;
    expect(long.charCodeAt(136)).toBe(0xd83e);
    // labeled 0 everywhere: a false positive where the tagger fires (distrust, on "round-tripping")
    const dir = labeledFile([item('emoji', long, 0, 0, 0)]);
    const r = await cli(['eval', 'labeled.jsonl', '--json', '--worst', '50'], { cwd: dir });
    const json = JSON.parse(r.stdout) as { worst: Record<string, { falsePositives: Array<{ id: string; text: string }> }> };
    const excerpt = json.worst['distrust']!.falsePositives.find((w) => w.id === 'emoji')!.text;
    expect(excerpt).toBe(`${long.slice(0, 136)}...`);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // the text report prints the same excerpt, whole emoji or none (stdout as UTF-8 bytes has no U+FFFD)
    const text = (await cli(['eval', 'labeled.jsonl', '--worst', '50'], { cwd: dir })).stdout;
    expect(text).toContain(`emoji: ${long.slice(0, 136)}...`);
    expect(Buffer.from(text, 'utf8').toString('utf8')).not.toContain('\uFFFD');
  });

  it('the text report lists the table; bad lines go to stderr with line numbers and exit 2', async () => {
    const dir = labeledFile(['{oops', JSON.stringify({ id: 'z', text: 'no labels' })]);
    const r = await cli(['eval', 'labeled.jsonl'], { cwd: dir });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toMatch(/macro-F1/);
    expect(r.stderr).toMatch(/line 4: invalid JSON/);
    expect(r.stderr).toMatch(/line 5: labels/);
  });

  it('a label that is not 0/1 says what is expected', async () => {
    const bad = JSON.stringify({ id: 'y', text: 'x', labels: { cynicism: 'yes', distrust: 0, bubble_caution: 0 } });
    const r = await cli(['eval', 'labeled.jsonl'], { cwd: labeledFile([bad]) });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/line 4: labels\.cynicism: expected 0 or 1/);
  });

  it('a repeated id: each line is its own item, listed with its own text and cues, and stderr names the id and its lines', async () => {
    const dir = makeDir();
    writeFileSync(
      join(dir, 'dup.jsonl'),
      [item('dup', 'Nice weather today.', 0, 1, 0), item('dup', 'This is a Ponzi scheme, pure fraud, cooking the books.', 0, 0, 0)].join('\n') + '\n',
    );
    const r = await cli(['eval', 'dup.jsonl'], { cwd: dir });
    expect(r.code, r.stderr).toBe(EXIT.ok);
    // the missed distrust item is the weather line, with no cues; the Ponzi line is the false positive, with its own
    const fn = r.stdout.split('\n').findIndex((l) => l.startsWith('  FN '));
    expect(r.stdout.split('\n')[fn]).toMatch(/^ {2}FN \d\.\d\d dup: Nice weather today\.$/);
    expect(r.stdout.split('\n')[fn + 1]).toBe('       cues: (no cues)');
    expect(r.stdout).toMatch(/ {2}FP \d\.\d\d dup: This is a Ponzi scheme/);
    expect(r.stdout).toMatch(/\(n=2\)/);
    expect(r.stderr).toMatch(/dup\.jsonl: id "dup" appears on lines 1 and 2\n/);
    const json = await cli(['eval', 'dup.jsonl', '--json'], { cwd: dir });
    expect(json.stderr).toBe(r.stderr);
    const out = JSON.parse(json.stdout) as { n: number; tags: Record<string, { fp: number; fn: number }>; worst: Record<string, Record<string, Array<{ id: string; text: string; cues: Array<{ text: string }> }>>> };
    // only distrust is labeled in this file, so macroOver says the macro-F1 is distrust's alone
    expect(Object.keys(out).sort()).toEqual(['calibration', 'macroF1', 'macroOver', 'n', 'tagger', 'tags', 'worst']);
    expect(out.n).toBe(2);
    expect(out.tags['distrust']).toMatchObject({ fp: 1, fn: 1 });
    expect(out.worst['distrust']!['falseNegatives']).toEqual([expect.objectContaining({ id: 'dup', text: 'Nice weather today.', cues: [] })]);
    const fp = out.worst['distrust']!['falsePositives']!;
    expect(fp.map((w) => w.text)).toEqual(['This is a Ponzi scheme, pure fraud, cooking the books.']);
    expect(fp[0]!.cues.map((c) => c.text)).toContain('Ponzi');
  });

  it('reads a numeric id as its string form, as `tag` does; an id of another type is still a bad line naming file and line', async () => {
    const row = (id: unknown, text: string): string => JSON.stringify({ id, text, labels: { cynicism: 0, distrust: 1, bubble_caution: 0 } });
    const dir = labeledFile([row(7, 'Nice weather today.'), row(true, 'A boolean id.')]);
    const r = await cli(['eval', 'labeled.jsonl', '--json', '--worst', '50'], { cwd: dir });
    expect(r.code).toBe(EXIT.usage); // the boolean id
    expect(r.stderr).toMatch(/labeled\.jsonl line 5: id: expected a string or a number/);
    expect(r.stderr).not.toMatch(/line 4/);
    const out = JSON.parse(r.stdout) as { n: number; worst: Record<string, Record<string, Array<{ id: string; text: string }>>> };
    expect(out.n).toBe(4);
    expect(out.worst['distrust']!['falseNegatives']).toContainEqual(expect.objectContaining({ id: '7', text: 'Nice weather today.' }));
    // 7 and "7" are the same id
    const both = labeledFile([row(7, 'Nice weather today.'), row('7', 'Nice weather again.')]);
    expect((await cli(['eval', 'labeled.jsonl'], { cwd: both })).stderr).toMatch(/id "7" appears on lines 4 and 5/);
  });

  it('reads what `labels export` writes', async () => {
    const dir = makeDir();
    const db = saveOneCommentStore(dir);
    expect((await cli(['label', 'c1', '--distrust', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    const exported = await cli(['labels', 'export', '--db', db, '--out', 'labels.jsonl'], { cwd: dir });
    expect(exported.code, exported.stderr).toBe(EXIT.ok);
    const r = await cli(['eval', 'labels.jsonl', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const out = JSON.parse(r.stdout) as { n: number; tags: Record<string, { tp: number; fp: number; fn: number }>; macroOver?: string[] };
    expect(out.n).toBe(1);
    expect(out.tags['distrust']!.tp + out.tags['distrust']!.fn).toBe(1);
    // the export fills cynicism and bubble_caution with the tagger's own labels; the tagger does call this text cynical,
    // and scoring that would hand it a true positive for agreeing with itself
    expect(loadTagger().tag(ONE_COMMENT_BODY).tags.cynicism.label).toBe(true);
    for (const t of ['cynicism', 'bubble_caution']) expect(out.tags[t], t).toMatchObject({ tp: 0, fp: 0, fn: 0 });
    expect(out.macroOver).toEqual(['distrust']);
  });

  it('names each repeated id with its lines, within bounds', () => {
    const at = (id: string, ...lines: number[]) => lines.map((line) => ({ id, line }));
    expect(repeatedIds([...at('a', 1), ...at('b', 2)])).toEqual([]);
    expect(repeatedIds([...at('a', 1, 3, 9), ...at('b', 2), ...at('say "hi"', 4, 5)])).toEqual([
      'id "a" appears on lines 1, 3 and 9',
      'id "say \\"hi\\"" appears on lines 4 and 5',
      'each line is evaluated as its own item',
    ]);
    const many = repeatedIds(at('a', ...Array.from({ length: 15 }, (_, i) => i + 1)));
    expect(many[0]).toBe('id "a" appears on lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 5 more');
    const ids = repeatedIds(Array.from({ length: 25 }, (_, i) => at(`x${i}`, 2 * i + 1, 2 * i + 2)).flat());
    expect(ids).toHaveLength(22);
    expect(ids[20]).toBe('5 more ids appear on more than one line');
  });
});
