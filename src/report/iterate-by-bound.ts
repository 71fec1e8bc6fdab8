/**
 * Yield indices in descending order of `bounds` (ties: lower index first),
 * lazily: building the heap is O(n) and each step O(log n), so a consumer
 * that stops after the first few hundred of 100k items never pays for a
 * full sort.
 */
export function* iterateByBound(bounds: Float64Array): Generator<number> {
  const heap = new Int32Array(bounds.length);
  for (let i = 0; i < heap.length; i++) heap[i] = i;
  let size = heap.length;
  const before = (a: number, b: number): boolean => {
    const ba = bounds[a] ?? 0;
    const bb = bounds[b] ?? 0;
    return ba > bb || (ba === bb && a < b);
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && before(heap[l] ?? 0, heap[top] ?? 0)) top = l;
      if (r < size && before(heap[r] ?? 0, heap[top] ?? 0)) top = r;
      if (top === i) return;
      const tmp = heap[i] ?? 0;
      heap[i] = heap[top] ?? 0;
      heap[top] = tmp;
      i = top;
    }
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
  while (size > 0) {
    const top = heap[0] ?? 0;
    size--;
    heap[0] = heap[size] ?? 0;
    siftDown(0);
    yield top;
  }
}
