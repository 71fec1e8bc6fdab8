import { TAG_NAMES } from '../types.js';
import type { TagName } from '../types.js';
import type { CuePhraseCount } from './report.js';
import type { ResolvedTags } from './resolve-tags.js';
import { displayCuePhrase, supportingCues } from './write-gloss.js';

/**
 * How many cue phrases a report lists per tag, in every format: the report holds this many and the renderers show them
 * all (the Markdown, HTML and JSON once listed 5, 6 and 8).
 */
export const TOP_CUE_PHRASES = 5;

/**
 * Per tag, how many comments carrying the tag contain each cue phrase that pushed towards it; plus the overall
 * phrase → comments map the glosses use for refrains. A refrain counts every analysed comment in which the phrase
 * pushed towards some tag, whether or not the comment reached that tag's threshold: a gloss's "(a refrain in 10
 * comments)" tells a writer how many comments say it, and counting only tagged ones read "debt" as said in 10 comments
 * when 19 did. A phrase repeated inside one comment counts once: this measures spread, not volume.
 */
export function countCuePhrases(
  tagged: readonly ResolvedTags[],
  topN = TOP_CUE_PHRASES,
): { byTag: Record<TagName, CuePhraseCount[]>; refrains: Map<string, number> } {
  const counter = new CuePhraseCounter();
  for (const tags of tagged) counter.add(tags);
  return counter.count(topN);
}

/** countCuePhrases one tagged comment at a time (the report commands read an event a page at a time). */
export class CuePhraseCounter {
  private readonly perTag = new Map<TagName, Map<string, number>>(TAG_NAMES.map((t) => [t, new Map()]));
  private readonly refrains = new Map<string, number>();

  add(tags: ResolvedTags): void {
    const seenAny = new Set<string>();
    for (const tag of TAG_NAMES) {
      const resolved = tags[tag];
      const seen = new Set<string>();
      for (const cue of supportingCues(resolved.cues)) {
        const phrase = displayCuePhrase(cue.text);
        if (phrase === '') continue;
        if (!seenAny.has(phrase)) {
          seenAny.add(phrase);
          this.refrains.set(phrase, (this.refrains.get(phrase) ?? 0) + 1);
        }
        if (!resolved.label || seen.has(phrase)) continue;
        seen.add(phrase);
        const counts = this.perTag.get(tag);
        counts?.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
  }

  count(topN = TOP_CUE_PHRASES): { byTag: Record<TagName, CuePhraseCount[]>; refrains: Map<string, number> } {
    const byTag = {} as Record<TagName, CuePhraseCount[]>;
    for (const tag of TAG_NAMES) {
      byTag[tag] = [...(this.perTag.get(tag) ?? new Map<string, number>())]
        .map(([phrase, comments]) => ({ phrase, comments }))
        .sort((a, b) => b.comments - a.comments || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))
        .slice(0, topN);
    }
    return { byTag, refrains: this.refrains };
  }
}
