import { redactSecrets } from './redact-secrets.js';

// Shared by the clients that expect JSON (Reddit's data and token requests, the Arctic Shift archive). A source that is
// down for maintenance, a captive portal or a Cloudflare challenge answers with a web page, and the parser's own words
// for it (`Unexpected token '<', "<!doctype "... is not valid JSON`) leave a cron log reader guessing. Only the size, the
// status and the page's title are shown: the body may be long, and a portal's page may echo the request it caught.

/** Longest title quoted; a longer one is cut with `…`. */
const TITLE_MAX = 80;

/** Where to look for the signs of a page: a JSON body cut short that quotes HTML in a comment must not read as one. */
const SNIFF_BYTES = 1024;

/**
 * A one-line reason for an answer whose body could not be read as JSON: `an HTML page, not JSON (140 bytes, status 200,
 * title "Reddit is down")`, `an empty body, not JSON (status 200)`, or else `unreadable JSON (N bytes, status 200): <the
 * parser's message>` (a body cut short, as a connection closed early leaves it). URL credentials and secret query
 * values are blanked.
 */
export function describeUnreadableBody(text: string, status: number, cause: unknown): string {
  if (text.trim() === '') return `an empty body, not JSON (status ${status})`;
  const size = `${Buffer.byteLength(text)} bytes, status ${status}`;
  if (isWebPage(text)) {
    const title = readTitle(text);
    return redactSecrets(`an HTML page, not JSON (${size}${title === undefined ? '' : `, title "${title}"`})`);
  }
  const reason = cause instanceof Error ? cause.message : String(cause);
  return redactSecrets(`unreadable JSON (${size}): ${reason}`);
}

/**
 * What a non-2xx answer's body was, when it was a web page (a Cloudflare 403 challenge, a 503 maintenance page): `an
 * HTML page, title "Reddit is down"`, or `an HTML page` without a title; undefined for any other body, which the
 * caller describes as before. Short (no size: the status already says it was no answer), with the same title reading
 * and redaction as {@link describeUnreadableBody}.
 */
export function describeWebPage(text: string): string | undefined {
  if (text.trim() === '' || !isWebPage(text)) return undefined;
  const title = readTitle(text);
  return redactSecrets(`an HTML page${title === undefined ? '' : `, title "${title}"`}`);
}

/** ` (an HTML page, title "…")` to put after what a line already says of the answer when its body was a web page; '' otherwise. */
export function describeWebPageNote(text: string): string {
  const page = describeWebPage(text);
  return page === undefined ? '' : ` (${page})`;
}

/** `status 503`, followed by ` (an HTML page, title "…")` when the body was a web page. */
export function describeStatus(status: number, text: string): string {
  return `status ${status}${describeWebPageNote(text)}`;
}

/** Markup first (`<!doctype html>`, `<html>`, `<?xml`), or a `<html` tag near the start of a body that is not JSON cut short. */
function isWebPage(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, SNIFF_BYTES);
  if (start.startsWith('<')) return true;
  if (start.startsWith('{') || start.startsWith('[')) return false;
  return /<html[\s>]/i.test(start);
}

function readTitle(text: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(text.slice(0, 64 * 1024));
  if (match === null) return undefined;
  const title = decodeBasicEntities(match[1]!)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (title === '') return undefined;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** The entities a title commonly holds (`Reddit &amp; you`); others are left as written. */
function decodeBasicEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}
