import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/report/compare-reports.js';
import { Store } from '../../src/store/store.js';
import { runReportCommand } from '../helpers/run-report-commands.js';
import { taggerOf } from '../../src/tag/tagger-of.js';
import { makeComment, makeThread } from '../report/report-fixture.js';

const AMAZON = 'amazon-openai-2025-12';
const NVIDIA = 'nvidia-openai-2025-09';

const tagger = taggerOf('fake-1', (text) => {
  const hit = text.includes('bubble');
  const score = { score: hit ? 0.9 : 0.1, label: hit, cues: [] };
  return { tags: { cynicism: score, distrust: score, bubble_caution: score } };
});

let store: Store;
let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'reactionlens-compare-'));
  store = Store.open(':memory:');
  const own = (eventId: string, sub: string): void => {
    const thread = makeThread(`${sub}own`, sub, `Only about ${eventId}`);
    store.saveItems(eventId, { threads: [thread], comments: Array.from({ length: 10 }, (_, i) => makeComment(`${sub}c${i}`, thread, i < 4 ? `a bubble, number ${i}` : `fine, number ${i}`)) });
  };
  own(AMAZON, 'stocks');
  own(NVIDIA, 'nvidia');
  // one thread about both deals, found by both events' searches: its comments are in both samples
  const both = makeThread('both1', 'technology', 'Amazon and Nvidia both pour money into OpenAI');
  const comments = Array.from({ length: 7 }, (_, i) => makeComment(`bothc${i}`, both, `shared comment ${i}, a bubble`));
  comments.push(makeComment('bothdel', both, '', { status: 'deleted', author: null }));
  store.saveItems(AMAZON, { threads: [both], comments });
  store.linkThread(NVIDIA, both.id);
});
afterAll(() => {
  store.close();
  rmSync(cwd, { recursive: true, force: true });
});

function compare(argv: string[]): Promise<{ stdout: string; stderr: string }> {
  return runReportCommand(['compare', ...argv], { store, tagger, cwd });
}

describe('compare: events that share threads', () => {
  it('warns on stderr, in Markdown and in JSON, naming how many threads and comments are shared', async () => {
    const md = await compare([NVIDIA, AMAZON, '--format', 'md']);
    const line = `${NVIDIA} and ${AMAZON} share 1 thread (7 analysed comments counted in both)`;
    expect(md.stderr).toContain(`warning: ${line}`);
    expect(md.stderr).toMatch(/assumes independent samples/);
    const warning = md.stdout.split('\n').find((l) => l.startsWith('_Warning:') && l.includes('share 1 thread'));
    expect(warning).toBeDefined();
    expect(warning).toContain('7 analysed comments counted in both');
    const json = JSON.parse((await compare([NVIDIA, AMAZON, '--format', 'json'])).stdout) as Comparison;
    expect(json.sharedThreads).toEqual([{ from: NVIDIA, to: AMAZON, threads: 1, comments: 7 }]);
  });
});

describe('compare: several formats without --out', () => {
  it('prints the first format alone and says on stderr which formats were not written', async () => {
    const { stdout, stderr } = await compare([NVIDIA, AMAZON, '--format', 'json,md,csv']);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stderr).toContain('warning: without --out only the first format (json) is printed; md, csv not written: give --out DIR to write every format');
    expect((await compare([NVIDIA, AMAZON, '--format', 'json'])).stderr).not.toContain('only the first format');
  });

  it('says nothing of a format given twice: it is the one printed, not one left unwritten', async () => {
    const { stdout, stderr } = await compare([NVIDIA, AMAZON, '--format', 'md,md']);
    expect(stdout).toContain('|');
    expect(stderr).not.toContain('only the first format');
    expect((await compare([NVIDIA, AMAZON, '--format', 'json,md,json,md'])).stderr).toContain('only the first format (json) is printed; md not written');
  });
});

describe('countSharedThreads', () => {
  it('finds no overlap between events with distinct threads, and counts only analysed comments of shared ones', async () => {
    const { countSharedThreads } = await import('../../src/report/count-shared-threads.js');
    const a = { eventId: 'a', analysedByThread: new Map([['t1', 3], ['t2', 5]]) };
    const b = { eventId: 'b', analysedByThread: new Map([['t3', 4]]) };
    const c = { eventId: 'c', analysedByThread: new Map([['t2', 5], ['t3', 4]]) };
    expect(countSharedThreads([a, b])).toEqual([]);
    expect(countSharedThreads([a, b, c])).toEqual([
      { from: 'a', to: 'c', threads: 1, comments: 5 },
      { from: 'b', to: 'c', threads: 1, comments: 4 },
    ]);
  });
});
