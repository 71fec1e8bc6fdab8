// The measured side of the report bench, in plain JavaScript over the compiled
// code (dist/): the shipped CLI runs compiled JS, and the TypeScript loader the
// other benches run under would add ~40 MB of its own to the peak RSS measured here.
// Usage: node bench/report-bench-child.mjs report|compare|tag <dir> <tagger version> <event ids…>
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { peakRssKb } from './peak-rss.mjs';

const [task, dir, taggerVersion, ...eventIds] = process.argv.slice(2);
const dist = new URL('../dist/', import.meta.url);
const { Store } = await import(new URL('store/store.js', dist).href);
const { loadReportTally } = await import(new URL('report/load-report-tally.js', dist).href);
const { buildTalliedReport } = await import(new URL('report/build-report.js', dist).href);
const { writeReport, REPORT_FORMATS } = await import(new URL('report/write-report.js', dist).href);
const { compareReports } = await import(new URL('report/compare-reports.js', dist).href);
const { renderComparison } = await import(new URL('report/render-comparison.js', dist).href);
const { tagEvent } = await import(new URL('pipeline/tag-event.js', dist).href);

// Every live comment was tagged at set-up; a tagger is still required by the loader's signature.
const none = { score: 0, label: false, cues: [] };
const tagger = { version: taggerVersion, tag: () => ({ tags: { cynicism: none, distrust: none, bubble_caution: none } }) };
const from = 1_765_843_200;
const eventOf = (id) => ({
  id, title: `Bench event ${id}`, description: 'generated', window: { from, to: from + 86_400 * 14 },
  queries: ['bench'], subreddits: ['technology', 'stocks'], seedThreads: [], bots: [], configHash: `bench-${id}`,
});

const store = Store.open(join(dir, 'bench.db'));
const started = performance.now();
let detail;
if (task === 'report') {
  const rss = () => process.memoryUsage().rss / 1_048_576;
  const rss0 = rss();
  const load0 = performance.now();
  const { input } = loadReportTally(store, eventOf(eventIds[0]), tagger, { withAuthors: false });
  const build0 = performance.now();
  const rssLoaded = rss();
  const report = buildTalliedReport(input);
  const write0 = performance.now();
  writeReport(report, { dir: join(dir, 'out'), basename: report.date, formats: [...REPORT_FORMATS], now: 0, toolVersion: 'bench' });
  const end = performance.now();
  detail =
    `store read + screen + tally ${(build0 - load0).toFixed(0)} ms (+${(rssLoaded - rss0).toFixed(0)} MB RSS), ` +
    `buildReport ${(write0 - build0).toFixed(0)} ms, render + write ${(end - write0).toFixed(0)} ms; ` +
    `${report.counts.analysed.toLocaleString('en-US')} analysed, ${report.quotes.highlights.length} highlights`;
} else if (task === 'compare') {
  // as the compare command does: each event read a page at a time and tallied, only its report kept
  const reports = eventIds.map((id) => buildTalliedReport(loadReportTally(store, eventOf(id), tagger, { withAuthors: false }).input));
  const comparison = compareReports(reports);
  const md = renderComparison(comparison, 'md');
  detail = `${md.length} bytes of Markdown; cynicism ${comparison.tags[0]?.shares.map((x) => x.share).join(' vs ')}`;
} else if (task === 'tag') {
  // The tag stage's own cost (reading the event's comments, storing results), not the model's (see the tagger bench):
  // a tagger version no comment has a result of yet, which finds no cue, then the same stage again with all cached.
  const stage = { version: `${taggerVersion}-stage`, tag: tagger.tag, tagMany: (texts) => texts.map(tagger.tag) };
  const first = await tagEvent(store, eventIds[0], stage, 0);
  const firstMs = performance.now() - started;
  const firstMb = peakRssKb() / 1024;
  const again = await tagEvent(store, eventIds[0], stage, 0);
  detail =
    `tagging ${first.tagged.toLocaleString('en-US')} comments ${(firstMs / 1000).toFixed(2)} s, peak RSS ${firstMb.toFixed(0)} MB; ` +
    `again with all ${again.cached.toLocaleString('en-US')} cached ${((performance.now() - started - firstMs) / 1000).toFixed(2)} s`;
} else {
  throw new Error(`unknown bench task ${task}`);
}
store.close();
console.log(JSON.stringify({ ms: performance.now() - started, peakMb: peakRssKb() / 1024, detail }));
