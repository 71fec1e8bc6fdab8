import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_FORMATS } from '../src/report/write-report.js';
import { buildDist } from './build-dist.js';
import { runJsonChild } from './run-json-child.js';
import { Store } from '../src/store/store.js';
import { taggerOf } from '../src/tag/tagger-of.js';
import type { Comment, Cue, EventConfig, TagName, TagScore, Tagger, Thread } from '../src/types.js';

// Time and peak RSS to build every report format for a generated event of
// 100,000 stored comments, to run the tag stage over it, and to compare two such events. Each measurement
// runs in a fresh child process (so peak RSS is that work's, not the
// generator's); the store is generated first in its own process.

/** Stored comments per generated event; REACTIONLENS_BENCH_COMMENTS=300000 measures a bigger event (the memory figures grow with it). */
const COMMENTS = readCommentCount(process.env.REACTIONLENS_BENCH_COMMENTS);
const TARGETS = { reportMs: 5_000, reportMb: 300, compareMs: 8_000, tagMb: 150 };
const TAGGER_VERSION = 'bench-tagger';
const EVENTS = ['bench-a', 'bench-b'] as const;

interface ChildResult {
  ms: number;
  peakMb: number;
  detail: string;
}

export async function runReportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reactionlens-report-bench-'));
  try {
    buildDist(); // the measured children import dist/
    const setup = runChild('setup', dir);
    console.log(`report: generated 2 events × ${COMMENTS.toLocaleString('en-US')} stored comments in ${(setup.ms / 1000).toFixed(1)} s (${setup.detail})`);
    const report = runChild('report', dir);
    console.log(
      `report: all formats (${REPORT_FORMATS.join(', ')}) for ${COMMENTS.toLocaleString('en-US')} comments: ${(report.ms / 1000).toFixed(2)} s, peak RSS ${report.peakMb.toFixed(0)} MB ` +
        `(targets ≤ ${TARGETS.reportMs / 1000} s, ≤ ${TARGETS.reportMb} MB) ${verdict(report.ms <= TARGETS.reportMs && report.peakMb <= TARGETS.reportMb)}  [${report.detail}]`,
    );
    const tag = runChild('tag', dir);
    console.log(
      `report: tag stage over ${COMMENTS.toLocaleString('en-US')} stored comments (keyword tagger in place of the model): peak RSS ${tag.peakMb.toFixed(0)} MB ` +
        `(target ≤ ${TARGETS.tagMb} MB whatever the event's size: one page of comments held) ${verdict(tag.peakMb <= TARGETS.tagMb)}  [${tag.detail}]`,
    );
    const compare = runChild('compare', dir);
    console.log(
      `report: compare 2 × ${COMMENTS.toLocaleString('en-US')} comments: ${(compare.ms / 1000).toFixed(2)} s, peak RSS ${compare.peakMb.toFixed(0)} MB ` +
        `(target ≤ ${TARGETS.compareMs / 1000} s) ${verdict(compare.ms <= TARGETS.compareMs)}  [${compare.detail}]`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readCommentCount(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 100_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`REACTIONLENS_BENCH_COMMENTS must be a whole number of comments, not ${raw}`);
  return n;
}

function verdict(ok: boolean): string {
  return ok ? 'OK' : 'OVER TARGET';
}

function runChild(task: string, dir: string): ChildResult {
  // Set-up runs under the TypeScript loader; the measured tasks run the compiled code, as the CLI does.
  const args =
    task === 'setup'
      ? [...process.execArgv, fileURLToPath(import.meta.url), '--report-bench-child', task, dir]
      : [fileURLToPath(new URL('./report-bench-child.mjs', import.meta.url)), task, dir, TAGGER_VERSION, ...EVENTS];
  return runJsonChild<ChildResult>(args, `report bench ${task}`);
}

// ---- child side ------------------------------------------------------------

const CUE_WORDS: Record<TagName, string[]> = {
  cynicism: ['circular financing', 'money printer', 'same dollars going around', 'creative accounting'],
  distrust: ['lied before', "wouldn't trust", 'smoke and mirrors', 'cooking the books'],
  bubble_caution: ['bubble', 'like 1999', 'when the music stops', 'bag holders'],
};
const FILLER = [
  'Amazon', 'OpenAI', 'Trainium', 'AWS', 'Nvidia', 'the cloud margins', 'retail investors', 'the analysts', 'Microsoft',
  'compute contracts', 'the valuation', 'inference costs', 'the board', 'data centres', 'the earnings call',
];

/** Deterministic generator: varied lengths (1–6 sentences), cue phrases in ~35% of comments. */
function generateEvent(eventId: string, seed: number): { event: EventConfig; threads: Thread[]; comments: Comment[] } {
  let s = seed >>> 0;
  const rand = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const subs = ['technology', 'stocks', 'wallstreetbets', 'investing', 'OpenAI', 'singularity', 'nvidia'];
  const from = 1_765_843_200;
  const threads: Thread[] = Array.from({ length: 200 }, (_, i) => {
    const sub = subs[i % subs.length] ?? 'stocks';
    const id = `${eventId}t${i.toString(36)}`;
    const permalink = `https://www.reddit.com/r/${sub}/comments/${id}/slug/`;
    return {
      id, subreddit: sub, title: `${pick(FILLER)} and ${pick(FILLER)}: thread ${i}`, selftext: '', url: permalink, permalink,
      createdUtc: from + i * 600, score: Math.floor(rand() * 5000), numComments: 500, author: `op${i}`, status: 'live', fetchedAt: from + 86_400 * 2,
    };
  });
  const comments: Comment[] = [];
  for (let i = 0; i < COMMENTS; i++) {
    const thread = threads[Math.floor(rand() * threads.length)] as Thread;
    const sentences: string[] = [];
    const n = 1 + Math.floor(rand() * rand() * 6);
    for (let k = 0; k < n; k++) {
      const r = rand();
      if (r < 0.12) sentences.push(`This is ${pick(CUE_WORDS.cynicism)} between ${pick(FILLER)} and ${pick(FILLER)}.`);
      else if (r < 0.2) sentences.push(`I ${pick(["wouldn't trust", 'doubt'])} ${pick(FILLER)}, they ${pick(CUE_WORDS.distrust)} on ${pick(FILLER)}.`);
      else if (r < 0.3) sentences.push(`Feels ${pick(CUE_WORDS.bubble_caution)} for ${pick(FILLER)} and ${pick(FILLER)}.`);
      else sentences.push(`${pick(FILLER)} will probably ${pick(['grow', 'stall', 'matter', 'pay off', 'disappoint'])} because of ${pick(FILLER)} number ${Math.floor(rand() * 1000)}.`);
    }
    const r = rand();
    const status = r < 0.03 ? 'deleted' : r < 0.05 ? 'removed' : 'live';
    comments.push({
      id: `${eventId}c${i.toString(36)}`, threadId: thread.id, parentId: null, depth: 0,
      body: status === 'live' ? sentences.join(' ') : '', score: Math.floor(rand() ** 3 * 3000) - 5,
      createdUtc: thread.createdUtc + Math.floor(rand() * 86_400), permalink: `${thread.permalink}c${i.toString(36)}/`,
      editedUtc: null, status, stickied: false, distinguished: null,
      author: status === 'live' ? (rand() < 0.01 ? 'AutoModerator' : `user${Math.floor(rand() * 20_000)}`) : null,
      fetchedAt: from + 86_400 * 2,
    });
  }
  const event: EventConfig = {
    id: eventId, title: `Bench event ${eventId}`, description: 'generated', window: { from, to: from + 86_400 * 14 },
    queries: ['bench'], subreddits: subs, seedThreads: [], bots: [], configHash: `bench-${eventId}`,
  };
  return { event, threads, comments };
}

/** A keyword tagger: cheap, so the bench measures the report stage, not the model. */
const benchTagger: Tagger = taggerOf(TAGGER_VERSION, (text) => {
  const lower = text.toLowerCase();
  const tag = (name: TagName): TagScore => {
    const cues: Cue[] = [];
    for (const phrase of CUE_WORDS[name]) {
      const start = lower.indexOf(phrase);
      if (start >= 0) cues.push({ start, end: start + phrase.length, text: text.slice(start, start + phrase.length), cue: phrase, weight: 1 });
    }
    const score = cues.length > 0 ? Math.min(0.99, 0.6 + 0.013 * (text.length % 30)) : 0.05 + 0.01 * (text.length % 20);
    return { score, label: score >= 0.5, cues };
  };
  return { tags: { cynicism: tag('cynicism'), distrust: tag('distrust'), bubble_caution: tag('bubble_caution') } };
});

async function runChildTask(task: string, dir: string): Promise<ChildResult> {
  const db = join(dir, 'bench.db');
  const started = performance.now();
  let detail = '';
  if (task === 'setup') {
    const store = Store.open(db);
    for (const [i, id] of EVENTS.entries()) {
      const { threads, comments } = generateEvent(id, 1000 + i);
      store.saveItems(id, { threads, comments });
      const tags = comments
        .filter((c) => c.status === 'live')
        .map((c) => ({ ...benchTagger.tag(c.body), commentId: c.id, tagger: TAGGER_VERSION, body: c.body }));
      store.saveTags(tags, 0);
    }
    detail = `${store.countEvent(EVENTS[0]).comments} + ${store.countEvent(EVENTS[1]).comments} comments`;
    store.close();
  } else {
    throw new Error(`unknown bench task ${task}`);
  }
  const ms = performance.now() - started;
  return { ms, peakMb: process.resourceUsage().maxRSS / 1024, detail };
}

const childIndex = process.argv.indexOf('--report-bench-child');
if (childIndex >= 0) {
  const task = process.argv[childIndex + 1] ?? '';
  const dir = process.argv[childIndex + 2] ?? '';
  console.log(JSON.stringify(await runChildTask(task, dir)));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runReportBench();
}
