/** The three characters Reddit's API escapes in bodies and titles (a typed "&amp;" arrives as "&amp;amp;"). */
const REDDIT_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Undo Reddit's own escaping, exactly once: "AT&amp;T" is "AT&T", and a typed
 * "&amp;" (stored as "&amp;amp;") stays "&amp;". Stored bodies keep the API's
 * form because tag offsets point into it; report text is decoded when it is
 * built, so every format shows what people read and no renderer decodes again.
 */
export function decodeRedditEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => REDDIT_ENTITIES[entity] ?? entity);
}
