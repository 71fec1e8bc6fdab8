import { redactSecrets } from './redact-secrets.js';
import { listCauses } from './list-causes.js';

// Shared by every client that talks to a source over fetch (Reddit's data and token requests, the Arctic Shift archive),
// so a request that got no answer reads the same whichever source it was sent to.
// undici's `fetch failed` says nothing about why: the reason (`getaddrinfo ENOTFOUND www.reddit.com`, `connect
// ECONNREFUSED 127.0.0.1:443`, `other side closed`) is on its cause, and the error code is sometimes only there.

/**
 * A one-line reason for a failed request: the message under undici's `fetch failed` wrapper (our own errors keep
 * theirs, which already name the request), followed by the first error code in the chain when the message lacks it.
 * URL credentials and secret query values are blanked.
 */
export function describeTransportError(error: unknown): string {
  const chain = listCauses(error);
  const firstReal = chain.findIndex((link) => !isFetchFailedWrapper(link));
  // the first message under the wrapper; failing that the wrapper's own ("fetch failed"); failing that the value itself
  const inner = firstReal === -1 ? [] : chain.slice(firstReal);
  const message = [...inner, ...chain].map(messageOf).find((text) => text !== '') ?? String(error);
  const code = chain.map((link) => (link as { code?: unknown }).code).find((c): c is string => typeof c === 'string');
  return redactSecrets(code === undefined || message.includes(code) ? message : `${message} (${code})`);
}

function isFetchFailedWrapper(link: object): boolean {
  return link instanceof TypeError && link.message === 'fetch failed' && typeof (link as { cause?: unknown }).cause === 'object';
}

/** The link's own message, or for an AggregateError (several addresses tried, no message of its own) its first inner error's. */
function messageOf(link: object): string {
  const { message, errors } = link as { message?: unknown; errors?: unknown };
  if (typeof message === 'string' && message !== '') return message;
  if (!Array.isArray(errors)) return '';
  for (const inner of errors as unknown[]) {
    const text = (inner as { message?: unknown } | null)?.message;
    if (typeof text === 'string' && text !== '') return text;
  }
  return '';
}
