// A safety net for what reaches stderr, the store and a run's --json record: base URLs are checked at the config boundary, but a URL can also
// come back inside an error message (fetch quotes the URL it refused; a proxy can redirect with a token in the query).

import type { RunRecord } from '../types.js';

/** `scheme://user:password@` → `scheme://***@`; the last `@` before the path ends the userinfo, as URL parsing does. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]*@/gi;

/** Query parameters that carry a credential: their values are blanked, the names kept so the message still reads. */
const SECRET_PARAMS = /([?&](?:access_token|refresh_token|id_token|token|client_secret|secret|password|passwd|api_key|apikey|key|code|sig|signature)=)([^&#\s"'<>\\]*)/gi;

/** The text with URL credentials and secret query values replaced by `***`. */
export function redactSecrets(text: string): string {
  // most lines hold no URL at all: skip the regexes for them
  if (!text.includes('://') && !text.includes('=')) return text;
  return text.replace(USERINFO, '$1***@').replace(SECRET_PARAMS, (_match, name: string, value: string) => `${name}***${keepAfterBlank(value)}`);
}

/**
 * A value already blanked upstream (`password=***`, from the exact-secret pass) keeps the punctuation after it, so the
 * sentence around it still closes its bracket; any other value is blanked whole, since a secret may end in `)` too.
 */
function keepAfterBlank(value: string): string {
  return /^\*\*\*[).,;\]]+$/.test(value) ? value.slice(3) : '';
}

/** The run's recorded messages (errors, skip records) without URL credentials or tokens: as stored, and as `--json` prints them. */
export function redactRun(run: RunRecord): RunRecord {
  return {
    ...run,
    skipped: run.skipped.map((s) => ({ ...s, source: redactSecrets(s.source), record: redactSecrets(s.record), reason: redactSecrets(s.reason) })),
    errors: run.errors.map(redactSecrets),
  };
}
