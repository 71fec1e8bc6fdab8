import { LockError, StoreError } from '../errors/errors.js';
import { toStoreError, type ComparisonFolder, type Store } from '../store/store.js';

/**
 * How long a recorded `compare --out` folder may go unfound before the scrub takes it off the record. Not at the first
 * miss: a store shared with a machine or container that lacks the folder, or a disk not mounted that night, would lose
 * the record for good, and those comparisons would never be scrubbed again once back.
 */
export const FORGET_MISSING_FOLDER_AFTER_DAYS = 30;

const DAY_SECONDS = 86_400;

/**
 * A recorded folder the scrub did not find: when it first went missing is recorded, and one missing for
 * FORGET_MISSING_FOLDER_AFTER_DAYS is taken off the record; each miss is said on stderr. Not a partial result: a folder
 * its user deleted is the usual case. Updates only the row the scrub read (see Store.markComparisonFolderMissing).
 */
export function noteMissingComparisonFolder(store: Store, folder: ComparisonFolder, now: number, warn: (line: string) => void): void {
  const since = folder.missingSince ?? now;
  const forgetAt = since + FORGET_MISSING_FOLDER_AFTER_DAYS * DAY_SECONDS;
  const where = `${folder.path}, where \`compare --out\` wrote comparisons,`;
  if (now >= forgetAt) {
    if (updateRecord(store, folder, warn, () => store.forgetComparisonFolder(folder.path, folder.writtenAt))) {
      warn(`reactionlens: ${where} has not been found since ${toDate(since)} (${FORGET_MISSING_FOLDER_AFTER_DAYS} days): taken off the record, no longer scrubbed\n`);
    }
    return;
  }
  if (folder.missingSince === null) updateRecord(store, folder, warn, () => store.markComparisonFolderMissing(folder.path, folder.writtenAt, now));
  warn(
    `reactionlens: ${where} is not found here (removed, or on a disk not mounted now), so it was not scrubbed; ` +
      `missing since ${toDate(since)}, it stays on the record until ${toDate(forgetAt)} and is scrubbed again once found ` +
      `(\`reactionlens scrub --forget-folder ${folder.path}\` takes it off now)\n`,
  );
}

/** A recorded folder found again after a miss: it is no longer counted as missing. */
export function noteFoundComparisonFolder(store: Store, folder: ComparisonFolder, warn: (line: string) => void): void {
  if (folder.missingSince === null) return;
  updateRecord(store, folder, warn, () => store.markComparisonFolderMissing(folder.path, folder.writtenAt, null));
}

/**
 * Best-effort: a record that cannot be updated (a store refusing the write) is said and left for the next scrub, which
 * tries again; it must not fail the night's report. A LockError passes: the store's lock was taken over, and this
 * process must stop writing (see withStoreLock).
 */
function updateRecord(store: Store, folder: ComparisonFolder, warn: (line: string) => void, update: () => boolean): boolean {
  try {
    return update();
  } catch (error) {
    if (error instanceof LockError) throw error;
    const storeError = toStoreError(error, store.path);
    if (!(storeError instanceof StoreError)) throw error;
    warn(`reactionlens: warning: the store's record of ${folder.path}, where \`compare --out\` wrote comparisons, could not be updated (${storeError.message}); the next scrub tries again\n`);
    return false;
  }
}

function toDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
