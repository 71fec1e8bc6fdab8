// Model-side ablations behind training/README.md's "tried after lex9" figures: analyses the labeled data once, then runs
// grouped 5-fold CV of each named variant (see variants.ts) over fold seeds, refitting everything inside each
// training split. `npx tsx scripts/ablate/ablate-model.ts base pw1 char4 [seed …]`; "base" reproduces `npm run eval:cv`.
// `--setb`: train on all labeled data instead and print only set B's aggregate F1 (its items stay unread).
// `--comments`: also print the mean over seeds of the out-of-fold F1 on d001–d197 alone (discussion comments).
import { readFileSync } from 'node:fs';
import { TAG_NAMES, type TagName } from '../../src/types.js';
import { analyseText, type TextAnalysis } from '../../src/tag/analyse-text.js';
import { summarize, type Prediction } from '../../src/tag/evaluate-tags.js';
import { groupFolds } from '../../src/tag/group-folds.js';
import { parseLabeledJsonl, type LabeledItem } from '../../src/tag/labeled-data.js';
import { fitPlatt, smoothedF1Threshold, sigmoid, trainLogistic } from '../../src/tag/logistic-model.js';
import { NGRAM_PREFIX, type FeatureVector } from '../../src/tag/extract-features.js';
import { DEFAULT_TRAIN_CONFIG, lexiconPriors, type Example, type TrainConfig } from '../../src/tag/train-model.js';
import { VARIANTS } from './variants.js';
import { trainLogisticContrast } from './contrast-logistic.js';
import { contrastRows } from './rationale-features.js';
import { trainLogisticJoint } from './joint-logistic.js';

export interface Ex extends Example { a: TextAnalysis; text: string; item: LabeledItem }
export interface Variant {
  name: string;
  cfg?: Partial<TrainConfig>;
  extra?: (e: Ex) => FeatureVector;
  /** prefix → minDf for pruning inside the training split (w: always) */
  pruned?: Record<string, number>;
  l2?: Record<string, number>;
  dropWords?: boolean;
  nb?: { alpha: number; minDf: number };
  stack?: boolean;
  stackTags?: Partial<Record<TagName, TagName[]>>;
  /** Dense features fit on the training split (e.g. PCA of word vectors, per-tag prototypes); values keyed by feature name. */
  dense?: (train: Ex[], tag: TagName, seed: number) => (e: Ex) => FeatureVector;
  /** Zaidan-style contrast pseudo-examples from the training split's annotator rationales (rationale-features.ts). */
  contrast?: { words: boolean; weight: number; margin: number };
  /** Extra examples added to every weight fit of `tag` (not to the inner CV's held-out rows). */
  extraTrain?: (tag: TagName) => Ex[];
  /** Extra rows built from the training split itself (e.g. rationale-masked copies), with their sample weight. */
  augment?: (split: Ex[], tag: TagName) => { rows: Ex[]; weight: number };
  /**
   * Multi-task fit (joint-logistic.ts): the three tags' weights are fit jointly, w_t = v_t + sign_t·u, u shared with
   * L2 × `shared` of each feature's own L2 (on word features only if `wordsOnly`); everything else as base.
   */
  joint?: { shared: number; wordsOnly?: boolean; sign?: Partial<Record<TagName, number>> };
}

type Scorer = (e: Ex) => number;

function vocab(ex: Ex[], feats: FeatureVector[], prefixes: Record<string, number>): Set<string> {
  const groups = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  ex.forEach((e, i) => {
    for (const f of feats[i]!.keys()) {
      const p = Object.keys(prefixes).find((q) => f.startsWith(q));
      if (p === undefined) continue;
      df.set(f, (df.get(f) ?? 0) + 1);
      let g = groups.get(f);
      if (g === undefined) groups.set(f, (g = new Set()));
      g.add(e.group);
    }
  });
  const out = new Set<string>();
  for (const [f, n] of df) {
    const p = Object.keys(prefixes).find((q) => f.startsWith(q))!;
    const m = prefixes[p]!;
    if (n >= m && groups.get(f)!.size >= m) out.add(f);
  }
  return out;
}

