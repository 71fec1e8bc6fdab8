import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runReportCommand } from '../helpers/run-report-commands.js';
import { makeComment, makeThread, T0 } from './report-fixture.js';
import { keywordTagger } from '../helpers/keyword-tagger.js';

// `quotes --format md` with nothing to offer printed a lone blank line, where the JSON feed prints `"quotes": []` and
// the CSV feed its header row: a writer's `quotes --format md > draft.md` got an empty file that said nothing, not
// even which event or window it was for. The empty Markdown feed now says, on stdout as its one line, that there are
// no quotes and for what request; why (an empty store, comments withheld) stays on stderr, as for the other formats.

const tagger = keywordTagger;

let store: Store;
let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'reactionlens-empty-md-'));
  store = Store.open(':memory:');
  const thread = makeThread('stocks1', 'stocks', 'Thread about the deal');
  store.saveItems('amazon-openai-2025-12', {
    threads: [thread],
    comments: [makeComment('c1', thread, 'This is circular financing with extra steps, as ever.'), makeComment('c2', thread, 'Seems fine to me.')],
  });
});
afterAll(() => {
  store.close();
  rmSync(cwd, { recursive: true, force: true });
});

const quotes = (argv: string[], on = store) => runReportCommand(['quotes', '--event', 'amazon-openai-2025-12', ...argv], { store: on, tagger, cwd });

describe('an empty Markdown feed', () => {
  it('has quotes when nothing filters them out (so the empty case below is the filters\')', async () => {
    const md = (await quotes(['--format', 'md'])).stdout;
    expect(md).toContain('circular financing');
    expect(md).not.toContain('No quotes');
  });

  it('says there are no quotes, for which event and request, as its one line on stdout', async () => {
    const since = new Date((T0 + 3600) * 1000).toISOString();
    const { stdout, stderr } = await quotes(['--format', 'md', '--tag', 'distrust', '--min-score', '0.5', '--since', since]);
    expect(stdout).toBe(`_No quotes for amazon-openai-2025-12 (tag distrust, probability at least 0.5, posted since ${since})._\n`);
    expect(stderr).toContain('0 quotes for amazon-openai-2025-12');
  });

  it('names only the filters given', async () => {
    expect((await quotes(['--format', 'md', '--tag', 'distrust'])).stdout).toBe('_No quotes for amazon-openai-2025-12 (tag distrust)._\n');
  });

  // Each filter is one item of the same comma list, whatever else is given: with both windows the line read
  // `(tag distrust, posted since … and collected since …)`, the two windows joined as if they were one filter.
  describe('reads as one comma list of the filters given, for every combination', () => {
    const since = '2025-12-20T00:00:00.000Z';
    const collected = '2025-12-21T08:00:00.000Z';
    const filters = [
      { argv: ['--tag', 'distrust'], says: 'tag distrust' },
      { argv: ['--min-score', '0.5'], says: 'probability at least 0.5' },
      { argv: ['--since', since], says: `posted since ${since}` },
      { argv: ['--collected-since', collected], says: `collected since ${collected}` },
    ];
    // every subset of the four, the empty one (no filter) included: 16 rows
    const rows = Array.from({ length: 1 << filters.length }, (_, mask) => filters.filter((_, i) => (mask & (1 << i)) !== 0));
    const empty = Store.open(':memory:');
    afterAll(() => empty.close());

    it.each(rows.map((given) => [given.map((f) => f.argv[0]).join(' ') || '(none)', given] as const))('%s', async (_name, given) => {
      const { stdout } = await quotes(['--format', 'md', ...given.flatMap((f) => f.argv)], empty);
      const request = given.length === 0 ? '' : ` (${given.map((f) => f.says).join(', ')})`;
      expect(stdout).toBe(`_No quotes for amazon-openai-2025-12${request}._\n`);
      expect(stdout).not.toContain(' and ');
    });

    it('spelt out for all of them, and for both windows alone', async () => {
      const all = await quotes(['--format', 'md', '--tag', 'distrust', '--min-score', '0.5', '--since', since, '--collected-since', collected], empty);
      expect(all.stdout).toBe(
        '_No quotes for amazon-openai-2025-12 (tag distrust, probability at least 0.5, posted since 2025-12-20T00:00:00.000Z, collected since 2025-12-21T08:00:00.000Z)._\n',
      );
      // stderr's count is a sentence, where "and" reads right
      expect(all.stderr).toContain('0 quotes for amazon-openai-2025-12 posted since 2025-12-20T00:00:00.000Z and collected since 2025-12-21T08:00:00.000Z\n');
      const windows = await quotes(['--format', 'md', '--since', since, '--collected-since', collected], empty);
      expect(windows.stdout).toBe('_No quotes for amazon-openai-2025-12 (posted since 2025-12-20T00:00:00.000Z, collected since 2025-12-21T08:00:00.000Z)._\n');
    });

    it('escapes a tag name for Markdown, as the rest of the line is', async () => {
      expect((await quotes(['--format', 'md', '--tag', 'bubble_caution'], empty)).stdout).toBe('_No quotes for amazon-openai-2025-12 (tag bubble\\_caution)._\n');
    });
  });

  it('from a store with no comments for the event, leaves the reason on stderr as the JSON and CSV feeds do', async () => {
    const empty = Store.open(':memory:');
    try {
      const md = await quotes(['--format', 'md'], empty);
      expect(md.stdout).toBe('_No quotes for amazon-openai-2025-12._\n');
      expect(md.stderr).toContain('the store holds no comments for amazon-openai-2025-12; the feed is empty');
      const csv = await quotes(['--format', 'csv'], empty);
      expect(csv.stdout.split('\r\n').filter((line) => line !== '')).toHaveLength(1);
    } finally {
      empty.close();
    }
  });
});
