// `npm run bench` runs every benchmark and prints its figures; `npm run bench -- tagger report`
// runs only the named ones. Figures are measured on every run, never stored.
import { runCollectorBench } from './collector-bench.js';
import { runImportBench } from './import-bench.js';
import { runReportBench } from './report-bench.js';
import { runTaggerBench } from './tagger-bench.js';

const SUITES: Record<string, () => Promise<void>> = {
  collector: runCollectorBench,
  tagger: runTaggerBench,
  report: runReportBench,
  import: runImportBench,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}`);
  process.exitCode = 2;
} else {
  for (const [name, run] of Object.entries(SUITES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    console.log(`\n=== ${name} ===`);
    await run();
  }
}
