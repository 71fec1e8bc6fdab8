import { scrubReportFolder, type ScrubResult } from '../report/scrub-report-folder.js';
import type { Store } from '../store/store.js';

/**
 * Scrub a reports folder against the store: a quoted comment the store holds as deleted or removed is taken out of
 * every report file there, and so is the title of a submission it holds as deleted or removed. A comment or thread
 * the store does not hold (another store wrote the folder) is left alone: nothing says it is gone.
 */
export function scrubEventReports(store: Store, dir: string, now: number): ScrubResult {
  const comment = remember((id) => {
    const status = store.getComment(id)?.status;
    return status !== undefined && status !== 'live';
  });
  const thread = remember((id) => {
    const status = store.getThread(id)?.status;
    return status !== undefined && status !== 'live';
  });
  return scrubReportFolder(dir, { comment, thread }, now);
}

/** One store lookup per id however many nights name it. */
function remember(isGone: (id: string) => boolean): (id: string) => boolean {
  const answers = new Map<string, boolean>();
  return (id) => {
    let answer = answers.get(id);
    if (answer === undefined) answers.set(id, (answer = isGone(id)));
    return answer;
  };
}
