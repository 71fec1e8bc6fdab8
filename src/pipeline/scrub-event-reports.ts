import { scrubReportFolder, type ScrubResult } from '../report/scrub-report-folder.js';
import type { Store } from '../store/store.js';
import type { ContentStatus } from '../types.js';

/**
 * Scrub a reports folder against the store: a quoted comment the store holds as deleted or removed is taken out of
 * every report file there, and so is the title of a submission it holds as deleted or removed. A comment or thread
 * the store does not hold (another store wrote the folder) is left alone: nothing says it is gone.
 */
export function scrubEventReports(store: Store, dir: string, now: number): ScrubResult {
  const comment = remember((id) => isKnownGone(store.getComment(id)?.status));
  const thread = remember((id) => isKnownGone(store.getThread(id)?.status));
  return scrubReportFolder(dir, { comment, thread }, now);
}

/** Gone as far as the store knows: held as deleted or removed. One it does not hold (undefined) is not known to be gone. */
function isKnownGone(status: ContentStatus | undefined): boolean {
  return status !== undefined && status !== 'live';
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
