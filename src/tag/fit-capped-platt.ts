// Platt scaling with a ceiling: p = cap · sigmoid(a z + b). Out of fold, plain Platt put cynicism at 0.95–0.97 on
// comments labeled cynical only 43–50 % of the time: however many cues fire, a share of such comments are sincere (a
// reviewer reads stance the cues cannot see), and a two-parameter sigmoid can only reach 1. The ceiling lets the
// probability stop where the labels stop. Fitted on the same inner out-of-fold logits as plain Platt, by gradient
// descent on the log loss with Platt's smoothed targets, from the plain fit with the ceiling near 1; a step that would
// raise the loss is refused and the step size halves (and grows after a step taken), so the fit never ends worse than
// where it started.

import { sigmoid } from './logistic-model.js';

export interface CappedPlatt {
  a: number;
  b: number;
  cap: number;
}

const ITERATIONS = 3000;
const START_CAP_LOGIT = 4; // sigmoid(4) ≈ 0.982: near plain Platt, with room to move either way

/**
 * `repeats`: how many times each example occurs in `zs` (repeated inner CV), as in fitPlatt. `start`: the plain fit.
 * Deterministic; rounded to 4 decimals like fitPlatt (the model file's bytes are its version).
 */
export function fitCappedPlatt(zs: readonly number[], ys: readonly number[], repeats: number, start: { a: number; b: number }): CappedPlatt {
  const pos = ys.filter((y) => y === 1).length / repeats;
  const tPos = (pos + 1) / (pos + 2);
  const tNeg = 1 / (ys.length / repeats - pos + 2);
  const targets = ys.map((y) => (y === 1 ? tPos : tNeg));
  const n = zs.length;
  /** Log loss at (a, b, c) with cap = sigmoid(c); its gradient is written into `grad`. */
  const lossAt = (a: number, b: number, c: number, grad: number[]): number => {
    const cap = sigmoid(c);
    let loss = 0;
    let ga = 0;
    let gb = 0;
    let gc = 0;
    for (let i = 0; i < n; i++) {
      const z = zs[i]!;
      const s = sigmoid(a * z + b);
      const p = Math.min(1 - 1e-12, Math.max(1e-12, cap * s));
      const t = targets[i]!;
      loss -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
      const dp = (p - t) / (p * (1 - p));
      const ds = dp * cap * s * (1 - s);
      ga += ds * z;
      gb += ds;
      gc += dp * s * cap * (1 - cap);
    }
    grad[0] = ga / n;
    grad[1] = gb / n;
    grad[2] = gc / n;
    return loss / n;
  };
  let at = [start.a, start.b, START_CAP_LOGIT];
  const grad = [0, 0, 0];
  let loss = lossAt(at[0]!, at[1]!, at[2]!, grad);
  let lr = 1;
  for (let it = 0; it < ITERATIONS && lr > 1e-9; it++) {
    const next = at.map((v, k) => v - lr * grad[k]!);
    const nextGrad = [0, 0, 0];
    const nextLoss = lossAt(next[0]!, next[1]!, next[2]!, nextGrad);
    if (nextLoss <= loss) {
      at = next;
      loss = nextLoss;
      grad.splice(0, 3, ...nextGrad);
      lr *= 1.5; // the valley is long and flat along the ceiling: a step size that only shrinks stalls before its floor
    } else {
      lr /= 2;
    }
  }
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  return { a: round(at[0]!), b: round(at[1]!), cap: round(sigmoid(at[2]!)) };
}
