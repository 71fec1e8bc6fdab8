import { formatUtcDateTime } from '../report/format-values.js';

/**
 * When a rate limit the run would not wait out ends, as "run again after <UTC minute>": the stderr summary and the run
 * record are read long after the answer came (a cron log in the morning), so "asks to wait 7200 s" alone does not say
 * when. Rounded up to the minute, so the time given is never before the wait has passed.
 */
export function describeRetryTime(nowMs: number, waitMs: number): string {
  return `run again after ${formatUtcDateTime(Math.ceil((nowMs + waitMs) / 60_000) * 60)}`;
}
