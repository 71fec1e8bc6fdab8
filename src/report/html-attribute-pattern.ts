// How the scrub reads an attribute in markup a person may have edited: any quoting, spaces around the `=`, any case.
// One source for every reader and the title remover, so a quoting one of them accepts is never missed by another.

/** An attribute's value in any quoting: `"…"`, `'…'` or bare (up to a space, a quote or `>`); the value is group 1, 2 or 3. */
export const HTML_ATTRIBUTE_VALUE = String.raw`(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`;

/** The attribute's name and its `=`, as a whole word, with the spaces markup allows around the `=`. */
export function htmlAttributeName(name: string): string {
  return String.raw`\b${name}\s*=\s*`;
}

/** `name=value` in any quoting; the value is group 1, 2 or 3 (see HTML_ATTRIBUTE_VALUE). */
export function htmlAttributePattern(name: string, flags: string): RegExp {
  return new RegExp(htmlAttributeName(name) + HTML_ATTRIBUTE_VALUE, flags);
}
