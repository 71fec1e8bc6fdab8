// Seeded, grouped k-fold assignment: every item of a group (thread / url)
// lands in the same fold, so near-neighbour comments never leak across folds.

import { createRandom } from '../util/create-random.js';

/** Fold index (0..k-1) for each item, given its group key. */
export function groupFolds(groups: string[], k: number, seed: number): number[] {
  const sizes = new Map<string, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const rnd = createRandom(seed);
  const keys = [...sizes.keys()].sort();
  // shuffle (Fisher–Yates), then place big groups first into the smallest fold
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const ordered = keys.map((g, i) => ({ g, i, n: sizes.get(g)! })).sort((a, b) => b.n - a.n || a.i - b.i);
  const foldSize = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const { g, n } of ordered) {
    let best = 0;
    for (let f = 1; f < k; f++) if (foldSize[f]! < foldSize[best]!) best = f;
    foldOf.set(g, best);
    foldSize[best]! += n;
  }
  return groups.map((g) => foldOf.get(g)!);
}
