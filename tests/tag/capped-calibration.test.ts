// The published probability stops where the labels stop (a ceiling), without moving any label.
import { describe, expect, it } from 'vitest';
import { worstErrors, type Prediction } from '../../src/tag/evaluate-tags.js';
import { fitCappedPlatt } from '../../src/tag/fit-capped-platt.js';
import { calibrated, evidenceStrength, fitPlatt, rawLogit, sigmoid } from '../../src/tag/logistic-model.js';
import { ConfigError } from '../../src/errors/errors.js';
import { checkTrainable } from '../../src/tag/check-trainable.js';
import { DEFAULT_TRAIN_CONFIG, trainModel, type Example } from '../../src/tag/train-model.js';
import { TAG_NAMES } from '../../src/types.js';

/** Logits from -3 to 3; below 0 one item in ten carries the label, from 0 on three in five, however high the logit. */
function plateau(): { zs: number[]; ys: number[] } {
  const zs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 300; i++) {
    const z = -3 + (6 * i) / 299;
    zs.push(z);
    ys.push(z < 0 ? (i % 10 === 0 ? 1 : 0) : i % 5 < 3 ? 1 : 0);
  }
  return { zs, ys };
}

function logLoss(ps: number[], ys: number[]): number {
  return -ps.reduce((sum, p, i) => sum + (ys[i] === 1 ? Math.log(p) : Math.log(1 - p)), 0) / ps.length;
}

describe('fitCappedPlatt', () => {
  it('finds the ceiling of labels that stop at 60 %, where plain Platt climbs towards 1', () => {
    const { zs, ys } = plateau();
    const plain = fitPlatt(zs, ys);
    const capped = fitCappedPlatt(zs, ys, 1, plain);
    expect(capped.cap).toBeGreaterThan(0.55);
    expect(capped.cap).toBeLessThan(0.72); // the optimum on this data is 0.68 (a grid search over a, b and the cap agrees)
    expect(sigmoid(plain.a * 3 + plain.b)).toBeGreaterThan(capped.cap + 0.03);
    const cappedPs = zs.map((z) => capped.cap * sigmoid(capped.a * z + capped.b));
    expect(logLoss(cappedPs, ys)).toBeLessThan(logLoss(zs.map((z) => sigmoid(plain.a * z + plain.b)), ys));
  });

  it('is deterministic and rounded like fitPlatt (the model bytes are its version)', () => {
    const { zs, ys } = plateau();
    const start = fitPlatt(zs, ys);
    const a = fitCappedPlatt(zs, ys, 1, start);
    expect(fitCappedPlatt(zs, ys, 1, start)).toEqual(a);
    for (const v of [a.a, a.b, a.cap]) expect(Math.round(v * 1e4) / 1e4).toBe(v);
  });

  it('leaves a ceiling near 1 when the labels keep rising with the logit', () => {
    const zs = Array.from({ length: 200 }, (_, i) => -4 + (8 * i) / 199);
    const ys = zs.map((z, i) => (sigmoid(2 * z) > ((i * 37) % 100) / 100 ? 1 : 0));
    const capped = fitCappedPlatt(zs, ys, 1, fitPlatt(zs, ys));
    expect(capped.cap).toBeGreaterThan(0.9);
  });
});

// 120 items in 40 threads; cue:a fires on 60 of them, of which 36 are positive, however many times it fires
const examples: Example[] = Array.from({ length: 120 }, (_, i) => {
  const fires = i % 2 === 0;
  const positive = fires ? i % 10 < 6 : i % 20 === 1;
  const features = new Map<string, number>(fires ? [['cue:test-a', 1 + (i % 3)]] : [['cue:test-b', 1]]);
  if (i % 3 === 0) features.set('cue:test-c', 1);
  const y = positive ? 1 : 0;
  return { id: `e${i}`, group: `g${i % 40}`, features, labels: { cynicism: y, distrust: y, bubble_caution: y }, ambiguous: false };
});
const cfg = { ...DEFAULT_TRAIN_CONFIG, iterations: 300, innerRepeats: 2 };
const plain = trainModel(examples, { ...cfg, ceiling: false });
const capped = trainModel(examples, cfg);

