// Retry-After and the reset headers may carry an HTTP date. Date.parse alone is no check: V8's legacy parser guesses a
// date out of nearly anything ("-5", "5, 10" and "120." are days in 2001 or the year 120), which read as a wait of 0.

const IMF_FIXDATE = /^[a-z]{3}, \d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/i;
const RFC_850 = /^[a-z]+, \d{2}-[a-z]{3}-\d{2} \d{2}:\d{2}:\d{2} (GMT|UTC)$/i;
const ASCTIME = /^[a-z]{3} [a-z]{3} [ \d]?\d \d{2}:\d{2}:\d{2} \d{4}$/i;
/** Not HTTP, but what some servers send instead; only with a zone, so never read in the machine's local time. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Epoch milliseconds of an HTTP date (IMF-fixdate, RFC 850 or asctime, all GMT) or of an ISO 8601 time with a zone;
 * undefined for anything else.
 */
export function parseHttpDate(text: string): number | undefined {
  const value = text.trim();
  let at = Number.NaN;
  if (IMF_FIXDATE.test(value) || RFC_850.test(value) || ISO_WITH_ZONE.test(value)) at = Date.parse(value);
  // asctime has no zone: HTTP says GMT, where Date.parse would take the machine's local time
  else if (ASCTIME.test(value)) at = Date.parse(`${value} GMT`);
  return Number.isNaN(at) ? undefined : at;
}
