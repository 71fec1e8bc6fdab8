import { describe, expect, it } from 'vitest';
import { deriveDepths } from '../../src/archive/derive-depths.js';

describe('deriveDepths', () => {
  it('counts depth from parent links in any order', () => {
    const parents = new Map<string, string | null>([
      ['d', 'c'],
      ['a', null],
      ['c', 'b'],
      ['b', 'a'],
      ['e', null],
    ]);
    const { depths, orphans } = deriveDepths(parents);
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 1, c: 2, d: 3, e: 0 });
    expect(orphans).toEqual([]);
  });

  it('starts a subtree at 0 when its parent is missing, and reports it once', () => {
    const { depths, orphans } = deriveDepths(new Map([['y', 'x'], ['z', 'y'], ['w', 'gone']]));
    expect(Object.fromEntries(depths)).toEqual({ y: 0, z: 1, w: 0 });
    expect(orphans.sort()).toEqual(['w', 'y']);
  });

  it('survives a cycle and very deep chains', () => {
    expect(deriveDepths(new Map([['p', 'q'], ['q', 'p']])).depths.size).toBe(2);
    const deep = new Map<string, string | null>([['c0', null]]);
    for (let i = 1; i < 50_000; i++) deep.set(`c${i}`, `c${i - 1}`);
    expect(deriveDepths(deep).depths.get('c49999')).toBe(49_999);
  });
});
