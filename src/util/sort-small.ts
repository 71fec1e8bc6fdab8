/**
 * Sort `items` in place, stably, by `compare`: an insertion sort for the few-element arrays of the
 * tagging hot path (cue hits of one comment), where Array.prototype.sort's set-up costs more than
 * the sorting; longer arrays go to Array.prototype.sort. Same order either way.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > 32) return items.sort(compare);
  for (let i = 1; i < n; i++) {
    const x = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(x, items[j]!) < 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}
