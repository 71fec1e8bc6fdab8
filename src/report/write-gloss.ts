import type { Cue, TagName } from '../types.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';

// Leads end in a colon so any cue phrase (a noun, "lol", "of course") reads naturally after them.
const LEADS: Record<TagName, { withCue: string; withoutCue: string }> = {
  cynicism: { withCue: 'cynical about the deal:', withoutCue: 'reads the deal cynically' },
  distrust: { withCue: 'distrusts the people behind it:', withoutCue: 'distrusts the people behind the deal' },
  bubble_caution: { withCue: 'warns of a bubble:', withoutCue: 'warns the money looks like a bubble' },
};

/** Lower-case, single-spaced, no edge punctuation: the key cue phrases are counted by. */
function normaliseCuePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, '');
}

/**
 * The phrase as a reader should see it: Reddit's escaping undone, normalised, except that markers with
 * no words in them ("/s", "🙄") stay as written instead of shrinking to "s" or "".
 */
export function displayCuePhrase(text: string): string {
  const decoded = decodeRedditEntities(text);
  const phrase = normaliseCuePhrase(decoded);
  return phrase.replace(/[^\p{L}\p{N}]/gu, '').length >= 2 ? phrase : decoded.trim();
}

/** The cues that pushed towards their tag: a rebuttal cue ("not a bubble") is never cited or counted as the reason. */
export function supportingCues(cues: readonly Cue[]): Cue[] {
  return cues.filter((c) => c.weight > 0);
}

/** The supporting cues, strongest first (ties: the earlier one): the order quotes are centred on and glosses cite. */
export function rankSupportingCues(cues: readonly Cue[]): Cue[] {
  return supportingCues(cues).sort((a, b) => b.weight - a.weight || a.start - b.start);
}

/**
 * A one-line plain-English gloss of why a quote was picked, built only from
 * the cues that fired (so it never claims more than the tagger saw). It is
 * our paraphrase, and every renderer labels it so. `refrains` counts how
 * many analysed comments share each cue phrase; when the first phrase is one
 * the discussion repeats, its count sits right after it, in parentheses,
 * because a count after the second phrase reads as that phrase's.
 */
export function writeGloss(tag: TagName, cues: Cue[], refrains: ReadonlyMap<string, number>, overridden = false): string {
  const phrases: string[] = [];
  for (const cue of rankSupportingCues(cues)) {
    const phrase = displayCuePhrase(cue.text);
    if (phrase !== '' && !phrases.includes(phrase)) phrases.push(phrase);
    if (phrases.length === 2) break;
  }
  const lead = LEADS[tag];
  const suffix = overridden ? ' (labelled by a reviewer)' : '';
  if (phrases.length === 0) return `${lead.withoutCue}${suffix}`;
  const quoted = phrases.map((p, i) => {
    const repeats = i === 0 ? (refrains.get(p) ?? 0) : 0;
    return repeats >= 3 ? `“${p}” (a refrain in ${repeats} comments)` : `“${p}”`;
  });
  return `${lead.withCue} ${quoted.join(' and ')}${suffix}`;
}
