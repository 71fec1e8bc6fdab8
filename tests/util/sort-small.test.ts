import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/util/create-random.js';
import { sortSmall } from '../../src/util/sort-small.js';

interface Item {
  key: number;
  name: string;
  seq: number;
}

// the tagger's comparators break ties by name and return 1 (never 0) for equal names
const byKeyThenName = (a: Item, b: Item): number => a.key - b.key || (a.name < b.name ? -1 : 1);

describe('sortSmall', () => {
  it('gives the order Array.prototype.sort gives, equal items included, below and above its cut-off', () => {
    const random = createRandom(7);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(random() * 40);
      const items: Item[] = Array.from({ length: n }, (_, seq) => ({ key: Math.floor(random() * 4), name: 'abc'[Math.floor(random() * 3)]!, seq }));
      expect(sortSmall(items.slice(), byKeyThenName).map((x) => x.seq)).toEqual(items.slice().sort(byKeyThenName).map((x) => x.seq));
    }
  });
});
