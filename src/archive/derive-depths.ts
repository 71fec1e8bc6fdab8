/**
 * Comment depth from parent links, for archive answers that do not carry it.
 * `parents` maps a comment id to its parent comment id (null = top level).
 * A parent the archive does not have gets the fallback: the chain stops there
 * and is counted as depth 0, so such comments are reported as `orphans`.
 */
export function deriveDepths(parents: ReadonlyMap<string, string | null>): { depths: Map<string, number>; orphans: string[] } {
  const depths = new Map<string, number>();
  const orphans: string[] = [];
  for (const start of parents.keys()) {
    if (depths.has(start)) continue;
    // Walk up iteratively (threads can be thousands deep) until a known depth, the top, or a gap.
    const chain: string[] = [];
    const onChain = new Set<string>();
    let id: string | null | undefined = start;
    let base = -1;
    while (id != null) {
      const known = depths.get(id);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (!parents.has(id)) {
        orphans.push(chain[chain.length - 1] ?? id);
        break;
      }
      if (onChain.has(id)) break; // a cycle means bad data: treat the loop entry as top level
      chain.push(id);
      onChain.add(id);
      id = parents.get(id);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base++;
      depths.set(chain[i] as string, base);
    }
  }
  return { depths, orphans };
}
