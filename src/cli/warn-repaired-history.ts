import type { HistoryRepair } from '../report/repair-report-history.js';
import type { CliContext } from './cli-context.js';

/**
 * A damaged history.json set aside and rebuilt, or a missing one rebuilt beside earlier nights' reports: named on
 * stderr with what to do, and the night marked partial (exit 4). For `run`, runEvent records the run as partial with
 * the same note; `report` records no run.
 */
export function warnRepairedHistory(ctx: CliContext, repair: HistoryRepair, prefix: string): void {
  if (repair.keptAs === null) {
    ctx.stderr(
      `${prefix}: warning: ${repair.reason}. It was rebuilt with ${repair.points} point(s) from the JSON reports' trends; ` +
        `a night none of them holds (no JSON report written after it) is missing from the trend. If ${repair.path} was ` +
        `moved or backed up, copy the missing nights' points back from that copy.\n`,
    );
    // as for a damaged one: the trend may have lost points, and cron only sees the exit code
    ctx.markPartial(`the report history ${repair.path} was missing: rebuilt from the JSON reports`);
    return;
  }
  ctx.stderr(
    `${prefix}: warning: ${repair.reason}. It was kept as ${repair.keptAs}, byte for byte, and ${repair.path} was rebuilt ` +
      `with ${repair.points} point(s) from what the folder still holds (the damaged file's readable points and the JSON reports' trends). ` +
      `To recover a night the rebuilt trend lacks, copy its point from the kept file into ${repair.path}; then the kept file can go.\n`,
  );
  // cron only sees the exit code: a trend that may have lost points must not pass as a clean night
  ctx.markPartial(`the report history ${repair.path} was damaged: set aside and rebuilt`);
}
