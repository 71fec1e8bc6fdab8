// Reviewers' corrections (`reactionlens labels export`) as training data: the tags a person did not decide are the
// tagger's own guesses and must neither train nor score it; training/corrections/*.jsonl joins the bundled data.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toExamples } from '../../src/tag/cross-validate.js';
import { summarize, worstErrors, type Prediction } from '../../src/tag/evaluate-tags.js';
import { parseLabeledJsonl } from '../../src/tag/labeled-data.js';
import { readRepoLabeledData } from '../../src/tag/read-repo-labeled-data.js';
import { DEFAULT_TRAIN_CONFIG, trainModel, type Example } from '../../src/tag/train-model.js';
import { serializeModel } from '../../src/tag/model-file.js';
import { trainRepoModel } from '../../src/tag/train-repo-model.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('rl-corrections-');
const BUNDLED = readFileSync(new URL('../../training/labeled-dev.jsonl', import.meta.url), 'utf8');
const row = (id: string, text: string, labels: [number, number, number], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id, text, labels: { cynicism: labels[0], distrust: labels[1], bubble_caution: labels[2] }, ...extra });

/** A repo root holding a small bundled file and the given corrections files. */
function repoWith(corrections: Record<string, string[]>, bundledItems = 40): string {
  const root = makeDir();
  mkdirSync(join(root, 'training', 'corrections'), { recursive: true });
  writeFileSync(join(root, 'training', 'labeled-dev.jsonl'), BUNDLED.split('\n').slice(0, bundledItems).join('\n') + '\n');
  for (const [name, lines] of Object.entries(corrections)) writeFileSync(join(root, 'training', 'corrections', name), lines.join('\n') + '\n');
  return root;
}

const QUICK = { ...DEFAULT_TRAIN_CONFIG, iterations: 200, innerRepeats: 1, innerFolds: 3 };

describe('labeled JSONL from labels export', () => {
  it('reads tagsFromTagger as tags nobody labeled, and group as the CV key over url', () => {
    const { items, problems } = parseLabeledJsonl(
      [
        row('c1', 'Genius.', [1, 0, 0], { url: 'https://reddit.com/r/x/comments/t1/a/c1/', group: 't1', tagsFromTagger: ['distrust', 'bubble_caution'] }),
        row('c2', 'Fine.', [0, 0, 0], { url: 'https://example.com/p' }),
        row('c3', 'Bad tag name.', [0, 0, 0], { tagsFromTagger: ['sarcasm'] }),
      ].join('\n'),
    );
    expect(items.map((i) => [i.id, i.group, i.unlabeled])).toEqual([
      ['c1', 't1', ['distrust', 'bubble_caution']],
      ['c2', 'https://example.com/p', undefined],
    ]);
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/^tagsFromTagger\.0: /) }]);
  });

  it('scores no tag that only the tagger labeled: not a true positive, not in the worst lists', () => {
    const p = (id: string, label: 0 | 1, predicted: boolean, unlabeled?: Prediction['unlabeled']): Prediction => ({
      id,
      labels: { cynicism: label, distrust: 0, bubble_caution: 0 },
      predicted: { cynicism: predicted, distrust: false, bubble_caution: false },
      scores: { cynicism: predicted ? 0.9 : 0.1, distrust: 0.1, bubble_caution: 0.1 },
      ...(unlabeled !== undefined ? { unlabeled } : {}),
    });
    const preds = [p('a', 1, true), p('b', 1, true, ['cynicism']), p('c', 0, true), p('d', 1, false, ['cynicism', 'distrust'])];
    expect(summarize(preds).tags.cynicism).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(worstErrors([p('e', 0, true, ['cynicism']), p('f', 1, false, ['cynicism'])], 'cynicism', 5)).toEqual({ fp: [], fn: [] });
  });
});

