import { ConfigError } from '../errors/errors.js';

const AGO = /^(\d{1,5})([HD])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// a date-time must say its zone: "08:00" alone would be read in the machine's zone, which cron and a writer may not share
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A `--since` value as epoch seconds: a UTC date (`2025-12-20`, from its midnight), a date-time with its zone
 * (`2025-12-20T08:00Z`, `…+01:00`), or a time before `now` (`24h`, `7d`), so a daily feed can ask for what is new.
 * A bad value is a usage error prefixed with `command`, as parseOptions words the other flags' errors.
 */
export function parseSince(command: string, given: string, now: number, flag = '--since'): number {
  // RFC 3339 allows a lower-case "t" and "z"
  const text = given.trim().toUpperCase();
  const ago = AGO.exec(text);
  if (ago !== null) return now - Number(ago[1]) * (ago[2] === 'H' ? 3600 : 86_400);
  if (DATE.test(text) || DATE_TIME.test(text)) {
    const ms = Date.parse(DATE.test(text) ? `${text}T00:00:00Z` : text);
    if (!Number.isNaN(ms) && isRealDay(text.slice(0, 10))) return ms / 1000;
  }
  throw new ConfigError(
    `${command}: ${flag} ${JSON.stringify(given)}: give a UTC date (2025-12-20), a date-time with its zone (2025-12-20T08:00Z) or a time ago (24h, 7d)`,
  );
}

/** Date.parse takes any day up to 31 (2025-02-30 becomes 2025-03-02): the day must come back as written. */
function isRealDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}
