import { z } from 'zod';
import { ConfigError, SourceError } from '../errors/errors.js';
import { baseUrlSchema } from '../sources/parse-base-url.js';

// Credentials for the live source come from the environment (a git-ignored
// .env; .env.example documents it). Messages name variables, never values.

export type RedditGrant =
  | { kind: 'refresh_token'; refreshToken: string }
  | { kind: 'password'; username: string; password: string }
  /** App-only: read access without a user. */
  | { kind: 'client_credentials' };

export interface RedditCredentials {
  clientId: string;
  clientSecret: string;
  grant: RedditGrant;
  userAgent: string;
  /** Data calls, e.g. https://oauth.reddit.com (no trailing slash). */
  apiBase: string;
  /** Token endpoint host, e.g. https://www.reddit.com (no trailing slash). */
  authBase: string;
}

export const DEFAULT_API_BASE = 'https://oauth.reddit.com';
export const DEFAULT_AUTH_BASE = 'https://www.reddit.com';

/** Reddit's required format: <platform>:<app id>:<version> (by /u/<username>). */
const USER_AGENT = /^[^:\s]+:[^:\s]+:[^:\s]+ \(by \/?u\/[A-Za-z0-9_-]{3,20}\)$/;

// .env files often hold `NAME=` for unused variables: treat empty as unset.
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  REDDIT_CLIENT_ID: optional,
  REDDIT_CLIENT_SECRET: optional,
  REDDIT_REFRESH_TOKEN: optional,
  REDDIT_USERNAME: optional,
  REDDIT_PASSWORD: optional,
  REDDIT_USER_AGENT: optional,
  REDDIT_API_BASE: optional.pipe(baseUrlSchema.optional()),
  REDDIT_AUTH_BASE: optional.pipe(baseUrlSchema.optional()),
});

const WITHOUT_CREDENTIALS =
  'The bundled data (--source fixtures), the Arctic Shift archive source (--source arctic-shift: with none of REDDIT_CLIENT_ID, ' +
  'REDDIT_CLIENT_SECRET, REDDIT_REFRESH_TOKEN, REDDIT_USERNAME, REDDIT_PASSWORD set, it runs without re-checking deletions with Reddit) ' +
  'and dump import work without Reddit credentials.';

/**
 * True when the environment holds any of Reddit's credentials proper (the app's id or secret, a refresh token, an
 * account): the user meant to give some, so a partial set is an error (parseRedditCredentials), not a silent "none".
 * A user agent or base URL alone is not a credential: .env.example fills those in for everyone.
 */
export function hasRedditCredentials(env: Record<string, string | undefined>): boolean {
  const names = ['REDDIT_CLIENT_ID', 'REDDIT_CLIENT_SECRET', 'REDDIT_REFRESH_TOKEN', 'REDDIT_USERNAME', 'REDDIT_PASSWORD'] as const;
  return names.some((name) => optional.parse(env[name]) !== undefined);
}

/**
 * Reads the live source's settings from an env-like record. Throws
 * SourceError naming every missing variable (the CLI maps it to the
 * source/auth exit code) and ConfigError for a malformed base URL.
 */
export function parseRedditCredentials(env: Record<string, string | undefined>): RedditCredentials {
  const parsed = envSchema.safeParse({
    REDDIT_CLIENT_ID: env.REDDIT_CLIENT_ID,
    REDDIT_CLIENT_SECRET: env.REDDIT_CLIENT_SECRET,
    REDDIT_REFRESH_TOKEN: env.REDDIT_REFRESH_TOKEN,
    REDDIT_USERNAME: env.REDDIT_USERNAME,
    REDDIT_PASSWORD: env.REDDIT_PASSWORD,
    REDDIT_USER_AGENT: env.REDDIT_USER_AGENT,
    REDDIT_API_BASE: env.REDDIT_API_BASE,
    REDDIT_AUTH_BASE: env.REDDIT_AUTH_BASE,
  });
  // only the base URLs can fail here; their messages name the variable and never quote a password
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  const e = parsed.data;

  const missing: string[] = [];
  if (e.REDDIT_CLIENT_ID === undefined) missing.push('REDDIT_CLIENT_ID');
  if (e.REDDIT_CLIENT_SECRET === undefined) missing.push('REDDIT_CLIENT_SECRET');
  if (e.REDDIT_USER_AGENT === undefined) missing.push('REDDIT_USER_AGENT');
  if ((e.REDDIT_USERNAME === undefined) !== (e.REDDIT_PASSWORD === undefined)) {
    missing.push(e.REDDIT_USERNAME === undefined ? 'REDDIT_USERNAME' : 'REDDIT_PASSWORD');
  }
  if (missing.length > 0) {
    throw new SourceError(
      `Reddit credentials missing: ${missing.join(', ')}. The live source needs REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET and ` +
        'REDDIT_USER_AGENT, plus either REDDIT_REFRESH_TOKEN or REDDIT_USERNAME and REDDIT_PASSWORD (neither = app-only access); ' +
        `see .env.example. ${WITHOUT_CREDENTIALS}`,
    );
  }
  const userAgent = e.REDDIT_USER_AGENT!;
  if (!USER_AGENT.test(userAgent)) {
    throw new SourceError(
      'REDDIT_USER_AGENT must follow Reddit\'s format "<platform>:<app id>:<version> (by /u/<username>)", ' +
        `e.g. "node:reactionlens:0.1.0 (by /u/yourname)". ${WITHOUT_CREDENTIALS}`,
    );
  }

  let grant: RedditGrant;
  if (e.REDDIT_REFRESH_TOKEN !== undefined) grant = { kind: 'refresh_token', refreshToken: e.REDDIT_REFRESH_TOKEN };
  else if (e.REDDIT_USERNAME !== undefined && e.REDDIT_PASSWORD !== undefined) {
    grant = { kind: 'password', username: e.REDDIT_USERNAME, password: e.REDDIT_PASSWORD };
  } else grant = { kind: 'client_credentials' };

  return {
    clientId: e.REDDIT_CLIENT_ID!,
    clientSecret: e.REDDIT_CLIENT_SECRET!,
    grant,
    userAgent,
    apiBase: e.REDDIT_API_BASE ?? DEFAULT_API_BASE,
    authBase: e.REDDIT_AUTH_BASE ?? DEFAULT_AUTH_BASE,
  };
}