describe('training on corrections', () => {
  it('leaves a row out of the fit of each tag it does not label, and only of those', () => {
    const ex = toExamples(parseLabeledJsonl(BUNDLED.split('\n').slice(0, 60).join('\n')).items);
    // a cynical text labeled for distrust alone: its cynicism label is the tagger's guess
    const extra = toExamples(parseLabeledJsonl(row('c9', 'Nvidia pays OpenAI to buy Nvidia chips. Genius. What could go wrong /s', [1, 0, 0], { tagsFromTagger: ['cynicism', 'bubble_caution'] })).items)[0]!;
    const withRow = trainModel([...ex, extra], QUICK);
    const without = trainModel(ex, QUICK);
    const counted: Example = { ...extra, unlabeled: [] };
    const withCounted = trainModel([...ex, counted], QUICK);
    expect(withRow.tags.cynicism).toEqual(without.tags.cynicism);
    expect(withRow.tags.bubble_caution).toEqual(without.tags.bubble_caution);
    expect(withRow.tags.distrust).toEqual(withCounted.tags.distrust);
    expect(withRow.tags.distrust).not.toEqual(without.tags.distrust);
    expect(withCounted.tags.cynicism).not.toEqual(without.tags.cynicism);
  });

  it('refuses to build the artifact when a tag cannot be trained, naming the tag (npm run train stops, nothing written)', () => {
    // the first five bundled texts carry no cynicism label
    expect(() => trainRepoModel(repoWith({}, 5))).toThrow(/^cynicism: the 5 training examples are all labeled 0; a threshold needs examples of both labels$/);
  });

  it('reads training/corrections/*.jsonl after the bundled data, in name order, the later row of a repeated comment winning', () => {
    const root = repoWith({
      'b-store.jsonl': [row('k1', 'Round-tripping, full stop.', [0, 1, 0], { group: 't9' }), row('k2', 'Sure, totally sustainable.', [1, 0, 1])],
      'a-store.jsonl': [row('k1', 'Round-tripping, full stop.', [1, 1, 0], { group: 't9' }), 'not json'],
      'README.md': ['# notes, not data'],
    });
    const data = readRepoLabeledData(root);
    expect(data.base).toMatchObject({ file: 'training/labeled-dev.jsonl', items: 40 });
    expect(data.corrections.map((c) => [c.file, c.items])).toEqual([
      ['training/corrections/a-store.jsonl', 1],
      ['training/corrections/b-store.jsonl', 2],
    ]);
    expect(data.items).toHaveLength(42);
    expect(data.items.slice(40).map((i) => [i.id, i.labels.cynicism])).toEqual([
      ['k1', 0],
      ['k2', 1],
    ]);
    expect(data.problems).toEqual([
      { file: 'training/corrections/a-store.jsonl', line: 2, message: expect.stringMatching(/invalid JSON/) },
      { file: 'training/corrections/a-store.jsonl', line: 1, message: 'comment k1 is labeled again in training/corrections/b-store.jsonl line 1; that later row is used' },
    ]);
  });

  it('groups a row exported without group (an older labels export) by the thread its permalink names, as a newer row of that thread', () => {
    const permalink = (thread: string, id: string): string => `https://www.reddit.com/r/stocks/comments/${thread}/amazon_in_talks/${id}/`;
    const root = repoWith({
      'old-store.jsonl': [
        row('k1', 'Round-tripping, full stop.', [0, 1, 0], { url: permalink('t9', 'k1'), ambiguous: true }),
        row('k2', 'Sure, totally sustainable.', [1, 0, 1], { url: permalink('t9', 'k2') }),
        // a url that is not this row's comment permalink, and a row with neither: left as they were
        row('k4', 'Fine deal.', [0, 0, 0], { url: 'https://example.com/post/1' }),
        row('k5', 'Fine deal again.', [0, 0, 0], { url: permalink('t9', 'other') }),
        row('k6', 'Fine deal once more.', [0, 0, 0]),
      ],
      'new-store.jsonl': [row('k3', 'Genius. What could go wrong', [1, 0, 0], { url: permalink('t9', 'k3'), group: 't9' })],
    });
    const groups = Object.fromEntries(readRepoLabeledData(root).items.slice(40).map((i) => [i.id, i.group]));
    expect(groups).toEqual({ k3: 't9', k1: 't9', k2: 't9', k4: 'https://example.com/post/1', k5: permalink('t9', 'other'), k6: 'k6' });
  });

  it('records the corrections files in the model only when there are some', () => {
    const bare = readRepoLabeledData(repoWith({}));
    expect(bare.corrections).toEqual([]);
    const root = repoWith({ 'x.jsonl': [row('k2', 'Sure, totally sustainable.', [1, 0, 1])] }, 60);
    const { model } = trainRepoModel(root);
    expect(model.training).toMatchObject({ data: 'training/labeled-dev.jsonl', n: 61, corrections: [{ file: 'training/corrections/x.jsonl', items: 1 }] });
  });

  it('builds the same artifact (and so version) beside a corrections file that gives no row: an empty export, or bad lines only', () => {
    // `labels export --out` on a store with no correction writes an empty file; a new tagger version for it would
    // retag every stored comment with the very same model
    const bare = serializeModel(trainRepoModel(repoWith({}, 60)).model);
    expect(serializeModel(trainRepoModel(repoWith({ 'main-store.jsonl': [] }, 60)).model)).toBe(bare);
    const badOnly = trainRepoModel(repoWith({ 'a.jsonl': ['not json'] }, 60));
    expect(badOnly.problems).toHaveLength(1);
    expect(serializeModel(badOnly.model)).toBe(bare);
    // beside a file with rows, only that one is recorded
    const mixed = trainRepoModel(repoWith({ 'a.jsonl': [], 'b.jsonl': [row('k2', 'Sure, totally sustainable.', [1, 0, 1])] }, 60)).model;
    expect(mixed.training).toMatchObject({ corrections: [{ file: 'training/corrections/b.jsonl', items: 1 }] });
    expect((mixed.training as { corrections: unknown[] }).corrections).toHaveLength(1);
  });
});
