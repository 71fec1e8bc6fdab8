import type { Cue, TagName } from '../types.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';
import { sanitiseDisplayText } from './sanitise-display-text.js';

// Leads end in a colon so any cue phrase (a noun, "lol", "of course") reads naturally after them.
const LEADS: Record<TagName, { withCue: string; withoutCue: string }> = {
  cynicism: { withCue: 'cynical about the deal:', withoutCue: 'reads the deal cynically' },
  distrust: { withCue: 'distrusts the people behind it:', withoutCue: 'distrusts the people behind the deal' },
  bubble_caution: { withCue: 'warns of a bubble:', withoutCue: 'warns the money looks like a bubble' },
};

/**
 * A cue's text as a phrase: Reddit's escaping undone, invisible characters dropped, single-spaced, no edge punctuation, in the commenter's own case;
 * a marker with no words in it ("/s", "🙄") stays as written (`marker`) instead of shrinking to "s" or "".
 */
function cuePhraseOf(text: string): { phrase: string; marker: boolean } {
  // without invisible characters: a phrase with a zero-width space in it is counted and quoted as the words it shows
  const decoded = sanitiseDisplayText(decodeRedditEntities(text));
  const phrase = decoded.replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, '');
  return phrase.replace(/[^\p{L}\p{N}]/gu, '').length >= 2 ? { phrase, marker: false } : { phrase: decoded.trim(), marker: true };
}

/** The key cue phrases are counted by (refrains): cuePhraseOf, lower-cased unless a marker. */
export function displayCuePhrase(text: string): string {
  const { phrase, marker } = cuePhraseOf(text);
  return marker ? phrase : phrase.toLowerCase();
}

/** Names a phrase may open with, kept capitalised ("Ponzi", "Enron"); any other capitalised first word is lower-cased. */
const NAMES = new Set(
  'ponzi enron wework webvan lehman nvidia openai oracle microsoft amazon google meta apple intel amd cisco lucent nortel tesla jensen altman sam lisa satya elon musk larry ellison softbank coreweave stargate anthropic broadcom'.split(' '),
);

/**
 * The phrase as a gloss quotes it, mid-sentence: in the commenter's own case ("I guess", "OpenAI", "R&D budget", "the
 * Ponzi"), except a first word capitalised only because it opened their sentence ("The same dollars" → "the same dollars").
 */
function quoteCuePhrase(text: string): string {
  const { phrase, marker } = cuePhraseOf(text);
  if (marker) return phrase;
  const first = /^\p{Lu}\p{Ll}+(?=$|[^\p{L}])/u.exec(phrase)?.[0];
  return first === undefined || NAMES.has(first.toLowerCase()) ? phrase : phrase[0]!.toLowerCase() + phrase.slice(1);
}

/**
 * A phrase a regex cue cut off before the words it leads to ("ah yes, the", "you mean", "force 401ks and other",
 * "another day, another", "wake me up when", "what could possibly"): cited only when nothing else is.
 */
const FRAGMENT_END =
  /\b(?:the|a|an|of|to|and|or|but|in|on|for|with|from|by|at|as|mean|other|another|that|this|these|those|is|are|was|were|be|my|your|their|its|our|when|if|than|because|could|would|possibly)$/i;

/** Of two phrases citing the same words ("sham" and "sham sale", "bubble" and "bubbles"), the second adds nothing. */
function overlaps(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
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
 * many analysed comments share each cue phrase; a phrase the discussion
 * repeats has its count right after it, in parentheses, so it cannot be read
 * as the other phrase's.
 */
export function writeGloss(tag: TagName, cues: Cue[], refrains: ReadonlyMap<string, number>, overridden = false): string {
  const ranked = rankSupportingCues(cues)
    .map((cue) => ({ key: displayCuePhrase(cue.text), shown: quoteCuePhrase(cue.text), weight: cue.weight }))
    .filter((p) => p.key !== '');
  // a whole phrase first; a fragment only when the cues offer nothing else
  const first = ranked.find((p) => !FRAGMENT_END.test(p.key)) ?? ranked[0];
  const lead = LEADS[tag];
  const suffix = overridden ? ' (labelled by a reviewer)' : '';
  if (first === undefined) return `${lead.withoutCue}${suffix}`;
  // a second phrase only when it says something of its own and carries at least a quarter of the first one's weight
  const second = ranked.find((p) => p !== first && !FRAGMENT_END.test(p.key) && !overlaps(p.key, first.key) && p.weight >= first.weight / 4);
  // each phrase the discussion repeats has its own count right after it (a count ending the gloss read as the last
  // phrase's); a phrase without one is said in fewer than three comments
  const quoted = [first, second].filter((p) => p !== undefined).map((p) => {
    const repeats = refrains.get(p.key) ?? 0;
    return repeats >= 3 ? `“${p.shown}” (a refrain in ${repeats} comments)` : `“${p.shown}”`;
  });
  return `${lead.withCue} ${quoted.join(' and ')}${suffix}`;
}
