// Model-level experiment grid. For each variant: 5-fold grouped CV at seeds 20250101/7/99/1234, both half
// cross-checks (d001-d197 <-> d198-d364, default seed) and set A / set B macro (train on all, default seed).
// Usage:  npx tsx scripts/ablate/model-grid.ts [--workers 2] VARIANT...   (driver; caches results in .tmp/model-grid/)
//         npx tsx scripts/ablate/model-grid.ts --job JOB VARIANT...       (worker; JOB = cv:SEED | xp)
// The variants (model-grid-variants.ts) are the model-level experiments of 2026-11-27 (training/README.md, "Tried at the
// model level after lex23"); "base" reproduces npm run eval:cv and the cross-checks.
// Set B: only aggregate figures are printed (the set is kept unread).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { TAG_NAMES, type TagName } from '../../src/types.js';
import { analyseText, type TextAnalysis } from '../../src/tag/analyse-text.js';
import { summarize, type EvalSummary, type Prediction } from '../../src/tag/evaluate-tags.js';
import { groupFolds } from '../../src/tag/group-folds.js';
import { parseLabeledJsonl, type LabeledItem } from '../../src/tag/labeled-data.js';
import { bestF1Threshold, calibrated, fitPlatt, rawLogit, smoothedF1Threshold, trainLogistic, type TagModel, type TrainOptions } from '../../src/tag/logistic-model.js';
import { NGRAM_PREFIX, type FeatureVector } from '../../src/tag/extract-features.js';
import { DEFAULT_TRAIN_CONFIG, innerFoldLogits, lexiconPriors, type TrainConfig } from '../../src/tag/train-model.js';
import { VARIANTS } from './model-grid-variants.js';

export interface GEx {
  id: string;
  group: string;
  features: FeatureVector;
  labels: Record<TagName, 0 | 1>;
  ambiguous: boolean;
  a: TextAnalysis;
  text: string;
}

export interface Variant {
  cfg?: Partial<TrainConfig>;
  tagCfg?: Partial<Record<TagName, Partial<TrainConfig>>>;
  /** Replace / extend the feature vector (pure function of the text's analysis). */
  feats?: (e: GEx) => FeatureVector;
  /** Per-tag view of the features (applied after `feats`). */
  tagFeats?: (tag: TagName, x: FeatureVector) => FeatureVector;
  /** Prefixes pruned like words (min df = value) — their features are dropped unless frequent in the training split. */
  pruned?: Record<string, number>;
  /** Calibration: 'pooled' (base) | 'mean' (Platt on the per-example mean logit over repeats) | 'perRepeat' (Platt per repeat, averaged a,b) */
  calib?: 'pooled' | 'mean' | 'perRepeat';
  /** threshold: 'smoothed' (base) | 'best' | 'fixed:X' */
  thr?: string;
  /** Multiply the final threshold's logit (shift) — not used by default. */
  /** Average weights of bagged fits (bootstrap of groups) — number of bags. */
  bags?: number;
  /** Lexicon priors multiplied by this. */
  priorScale?: number;
  /** L1 strength (× l2) on word features, proximal soft-threshold towards 0. */
  l1Words?: number;
  /** Sample weight × (items of the group in the split)^-groupPow, normalised to mean 1. */
  groupPow?: number;
  /** Average the weights (= logits) of fits under these config overrides. */
  ens?: Partial<TrainConfig>[];
}

const r = (p: string): string => readFileSync(new URL(p, import.meta.url), 'utf8');

function toGEx(it: LabeledItem): GEx {
  const a = analyseText(it.text);
  return { id: it.id, group: it.group, features: a.extracted.features, labels: it.labels, ambiguous: it.ambiguous, a, text: it.text };
}

function vocabOf(ex: GEx[], xs: FeatureVector[], prefixes: Record<string, number>): Set<string> {
  const groups = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  const pre = Object.keys(prefixes);
  xs.forEach((x, i) => {
    for (const f of x.keys()) {
      if (!pre.some((p) => f.startsWith(p))) continue;
      df.set(f, (df.get(f) ?? 0) + 1);
      let g = groups.get(f);
      if (g === undefined) groups.set(f, (g = new Set()));
      g.add(ex[i]!.group);
    }
  });
  const out = new Set<string>();
  for (const [f, n] of df) {
    // longest matching prefix decides
    let m = 0;
    let best = '';
    for (const p of pre) if (f.startsWith(p) && p.length >= best.length) { best = p; m = prefixes[p]!; }
    if (n >= m && groups.get(f)!.size >= m) out.add(f);
  }
  return out;
}

