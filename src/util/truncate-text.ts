const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to at most `max` UTF-16 code units, `ellipsis` included, between two graphemes: an emoji (a surrogate
 * pair, a flag, a ZWJ family) or a letter with its accents stays whole or goes whole. A text of at most `max` code
 * units is returned as it is. Only the start of the text is segmented, so a long text costs no more.
 */
export function truncateText(text: string, max: number, ellipsis = '...'): string {
  if (text.length <= max) return text;
  const limit = Math.max(0, max - ellipsis.length);
  let cut = 0;
  // whether a grapheme ends at p depends on the text before p and the code point at p (two code units), not beyond
  for (const { index, segment } of GRAPHEMES.segment(text.slice(0, limit + 2))) {
    if (index + segment.length > limit) break;
    cut = index + segment.length;
  }
  // a first grapheme longer than the limit (a letter under hundreds of combining marks): cut between code points
  if (cut === 0) cut = limit > 0 && isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, cut) + ellipsis;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
