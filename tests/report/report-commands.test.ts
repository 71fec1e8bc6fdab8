import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/cli-context.js';
import { registerQuotesCommand } from '../../src/commands/quotes-command.js';
import { registerReportCommand } from '../../src/commands/report-command.js';
import { ConfigError } from '../../src/errors/errors.js';
import { Store } from '../../src/store/store.js';
import { runReportCommand } from '../helpers/run-report-commands.js';
import { makeComment, makeThread, T0 } from './report-fixture.js';
import { keywordTagger } from '../helpers/keyword-tagger.js';



const fakeTagger = keywordTagger;

let store: Store;
let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'reactionlens-cmd-'));
  store = Store.open(':memory:');
  for (const [eventId, sub, n, rate] of [['amazon-openai-2025-12', 'stocks', 60, 3], ['nvidia-openai-2025-09', 'nvidia', 60, 6]] as const) {
    const thread = makeThread(`${sub}1`, sub, `Thread about ${eventId}`);
    const comments = Array.from({ length: n }, (_, i) =>
      makeComment(`${sub}c${i}`, thread, i % rate === 0 ? `This is circular financing number ${i}, a bubble with extra steps.` : `Seems fine to me, comment ${i} of the day.`, { score: i }),
    );
    comments.push(makeComment(`${sub}del`, thread, '', { status: 'deleted', author: null }));
    store.saveItems(eventId, { threads: [thread], comments });
  }
});
afterAll(() => {
  store.close();
  rmSync(cwd, { recursive: true, force: true });
});

function runCommand(argv: string[]): Promise<{ stdout: string; stderr: string }> {
  return runReportCommand(argv, { store, tagger: fakeTagger, cwd });
}

