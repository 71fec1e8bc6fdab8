// Dense word-vector features for the ablation harness (training/README.md, "tried after lex9"): a comment's
// own words (quoted parent lines are already blanked by the normaliser) pooled into one vector from the table
// built by scripts/build-word-vectors.ts, then either projected (standardised dims or whitened PCA, fit on the
// training split) or compared with per-tag prototypes (centroids of the training split's positives and
// negatives, cross-fitted so training rows are never scored by a centroid that contains them).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TagName } from '../../src/types.js';
import type { FeatureVector } from '../../src/tag/extract-features.js';
import { groupFolds } from '../../src/tag/group-folds.js';
import type { Ex } from './ablate-model.js';
import { readWordVectors, type WordVectors } from './read-word-vectors.js';

const TABLE = fileURLToPath(new URL('../../models/word-vectors-sg100.bin', import.meta.url));
let table: WordVectors | undefined;
function vectors(): WordVectors {
  if (table === undefined) {
    // not committed (3.5 MB, and not kept in the tagger): each checkout builds it once
    if (!existsSync(TABLE)) throw new Error(`${TABLE} is missing: run scripts/build-word-vectors.ts first (see its header)`);
    table = readWordVectors(TABLE);
  }
  return table;
}

export interface PoolOptions {
  /** 'sif': weight a/(a+p(w)) with Zipf p(w) ≈ 0.1/rank, a = 1e-3 (= rank/(rank+100)); 'mean': every word 1. */
  weight: 'sif' | 'mean';
  /** Also append the max over words of each dim (doubles the dims). */
  max?: boolean;
  /** Words inside a negation scope count with weight −1 (their meaning is denied). */
  negFlip?: boolean;
}

/** Table rows for a token: itself, or for contractions the stem ("don't" → do + not, "oracle's" → oracle). */
function rowsOf(wv: WordVectors, w: string): number[] {
  const i = wv.index.get(w);
  if (i !== undefined) return [i];
  const out: number[] = [];
  if (w.endsWith("n't")) {
    const stem = w === "can't" ? 'can' : w === "won't" ? 'will' : w.slice(0, -3);
    for (const s of [stem, 'not']) {
      const j = wv.index.get(s);
      if (j !== undefined) out.push(j);
    }
    return out;
  }
  const ap = w.indexOf("'");
  if (ap > 0) {
    const j = wv.index.get(w.slice(0, ap));
    if (j !== undefined) out.push(j);
  }
  return out;
}

const pooled = new Map<string, Float64Array>();
/** The comment's pooled word vector (unit-length mean part; zeros when no word has a vector). */
export function poolText(e: Ex, o: PoolOptions): Float64Array {
  const key = `${e.id}|${o.weight}|${o.max ? 1 : 0}|${o.negFlip ? 1 : 0}`;
  const hit = pooled.get(key);
  if (hit) return hit;
  const wv = vectors();
  const d = wv.dims;
  const sum = new Float64Array(d);
  const mx = new Float64Array(d).fill(-Infinity);
  let any = false;
  for (const t of e.a.doc.tokens) {
    if (!/[a-z]/.test(t.lower)) continue;
    for (const r of rowsOf(wv, t.lower)) {
      any = true;
      let w = o.weight === 'sif' ? wv.rank[r]! / (wv.rank[r]! + 100) : 1;
      if (o.negFlip && t.negated) w = -w;
      for (let k = 0; k < d; k++) {
        const x = wv.vectors[r * d + k]!;
        sum[k]! += w * x;
        if (x > mx[k]!) mx[k] = x;
      }
    }
  }
  const norm = Math.hypot(...sum) || 1;
  const out = new Float64Array(o.max ? 2 * d : d);
  for (let k = 0; k < d; k++) out[k] = sum[k]! / norm;
  if (o.max) for (let k = 0; k < d; k++) out[d + k] = any ? mx[k]! : 0;
  pooled.set(key, out);
  return out;
}

/** Eigen-decomposition of a symmetric matrix (cyclic Jacobi): eigenvalues descending, eigenvectors as rows. */
function eigenSym(a: Float64Array, n: number): { values: number[]; vectors: Float64Array[] } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((i, j) => m[j * n + j]! - m[i * n + i]!);
  return {
    values: order.map((i) => m[i * n + i]!),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i]!)),
  };
}

interface Projection { mean: Float64Array; axes: Float64Array[]; scale: number[] }

