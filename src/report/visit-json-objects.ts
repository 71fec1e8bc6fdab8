/**
 * Calls `visit` on every object in a parsed JSON report, at any depth, parents before children: what the scrub looks
 * for (a quote's comment id, a thread's title or slug) counts wherever a hand edit copied it in the file.
 */
export function visitJsonObjects(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitJsonObjects(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  visit(node as Record<string, unknown>);
  for (const value of Object.values(node)) if (typeof value === 'object') visitJsonObjects(value, visit);
}