function featsOf(e: Ex, v: Variant, extraCache: Map<string, FeatureVector>): FeatureVector {
  const key = e.id;
  let x = extraCache.get(key);
  if (x === undefined) {
    x = new Map(e.features);
    if (v.dropWords) for (const f of [...x.keys()]) if (f.startsWith(NGRAM_PREFIX)) x.delete(f);
    if (v.extra) for (const [f, val] of v.extra(e)) x.set(f, val);
    extraCache.set(key, x);
  }
  return x;
}

function nbTable(ex: Ex[], feats: FeatureVector[], tag: TagName, alpha: number, minDf: number): Map<string, number> {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  let np = 0, nn = 0;
  const df = new Map<string, number>();
  ex.forEach((e, i) => {
    const y = e.labels[tag];
    if (y) np++; else nn++;
    for (const f of feats[i]!.keys()) {
      if (!f.startsWith(NGRAM_PREFIX)) continue;
      df.set(f, (df.get(f) ?? 0) + 1);
      const m = y ? pos : neg;
      m.set(f, (m.get(f) ?? 0) + 1);
    }
  });
  const r = new Map<string, number>();
  for (const [f, n] of df) {
    if (n < minDf) continue;
    const p = ((pos.get(f) ?? 0) + alpha) / (np + 2 * alpha);
    const q = ((neg.get(f) ?? 0) + alpha) / (nn + 2 * alpha);
    r.set(f, Math.log(p / q));
  }
  return r;
}
function nbScore(r: Map<string, number>, x: FeatureVector): number {
  let s = 0;
  for (const f of x.keys()) s += r.get(f) ?? 0;
  return s / 4;
}

function fitScorer(split: Ex[], tag: TagName, cfg: TrainConfig, v: Variant, cache: Map<string, FeatureVector>, stackF?: Map<string, FeatureVector>): Scorer {
  const aug = v.augment?.(split, tag);
  const ex = [...split, ...(v.extraTrain?.(tag) ?? []), ...(aug?.rows ?? [])];
  const augIds = new Set(aug?.rows.map((e) => e.id));
  const dense = v.dense?.(ex, tag, cfg.seed);
  const full = (e: Ex): FeatureVector => {
    const x = featsOf(e, v, cache);
    const s = stackF?.get(e.id);
    const d = dense?.(e);
    if (!s && !d) return x;
    const y = new Map(x);
    for (const [f, val] of s ?? []) y.set(f, val);
    for (const [f, val] of d ?? []) y.set(f, val);
    return y;
  };
  let feats = ex.map(full);
  const voc = vocab(ex, feats, { [NGRAM_PREFIX]: cfg.minWordDf, ...(v.pruned ?? {}) });
  const restrict = restrictToVocabulary(voc, [NGRAM_PREFIX, ...Object.keys(v.pruned ?? {})]);
  let nbFull: Map<string, number> | undefined;
  if (v.nb) {
    // cross-fitted NB score for the training rows, full-split table for new rows
    const folds = groupFolds(ex.map((e) => e.group), 5, cfg.seed + 555);
    const sc = new Array<number>(ex.length).fill(0);
    for (let f = 0; f < 5; f++) {
      const tr = ex.map((_, i) => i).filter((i) => folds[i] !== f);
      const t = nbTable(tr.map((i) => ex[i]!), tr.map((i) => feats[i]!), tag, v.nb.alpha, v.nb.minDf);
      ex.forEach((_, i) => { if (folds[i] === f) sc[i] = nbScore(t, feats[i]!); });
    }
    nbFull = nbTable(ex, feats, tag, v.nb.alpha, v.nb.minDf);
    feats = feats.map((x, i) => new Map([...x, ['nb', sc[i]!]]));
  }
  const l2ByPrefix = { ...(cfg.l2ByPrefix ?? {}), ...(v.l2 ?? {}) };
  const sampleW = ex.map((e) => (augIds.has(e.id) ? aug!.weight : 1) * (e.ambiguous ? cfg.ambiguousWeight : 1));
  const m = v.contrast
    ? trainLogisticContrast(feats.map(restrict), ex.map((e) => e.labels[tag]), { ...cfg, l2ByPrefix }, sampleW, lexiconPriors(tag), {
        rows: contrastRows(split, tag, v.contrast.words).map(restrict).filter((r) => r.size > 0),
        weight: v.contrast.weight,
        margin: v.contrast.margin,
      })
    : trainLogistic(feats.map(restrict), ex.map((e) => e.labels[tag]), { ...cfg, l2ByPrefix }, sampleW, lexiconPriors(tag));
  const wm = new Map(Object.entries(m.weights));
  return (e: Ex) => {
    let x = full(e);
    if (nbFull) x = new Map([...x, ['nb', nbScore(nbFull, x)]]);
    let z = m.bias;
    for (const [f, val] of x) z += (wm.get(f) ?? 0) * val;
    return z;
  };
}