describe('trainModel with a ceiling', () => {

  it('changes the probability, not which items carry the label', () => {
    for (const tag of TAG_NAMES) {
      const withCeiling = capped.tags[tag];
      expect(withCeiling.ceiling).toBeDefined();
      expect(plain.tags[tag].ceiling).toBeUndefined();
      let labeled = 0;
      for (const e of examples) {
        const z = rawLogit(withCeiling, e.features);
        const before = calibrated(plain.tags[tag], z) >= plain.tags[tag].threshold;
        expect(calibrated(withCeiling, z) >= withCeiling.threshold, `${tag} ${e.id}`).toBe(before);
        // the picker's strength is the probability the model published before the ceiling
        expect(evidenceStrength(withCeiling, z)).toBeCloseTo(calibrated(plain.tags[tag], z), 12);
        expect(calibrated(withCeiling, z)).toBeLessThanOrEqual(withCeiling.ceiling!.cap);
        if (before) labeled++;
      }
      expect(labeled).toBeGreaterThan(0);
    }
  });

  it('puts the top near the labeled rate (60 %), where plain Platt says more', () => {
    const m = capped.tags.cynicism;
    const top = new Map([['cue:test-a', 3]]);
    expect(calibrated(plain.tags.cynicism, rawLogit(m, top))).toBeGreaterThan(calibrated(m, rawLogit(m, top)));
    expect(m.ceiling!.cap).toBeLessThan(0.8);
  });
});

describe('worstErrors under a ceiling', () => {
  const p = (id: string, label: 0 | 1, predicted: boolean, score: number, strength?: number): Prediction => ({
    id,
    labels: { cynicism: label, distrust: 0, bubble_caution: 0 },
    predicted: { cynicism: predicted, distrust: false, bubble_caution: false },
    scores: { cynicism: score, distrust: 0, bubble_caution: 0 },
    ...(strength === undefined ? {} : { strengths: { cynicism: strength, distrust: 0, bubble_caution: 0 } }),
  });

  it('lists the most confident errors first by their strength, where the published probability ties at the ceiling', () => {
    const w = worstErrors([p('mild', 0, true, 0.67, 0.8), p('sure', 0, true, 0.67, 0.99), p('fn-near', 1, false, 0.2, 0.3), p('fn-far', 1, false, 0.2, 0.05)], 'cynicism', 1);
    expect(w.fp.map((x) => x.id)).toEqual(['sure']);
    expect(w.fn.map((x) => x.id)).toEqual(['fn-far']);
  });

  it('falls back to the score without strengths', () => {
    expect(worstErrors([p('a', 0, true, 0.5), p('b', 0, true, 0.9)], 'cynicism', 1).fp.map((x) => x.id)).toEqual(['b']);
  });
});

describe('checkTrainable: npm run train refuses data it cannot train a threshold on', () => {
  // half the threads are all positive and half all negative, and every item looks the same: leaving a fold out tilts
  // the rest towards the other label, so out of fold a higher score goes with the label 0
  const noSignal: Example[] = Array.from({ length: 120 }, (_, i) => {
    const y = (i % 40) % 2 === 0 ? 1 : 0;
    return { id: `n${i}`, group: `g${i % 40}`, features: new Map([['cue:test-a', 1]]), labels: { cynicism: y, distrust: y, bubble_caution: y }, ambiguous: false };
  });

  it('a calibration that would rank comments backwards is a config error naming the tag, not a model the loader refuses', () => {
    const model = trainModel(noSignal, cfg);
    expect(model.tags.cynicism.platt.a).toBeLessThanOrEqual(0);
    expect(() => checkTrainable(noSignal, model)).toThrow(ConfigError);
    expect(() => checkTrainable(noSignal, model)).toThrow(/^cynicism: out of fold a higher score does not mean a likelier label \(calibration slope -?\d.*\); the 120 examples \(60 labeled 1\)/);
  });

  it('a tag whose examples all carry one label is a config error; rows that leave the tag undecided do not count', () => {
    const oneLabel = (tag: 'cynicism' | 'bubble_caution', y: 0 | 1) => examples.map((e) => ({ ...e, labels: { ...e.labels, [tag]: y } }));
    const allZero = oneLabel('bubble_caution', 0);
    expect(() => checkTrainable(allZero, trainModel(allZero, cfg))).toThrow(/^bubble_caution: the 120 training examples are all labeled 0; a threshold needs examples of both labels$/);
    const allOne = oneLabel('cynicism', 1);
    expect(() => checkTrainable(allOne, trainModel(allOne, cfg))).toThrow(/^cynicism: the 120 training examples are all labeled 1/);
    // the only positives of distrust come from rows that leave distrust to the tagger
    const undecided = examples.map((e) => (e.labels.distrust === 1 ? { ...e, unlabeled: ['distrust' as const] } : e));
    expect(() => checkTrainable(undecided, trainModel(undecided, cfg))).toThrow(/^distrust: the \d+ training examples are all labeled 0/);
  });

  it('passes a trainable model, which the model file then reads', () => {
    expect(() => checkTrainable(examples, capped)).not.toThrow();
  });
});
