import type { HistoryRecovery } from '../report/recover-report-history.js';
import type { CliContext } from './cli-context.js';

/**
 * Nights history.json had no point of, taken back from their JSON reports (recoverReportHistory), and JSON reports that
 * could not be read for it: named on stderr. A warning, not a partial night: a point taken back is the one the night
 * would have written, so the trend lost nothing; an unreadable report is named by the scrub as well (exit 4) when it
 * checks it.
 */
export function warnRecoveredHistory(ctx: CliContext, recovery: HistoryRecovery, prefix: string): void {
  for (const r of recovery.recovered) {
    ctx.stderr(
      `${prefix}: warning: ${recovery.path} had no point of ${r.date}, whose run ${r.runId} the store records as ${r.runStatus}: ` +
        `its point was taken back from ${r.file} (a run killed after storing its outcome, before writing ${recovery.path}, ` +
        `leaves its night so; to keep a night out of the trend, take its JSON report out of the folder as well)\n`,
    );
  }
  for (const u of recovery.unreadable) {
    ctx.stderr(
      `${prefix}: warning: ${u.file} cannot be read as a report (${u.reason}): skipped; ${recovery.path} has no point of ` +
        `${u.date}, and none is taken from that file until it reads\n`,
    );
  }
}
