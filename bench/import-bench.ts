import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createReadStream } from 'node:fs';
import { CompressStream } from 'zstd-napi';
import { createRandom } from '../src/util/create-random.js';
import { peakRssKb } from './peak-rss.js';

// Dump import throughput and peak memory on generated Arctic Shift-shaped
// dumps, with the event filter on. Each import runs in its own child process
// so its peak RSS (VmHWM, see peak-rss.ts) is the import's alone, not the generator's.
// Targets: ≥ 100 000 lines/s, peak RSS ≤ 250 MB at any file size, except for the window of a .zst compressed with
// --long=31 as Arctic Shift's dumps are: zstd must hold up to 2 GiB of the text it decoded last, so that row is shown
// beside the target, not in it.

const FROM = 1_765_843_200; // 2025-12-16
const TO = FROM + 16 * 86_400 - 1;
const EVENT = {
  id: 'bench-event',
  title: 'Bench event',
  description: 'generated',
  window: { from: FROM, to: TO },
  queries: ['amazon openai', 'openai trainium'],
  subreddits: ['technology', 'stocks', 'wallstreetbets', 'investing', 'OpenAI'],
  seedThreads: [], bots: [],
  configHash: 'bench',
};
const SUBREDDITS = [...EVENT.subreddits, ...Array.from({ length: 2000 }, (_, i) => `sub${i.toString(36)}`)];
const THREAD_POOL = 200_000;
const SIZES = [250_000, 1_000_000];

interface ChildResult {
  lines: number;
  seconds: number;
  bytesRead: number;
  threadsKept: number;
  commentsKept: number;
  maxRssKb: number;
}

