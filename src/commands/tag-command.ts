// `reactionlens tag [FILE|-]`: JSONL in (id, text), JSONL out, one line per input line.

import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli/cli-context.js';
import { ConfigError } from '../errors/errors.js';
import { loadTagger } from '../tag/load-tagger.js';

const lineSchema = z.object({ id: z.union([z.string().min(1), z.number()]).transform(String), text: z.string() });

export function registerTagCommand(program: Command, ctx: CliContext): void {
  program
    .command('tag [file]')
    .description('tag JSONL comments ({"id","text"} per line; FILE or - for stdin) and write one JSONL result per line')
    .action(async (file: string | undefined) => {
      let input: NodeJS.ReadableStream;
      let source = 'stdin';
      if (file === undefined || file === '-') input = ctx.stdin;
      else {
        source = resolve(ctx.cwd, file);
        const stream = createReadStream(source, { encoding: 'utf8' });
        await new Promise<void>((ok, fail) => {
          stream.once('open', () => ok());
          stream.once('error', (e) => fail(new ConfigError(`tag: cannot read ${file}: ${e.message}`, { cause: e })));
        });
        input = stream;
      }
      const tagger = loadTagger();
      let lineNo = 0;
      let bad = 0;
      for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
        lineNo++;
        const line = (raw as string).trim();
        if (line === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch (e) {
          bad++;
          ctx.stderr(`reactionlens tag: ${source} line ${lineNo}: invalid JSON (${(e as Error).message})\n`);
          continue;
        }
        const r = lineSchema.safeParse(json);
        if (!r.success) {
          bad++;
          ctx.stderr(`reactionlens tag: ${source} line ${lineNo}: expected {"id": string, "text": string}\n`);
          continue;
        }
        const outcome = tagger.tag(r.data.text);
        const out: Record<string, unknown> = { id: r.data.id, tags: outcome.tags, tagger: tagger.version };
        if (outcome.skipped !== undefined) out['skipped'] = outcome.skipped;
        ctx.stdout(JSON.stringify(out) + '\n');
      }
      if (bad > 0) ctx.markInvalidInput(`${bad} bad input line(s) in ${source}`);
    });
}
