// Bidi embeddings/overrides/isolates and invisible zero-width characters.
// An unbalanced U+202E in a comment would reverse everything after it in the
// rendered report (attribution, numbers), and zero-width spaces hide text
// from search and diffing. ZWJ/ZWNJ stay: scripts and emoji need them.
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text for display in md/html/csv: drops only characters that are invisible
 * or that can reorder or corrupt the surrounding report, so every visible
 * character is the commenter's. Reddit's escaping is not undone here: the
 * report already holds decoded text (decodeRedditEntities), and decoding twice
 * would turn a typed "&amp;" into "&".
 */
export function sanitiseDisplayText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE_CONTROLS, '');
}
