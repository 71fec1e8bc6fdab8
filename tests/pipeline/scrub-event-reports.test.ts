import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubEventReports } from '../../src/pipeline/scrub-event-reports.js';
import { buildReport } from '../../src/report/build-report.js';
import { writeReport, type RunManifest } from '../../src/report/write-report.js';
import { Store } from '../../src/store/store.js';
import type { ContentStatus } from '../../src/types.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';
import { buildFixtureInput } from '../report/report-fixture.js';

const makeDir = useTempDirs('reactionlens-scrub-event-');

describe('scrubEventReports', () => {
  it('takes out the quotes of comments the store holds as deleted or removed; live ones and ones it does not hold stay', () => {
    const report = buildReport(buildFixtureInput());
    const quoted = [...new Set(report.quotes.highlights.map((q) => q.commentId))];
    expect(quoted.length).toBeGreaterThanOrEqual(4);
    const [deleted, removed, live, notHeld] = quoted as [string, string, string, string];
    const dir = makeDir();
    writeReport(report, { dir, basename: report.date, formats: ['md', 'json'], now: 1_766_100_000, toolVersion: '9.9.9' });
    const store = Store.open(':memory:');
    try {
      const held: Array<[string, ContentStatus]> = [[deleted, 'deleted'], [removed, 'removed'], [live, 'live']];
      const comments = held.map(([id, status]) => makeComment({ id, threadId: 'th1', status, body: status === 'live' ? 'words' : '', author: status === 'live' ? 'a' : null }));
      store.saveThreadBundle(null, { thread: makeThread({ id: 'th1' }), comments, expected: 3, collected: 3 });

      const result = scrubEventReports(store, dir, 1_766_200_000);

      const manifest = JSON.parse(readFileSync(join(dir, `${report.date}.manifest.json`), 'utf8')) as RunManifest;
      expect(result.quotesRemoved).toBeGreaterThanOrEqual(2);
      expect(manifest.quotedCommentIds).not.toContain(deleted);
      expect(manifest.quotedCommentIds).not.toContain(removed);
      expect(manifest.quotedCommentIds).toEqual(expect.arrayContaining([live, notHeld]));
    } finally {
      store.close();
    }
  });
});
