import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../errors/errors.js';
import { toFileError } from '../errors/to-file-error.js';
import { COMPARISON_FILE_PREFIX } from './name-comparison-file.js';
import { namesNoRedditContent } from './names-no-reddit-content.js';
import { COMPARISON_FORMATS, type ComparisonFormat } from './render-comparison.js';
import { emptyScrubResult, removeStaleTempFiles, scrubFile, type GoneContent, type ScrubResult } from './scrub-report-folder.js';

/** The files `compare --out` writes (nameComparisonFile, one per format). */
const COMPARISON_FILE = new RegExp(`^${COMPARISON_FILE_PREFIX}.+\\.(${COMPARISON_FORMATS.join('|')})$`);

/**
 * `compare --out` files quote each event's top comment per tag, so a comment deleted or removed on Reddit after the
 * comparison was written must come out of them as it does out of the nightly reports. They have no manifest: a
 * comparison is a handful of small files, read in full on every scrub (one of each format per comparison). Temp files
 * a killed `compare --out` left (its text, quotes included) are removed first: the caller holds the folder's lock,
 * which `compare --out` takes too, so none of them is being written. A file only named like a comparison, that names no
 * Reddit content (namesNoRedditContent), is the user's and left alone; one that does but cannot be taken apart is named
 * as not checked.
 */
export function scrubComparisonFiles(dir: string, gone: GoneContent): ScrubResult {
  const result = emptyScrubResult();
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return result;
    throw toFileError(cause, 'cannot read', dir);
  }
  result.staleTempFiles = removeStaleTempFiles(dir, names, (target) => COMPARISON_FILE.test(target));
  for (const name of names) {
    const format = COMPARISON_FILE.exec(name)?.[1] as ComparisonFormat | undefined;
    if (format === undefined) continue;
    try {
      scrubFile(join(dir, name), format, gone, result, namesNoRedditContent);
    } catch (error) {
      // one comparison this run cannot read or rewrite (another user's file, mode 0600) is named as not checked (exit
      // 4), as a damaged one is; it must not fail the night's report of an event it may not even be about
      if (!(error instanceof FileError)) throw error;
      result.unreadable.push(join(dir, name));
    }
  }
  return result;
}
