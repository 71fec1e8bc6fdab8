// Bidi embeddings/overrides/isolates and invisible zero-width characters.
// An unbalanced U+202E in a comment would reverse everything after it in the
// rendered report (attribution, numbers), and zero-width spaces hide text
// from search and diffing. ZWJ/ZWNJ stay: scripts and emoji need them.
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The three characters Reddit's API escapes in bodies and titles (a typed "&amp;" arrives as "&amp;amp;"). */
const REDDIT_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Text for display in md/html/csv. JSON keeps the exact stored text; renderings
 * undo Reddit's own escaping (one pass: "AT&amp;T" shows as "AT&T") and drop
 * only characters that are invisible or that can reorder or corrupt the
 * surrounding report, so every visible character is the commenter's.
 */
export function sanitiseDisplayText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(/&(?:amp|lt|gt);/g, (entity) => REDDIT_ENTITIES[entity] ?? entity);
}