/** Keeps a vector's features that are not pruned (no pruned prefix) or are in the split's vocabulary. */
function restrictToVocabulary(voc: ReadonlySet<string>, prunedPrefixes: readonly string[]): (x: FeatureVector) => FeatureVector {
  return (x) => {
    const o: FeatureVector = new Map();
    for (const [f, val] of x) if (!prunedPrefixes.some((p) => f.startsWith(p)) || voc.has(f)) o.set(f, val);
    return o;
  };
}

/** The joint counterpart of fitScorer (features, pruning and sample weights exactly as base). */
function fitJointScorers(split: Ex[], cfg: TrainConfig, v: Variant, cache: Map<string, FeatureVector>): Record<TagName, Scorer> {
  const j = v.joint!;
  if (v.nb || v.dense || v.contrast || v.extraTrain || v.augment || v.stack) throw new Error('joint: only with plain variants');
  const feats = split.map((e) => featsOf(e, v, cache));
  const voc = vocab(split, feats, { [NGRAM_PREFIX]: cfg.minWordDf, ...(v.pruned ?? {}) });
  const restrict = restrictToVocabulary(voc, [NGRAM_PREFIX, ...Object.keys(v.pruned ?? {})]);
  const l2ByPrefix = { ...(cfg.l2ByPrefix ?? {}), ...(v.l2 ?? {}) };
  const sampleW = split.map((e) => (e.ambiguous ? cfg.ambiguousWeight : 1));
  const ms = trainLogisticJoint(
    feats.map(restrict),
    TAG_NAMES.map((t) => split.map((e) => e.labels[t])),
    { ...cfg, l2ByPrefix },
    sampleW,
    TAG_NAMES.map((t) => lexiconPriors(t)),
    { shared: j.shared, sharedOf: j.wordsOnly ? (f) => f.startsWith(NGRAM_PREFIX) : () => true, sign: TAG_NAMES.map((t) => j.sign?.[t] ?? 1) },
  );
  const out = {} as Record<TagName, Scorer>;
  TAG_NAMES.forEach((t, ti) => {
    const m = ms[ti]!;
    const wm = new Map(Object.entries(m.weights));
    out[t] = (e: Ex) => {
      let z = m.bias;
      for (const [f, val] of featsOf(e, v, cache)) z += (wm.get(f) ?? 0) * val;
      return z;
    };
  });
  return out;
}

/** The joint counterpart of trainTag: one joint fit per inner fold and repeat serves all three tags; Platt and thresholds per tag. */
function trainJointTags(ex: Ex[], cfg: TrainConfig, v: Variant, cache: Map<string, FeatureVector>): Record<TagName, TagFit> {
  const oofZ = {} as Record<TagName, number[]>;
  const zsum = {} as Record<TagName, number[]>;
  const ys = {} as Record<TagName, number[]>;
  for (const t of TAG_NAMES) { oofZ[t] = []; ys[t] = []; zsum[t] = new Array<number>(ex.length).fill(0); }
  for (let r = 0; r < cfg.innerRepeats; r++) {
    const folds = groupFolds(ex.map((e) => e.group), cfg.innerFolds, cfg.seed + 17 + 1000 * r);
    const z = {} as Record<TagName, number[]>;
    for (const t of TAG_NAMES) z[t] = new Array<number>(ex.length).fill(0);
    for (let f = 0; f < cfg.innerFolds; f++) {
      const tr = ex.filter((_, i) => folds[i] !== f);
      if (tr.length === ex.length) continue;
      const s = fitJointScorers(tr, cfg, v, cache);
      for (const t of TAG_NAMES) ex.forEach((e, i) => { if (folds[i] === f) z[t][i] = s[t](e); });
    }
    for (const t of TAG_NAMES) for (let i = 0; i < ex.length; i++) { oofZ[t].push(z[t][i]!); ys[t].push(ex[i]!.labels[t]); zsum[t][i]! += z[t][i]!; }
  }
  const full = fitJointScorers(ex, cfg, v, cache);
  const out = {} as Record<TagName, TagFit>;
  for (const t of TAG_NAMES) {
    const platt = fitPlatt(oofZ[t], ys[t], cfg.innerRepeats);
    const ps = oofZ[t].map((z) => sigmoid(platt.a * z + platt.b));
    const { threshold } = smoothedF1Threshold(ps, ys[t], cfg.thresholdWindow);
    const oofP = zsum[t].map((z) => sigmoid(platt.a * (z / cfg.innerRepeats) + platt.b));
    out[t] = { scorer: full[t], ...platt, threshold, oofP };
  }
  return out;
}