export async function runImportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reactionlens-import-bench-'));
  try {
    console.log('import: generated RC_ dump (Arctic Shift comment shape), event filter on, one child process per run');
    const rs = join(dir, 'RS_bench');
    await writeLines(rs, 5_000, submissionLine);
    console.log(['file', 'lines', 'size', 'kept', 'seconds', 'lines/s', 'MB/s (file)', 'MB/s (text)', 'peak RSS'].join('\t'));
    const rows: Array<{ name: string; linesPerSecond: number; rssMb: number; textMb: number }> = [];
    for (const size of SIZES) {
      const plain = join(dir, `RC_bench_${size}`);
      await writeLines(plain, size, commentLine);
      const files = [plain];
      if (size === 1_000_000) {
        await pipeline(createReadStream(plain), new CompressStream({ compressionLevel: 3 }), createWriteStream(`${plain}.zst`));
        files.push(`${plain}.zst`);
      } else {
        // as Arctic Shift compresses: a 2 GiB window with long-distance matching (zstd --long=31)
        const long = new CompressStream({ compressionLevel: 3, windowLog: 31, enableLongDistanceMatching: true });
        await pipeline(createReadStream(plain), long, createWriteStream(`${plain}.long31.zst`));
        files.push(`${plain}.long31.zst`);
      }
      for (const file of files) {
        const result = await runChild(dir, [rs, file]);
        const rcLines = result.lines - 5_000;
        const textBytes = statSync(plain).size;
        const fileBytes = statSync(file).size;
        const name = file.slice(dir.length + 1);
        const linesPerSecond = result.lines / result.seconds;
        rows.push({ name, linesPerSecond, rssMb: result.maxRssKb / 1024, textMb: textBytes / 1e6 });
        console.log(
          [
            name,
            rcLines.toLocaleString('en'),
            `${(fileBytes / 1e6).toFixed(0)} MB`,
            `${result.threadsKept} threads, ${result.commentsKept} comments`,
            result.seconds.toFixed(2),
            Math.round(linesPerSecond).toLocaleString('en'),
            (fileBytes / 1e6 / result.seconds).toFixed(0),
            (textBytes / 1e6 / result.seconds).toFixed(0),
            `${(result.maxRssKb / 1024).toFixed(0)} MB`,
          ].join('\t'),
        );
        rmSync(join(dir, 'bench.db'), { force: true });
        rmSync(join(dir, 'bench.db-wal'), { force: true });
        rmSync(join(dir, 'bench.db-shm'), { force: true });
      }
      for (const file of files) rmSync(file, { force: true });
    }
    const slowest = Math.min(...rows.map((r) => r.linesPerSecond));
    const windowed = rows.filter((r) => r.name.endsWith('.long31.zst'));
    const peak = Math.max(...rows.filter((r) => !windowed.includes(r)).map((r) => r.rssMb));
    console.log(
      `import targets: ≥ 100,000 lines/s → slowest ${Math.round(slowest).toLocaleString('en')} (${slowest >= 100_000 ? 'met' : 'MISSED'}); ` +
        `peak RSS ≤ 250 MB → ${peak.toFixed(0)} MB (${peak <= 250 ? 'met' : 'MISSED'}); ` +
        windowed.map((r) => `a --long=31 .zst of ${r.textMb.toFixed(0)} MB of text: ${r.rssMb.toFixed(0)} MB (its window grows with the text, to 2 GiB)`).join('; '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runChild(dir: string, files: string[]): Promise<ChildResult> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--child', join(dir, 'bench.db'), ...files], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`bench child failed (exit ${code}): ${out}`);
  return JSON.parse(out) as ChildResult;
}

/** The child: one import, then its own figures as JSON on stdout. */
async function runChildImport(db: string, files: string[]): Promise<void> {
  const { Store } = await import('../src/store/store.js');
  const { importDumps } = await import('../src/import/import-dumps.js');
  const store = Store.open(db);
  const summary = await importDumps(files, { store, event: EVENT, now: () => TO + 86_400 * 30 });
  store.close();
  const result: ChildResult = {
    lines: summary.totals.lines,
    seconds: summary.totals.seconds,
    bytesRead: summary.totals.bytesRead,
    threadsKept: summary.totals.threadsKept,
    commentsKept: summary.totals.commentsKept,
    maxRssKb: peakRssKb(),
  };
  process.stdout.write(JSON.stringify(result));
}

// ---- generation ------------------------------------------------------------


const WORDS = 'the market chips deal money bubble circular again amazon openai nvidia cloud growth risk 🚀 🤔 très déjà 日本 valuation earnings'.split(' ');

function words(random: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'x');
  return out.join(' ');
}

function threadId(i: number): string {
  return `t${i.toString(36)}`;
}

function submissionLine(i: number, random: () => number): string {
  const inEvent = i % 250 === 0; // 20 of 5000 are event threads
  const subreddit = inEvent ? (EVENT.subreddits[i % EVENT.subreddits.length] as string) : (SUBREDDITS[Math.floor(random() * SUBREDDITS.length)] as string);
  const created = FROM + Math.floor((i / 5000) * (TO - FROM));
  return JSON.stringify({
    id: threadId(i),
    subreddit,
    subreddit_id: 't5_x',
    title: inEvent ? `Amazon weighs OpenAI investment ${i}` : words(random, 8),
    selftext: words(random, 30),
    url: `https://example.com/${i}`,
    permalink: `/r/${subreddit}/comments/${threadId(i)}/x/`,
    created_utc: created,
    score: Math.floor(random() * 1000),
    num_comments: 10,
    author: `user${i}`,
    retrieved_on: created + 30,
    _meta: { retrieved_2nd_on: created + 86_400 },
  });
}

function commentLine(i: number, random: () => number): string {
  // 1 in 1000 comments belongs to an event thread (the realistic share is far smaller).
  const thread = i % 1000 === 0 ? (i / 1000) % 20 * 250 : Math.floor(random() * THREAD_POOL) + 5_000;
  const inEvent = i % 1000 === 0;
  const subreddit = inEvent ? (EVENT.subreddits[((i / 1000) % 20 * 250) % EVENT.subreddits.length] as string) : (SUBREDDITS[Math.floor(random() * SUBREDDITS.length)] as string);
  const created = FROM + Math.floor(random() * (TO - FROM));
  const id = `c${i.toString(36)}`;
  return JSON.stringify({
    all_awardings: [],
    archived: false,
    author: `user${Math.floor(random() * 100_000)}`,
    author_flair_text: null,
    author_fullname: `t2_${Math.floor(random() * 1e9).toString(36)}`,
    body: words(random, 10 + Math.floor(random() * 60)),
    controversiality: 0,
    created_utc: created,
    distinguished: null,
    edited: false,
    gilded: 0,
    id,
    is_submitter: false,
    link_id: `t3_${threadId(thread)}`,
    locked: false,
    name: `t1_${id}`,
    parent_id: random() < 0.5 || i < 10 ? `t3_${threadId(thread)}` : `t1_c${Math.floor(random() * i).toString(36)}`,
    permalink: `/r/${subreddit}/comments/${threadId(thread)}/x/${id}/`,
    retrieved_on: created + 20,
    score: Math.floor(random() * 50),
    send_replies: true,
    stickied: false,
    subreddit,
    subreddit_id: 't5_x',
    subreddit_name_prefixed: `r/${subreddit}`,
    subreddit_type: 'public',
    total_awards_received: 0,
    _meta: random() < 0.05 ? { removal_type: 'deleted' } : { retrieved_2nd_on: created + 86_400 },
  });
}

async function writeLines(path: string, count: number, make: (i: number, random: () => number) => string): Promise<void> {
  const random = createRandom(count);
  const out = createWriteStream(path);
  const batch: string[] = [];
  for (let i = 0; i < count; i++) {
    batch.push(make(i, random));
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      batch.length = 0;
    }
  }
  if (batch.length > 0) out.write(`${batch.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

if (process.argv[2] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [db, ...files] = process.argv.slice(3);
  await runChildImport(db ?? ':memory:', files);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runImportBench();
}
