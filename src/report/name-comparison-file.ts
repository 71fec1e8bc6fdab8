import { createHash } from 'node:crypto';

/** The longest comparison file name before the extension: with it and writeFileAtomic's temp-file affixes, well under the 255 bytes file systems allow (ids are ASCII slugs). */
export const MAX_COMPARISON_NAME = 160;

/** Every comparison file name starts with this (the scrub finds `compare --out` files by it). */
export const COMPARISON_FILE_PREFIX = 'compare-';

/**
 * The file name (without extension) of a comparison: `compare-a-vs-b-vs-c` while the ids fit in MAX_COMPARISON_NAME
 * characters. Past that (ten long ids would pass the file system's limit), the leading ids that fit, how many more, and
 * the first 8 hex digits of the sha256 of the whole ordered list, so every list keeps its own file:
 * `compare-a-vs-b-and-10-more-1a2b3c4d`.
 */
export function nameComparisonFile(ids: readonly string[]): string {
  const full = `${COMPARISON_FILE_PREFIX}${ids.join('-vs-')}`;
  if (full.length <= MAX_COMPARISON_NAME) return full;
  const hash = createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 8);
  const name = (kept: readonly string[]): string => `${COMPARISON_FILE_PREFIX}${kept.join('-vs-')}-and-${ids.length - kept.length}-more-${hash}`;
  let kept = 0;
  while (kept < ids.length && name(ids.slice(0, kept + 1)).length <= MAX_COMPARISON_NAME) kept++;
  if (kept > 0) return name(ids.slice(0, kept));
  // not even the first id fits: as much of it as does
  const suffix = `-and-${ids.length - 1}-more-${hash}`;
  const first = (ids[0] ?? '').slice(0, MAX_COMPARISON_NAME - COMPARISON_FILE_PREFIX.length - suffix.length).replace(/-+$/, '');
  return `${COMPARISON_FILE_PREFIX}${first}${suffix}`;
}