/** Standardised dims (k = 0) or the top-k whitened principal components of the training rows. */
function fitProjection(xs: Float64Array[], k: number): Projection {
  const d = xs[0]!.length;
  const n = xs.length;
  const mean = new Float64Array(d);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  if (k === 0) {
    const axes: Float64Array[] = [];
    const scale: number[] = [];
    for (let j = 0; j < d; j++) {
      const ax = new Float64Array(d);
      ax[j] = 1;
      let s = 0;
      for (const x of xs) s += (x[j]! - mean[j]!) ** 2;
      axes.push(ax);
      scale.push(1 / Math.sqrt(s / n + 1e-12));
    }
    return { mean, axes, scale };
  }
  const cov = new Float64Array(d * d);
  for (const x of xs) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) cov[i * d + j]! += ((x[i]! - mean[i]!) * (x[j]! - mean[j]!)) / n;
  const { values, vectors: ev } = eigenSym(cov, d);
  return { mean, axes: ev.slice(0, k), scale: values.slice(0, k).map((l) => 1 / Math.sqrt(Math.max(l, 1e-12))) };
}

function project(p: Projection, x: Float64Array): number[] {
  return p.axes.map((ax, a) => {
    let s = 0;
    for (let j = 0; j < ax.length; j++) s += ax[j]! * (x[j]! - p.mean[j]!);
    return s * p.scale[a]!;
  });
}

const splitKey = (ex: Ex[]): string => ex.map((e) => e.id).join(',');
const projections = new Map<string, Projection>();

/** Dense features `e:<k>`: the pooled vector projected on the training split's axes (shared by all tags). */
export function projectedFeatures(o: PoolOptions, k: number, prefix = 'e:') {
  return (train: Ex[]): ((e: Ex) => FeatureVector) => {
    const key = `${JSON.stringify(o)}|${k}|${splitKey(train)}`;
    let p = projections.get(key);
    if (p === undefined) projections.set(key, (p = fitProjection(train.map((e) => poolText(e, o)), k)));
    const proj = p;
    return (e) => new Map(project(proj, poolText(e, o)).map((v, i) => [`${prefix}${i}`, v]));
  };
}

function centroidScore(rows: Ex[], tag: TagName, o: PoolOptions): (x: Float64Array) => number {
  const d = poolText(rows[0]!, o).length;
  const mu = new Float64Array(d);
  for (const e of rows) {
    const x = poolText(e, o);
    for (let j = 0; j < d; j++) mu[j]! += x[j]! / rows.length;
  }
  const centre = (x: Float64Array): Float64Array => {
    const c = x.map((v, j) => v - mu[j]!);
    const n = Math.hypot(...c) || 1;
    return c.map((v) => v / n);
  };
  const pos = new Float64Array(d);
  const neg = new Float64Array(d);
  let np = 0;
  let nn = 0;
  for (const e of rows) {
    const c = centre(poolText(e, o));
    const acc = e.labels[tag] ? pos : neg;
    if (e.labels[tag]) np++;
    else nn++;
    for (let j = 0; j < d; j++) acc[j]! += c[j]!;
  }
  const dir = pos.map((v, j) => v / Math.max(np, 1) - neg[j]! / Math.max(nn, 1));
  return (x) => {
    const c = centre(x);
    let s = 0;
    for (let j = 0; j < d; j++) s += c[j]! * dir[j]!;
    return s;
  };
}

/**
 * `pt:<tag>`: similarity to the tag's positive centroid minus the negative one (Rocchio), for `tags` (the
 * scored tag alone, or all three). Training rows get cross-fitted scores (five grouped folds of the split);
 * other rows the full split's; both standardised by the cross-fitted scores' mean and spread.
 */
export function prototypeFeatures(o: PoolOptions, which: 'own' | 'all') {
  return (train: Ex[], tag: TagName, seed: number): ((e: Ex) => FeatureVector) => {
    const tags: TagName[] = which === 'own' ? [tag] : ['cynicism', 'distrust', 'bubble_caution'];
    const folds = groupFolds(train.map((e) => e.group), 5, seed + 555);
    const inTrain = new Map(train.map((e, i) => [e.id, i]));
    const perTag = tags.map((t) => {
      const cross = new Array<number>(train.length).fill(0);
      for (let f = 0; f < 5; f++) {
        const score = centroidScore(train.filter((_, i) => folds[i] !== f), t, o);
        train.forEach((e, i) => { if (folds[i] === f) cross[i] = score(poolText(e, o)); });
      }
      const full = centroidScore(train, t, o);
      const m = cross.reduce((a, b) => a + b, 0) / cross.length;
      const sd = Math.sqrt(cross.reduce((a, b) => a + (b - m) ** 2, 0) / cross.length) || 1;
      return { t, cross, full, m, sd };
    });
    return (e) => {
      const i = inTrain.get(e.id);
      return new Map(perTag.map((p) => [`pt:${p.t}`, ((i !== undefined ? p.cross[i]! : p.full(poolText(e, o))) - p.m) / p.sd]));
    };
  };
}
