import { z } from 'zod';
import { ConfigError } from '../errors/errors.js';
import { redactSecrets } from '../errors/redact-secrets.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The value as a message may quote it: not at all when it may hold a password (anything with an `@`), and without its
 * query or fragment, which may hold a key under any name (`?TOKEN`, `#key`), not only the ones redactSecrets knows.
 */
function quote(value: string): string {
  if (value.includes('@')) return '(value not shown: it may hold a password)';
  const cut = value.search(/[?#]/);
  return cut === -1 ? `"${redactSecrets(value)}"` : `"${redactSecrets(value.slice(0, cut))}" (its query or fragment not shown)`;
}

/**
 * A base URL setting (REDDIT_API_BASE, REDDIT_AUTH_BASE, ARCTIC_SHIFT_BASE): https anywhere, plain http only to this
 * machine (so tokens never cross a network in clear), no user:password@ (fetch refuses it, and it would end up in
 * logs and the store), no query or fragment. Normalised without a trailing slash.
 */
export const baseUrlSchema = z.string().transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `is not a URL: ${quote(value)}` });
    return z.NEVER;
  }
  if (url.username !== '' || url.password !== '') {
    ctx.addIssue({
      code: 'custom',
      message: 'must not contain a user name or password (user:password@host; the value is not shown): reactionlens sends no credentials in a URL',
    });
    return z.NEVER;
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    ctx.addIssue({ code: 'custom', message: `must use https (plain http is accepted only for loopback addresses): ${quote(value)}` });
    return z.NEVER;
  }
  if (url.search !== '' || url.hash !== '') {
    ctx.addIssue({ code: 'custom', message: `must not carry a query or fragment: ${quote(value)}` });
    return z.NEVER;
  }
  return url.href.replace(/\/+$/, '');
});

/** Parses one base URL setting; a bad one is a ConfigError naming `variable`, never quoting a password. */
export function parseBaseUrl(variable: string, value: string): string {
  const parsed = baseUrlSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(`${variable} ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}
