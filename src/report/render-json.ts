import type { Report } from './report.js';

/** Pretty JSON with a trailing newline; key order is the Report's construction order, so output is stable. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
