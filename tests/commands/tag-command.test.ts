import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createOrderedOutput } from '../../src/cli/create-ordered-output.js';
import { EXIT, runCli } from '../../src/cli.js';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { MAX_ANALYSED_CHARS } from '../../src/tag/normalize-text.js';
import { TAG_BATCH_CHARS, TAG_BATCH_SIZE, TAG_NAMES, type TagName, type TagScores } from '../../src/types.js';
import { cli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('rl-tag-');

const version = loadTagger().version;

function expectTagLine(line: unknown, id: string): void {
  expect(line).toMatchObject({ id, tagger: version });
  const o = line as { tags: Record<string, { score: number; label: boolean; cues: unknown[] }> };
  expect(Object.keys(o.tags).sort()).toEqual([...TAG_NAMES].sort());
  for (const t of TAG_NAMES) {
    const r = o.tags[t]!;
    expect(Object.keys(r).sort()).toEqual(['cues', 'label', 'score']);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(typeof r.label).toBe('boolean');
    for (const c of r.cues) expect(Object.keys(c as object).sort()).toEqual(['cue', 'end', 'start', 'text', 'weight']);
  }
}

describe('reactionlens tag', () => {
  it('tags JSONL from stdin: one output line per input line, exact shape', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'More circular financing. What could go wrong? /s' }),
      JSON.stringify({ id: 7, text: 'The first gigawatt comes online next year.' }),
      JSON.stringify({ id: 'e', text: '' }),
    ].join('\n');
    const r = await cli(['tag'], { stdinText: input + '\n' });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expectTagLine(lines[0], 'a');
    expectTagLine(lines[1], '7');
    expectTagLine(lines[2], 'e');
    expect(Object.keys(lines[0]!).sort()).toEqual(['id', 'tagger', 'tags']);
    expect(lines[2]!['skipped']).toMatch(/empty/);
    const cyn = (lines[0] as { tags: { cynicism: { label: boolean; cues: { text: string }[] } } }).tags.cynicism;
    expect(cyn.label).toBe(true);
    expect(cyn.cues.map((c) => c.text)).toContain('/s');
  });

  it('a text longer than the tagger reads says so: "analysedChars" in its result and one stderr line naming the lines; exit 0', async () => {
    const filler = 'The data centre build-out goes on. '.repeat(700); // 24,500 characters
    const input = [
      JSON.stringify({ id: 'short', text: 'More circular financing.' }),
      JSON.stringify({ id: 'long', text: `More circular financing. ${filler}What could go wrong? /s` }),
      JSON.stringify({ id: 'edge', text: 'x'.repeat(MAX_ANALYSED_CHARS) }),
    ].join('\n');
    const r = await cli(['tag'], { stdinText: input + '\n' });
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['analysedChars'])).toEqual([undefined, MAX_ANALYSED_CHARS, undefined]);
    expectTagLine(lines[1], 'long');
    // the cues it reports are from the part it read: the opening cue, not the sarcasm marker past the cut
    const cues = (lines[1] as { tags: Record<TagName, { cues: { text: string; end: number }[] }> }).tags;
    const all = TAG_NAMES.flatMap((t) => cues[t].cues);
    expect(all.map((c) => c.text)).toContain('circular financing');
    expect(all.every((c) => c.end <= MAX_ANALYSED_CHARS)).toBe(true);
    expect(r.stderr).toBe(`reactionlens tag: 1 text longer than 20,000 characters (stdin line 2): only the first 20,000 characters of each were tagged ("analysedChars" in its result)\n`);
  });

  it('closes a batch once its texts hold TAG_BATCH_CHARS characters; every line is answered, in order', async () => {
    const tagger = loadTagger();
    const sizes: number[] = [];
    const original = tagger.tagMany;
    const spy = vi.spyOn(tagger, 'tagMany').mockImplementation((texts) => (sizes.push(texts.length), original.call(tagger, texts)));
    try {
      const long = 'x '.repeat(Math.ceil(TAG_BATCH_CHARS * 0.2));
      const texts = [long, long, long, long, long, 'short one', 'short two', 'short three'];
      const input = texts.map((text, i) => JSON.stringify({ id: `l${i}`, text })).join('\n') + '\n';
      // all lines arrive at once, so only the character cap can split them
      const r = await cli(['tag'], { stdinText: input });
      expect(r.code).toBe(EXIT.ok);
      expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(texts.map((_, i) => `l${i}`));
      // each long line is 0.4 × the cap: two do not close a batch, three do; the rest go with the end of the input
      expect(sizes).toEqual([3, 5]);
    } finally {
      spy.mockRestore();
    }
  });

  it('reads a JSONL file that starts with a UTF-8 BOM, first line included', async () => {
    const dir = makeDir();
    writeFileSync(join(dir, 'in.jsonl'), `\uFEFF${JSON.stringify({ id: 'a', text: 'More circular financing.' })}\n`);
    const r = await cli(['tag', 'in.jsonl'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expectTagLine(JSON.parse(r.stdout) as unknown, 'a');
  });

  it('a bad line is reported on stderr with its line number, the others are tagged, exit code 2', async () => {
    const input = [JSON.stringify({ id: 'ok1', text: 'Is this even legal?' }), '{not json', JSON.stringify({ id: 'x' }), JSON.stringify({ id: 'ok2', text: 'bubble' })].join('\n');
    const r = await cli(['tag', '-'], { stdinText: input });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/line 2: invalid JSON/);
    expect(r.stderr).toMatch(/line 3: expected \{"id": string, "text": string\}/);
    const ids = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['ok1', 'ok2']);
  });

  it('many lines (tagged in batches): input order, the right line numbers, each text its own result', async () => {
    const texts = ['This is a Ponzi scheme.', 'The first gigawatt comes online next year.', 'When this pops, who is left holding the bag?'];
    const lines = Array.from({ length: 250 }, (_, i) => (i === 149 ? '{oops' : JSON.stringify({ id: `c${i}`, text: texts[i % 3] })));
    const r = await cli(['tag'], { stdinText: lines.join('\n') + '\n' });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr.match(/line \d+:/g)).toEqual(['line 150:']);
    expect(r.stderr).toMatch(/stdin line 150: invalid JSON/);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; tags: Record<TagName, { label: boolean }> });
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 250 }, (_, i) => `c${i}`).filter((id) => id !== 'c149'));
    // the documented fields only (the stored result's `strength` is the quote picker's, not part of this format)
    const printed = (tags: TagScores) => Object.fromEntries(TAG_NAMES.map((name) => [name, { score: tags[name].score, label: tags[name].label, cues: tags[name].cues }]));
    const expected = texts.map((t) => JSON.stringify(printed(loadTagger().tag(t).tags)));
    for (const o of out) expect(JSON.stringify(o.tags)).toBe(expected[Number(o.id.slice(1)) % 3]);
    expect(loadTagger().tag(texts[0]!).tags.distrust.strength).toBeGreaterThan(0);
  });

  it('a bad line\'s error comes after the results of the lines before it (stdout and stderr in input order)', async () => {
    const input = [JSON.stringify({ id: 'a', text: 'bubble' }), '{oops', JSON.stringify({ id: 'b', text: 'bubble' })].join('\n');
    const r = await cli(['tag'], { stdinText: input + '\n' });
    const lines = r.both.trim().split('\n');
    expect(lines[0]).toMatch(/^\{"id":"a"/);
    expect(lines[1]).toMatch(/line 2: invalid JSON/);
    expect(lines[2]).toMatch(/^\{"id":"b"/);
  });

  it('Ctrl-C while waiting for more input stops with exit 130, keeping what was written', async () => {
    const stdin = new PassThrough();
    stdin.write(JSON.stringify({ id: 'first', text: 'bubble' }) + '\n');
    const controller = new AbortController();
    const running = cli(['tag'], { stdin, signal: controller.signal });
    await new Promise((resume) => setTimeout(resume, 300));
    controller.abort();
    const r = await running;
    expect(r.code).toBe(EXIT.interrupted);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['first']);
  });

  describe('with a reader of stdout slower than the tagger (a full pipe)', () => {
    const N = 2_000;
    const texts = ['More circular financing. What could go wrong? /s', 'This is a Ponzi scheme.', 'Nvidia reports earnings on Wednesday.'];

    /** `tag in.jsonl` over N lines through the entry's ordered output, into a stdout whose reader takes nothing until `release()`. */
    function startSlowReader(signal?: AbortSignal) {
      const dir = makeDir();
      writeFileSync(join(dir, 'in.jsonl'), Array.from({ length: N }, (_, i) => JSON.stringify({ id: `n${i}`, text: texts[i % 3] })).join('\n') + '\n');
      let received = '';
      let flowing = false;
      let held: (() => void) | null = null;
      const stdout = new Writable({
        highWaterMark: 16 * 1024,
        decodeStrings: false,
        write(chunk: string, _encoding, done) {
          const take = (): void => {
            received += chunk;
            done();
          };
          if (flowing) take();
          else held = take;
        },
      });
      const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
      const output = createOrderedOutput({ stdout, stderr });
      let given = 0; // result lines the command has handed to stdout
      const running = runCli(['tag', 'in.jsonl'], {
        stdout: (t) => {
          given += t.split('\n').length - 1;
          output.stdout(t);
        },
        stderr: output.stderr,
        waitForStdout: output.waitForStdout,
        stdin: new PassThrough(),
        env: {},
        cwd: dir,
        isTTY: false,
        ...(signal === undefined ? {} : { signal }),
      });
      let finished = false;
      void running.then(() => (finished = true));
      return {
        running,
        given: () => given,
        finished: () => finished,
        received: () => received,
        release: (): void => {
          flowing = true;
          held?.();
        },
        ended: () => new Promise<void>((resolve) => stdout.end(resolve)),
      };
    }

    /** Until the command has stopped handing over lines for 250 ms (or has finished). */
    async function untilIdle(given: () => number, finished: () => boolean): Promise<void> {
      let last = -1;
      let sameFor = 0;
      while (!finished() && sameFor < 5) {
        await new Promise((resume) => setTimeout(resume, 50));
        sameFor = given() === last ? sameFor + 1 : 0;
        last = given();
      }
    }

    it('waits for it instead of tagging on and queueing every result in memory; all results arrive, in order', async () => {
      const slow = startSlowReader();
      await untilIdle(slow.given, slow.finished);
      // stdout's buffer is full after the first batch or two: the tagger waits there
      expect(slow.finished()).toBe(false);
      expect(slow.given()).toBeGreaterThan(0);
      expect(slow.given()).toBeLessThanOrEqual(2 * TAG_BATCH_SIZE);
      slow.release();
      expect(await slow.running).toBe(EXIT.ok);
      await slow.ended();
      const ids = slow.received().trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
      expect(ids).toEqual(Array.from({ length: N }, (_, i) => `n${i}`));
    });

    it('Ctrl-C while waiting for the reader stops at once (exit 130)', async () => {
      const controller = new AbortController();
      const slow = startSlowReader(controller.signal);
      await untilIdle(slow.given, slow.finished);
      expect(slow.finished()).toBe(false);
      controller.abort();
      expect(await slow.running).toBe(EXIT.interrupted);
      expect(slow.given()).toBeLessThanOrEqual(2 * TAG_BATCH_SIZE);
    });
  });

  it('reads a file argument relative to cwd', async () => {
    const dir = makeDir();
    writeFileSync(join(dir, 'in.jsonl'), JSON.stringify({ id: 'f1', text: 'This is a Ponzi scheme.' }) + '\n');
    const r = await cli(['tag', 'in.jsonl'], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    expectTagLine(JSON.parse(r.stdout.trim()), 'f1');
    const missing = await cli(['tag', 'nope.jsonl'], { cwd: dir });
    expect(missing.code).not.toBe(EXIT.ok);
    expect(missing.stderr).toMatch(/cannot read nope\.jsonl/);
  });
});

describe('reactionlens tag: a line over the cap', () => {
  it('is an error line naming its number, and the lines after it are still tagged (exit 2)', async () => {
    const input = [
      JSON.stringify({ id: 'c1', text: 'More circular financing.' }),
      JSON.stringify({ id: 'c2', text: 'x'.repeat(200) }),
      JSON.stringify({ id: 'c3', text: 'The circle jerk continues.' }),
    ].join('\n') + '\n';
    const result = await cli(['tag', '--max-line-bytes', '100'], { stdinText: input });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['c1', 'c3']);
    expect(result.stderr).toContain('reactionlens tag: stdin line 2: longer than 100 bytes, the most one line may hold; skipped');
    // in input order, also with both streams in one
    expect(result.both.indexOf('"id":"c1"')).toBeLessThan(result.both.indexOf('line 2: longer'));
    expect(result.both.indexOf('line 2: longer')).toBeLessThan(result.both.indexOf('"id":"c3"'));
  });
});
