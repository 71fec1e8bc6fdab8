/**
 * A link target that can go into Markdown `(…)`, an HTML attribute or a CSV
 * cell: only http(s), and characters that could end the link or the
 * attribute are percent-encoded. Anything else becomes an empty string, so
 * a `javascript:` permalink from a tampered store renders as no link.
 */
export function toSafeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
  return url.href.replace(/[()<>"'`\\\s|[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
