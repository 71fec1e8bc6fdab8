import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileError } from '../../src/errors/errors.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import type { Report } from '../../src/report/report.js';
import { scrubReportFolder, type GoneContent } from '../../src/report/scrub-report-folder.js';
import { REPORT_FORMATS, writeReport, type RunManifest } from '../../src/report/write-report.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';
import { buildFixtureInput } from './report-fixture.js';

// A write that stops midway (a full disk; a kill, as far as the files left behind go): the writes of the file named
// here fail, the ones before it went through.
const stop = vi.hoisted(() => ({ at: null as string | null }));
vi.mock('../../src/report/write-file-atomic.js', async (importOriginal) => {
  const atomic = await importOriginal<typeof import('../../src/report/write-file-atomic.js')>();
  return {
    ...atomic,
    writeFileAtomic: (path: string, content: string | Uint8Array) => {
      if (stop.at !== null && path.endsWith(stop.at)) throw new FileError(`cannot write ${path}: no space left on device (ENOSPC)`, path);
      atomic.writeFileAtomic(path, content);
    },
  };
});

const makeDir = useTempDirs('reactionlens-stopped-');
afterEach(() => {
  stop.at = null;
});

const commentsGone = (comment: (id: string) => boolean): GoneContent => ({ comment, thread: () => false });
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('a night whose files were not all written', () => {
  const report = buildReport(buildFixtureInput());
  const first = report.quotes.highlights[0]!;

  it('a first write stopped after the Markdown: the Markdown is still scrubbed', () => {
    const dir = makeDir();
    stop.at = `${report.date}.json`;
    expect(() => writeReport(report, { dir, basename: report.date, formats: [...REPORT_FORMATS], now: 1 })).toThrow(FileError);
    stop.at = null;
    const md = join(dir, `${report.date}.md`);
    expect(readFileSync(md, 'utf8')).toContain(first.permalink);
    const result = scrubReportFolder(dir, commentsGone((id) => id === first.commentId), 2);
    expect(result.files).toEqual([md]);
    expect(readFileSync(md, 'utf8')).not.toContain(first.permalink);
  });

  it('a re-run stopped after the Markdown: what the new Markdown quotes and what the old files quote are both scrubbed, and the manifest is put right', () => {
    const dir = makeDir();
    writeReport(report, { dir, basename: report.date, formats: [...REPORT_FORMATS], now: 1 });
    // the re-run quotes a comment the first one did not, in place of `first`
    const fresh: ReportQuote = { ...first, commentId: 'zz9fresh', id: 'zz9fresh:0-10', permalink: first.permalink.replace(first.commentId, 'zz9fresh') };
    const swap = (qs: ReportQuote[]): ReportQuote[] => qs.map((q) => (q.commentId === first.commentId ? fresh : q));
    const byTag = Object.fromEntries(Object.entries(report.quotes.byTag).map(([tag, qs]) => [tag, swap(qs)])) as Report['quotes']['byTag'];
    const rerun: Report = { ...report, quotes: { highlights: swap(report.quotes.highlights), byTag } };
    stop.at = `${report.date}.json`;
    expect(() => writeReport(rerun, { dir, basename: report.date, formats: [...REPORT_FORMATS], now: 2 })).toThrow(FileError);
    stop.at = null;
    const path = (ext: string): string => join(dir, `${report.date}.${ext}`);
    expect(readFileSync(path('md'), 'utf8')).toContain(fresh.permalink);
    expect(readFileSync(path('json'), 'utf8')).toContain(first.permalink);

    const fresh1 = scrubReportFolder(dir, commentsGone((id) => id === fresh.commentId), 3);
    expect(fresh1.files).toEqual([path('md')]);
    const old = scrubReportFolder(dir, commentsGone((id) => id === first.commentId), 4);
    expect(old.files.sort()).toEqual(['csv', 'html', 'json'].map(path));
    for (const ext of ['md', 'json', 'csv', 'html']) {
      expect(readFileSync(path(ext), 'utf8')).not.toContain(fresh.permalink);
      expect(readFileSync(path(ext), 'utf8')).not.toContain(first.permalink);
    }
    // the manifest describes the files as they are now, so a consistent night is again checked without a read
    const manifest = JSON.parse(readFileSync(path('manifest.json'), 'utf8')) as RunManifest;
    for (const output of manifest.outputs.filter((o) => o.format !== 'history')) {
      expect([output.file, output.sha256]).toEqual([output.file, sha256(readFileSync(join(dir, output.file)))]);
    }
  });

  it('scrubs the files of a night with no manifest at all (an older reactionlens killed before it wrote one), on every scrub', () => {
    const dir = makeDir();
    writeReport(report, { dir, basename: report.date, formats: ['md', 'html'], now: 1 });
    rmSync(join(dir, `${report.date}.manifest.json`));
    const result = scrubReportFolder(dir, commentsGone((id) => id === first.commentId), 2);
    expect(result.files.sort()).toEqual(['html', 'md'].map((ext) => join(dir, `${report.date}.${ext}`)));
    expect(result.unreadable).toEqual([]);
  });

  it('a file of another size than its manifest records is read, even when no comment it is listed with is gone', () => {
    const dir = makeDir();
    writeReport(report, { dir, basename: report.date, formats: ['md', 'json'], now: 1 });
    const md = join(dir, `${report.date}.md`);
    // put there by a write the manifest never heard of
    writeFileSync(md, `${readFileSync(md, 'utf8')}\n> Added later.\n>\n> — [r/stocks](https://www.reddit.com/r/stocks/comments/1olriws/_/zz8added/)\n`);
    const result = scrubReportFolder(dir, commentsGone((id) => id === 'zz8added'), 2);
    expect(result.stillQuoting.concat(result.files)).toContain(md);
  });

  it('removes the temp files a killed write left (report text no manifest lists), and only the report writer\'s', () => {
    const dir = makeDir();
    writeReport(report, { dir, basename: report.date, formats: ['md'], now: 1 });
    const stale = [`.${report.date}.md.4242.0123abcd.tmp`, `.${report.date}.manifest.json.4242.89abcdef.tmp`, '.history.json.4242.00ff00ff.tmp'];
    const others = ['.compare-a-vs-b.md.4242.0123abcd.tmp', '.notes.md.swp'];
    for (const name of [...stale, ...others]) writeFileSync(join(dir, name), readFileSync(join(dir, `${report.date}.md`)));
    const result = scrubReportFolder(dir, commentsGone(() => false), 2);
    expect(result.staleTempFiles.sort()).toEqual(stale.map((n) => join(dir, n)).sort());
    expect(readdirSync(dir).filter((n) => n.startsWith('.')).sort()).toEqual(others.sort());
  });
});
