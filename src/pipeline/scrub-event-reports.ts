import { scrubReportFolder, type ScrubResult } from '../report/scrub-report-folder.js';
import type { Store } from '../store/store.js';

/**
 * Scrub a reports folder against the store: a quoted comment the store holds as deleted or removed is taken out of
 * every report file there. A comment the store does not hold (another store wrote the folder) is left alone: nothing
 * says it is gone.
 */
export function scrubEventReports(store: Store, dir: string, now: number): ScrubResult {
  const gone = new Map<string, boolean>();
  const isGone = (id: string): boolean => {
    let answer = gone.get(id);
    if (answer === undefined) {
      const status = store.getComment(id)?.status;
      answer = status !== undefined && status !== 'live';
      gone.set(id, answer);
    }
    return answer;
  };
  return scrubReportFolder(dir, isGone, now);
}
