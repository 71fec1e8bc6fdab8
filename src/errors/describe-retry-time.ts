import { formatUtcDateTime } from '../report/format-values.js';

/** The last minute a date is shown for: a later one is no real wait, and past JavaScript's last date none can be built. */
const LAST_SHOWN_SECONDS = Date.UTC(9999, 11, 31, 23, 59) / 1000;

/**
 * When a rate limit the run would not wait out ends, as "run again after <UTC minute>": the stderr summary and the run
 * record are read long after the answer came (a cron log in the morning), so "asks to wait 7200 s" alone does not say
 * when. Rounded up to the minute, so the time given is never before the wait has passed. A wait ending after the year
 * 9999 (a broken header's "9000000000000" seconds) is said so, not given a date: building one would throw, ending the
 * collection as an internal error instead of a rate-limit error.
 */
export function describeRetryTime(nowMs: number, waitMs: number): string {
  const at = Math.ceil((nowMs + waitMs) / 60_000) * 60;
  if (!(at <= LAST_SHOWN_SECONDS)) return 'run again once that wait has passed (it ends after the year 9999)';
  return `run again after ${formatUtcDateTime(at)}`;
}