class Runner {
  cache = new Map<string, FeatureVector>();
  constructor(readonly v: Variant) {}
  x(e: GEx, tag: TagName): FeatureVector {
    const k = `${e.id}\u0000${tag}`;
    let x = this.cache.get(k);
    if (x === undefined) {
      x = this.v.feats ? this.v.feats(e) : e.features;
      if (this.v.tagFeats) x = this.v.tagFeats(tag, x);
      this.cache.set(k, x);
    }
    return x;
  }
  cfgFor(base: TrainConfig, tag: TagName): TrainConfig {
    return { ...base, ...(this.v.cfg ?? {}), ...(this.v.tagCfg?.[tag] ?? {}) };
  }
  fit(ex: GEx[], tag: TagName, cfg: TrainConfig): { bias: number; weights: Record<string, number> } {
    const xs = ex.map((e) => this.x(e, tag));
    const prefixes = { [NGRAM_PREFIX]: cfg.minWordDf, ...(this.v.pruned ?? {}) };
    const voc = vocabOf(ex, xs, prefixes);
    const pre = Object.keys(prefixes);
    const restrict = (x: FeatureVector): FeatureVector => {
      const o: FeatureVector = new Map();
      for (const [f, val] of x) if (!pre.some((p) => f.startsWith(p)) || voc.has(f)) o.set(f, val);
      return o;
    };
    let sw = ex.map((e) => (e.ambiguous ? cfg.ambiguousWeight : 1));
    if (this.v.groupPow) {
      const gs = new Map<string, number>();
      for (const e of ex) gs.set(e.group, (gs.get(e.group) ?? 0) + 1);
      const gw = ex.map((e) => gs.get(e.group)! ** -this.v.groupPow!);
      const m = gw.reduce((a, c) => a + c, 0) / gw.length;
      sw = sw.map((w, i) => (w * gw[i]!) / m);
    }
    let priors = lexiconPriors(tag);
    if (this.v.priorScale !== undefined) priors = Object.fromEntries(Object.entries(priors).map(([f, p]) => [f, p * this.v.priorScale!]));
    if (this.v.ens) {
      const acc = new Map<string, number>();
      let bias = 0;
      const k = this.v.ens.length;
      for (const o of this.v.ens) {
        const c = { ...cfg, ...o };
        const m = trainLogistic(xs.map(restrict), ex.map((e) => e.labels[tag]), c, sw, priors);
        bias += m.bias / k;
        for (const [f, w] of Object.entries(m.weights)) acc.set(f, (acc.get(f) ?? 0) + w / k);
      }
      return { bias, weights: Object.fromEntries(acc) };
    }
    if (this.v.l1Words) return trainL1(xs.map(restrict), ex.map((e) => e.labels[tag]), cfg, sw, priors, this.v.l1Words);
    if (!this.v.bags) return trainLogistic(xs.map(restrict), ex.map((e) => e.labels[tag]), cfg, sw, priors);
    // bagging over groups (deterministic)
    const groups = [...new Set(ex.map((e) => e.group))].sort();
    const acc = new Map<string, number>();
    let bias = 0;
    let s = cfg.seed * 7 + 13;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let b = 0; b < this.v.bags; b++) {
      const cnt = new Map<string, number>();
      for (let i = 0; i < groups.length; i++) { const g = groups[Math.floor(rnd() * groups.length)]!; cnt.set(g, (cnt.get(g) ?? 0) + 1); }
      const idx = ex.map((_, i) => i).filter((i) => cnt.has(ex[i]!.group));
      const m = trainLogistic(idx.map((i) => restrict(xs[i]!)), idx.map((i) => ex[i]!.labels[tag]), cfg, idx.map((i) => sw[i]! * cnt.get(ex[i]!.group)!), lexiconPriors(tag));
      bias += m.bias / this.v.bags;
      for (const [f, w] of Object.entries(m.weights)) acc.set(f, (acc.get(f) ?? 0) + w / this.v.bags);
    }
    return { bias, weights: Object.fromEntries(acc) };
  }
  trainTag(ex: GEx[], tag: TagName, base: TrainConfig): TagModel {
    const cfg = this.cfgFor(base, tag);
    const zr = innerFoldLogits(ex.map((e) => e.group), cfg, (tr, te) => {
      const m: TagModel = { ...this.fit(tr.map((i) => ex[i]!), tag, cfg), platt: { a: 1, b: 0 }, threshold: 0.5 };
      return te.map((i) => rawLogit(m, this.x(ex[i]!, tag)));
    });
    const ysOne = ex.map((e) => e.labels[tag] as number);
    const oofZ = zr.flat();
    const ys = zr.flatMap(() => ysOne);
    let platt: { a: number; b: number };
    const calib = this.v.calib ?? 'pooled';
    if (calib === 'pooled') platt = fitPlatt(oofZ, ys, cfg.innerRepeats);
    else if (calib === 'mean') platt = fitPlatt(ysOne.map((_, i) => zr.reduce((a, z) => a + z[i]!, 0) / zr.length), ysOne, 1);
    else {
      const ps = zr.map((z) => fitPlatt(z, ysOne, 1));
      platt = { a: ps.reduce((s, p) => s + p.a, 0) / ps.length, b: ps.reduce((s, p) => s + p.b, 0) / ps.length };
    }
    const full = this.fit(ex, tag, cfg);
    const probe: TagModel = { ...full, platt, threshold: 0.5 };
    const ps = oofZ.map((z) => calibrated(probe, z));
    const thr = this.v.thr ?? 'smoothed';
    let threshold: number;
    if (thr.startsWith('fixed:')) threshold = Number(thr.slice(6));
    else if (thr.startsWith('prev:')) {
      const k = Number(thr.slice(5));
      const pos = ys.filter((y) => y === 1).length;
      const sorted = [...ps].sort((a, b) => b - a);
      threshold = sorted[Math.min(sorted.length - 1, Math.round(pos * k))]!;
    } else if (thr === 'best') threshold = bestF1Threshold(ps, ys).threshold;
    else threshold = (cfg.thresholdWindow > 0 ? smoothedF1Threshold(ps, ys, cfg.thresholdWindow) : bestF1Threshold(ps, ys)).threshold;
    return { ...full, platt, threshold };
  }
  trainPredict(train: GEx[], test: GEx[], base: TrainConfig): Prediction[] {
    const models = {} as Record<TagName, TagModel>;
    for (const t of TAG_NAMES) models[t] = this.trainTag(train, t, base);
    return test.map((e) => {
      const scores = {} as Record<TagName, number>;
      const predicted = {} as Record<TagName, boolean>;
      for (const t of TAG_NAMES) {
        scores[t] = calibrated(models[t], rawLogit(models[t], this.x(e, t)));
        predicted[t] = scores[t] >= models[t].threshold;
      }
      return { id: e.id, labels: e.labels, predicted, scores };
    });
  }
}

