import { z } from 'zod';
import { CredentialsError, SourceError } from '../errors/errors.js';
import { redactSecrets } from '../errors/redact-secrets.js';
import { describeTransportError } from '../errors/describe-transport-error.js';
import { describeStatus, describeUnreadableBody, describeWebPage } from '../errors/describe-unreadable-body.js';
import { parseRetryAfter } from './rate-limit.js';
import type { RedditCredentials } from './reddit-credentials.js';
import { isRetryableStatus, RetryableStatusError, TruncatedBodyError } from './retry-policy.js';

// OAuth access tokens for the three grants Reddit offers scripts. snoowrap
// renews only after expiry and cannot renew app-only tokens at all; here every
// grant is renewed ahead of expiry and on demand after a 401.

export interface TokenProvider {
  /** A valid bearer token, fetched or renewed as needed; concurrent callers share one request. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forget the current token (after a 401) so the next get() renews it. */
  invalidate(): void;
}

export interface TokenProviderOptions {
  credentials: RedditCredentials;
  fetch: typeof fetch;
  /** Epoch ms. */
  now: () => number;
  /** Renew this long before expiry. Default 5 minutes (capped at a tenth of the lifetime). */
  renewBeforeMs?: number;
  timeoutMs?: number;
  onRequest?: () => void;
}

/** Statuses and OAuth error codes (RFC 6749 §5.2; Reddit answers a wrong password with 200 and `invalid_grant`) that refuse the credentials. */
const REFUSAL_STATUS = new Set([400, 401, 403]);
const OAUTH_REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'unsupported_grant_type', 'invalid_request', 'invalid_scope']);

const tokenResponseSchema = z.object({
  access_token: z.string().min(1).optional(),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
  error: z.union([z.string(), z.number()]).optional(),
  error_description: z.string().optional(),
});

/** The token request got no HTTP answer at all (DNS, refused, reset, timeout, TLS): the endpoint is out of reach, not refusing us. */
export class TokenEndpointUnreachableError extends SourceError {
  override readonly name: string = 'TokenEndpointUnreachableError';
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { credentials } = options;
  let token: { value: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (signal: AbortSignal | undefined): Promise<string> => {
    const form = new URLSearchParams();
    const grant = credentials.grant;
    if (grant.kind === 'refresh_token') {
      form.set('grant_type', 'refresh_token');
      form.set('refresh_token', grant.refreshToken);
    } else if (grant.kind === 'password') {
      form.set('grant_type', 'password');
      form.set('username', grant.username);
      form.set('password', grant.password);
    } else {
      form.set('grant_type', 'client_credentials');
    }
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
    const secrets = [credentials.clientSecret, basic, ...grantSecrets(grant)];
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const where = `POST ${credentials.authBase}/api/v1/access_token (${grant.kind})`;
    options.onRequest?.();
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(`${credentials.authBase}/api/v1/access_token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'user-agent': credentials.userAgent,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
        signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted === true) throw cause; // the run was stopped: not the endpoint's failure
      // No HTTP answer (DNS, refused, reset, timeout, TLS): the source failed, named by host. The cause stays attached,
      // so a transient one (refused, reset, timeout) is still retried; the message never carries the credentials.
      const reason = hideCredentials(describeTransportError(cause), secrets);
      throw new TokenEndpointUnreachableError(`${where}: no answer from ${new URL(credentials.authBase).host}: ${reason}`, { cause });
    }
    // a rate limit on the token endpoint is a pause to wait out, not a refusal of the credentials
    if (isRetryableStatus(response.status) || response.status === 429) {
      // how long it asks us to pause, which the caller waits out (or refuses, past what a run waits) as for a data request
      const retryAfterMs = response.status === 429 ? parseRetryAfter(response.headers.get('retry-after'), options.now()) : undefined;
      throw new RetryableStatusError(response.status, `${where}: ${hideCredentials(describeStatus(response.status, text), secrets)}`, retryAfterMs);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      // a refusal need not come with a JSON body; anything else unreadable is a source failure
      if (response.status !== 401 && response.status !== 403) {
        const reason = hideCredentials(describeUnreadableBody(text, response.status, cause), secrets);
        // A 2xx that is not JSON (a maintenance page or captive portal served with 200, a body cut short) is no answer
        // yet: retried with the data requests' bounded backoff, as their own such answers are (the TruncatedBodyError
        // in its causes is what the retry policy looks for). Past those retries it is still this request's failure.
        const retryable = response.ok ? new TruncatedBodyError(reason, { cause }) : cause;
        throw new SourceError(`${where}: ${reason}, no access token`, { cause: retryable });
      }
    }
    const parsed = tokenResponseSchema.safeParse(raw);
    const body = parsed.success ? parsed.data : undefined;
    if (!response.ok || body?.access_token === undefined || body.error !== undefined) {
      // a refusal served as a web page (a Cloudflare 403 challenge) says so, with its title
      const page = response.ok ? undefined : describeWebPage(text);
      const status = page === undefined ? `status ${response.status}` : `status ${response.status}, ${hideCredentials(page, secrets)}`;
      const reason = body?.error_description ?? (body?.error !== undefined ? String(body.error) : status);
      // only a refusal stops the collection; any other odd answer (404, 200 without a token) fails this request
      const refused = REFUSAL_STATUS.has(response.status) || (typeof body?.error === 'string' && OAUTH_REFUSALS.has(body.error));
      if (!refused) throw new SourceError(`${where}: unexpected answer (${reason}), no access token`);
      throw new CredentialsError(
        `Reddit refused the credentials (${reason}) at ${where}. Check REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET and the ` +
          `${grant.kind === 'refresh_token' ? 'REDDIT_REFRESH_TOKEN' : grant.kind === 'password' ? 'REDDIT_USERNAME/REDDIT_PASSWORD' : 'app type (app-only needs a script or web app)'}.`,
      );
    }
    const lifetimeMs = (body.expires_in ?? 3600) * 1000;
    const margin = Math.min(options.renewBeforeMs ?? 5 * 60_000, lifetimeMs / 10);
    token = { value: body.access_token, renewAt: options.now() + lifetimeMs - margin };
    return body.access_token;
  };

  return {
    get(signal?: AbortSignal): Promise<string> {
      if (token !== undefined && options.now() < token.renewAt) return Promise.resolve(token.value);
      pending ??= fetchToken(signal).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(): void {
      token = undefined;
    },
  };
}

function grantSecrets(grant: RedditCredentials['grant']): string[] {
  if (grant.kind === 'refresh_token') return [grant.refreshToken];
  if (grant.kind === 'password') return [grant.password];
  return [];
}

/** A transport message may quote the request (proxies and test doubles do): its secrets, as sent or form-encoded, become ***. */
function hideCredentials(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) out = out.split(form).join('***');
  }
  return redactSecrets(out);
}