interface TagFit { scorer: Scorer; a: number; b: number; threshold: number; oofP: number[] }

function trainTag(ex: Ex[], tag: TagName, cfg: TrainConfig, v: Variant, cache: Map<string, FeatureVector>, stackF?: Map<string, FeatureVector>): TagFit {
  const oofZ: number[] = [];
  const ys: number[] = [];
  const zsum = new Array<number>(ex.length).fill(0);
  for (let r = 0; r < cfg.innerRepeats; r++) {
    const folds = groupFolds(ex.map((e) => e.group), cfg.innerFolds, cfg.seed + 17 + 1000 * r);
    const z = new Array<number>(ex.length).fill(0);
    for (let f = 0; f < cfg.innerFolds; f++) {
      const tr = ex.filter((_, i) => folds[i] !== f);
      if (tr.length === ex.length) continue;
      const s = fitScorer(tr, tag, cfg, v, cache, stackF);
      ex.forEach((e, i) => { if (folds[i] === f) z[i] = s(e); });
    }
    for (let i = 0; i < ex.length; i++) { oofZ.push(z[i]!); ys.push(ex[i]!.labels[tag]); zsum[i]! += z[i]!; }
  }
  const platt = fitPlatt(oofZ, ys, cfg.innerRepeats);
  const ps = oofZ.map((z) => sigmoid(platt.a * z + platt.b));
  const { threshold } = smoothedF1Threshold(ps, ys, cfg.thresholdWindow);
  const scorer = fitScorer(ex, tag, cfg, v, cache, stackF);
  const oofP = zsum.map((z) => sigmoid(platt.a * (z / cfg.innerRepeats) + platt.b));
  return { scorer, ...platt, threshold, oofP };
}

function trainPredict(train: Ex[], test: Ex[], cfg: TrainConfig, v: Variant, cache: Map<string, FeatureVector>): Prediction[] {
  let fits = {} as Record<TagName, TagFit>;
  if (v.joint) fits = trainJointTags(train, cfg, v, cache);
  else for (const t of TAG_NAMES) fits[t] = trainTag(train, t, cfg, v, cache);
  let final = fits;
  if (v.stack) {
    // train rows: inner out-of-fold probabilities; test rows: the first stage's full-split probabilities
    const stackAll = new Map<string, FeatureVector>();
    train.forEach((e, i) => stackAll.set(e.id, new Map(TAG_NAMES.map((t) => [`stk:${t}`, fits[t].oofP[i]!]))));
    for (const e of test) stackAll.set(e.id, new Map(TAG_NAMES.map((t) => [`stk:${t}`, sigmoid(fits[t].a * fits[t].scorer(e) + fits[t].b)])));
    final = { ...fits };
    for (const t of TAG_NAMES) {
      const which = v.stackTags?.[t] ?? TAG_NAMES.filter((u) => u !== t);
      if (which.length === 0) continue;
      const sf = new Map<string, FeatureVector>();
      for (const [id, m] of stackAll) sf.set(id, new Map([...m].filter(([k]) => which.some((u) => k === `stk:${u}`))));
      final[t] = trainTag(train, t, cfg, v, cache, sf);
    }
  }
  return test.map((e) => {
    const scores = {} as Record<TagName, number>;
    const predicted = {} as Record<TagName, boolean>;
    for (const t of TAG_NAMES) {
      const f = final[t];
      scores[t] = sigmoid(f.a * f.scorer(e) + f.b);
      predicted[t] = scores[t] >= f.threshold;
    }
    return { id: e.id, labels: e.labels, predicted, scores };
  });
}