/** trainLogistic with an extra L1 penalty on word features (proximal step: L2 shrink then soft-threshold). */
function trainL1(xs: FeatureVector[], ys: number[], opts: TrainOptions, sampleWeights: number[], priors: Record<string, number>, l1mult: number): { bias: number; weights: Record<string, number> } {
  let isW: boolean[] | undefined;
  return trainLogistic(xs, ys, opts, sampleWeights, priors, ({ w, lr, l2, feats }) => {
    isW ??= feats.map((f) => f.startsWith(NGRAM_PREFIX));
    for (let j = 0; j < w.length; j++) {
      if (!isW[j]) continue;
      const t = (lr * l1mult * opts.l2) / (1 + lr * l2[j]!);
      const v = w[j]!;
      w[j] = v > t ? v - t : v < -t ? v + t : 0;
    }
  });
}

export const SEEDS = [20250101, 7, 99, 1234];
type Row = { variant: string; job: string; res: Record<string, EvalSummary> };

function worker(job: string, names: string[]): void {
  const items = parseLabeledJsonl(r('../../training/labeled-dev.jsonl')).items;
  const ex = items.map(toGEx);
  const base: TrainConfig = { ...DEFAULT_TRAIN_CONFIG };
  let A: GEx[] = [];
  let B: GEx[] = [];
  if (job === 'xp') {
    A = parseLabeledJsonl(r('../../training/probes/written-a.jsonl')).items.map(toGEx);
    B = parseLabeledJsonl(r('../../training/probes/written-b.jsonl')).items.map(toGEx);
  }
  for (const name of names) {
    const v = VARIANTS[name];
    if (!v) throw new Error(`no variant ${name}`);
    const run = new Runner(v);
    const res: Record<string, EvalSummary> = {};
    if (job.startsWith('cv:')) {
      const seed = Number(job.slice(3));
      const cfg = { ...base, seed };
      const folds = groupFolds(ex.map((e) => e.group), 5, seed);
      const preds: Prediction[] = [];
      for (let f = 0; f < 5; f++) preds.push(...run.trainPredict(ex.filter((_, i) => folds[i] !== f), ex.filter((_, i) => folds[i] === f), cfg));
      res.cv = summarize(preds);
    } else {
      const idNum = (id: string): number => Number(id.replace(/\D/g, ''));
      const h1 = ex.filter((e) => idNum(e.id) <= 197);
      const h2 = ex.filter((e) => idNum(e.id) > 197);
      res.x12 = summarize(run.trainPredict(h1, h2, base));
      res.x21 = summarize(run.trainPredict(h2, h1, base));
      const pr = run.trainPredict(ex, [...A, ...B], base);
      res.A = summarize(pr.slice(0, A.length));
      res.B = summarize(pr.slice(A.length));
    }
    const row: Row = { variant: name, job, res };
    process.stdout.write(JSON.stringify(row) + '\n');
  }
}

