import { join } from 'node:path';
import type { RunEventInput } from '../../src/pipeline/run-event.js';
import type { Store } from '../../src/store/store.js';
import type { Tagger } from '../../src/types.js';
import { makeEvent } from './make-domain.js';

/**
 * A night's `run` of event `ev` on what `store` holds (no collection), reporting md and json into `<dir>/reports`;
 * `now` is its clock.
 */
export function nightInput(store: Store, dir: string, tagger: Tagger, runId: string, now: () => number): RunEventInput {
  return {
    event: makeEvent(),
    source: null,
    store,
    tagger: () => tagger,
    ctx: { now },
    runId,
    reportsDir: join(dir, 'reports'),
    formats: ['md', 'json'],
    withAuthors: false,
  };
}
