import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { addCsvBom, renderCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import type { Report } from '../../src/report/report.js';
import { TAG_LABELS } from '../../src/report/format-values.js';
import { scrubReportFolder, type GoneContent } from '../../src/report/scrub-report-folder.js';
import { describeOutput, writeReport, type RunManifest } from '../../src/report/write-report.js';
import { TAG_NAMES } from '../../src/types.js';
import { buildFixtureInput } from './report-fixture.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

/** These tests are about quotes: no submission is gone. */
function commentsGone(comment: (id: string) => boolean): GoneContent {
  return { comment, thread: () => false };
}

const makeDir = useTempDirs('reactionlens-scrub-');

/** The same report as if the comment had never been quotable: what a scrubbed file must read like. */
function withoutQuotesOf(report: Report, commentId: string): Report {
  const keep = (qs: ReportQuote[]): ReportQuote[] => qs.filter((q) => q.commentId !== commentId);
  const byTag = Object.fromEntries(TAG_NAMES.map((t) => [t, keep(report.quotes.byTag[t])])) as Report['quotes']['byTag'];
  return { ...report, quotes: { highlights: keep(report.quotes.highlights), byTag } };
}

const sha256 = (text: string): string => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

describe('scrubReportFolder', () => {
  const report = buildReport(buildFixtureInput());
  // a comment quoted as a highlight, while other highlights stay (so no section is left empty)
  const gone = report.quotes.highlights[0]!;
  const goneText = gone.text;
  const write = (dir: string): void => {
    writeReport(report, { dir, basename: report.date, formats: ['md', 'json', 'csv', 'html'], now: 1_766_100_000, toolVersion: '9.9.9' });
  };

  it('takes the quotes of a deleted comment out of every format of an earlier night, leaving every other byte as written', () => {
    expect(report.quotes.highlights.length).toBeGreaterThan(1);
    const dir = makeDir();
    write(dir);
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 1_766_200_000);
    const expected = withoutQuotesOf(report, gone.commentId);
    const read = (ext: string): string => readFileSync(join(dir, `${report.date}.${ext}`), 'utf8');
    expect(read('json')).toBe(renderJson(expected));
    expect(read('csv')).toBe(addCsvBom(renderCsv(expected)));
    expect(read('md')).toBe(renderMarkdown(expected));
    expect(read('html')).toBe(renderHtml(expected));
    for (const ext of ['md', 'json', 'csv', 'html']) {
      expect(read(ext)).not.toContain(goneText.slice(0, 40));
      expect(read(ext)).not.toContain(gone.permalink);
    }
    const copies = [report.quotes.highlights, ...TAG_NAMES.map((t) => report.quotes.byTag[t])].flat().filter((q) => q.commentId === gone.commentId);
    // json and csv hold highlights and per-tag lists, md only highlights, html both
    expect(result.files.length).toBe(4);
    expect(result.quotesRemoved).toBeGreaterThanOrEqual(4);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(result.unreadable).toEqual([]);
  });

  it("updates the manifest: its hashes match the rewritten files, the quoted ids drop the gone one, and the scrub is logged", () => {
    const dir = makeDir();
    write(dir);
    scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 1_766_200_000);
    const manifest = JSON.parse(readFileSync(join(dir, `${report.date}.manifest.json`), 'utf8')) as RunManifest;
    for (const output of manifest.outputs) {
      const content = readFileSync(join(dir, output.file), 'utf8');
      expect([output.file, output.sha256, output.bytes]).toEqual([output.file, sha256(content), Buffer.byteLength(content)]);
    }
    expect(manifest.quotedCommentIds).not.toContain(gone.commentId);
    expect(manifest.quotedCommentIds.length).toBeGreaterThan(0);
    expect(manifest.scrubs).toEqual([{ at: new Date(1_766_200_000_000).toISOString(), quotesRemoved: expect.any(Number) as number }]);
  });

  it('is idempotent and leaves a night whose quoted comments are all live untouched', () => {
    const dir = makeDir();
    write(dir);
    const before = readFileSync(join(dir, `${report.date}.md`), 'utf8');
    expect(scrubReportFolder(dir, commentsGone(() => false), 1).files).toEqual([]);
    expect(readFileSync(join(dir, `${report.date}.md`), 'utf8')).toBe(before);
    scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 2);
    const again = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 3);
    expect([again.files, again.quotesRemoved]).toEqual([[], 0]);
  });

  it('reads the files of a manifest written before it listed the quoted ids, and adds the list', () => {
    const dir = makeDir();
    write(dir);
    const manifestPath = join(dir, `${report.date}.manifest.json`);
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<RunManifest>;
    delete old.quotedCommentIds;
    writeFileSync(manifestPath, `${JSON.stringify(old, null, 2)}\n`);
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    expect(result.files.length).toBe(4);
    expect(readFileSync(join(dir, `${report.date}.md`), 'utf8')).not.toContain(goneText.slice(0, 40));
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as RunManifest;
    expect(manifest.quotedCommentIds).not.toContain(gone.commentId);
  });

  it('names a report file it cannot read as ours instead of skipping it silently, and scrubs the others', () => {
    const dir = makeDir();
    write(dir);
    writeFileSync(join(dir, `${report.date}.json`), '{ not json');
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    expect(result.unreadable).toEqual([join(dir, `${report.date}.json`)]);
    expect(result.files.length).toBe(3);
  });

  it('takes the quote out of a hand-edited Markdown and HTML file (CRLF line ends, a reworded paraphrase, reordered figure attributes)', () => {
    const dir = makeDir();
    write(dir);
    const md = join(dir, `${report.date}.md`);
    const html = join(dir, `${report.date}.html`);
    writeFileSync(md, readFileSync(md, 'utf8').replaceAll('*Our paraphrase:*', '*Paraphrase (ours):*').replaceAll('\n', '\r\n'));
    writeFileSync(
      html,
      readFileSync(html, 'utf8')
        .replace(/<figure class="quote" data-comment-id="([^"]*)" style="([^"]*)">/g, '<figure style="$2" data-comment-id="$1" class="quote">')
        .replaceAll('\n', '\r\n'),
    );
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    for (const path of [md, html]) {
      const content = readFileSync(path, 'utf8');
      expect(content).not.toContain(goneText.slice(0, 40));
      expect(content).not.toContain(gone.permalink);
      expect(content).not.toContain(`data-comment-id="${gone.commentId}"`);
    }
    expect(readFileSync(md, 'utf8')).not.toMatch(/(^|[^\r])\n/);
    expect(readFileSync(md, 'utf8')).toContain('*Paraphrase (ours):*');
    expect(result.stillQuoting).toEqual([]);
    expect(result.files.length).toBe(4);
  });

  it('names a file that still names the gone comment after the scrub, and keeps the id in the manifest so the next scrub retries', () => {
    const dir = makeDir();
    write(dir);
    const md = join(dir, `${report.date}.md`);
    // the attribution moved out of the blockquote: no longer a quote it can take apart, but still the comment's permalink
    writeFileSync(md, readFileSync(md, 'utf8').replace(/^> — /m, '— '));
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    expect(result.stillQuoting).toEqual([md]);
    expect(result.files.length).toBe(3);
    const manifest = JSON.parse(readFileSync(join(dir, `${report.date}.manifest.json`), 'utf8')) as RunManifest;
    expect(manifest.quotedCommentIds).toContain(gone.commentId);
    const again = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 6);
    expect(again.stillQuoting).toEqual([md]);
  });

  it('scrubs the files beside a damaged manifest, named after its night, and names the manifest as unreadable', () => {
    const dir = makeDir();
    write(dir);
    const manifestPath = join(dir, `${report.date}.manifest.json`);
    const damaged = readFileSync(manifestPath, 'utf8').slice(0, 200);
    writeFileSync(manifestPath, damaged);
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    expect(result.unreadable).toEqual([manifestPath]);
    expect(result.files.sort()).toEqual(['csv', 'html', 'json', 'md'].map((ext) => join(dir, `${report.date}.${ext}`)));
    for (const ext of ['md', 'json', 'csv', 'html']) expect(readFileSync(join(dir, `${report.date}.${ext}`), 'utf8')).not.toContain(goneText.slice(0, 40));
    // left as it was for someone to repair: rewriting it would only guess
    expect(readFileSync(manifestPath, 'utf8')).toBe(damaged);
  });

  it('scrubs a report file published through a symlink where it lives, keeping the link', () => {
    const dir = makeDir();
    const published = makeDir();
    write(dir);
    const md = join(dir, `${report.date}.md`);
    const target = join(published, 'night.md');
    renameSync(md, target);
    symlinkSync(target, md);
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    expect(result.files).toContain(md);
    expect(lstatSync(md).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).not.toContain(goneText.slice(0, 40));
    expect(readFileSync(target, 'utf8')).not.toContain(gone.permalink);
  });

  it("a live quote whose words link to the gone comment is neither 'still quoting' it nor keeps its id in the manifest", () => {
    const dir = makeDir();
    const live = report.quotes.highlights[1]!;
    // as a bare URL and as a scheme-less www. link (which the Markdown renderer turns into a [label](url) link)
    const bare = `${live.text} See ${gone.permalink} and ${gone.permalink.replace(/^https:\/\//, '')} for context.`;
    const linking = (qs: ReportQuote[]): ReportQuote[] => qs.map((q) => (q.commentId === live.commentId ? { ...q, text: bare } : q));
    const byTag = Object.fromEntries(TAG_NAMES.map((t) => [t, linking(report.quotes.byTag[t])])) as Report['quotes']['byTag'];
    const withLink: Report = { ...report, quotes: { highlights: linking(report.quotes.highlights), byTag } };
    writeReport(withLink, { dir, basename: withLink.date, formats: ['md', 'json', 'csv', 'html'], now: 1_766_100_000, toolVersion: '9.9.9' });
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    expect(result.files.length).toBe(4);
    expect(result.stillQuoting).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, `${withLink.date}.manifest.json`), 'utf8')) as RunManifest;
    expect(manifest.quotedCommentIds).toContain(live.commentId);
    expect(manifest.quotedCommentIds).not.toContain(gone.commentId);
    for (const ext of ['md', 'json', 'csv', 'html']) expect(readFileSync(join(dir, `${withLink.date}.${ext}`), 'utf8')).toContain('for context.');
  });

  it('still catches the gone quote copied by hand to another place of a JSON or CSV file, or an HTML link to it', () => {
    const dir = makeDir();
    write(dir);
    const json = join(dir, `${report.date}.json`);
    const html = join(dir, `${report.date}.html`);
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    writeFileSync(json, `${JSON.stringify({ ...parsed, pinned: [{ note: 'kept by an editor', permalink: gone.permalink }] }, null, 2)}\n`);
    writeFileSync(html, readFileSync(html, 'utf8').replace('</body>', `<p>Pinned: <a href="${gone.permalink}">the best one</a></p>\n</body>`));
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    expect(result.stillQuoting.sort()).toEqual([html, json].sort());
  });

  it('says the quotes were removed where a list of quotes is left empty, instead of a heading over nothing', () => {
    const dir = makeDir();
    const byTag = Object.fromEntries(TAG_NAMES.map((t) => [t, t === gone.primaryTag ? [gone] : []])) as Report['quotes']['byTag'];
    const single: Report = { ...report, quotes: { highlights: [gone], byTag } };
    writeReport(single, { dir, basename: single.date, formats: ['md', 'html'], now: 1_766_100_000, toolVersion: '9.9.9' });
    scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 5);
    const line = 'Quotes removed: the quoted comments were deleted or removed on Reddit after this report was written.';
    const md = readFileSync(join(dir, `${single.date}.md`), 'utf8');
    expect(md).toContain(`\n\n_${line}_\n\n### What the numbers say\n`);
    const html = readFileSync(join(dir, `${single.date}.html`), 'utf8');
    expect(html).toContain(`<section id="quotes"><h2>Quote highlights</h2>\n<p>${line}</p>\n</section>`);
    expect(html).toContain(`<h3>${TAG_LABELS[gone.primaryTag]}</h3>\n<p>${line}</p>\n`);
    expect(html).not.toContain('<figure');
  });
  it('keeps the formats a re-run of the night does not write listed with what they quote, so a later scrub still takes the quote out of them', () => {
    const dir = makeDir();
    write(dir);
    // the re-run writes only Markdown, and no longer quotes `gone` (a label changed)
    const rerun = withoutQuotesOf(report, gone.commentId);
    writeReport(rerun, { dir, basename: report.date, formats: ['md'], now: 1_766_150_000, toolVersion: '9.9.9' });
    const manifest = JSON.parse(readFileSync(join(dir, `${report.date}.manifest.json`), 'utf8')) as RunManifest;
    expect(manifest.outputs.map((o) => o.file).sort()).toEqual([...['csv', 'html', 'json', 'md'].map((ext) => `${report.date}.${ext}`), 'history.json']);
    expect(manifest.quotedCommentIds).toContain(gone.commentId);
    for (const output of manifest.outputs) expect(output.sha256).toBe(sha256(readFileSync(join(dir, output.file), 'utf8')));
    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 1_766_200_000);
    expect(result.files.sort()).toEqual(['csv', 'html', 'json'].map((ext) => join(dir, `${report.date}.${ext}`)));
    for (const ext of ['md', 'json', 'csv', 'html']) expect(readFileSync(join(dir, `${report.date}.${ext}`), 'utf8')).not.toContain(gone.permalink);
  });

  it('reads and lists the files of its night a manifest does not list (an older reactionlens re-ran the night with fewer formats)', () => {
    const dir = makeDir();
    write(dir);
    const manifestPath = join(dir, `${report.date}.manifest.json`);
    const md = join(dir, `${report.date}.md`);
    // what such a re-run left: a Markdown file that no longer quotes `gone`, and a manifest listing only it
    writeFileSync(md, renderMarkdown(withoutQuotesOf(report, gone.commentId)));
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as RunManifest;
    old.outputs = old.outputs.filter((o) => o.format === 'history').concat(describeOutput(`${report.date}.md`, 'md', readFileSync(md, 'utf8')));
    old.quotedCommentIds = old.quotedCommentIds.filter((id) => id !== gone.commentId);
    writeFileSync(manifestPath, `${JSON.stringify(old, null, 2)}\n`);

    const result = scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 1_766_200_000);
    expect(result.files.sort()).toEqual(['csv', 'html', 'json'].map((ext) => join(dir, `${report.date}.${ext}`)));
    for (const ext of ['json', 'csv', 'html']) expect(readFileSync(join(dir, `${report.date}.${ext}`), 'utf8')).not.toContain(gone.permalink);
    // adopted: listed with their hashes and what they quote, so the next night needs no read
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as RunManifest;
    expect(manifest.outputs.map((o) => o.file).sort()).toEqual([...['csv', 'html', 'json', 'md'].map((ext) => `${report.date}.${ext}`), 'history.json']);
    for (const output of manifest.outputs) {
      if (output.format !== 'history') expect(output.sha256).toBe(sha256(readFileSync(join(dir, output.file), 'utf8')));
    }
    expect(manifest.quotedCommentIds.length).toBeGreaterThan(0);
    expect(manifest.scrubs?.at(-1)?.reindexed?.sort()).toEqual(['csv', 'html', 'json'].map((ext) => `${report.date}.${ext}`));
    expect(scrubReportFolder(dir, commentsGone((id) => id === gone.commentId), 1_766_300_000).files).toEqual([]);
  });
});