describe('report / compare / quotes commands', () => {
  it('report writes the requested formats and prints their paths', async () => {
    const { stdout, stderr } = await runCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'md,json,csv,html', '--out', 'out']);
    const paths = stdout.trim().split('\n');
    expect(paths.map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual([
      '2025-12-18.md', '2025-12-18.json', '2025-12-18.csv', '2025-12-18.html', 'history.json', '2025-12-18.manifest.json',
    ]);
    expect(readdirSync(join(cwd, 'out', 'amazon-openai-2025-12'))).toHaveLength(6);
    expect(stderr).toContain('tagged 60 comments in memory');
    const report = JSON.parse(readFileSync(paths[1]!, 'utf8')) as { counts: { analysed: number; excludedByReason: { deleted: number } } };
    expect(report.counts.analysed).toBe(60);
    expect(report.counts.excludedByReason.deleted).toBe(1);
  });

  it('report rejects an unknown event and a bad format as ConfigError', async () => {
    await expect(runCommand(['report', '--event', 'no-such-event'])).rejects.toBeInstanceOf(ConfigError);
    await expect(runCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'pdf'])).rejects.toBeInstanceOf(ConfigError);
  });

  it('quotes says what is wrong with --min-score: not a number, or out of 0–1', async () => {
    await expect(runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--min-score', 'abc'])).rejects.toThrow(/must be a number/);
    await expect(runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--min-score', '2'])).rejects.toThrow(/between 0 and 1/);
  });

  it('a numeric flag out of range or not a number is a usage error naming the flag, the value and the range', async () => {
    const quotes = (...flags: string[]) => runCommand(['quotes', '--event', 'amazon-openai-2025-12', ...flags]);
    for (const [flag, value, range] of [
      ['--limit', '0', 'a whole number between 1 and 1000'],
      ['--limit', 'abc', 'a whole number between 1 and 1000'],
      ['--limit', '1001', 'a whole number between 1 and 1000'],
      ['--limit', '2.5', 'a whole number between 1 and 1000'],
      ['--limit', '', 'a whole number between 1 and 1000'],
      ['--min-score', '', 'a number between 0 and 1'],
    ] as const) {
      const failure = quotes(flag, value);
      await expect(failure).rejects.toBeInstanceOf(ConfigError);
      await expect(failure).rejects.toThrow(`quotes: ${flag} "${value}": must be ${range}`);
    }
    await expect(runCommand(['report', '--event', 'amazon-openai-2025-12', '--max-quotes', '7'])).rejects.toThrow('report: --max-quotes "7": must be a whole number between 1 and 6');
    expect(JSON.parse((await quotes('--limit', '1000', '--min-score', '0.5')).stdout)).toHaveProperty('event');
  });

  it('--help gives the caps of --limit and --max-quotes', () => {
    const program = new Command();
    registerQuotesCommand(program, {} as CliContext, { loadTagger: () => fakeTagger });
    registerReportCommand(program, {} as CliContext, { loadTagger: () => fakeTagger });
    const help = (name: string): string => program.commands.find((c) => c.name() === name)!.helpInformation().replace(/\s+/g, ' ');
    expect(help('quotes')).toMatch(/--limit <n> at most this many quotes, 1–1000 \(default: "20"\)/);
    expect(help('report')).toContain('--max-quotes <n> quote highlights, 1–6 (default 5)');
  });

  it('compare prints a side-by-side table with a significance verdict', async () => {
    const { stdout } = await runCommand(['compare', 'amazon-openai-2025-12', 'nvidia-openai-2025-09']);
    expect(stdout).toContain('## Reddit reaction compared');
    expect(stdout).toMatch(/\| Cynicism \| 33\.3% \(.*\) \| 16\.7% \(.*\) \| −16\.7 pts \| [\d.<]+ \| (yes|no) \|/);
    const json = JSON.parse((await runCommand(['compare', 'amazon-openai-2025-12', 'nvidia-openai-2025-09', '--format', 'json', '--weight', 'score'])).stdout) as { weight: string };
    expect(json.weight).toBe('score');
    await expect(runCommand(['compare', 'amazon-openai-2025-12'])).rejects.toBeInstanceOf(ConfigError);
  });

  it('quotes prints the writers feed with status_checked_at, filtered by tag and score', async () => {
    const { stdout } = await runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--tag', 'cynicism', '--min-score', '0.5', '--limit', '5']);
    const feed = JSON.parse(stdout) as { quotes: Array<{ id: string; primary_tag: string; status_checked_at: string | null; text: string; author?: string }> };
    expect(feed.quotes).toHaveLength(5);
    for (const q of feed.quotes) {
      expect(q.primary_tag).toBe('cynicism');
      expect(q.status_checked_at).toMatch(/^2025-12-18T/);
      expect(q.author).toBeUndefined();
    }
    const csv = (await runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--format', 'csv', '--limit', '3'])).stdout;
    expect(csv.split('\r\n')[0]).toContain('status_checked_at');
    await expect(runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--tag', 'anger'])).rejects.toBeInstanceOf(ConfigError);
  });

  it('quotes --since offers only comments posted since then (a date, a date-time or a time ago), and says so', async () => {
    const posted = new Date((T0 + 600) * 1000);
    const day = posted.toISOString().slice(0, 10);
    const all = JSON.parse((await runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--limit', '50'])).stdout) as { quotes: unknown[] };
    expect(all.quotes.length).toBeGreaterThan(0);
    const same = await runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--limit', '50', '--since', day]);
    expect((JSON.parse(same.stdout) as { quotes: unknown[] }).quotes).toHaveLength(all.quotes.length);
    expect(same.stderr).toContain(`quotes for amazon-openai-2025-12 posted since ${day}T00:00:00.000Z`);
    const later = new Date((T0 + 601) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect((JSON.parse((await runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--since', later])).stdout) as { quotes: unknown[] }).quotes).toEqual([]);
    // the command's clock (1_766_100_000) is about a day and a half after the comments were posted
    const ago = (since: string) => runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--limit', '50', '--since', since]);
    expect((JSON.parse((await ago('7d')).stdout) as { quotes: unknown[] }).quotes).toHaveLength(all.quotes.length);
    expect((JSON.parse((await ago('1h')).stdout) as { quotes: unknown[] }).quotes).toEqual([]);
    await expect(ago('yesterday')).rejects.toThrow('quotes: --since "yesterday": give a UTC date');
  });

  it('quotes --collected-since offers what the store first held quotable since the last fetch, whenever it was posted: --since 24h misses a comment posted after a night\'s run and before the fetch', async () => {
    const night1 = T0 + 12 * 3600; // the nightly run
    const fetch1 = night1 + 7 * 3600; // the writer's morning fetch
    const night2 = night1 + 86_400;
    const fetch2 = fetch1 + 86_400;
    // the store's clock: a comment is collected (quotable) as of the write that stored it, as each night stores it
    let clock = night1;
    const nights = Store.open(':memory:', { now: () => clock });
    try {
      const thread = makeThread('stocks1', 'stocks', 'Thread about amazon-openai-2025-12', { fetchedAt: night1 });
      const old = makeComment('old1', thread, 'This is circular financing, the first night.', { createdUtc: night1 - 3600, fetchedAt: night1 });
      nights.saveItems('amazon-openai-2025-12', { threads: [thread], comments: [old] });
      const feed = async (now: number, ...flags: string[]) => {
        const out = await runReportCommand(['quotes', '--event', 'amazon-openai-2025-12', '--limit', '50', ...flags], { store: nights, tagger: fakeTagger, cwd, now });
        return { ids: (JSON.parse(out.stdout) as { quotes: Array<{ comment_id: string }> }).quotes.map((q) => q.comment_id), stderr: out.stderr };
      };
      expect((await feed(fetch1, '--since', '24h')).ids).toEqual(['old1']);
      expect((await feed(fetch1, '--collected-since', '24h')).ids).toEqual(['old1']);
      // posted after the first night's run, before the writer's first fetch: stored by the second night
      const late = makeComment('late1', thread, 'A bubble with extra steps, posted in the morning.', { createdUtc: night1 + 3 * 3600, fetchedAt: night2 });
      // the old comment is fetched again (its score moved): not new to the store
      clock = night2;
      nights.saveItems('amazon-openai-2025-12', { threads: [{ ...thread, fetchedAt: night2 }], comments: [{ ...old, score: 99, fetchedAt: night2 }, late] });
      // posting time: the morning comment is in no daily feed, neither the first (not stored yet) nor the second
      expect((await feed(fetch2, '--since', '24h')).ids).toEqual([]);
      // collection time: each comment once, in the first feed after the night that stored it
      const second = await feed(fetch2, '--collected-since', new Date(fetch1 * 1000).toISOString());
      expect(second.ids).toEqual(['late1']);
      expect(second.stderr).toContain(`1 quote for amazon-openai-2025-12 collected since ${new Date(fetch1 * 1000).toISOString()}`);
      await expect(feed(fetch2, '--collected-since', 'last time')).rejects.toThrow('quotes: --collected-since "last time": give a UTC date');
    } finally {
      nights.close();
    }
  });

  it('report, compare and quotes all say so when the store holds no comments for the event, and quotes still prints an empty feed', async () => {
    const empty = Store.open(':memory:');
    try {
      const run = (argv: string[]) => runReportCommand(argv, { store: empty, tagger: fakeTagger, cwd });
      const report = await run(['report', '--event', 'amazon-openai-2025-12', '--format', 'json', '--out', 'empty']);
      expect(report.stderr).toContain('reactionlens report: the store holds no comments for amazon-openai-2025-12; the report is empty');
      const compared = await run(['compare', 'amazon-openai-2025-12', 'nvidia-openai-2025-09']);
      expect(compared.stderr).toContain('reactionlens compare: the store holds no comments for amazon-openai-2025-12; its shares read n/a');
      const quotes = await run(['quotes', '--event', 'amazon-openai-2025-12']);
      expect(quotes.stderr).toContain('reactionlens quotes: the store holds no comments for amazon-openai-2025-12; the feed is empty');
      expect(JSON.parse(quotes.stdout)).toEqual({ event: 'amazon-openai-2025-12', tagger: 'fake-tagger-1', quotes: [] });
      // an event with comments, none of them in the feed's window, is not an empty store
      const later = await runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--since', '1h']);
      expect(later.stderr).not.toContain('holds no comments');
    } finally {
      empty.close();
    }
  });

  it('report on an event the store holds no comments for adds no trend point, keeps the others, is dated the day it is written and never replaces that day\'s report', async () => {
    const filled = await runCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'json', '--out', 'trend']);
    expect(filled.stderr).not.toContain('holds no comments');
    const historyPath = join(cwd, 'trend', 'amazon-openai-2025-12', 'history.json');
    const history = readFileSync(historyPath, 'utf8');
    const points = (JSON.parse(history) as { points: Array<{ date: string; tagged: number }> }).points;
    expect(points.map((p) => [p.date, p.tagged])).toEqual([['2025-12-18', 60]]);
    const empty = Store.open(':memory:');
    try {
      // the same day (the command's clock, 1_766_100_000, is 2025-12-18): tonight's report is not replaced by an empty one
      const reportPath = join(cwd, 'trend', 'amazon-openai-2025-12', '2025-12-18.json');
      const tonight = readFileSync(reportPath, 'utf8');
      const sameDay = await runReportCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'json', '--out', 'trend'], { store: empty, tagger: fakeTagger, cwd });
      expect(sameDay.stderr).toContain(`reactionlens report: not written: ${reportPath} already holds a report of 2025-12-18, which this empty one would replace (is --db the store that collected amazon-openai-2025-12?)`);
      expect(sameDay.partial).toEqual(["the store holds no comments for amazon-openai-2025-12; 2025-12-18's report was left as it was"]);
      expect(sameDay.stdout).toBe('');
      expect(readFileSync(reportPath, 'utf8')).toBe(tonight);
      expect(readFileSync(historyPath, 'utf8')).toBe(history);
      // the next day (2025-12-19; the event's window ends 2025-12-31): written, dated that day, with no trend point
      const report = await runReportCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'json', '--out', 'trend'], { store: empty, tagger: fakeTagger, cwd, now: 1_766_100_000 + 86_400 });
      expect(report.stderr).toContain('the store holds no comments for amazon-openai-2025-12; the report is empty and adds no trend point');
      expect(report.partial).toEqual([]);
      const paths = report.stdout.trim().split('\n');
      expect(paths.map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual(['2025-12-19.json', 'history.json', '2025-12-19.manifest.json']);
      expect(readFileSync(historyPath, 'utf8')).toBe(history);
      const written = JSON.parse(readFileSync(paths[0]!, 'utf8')) as { date: string; counts: { stored: number }; trend: unknown[] };
      expect(written.date).toBe('2025-12-19');
      expect(written.counts.stored).toBe(0);
      expect(written.trend).toEqual(points);
    } finally {
      empty.close();
    }
  });

  it('an empty report shows dashes and says nothing was measured, not shares of 0.0% (Markdown and HTML)', async () => {
    const empty = Store.open(':memory:');
    try {
      const report = await runReportCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'md,html', '--out', 'empty-md'], { store: empty, tagger: fakeTagger, cwd });
      const [md, html] = report.stdout.trim().split('\n').slice(0, 2).map((p) => readFileSync(p, 'utf8'));
      expect(md).toContain('| Cynicism | — | — | 0 of 0 | — |');
      expect(md).not.toContain('0.0%');
      expect(md).toContain('_No comment was tagged (none stored in the window, or all left out): there is nothing to measure yet._');
      expect(html).toContain('<td>Cynicism</td><td class="n">—</td><td class="n">—</td><td class="n">0 of 0</td>');
      expect(html).toContain('there is nothing to measure yet.');
    } finally {
      empty.close();
    }
    const filled = await runCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'md', '--out', 'filled-md']);
    expect(readFileSync(filled.stdout.trim().split('\n')[0]!, 'utf8')).not.toContain('nothing to measure');
  });

  it('CSV on stdout has no BOM, so a pipeline reads the first header as written; CSV files start with one for Excel', async () => {
    const quotes = (await runCommand(['quotes', '--event', 'amazon-openai-2025-12', '--format', 'csv', '--limit', '3'])).stdout;
    expect(quotes.split('\r\n')[0]?.split(',')[0]).toBe('section');
    const compared = (await runCommand(['compare', 'amazon-openai-2025-12', 'nvidia-openai-2025-09', '--format', 'csv'])).stdout;
    expect(compared.split('\r\n')[0]?.split(',')[0]).toBe('tag');

    const report = (await runCommand(['report', '--event', 'amazon-openai-2025-12', '--format', 'csv', '--out', 'bom'])).stdout.trim().split('\n');
    const csvFile = readFileSync(report[0]!, 'utf8');
    expect(csvFile.startsWith('\uFEFFsection,')).toBe(true);
    const files = (await runCommand(['compare', 'amazon-openai-2025-12', 'nvidia-openai-2025-09', '--format', 'csv,md', '--out', 'bom'])).stdout.trim().split('\n');
    expect(readFileSync(files[0]!, 'utf8').startsWith('\uFEFFtag,')).toBe(true);
    expect(readFileSync(files[1]!, 'utf8').startsWith('\uFEFF')).toBe(false);
  });
});