async function driver(names: string[], workers: number, force: boolean): Promise<void> {
  const dir = new URL('../../.tmp/model-grid/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const todo = force ? names : names.filter((n) => !existsSync(new URL(`${n}.json`, dir)));
  const jobs = [...SEEDS.map((s) => `cv:${s}`), 'xp'];
  const rows: Row[] = [];
  if (todo.length > 0) {
    const queue = [...jobs];
    const runOne = (job: string): Promise<void> =>
      new Promise((res, rej) => {
        const p = spawn('npx', ['tsx', new URL(import.meta.url).pathname, '--job', job, ...todo], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('close', (code) => {
          if (code !== 0) return rej(new Error(`job ${job} exit ${code}`));
          for (const l of out.trim().split('\n')) if (l) rows.push(JSON.parse(l));
          res();
        });
      });
    await Promise.all(Array.from({ length: workers }, async () => { for (let j = queue.shift(); j; j = queue.shift()) await runOne(j); }));
    for (const n of todo) writeFileSync(new URL(`${n}.json`, dir), JSON.stringify(rows.filter((x) => x.variant === n)));
  }
  for (const n of names) {
    const rs: Row[] = JSON.parse(readFileSync(new URL(`${n}.json`, dir), 'utf8'));
    printLine(n, rs);
  }
}

function printLine(n: string, rs: Row[]): void {
  const cv = SEEDS.map((s) => rs.find((x) => x.job === `cv:${s}`)!.res.cv!);
  const xp = rs.find((x) => x.job === 'xp')!.res;
  const mean = (g: (s: EvalSummary) => number): string => (cv.reduce((a, s) => a + g(s), 0) / cv.length).toFixed(4);
  const f = (x: number): string => x.toFixed(3);
  process.stdout.write(
    `${n.padEnd(14)} cyn ${mean((s) => s.tags.cynicism.f1)} dis ${mean((s) => s.tags.distrust.f1)} bub ${mean((s) => s.tags.bubble_caution.f1)} MACRO ${mean((s) => s.macroF1)} | seeds ${cv.map((s) => f(s.macroF1)).join('/')} | x ${f(xp.x12!.macroF1)}/${f(xp.x21!.macroF1)} | A ${f(xp.A!.macroF1)} B ${f(xp.B!.macroF1)} | s0 ${f(cv[0]!.tags.cynicism.f1)}/${f(cv[0]!.tags.distrust.f1)}/${f(cv[0]!.tags.bubble_caution.f1)} cynP ${mean((s) => s.tags.cynicism.precision)}\n`,
  );
}

const args = process.argv.slice(2);
const ji = args.indexOf('--job');
const wi = args.indexOf('--workers');
const names = args.filter((a, i) => !a.startsWith('--') && !(ji >= 0 && i === ji + 1) && !(wi >= 0 && i === wi + 1));
if (ji >= 0) worker(args[ji + 1]!, names);
else await driver(names, wi >= 0 ? Number(args[wi + 1]) : 2, args.includes('--force'));
