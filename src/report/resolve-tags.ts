import { TAG_NAMES } from '../types.js';
import type { Cue, LabelOverride, TagName, TagResult } from '../types.js';

export interface ResolvedTag {
  /** Probability: the tagger's, or 1/0 when a human said yes/no. */
  score: number;
  label: boolean;
  cues: Cue[];
  /** What quotes are ranked by (rankingStrength): the tagger's strength, or 1/0 with the human's label. */
  strength?: number;
  /** True when a human override decided the label (absent: the tagger's). */
  overridden?: boolean;
}

export type ResolvedTags = Record<TagName, ResolvedTag>;

/**
 * Merge a tag result with a human override; the human wins, for the label and
 * for the ranking score, so a comment a human marked "not cynical" can never
 * be quoted as cynical. Returns null when the comment has neither (untagged)
 * or the tagger skipped it and no human labelled it.
 */
export function resolveTags(result: TagResult | undefined, override: LabelOverride | undefined): ResolvedTags | null {
  const usable = result !== undefined && result.skipped === undefined;
  const hasOverride = override !== undefined && Object.keys(override.labels).length > 0;
  if (!usable && !hasOverride) return null;
  // The common case allocates nothing: the tagger's scores are used as they are.
  if (usable && !hasOverride) return result.tags;
  const out = {} as ResolvedTags;
  for (const tag of TAG_NAMES) {
    const machine = usable ? result.tags[tag] : undefined;
    const human = override?.labels[tag];
    if (human !== undefined) {
      out[tag] = { score: human ? 1 : 0, label: human, cues: human ? (machine?.cues ?? []) : [], strength: human ? 1 : 0, overridden: true };
    } else {
      out[tag] = machine ?? { score: 0, label: false, cues: [] };
    }
  }
  return out;
}

/** A tag's strength for ranking quotes; a result from an older tagger has none, and its score is the same thing. */
export function rankingStrength(tag: ResolvedTag): number {
  return tag.strength ?? tag.score;
}