/** `--comments`: also score the out-of-fold predictions of d001–d197 alone (discussion comments, the register the tagger runs on). */
const isComment = (id: string): boolean => /^d\d+$/.test(id) && Number(id.slice(1)) < 198;
export const commentRuns: ReturnType<typeof summarize>[] = [];
export function runCv(ex: Ex[], v: Variant, seed: number): ReturnType<typeof summarize> {
  const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...(v.cfg ?? {}), seed };
  const cache = new Map<string, FeatureVector>();
  const folds = groupFolds(ex.map((e) => e.group), 5, seed);
  const preds: Prediction[] = [];
  for (let f = 0; f < 5; f++) {
    const train = ex.filter((_, i) => folds[i] !== f);
    const test = ex.filter((_, i) => folds[i] === f);
    preds.push(...trainPredict(train, test, cfg, v, cache));
  }
  commentRuns.push(summarize(preds.filter((p) => isComment(p.id))));
  return summarize(preds);
}

const args = process.argv.slice(2);
// --setb: train on all labeled data (seed 20250101) and print only aggregate F1 on the held-out invented set B
const setB = args.includes('--setb');
const names = args.filter((a) => !/^\d+$/.test(a) && !a.startsWith('--'));
const seedsArg = args.filter((a) => /^\d+$/.test(a)).map(Number);
const seeds = seedsArg.length ? seedsArg : [20250101, 7, 99, 1234];
const toEx = (it: LabeledItem): Ex => {
  const a = analyseText(it.text);
  return { id: it.id, group: it.group, features: a.extracted.features, labels: it.labels, ambiguous: it.ambiguous, a, text: it.text, item: it };
};
const { items } = parseLabeledJsonl(readFileSync(new URL('../../training/labeled-dev.jsonl', import.meta.url), 'utf8'));
const ex: Ex[] = items.map(toEx);
// --probe=FILE (repeatable): like --setb, on that labeled file instead of set B
const probeFiles = args.filter((a) => a.startsWith('--probe=')).map((a) => a.slice('--probe='.length));
const setBFiles = probeFiles.length ? probeFiles : setB ? [new URL('../../training/probes/written-b.jsonl', import.meta.url).pathname] : [];
const probe: Ex[] = setBFiles.flatMap((f) => parseLabeledJsonl(readFileSync(f, 'utf8')).items.map(toEx));
for (const name of names) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`no variant ${name}`);
  if (setBFiles.length) {
    const cfg: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...(v.cfg ?? {}), seed: seedsArg[0] ?? DEFAULT_TRAIN_CONFIG.seed };
    const r = summarize(trainPredict(ex, probe, cfg, v, new Map()));
    process.stdout.write(`${name.padEnd(22)} ${probeFiles.length ? 'probe' : 'set B'} cyn ${r.tags.cynicism.f1.toFixed(3)} dis ${r.tags.distrust.f1.toFixed(3)} bub ${r.tags.bubble_caution.f1.toFixed(3)} macro ${r.macroF1.toFixed(3)}\n`);
    continue;
  }
  const rows = seeds.map((s) => ({ s, r: runCv(ex, v, s) }));
  const mean = (g: (r: ReturnType<typeof summarize>) => number): string => (rows.reduce((a, x) => a + g(x.r), 0) / rows.length).toFixed(4);
  const line = `${name.padEnd(22)} mean cyn ${mean((r) => r.tags.cynicism.f1)} dis ${mean((r) => r.tags.distrust.f1)} bub ${mean((r) => r.tags.bubble_caution.f1)} macro ${mean((r) => r.macroF1)} | ` + rows.map((x) => `${x.s}:${x.r.macroF1.toFixed(3)}(${x.r.tags.cynicism.f1.toFixed(3)}/${x.r.tags.distrust.f1.toFixed(3)}/${x.r.tags.bubble_caution.f1.toFixed(3)})`).join(' ');
  process.stdout.write(line + '\n');
  if (args.includes('--comments')) {
    const cr = commentRuns.splice(0);
    const cm = (g: (r: ReturnType<typeof summarize>) => number): string => (cr.reduce((a, x) => a + g(x), 0) / cr.length).toFixed(4);
    process.stdout.write(`${(name + ' d001-197').padEnd(22)} mean cyn ${cm((r) => r.tags.cynicism.f1)} dis ${cm((r) => r.tags.distrust.f1)} bub ${cm((r) => r.tags.bubble_caution.f1)} macro ${cm((r) => r.macroF1)}\n`);
  } else commentRuns.length = 0;
}
