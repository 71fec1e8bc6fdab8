import { toSkipRecord } from '../errors/to-skip-record.js';
import type { RedditApi } from '../reddit/reddit-api.js';
import type { InfoListing } from '../reddit/reddit-schemas.js';
import type { SkipRecord } from '../types.js';
import { GIVE_UP_AFTER } from './count-search-failures.js';
import type { SourceContext } from './source.js';

/** Reddit answers at most 100 fullnames per /api/info request. */
export const INFO_BATCH = 100;

export interface InfoRecheck {
  /** Fullname prefix of the ids asked about: `t1` comments, `t3` threads. */
  prefix: 't1' | 't3';
  /** The re-check's name in skip records, e.g. `deletion re-check`. */
  name: string;
  /** What the ids are, in skip records: `comments`, `threads`. */
  noun: string;
}

/**
 * Asks /api/info about stored items (ids without prefix), INFO_BATCH per request, handing each answered listing and the
 * ids it was asked about to `onAnswer` before the next is asked (the caller stores it at once, so a stopped re-check
 * keeps it). Returns the skip records of the batches that got no answer, in batch order.
 *
 * A batch that fails past its retries costs only its own items: they stay unknown (left as stored, asked again next
 * run), and what the other batches found is still applied tonight. After GIVE_UP_AFTER failed batches in a row the rest
 * are not asked: Reddit is down, and each further batch would only spend its retry schedule before the same answer.
 * Refused credentials, bugs and a stop (Ctrl-C) are rethrown (toSkipRecord), not skipped.
 */
export async function askInfoInBatches(
  api: RedditApi,
  ids: readonly string[],
  recheck: InfoRecheck,
  ctx: SourceContext,
  onAnswer: (listing: InfoListing, batch: readonly string[]) => void,
): Promise<SkipRecord[]> {
  const skipped: SkipRecord[] = [];
  const batches = Math.ceil(ids.length / INFO_BATCH);
  let failedInARow = 0;
  for (let i = 0, n = 1; i < ids.length; i += INFO_BATCH, n++) {
    ctx.signal?.throwIfAborted();
    const batch = ids.slice(i, i + INFO_BATCH);
    let listing: InfoListing;
    try {
      listing = await api.info(batch.map((id) => `${recheck.prefix}_${id}`));
    } catch (error) {
      skipped.push(toSkipRecord(error, `/api/info (${recheck.name}, batch ${n} of ${batches}: ${batch.length} ${recheck.noun} left unchecked)`));
      if (++failedInARow >= GIVE_UP_AFTER && i + INFO_BATCH < ids.length) {
        const left = ids.length - (i + INFO_BATCH);
        skipped.push({
          source: `/api/info (${recheck.name})`,
          record: '(request)',
          reason: `${GIVE_UP_AFTER} batches in a row failed, so the last ${batches - n} batch(es) (${left} ${recheck.noun}) were not asked; they are re-checked next run`,
          kind: 'incomplete',
        });
        break;
      }
      continue;
    }
    failedInARow = 0;
    onAnswer(listing, batch);
  }
  return skipped;
}
