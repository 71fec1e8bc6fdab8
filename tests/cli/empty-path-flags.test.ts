import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EVENTS = join(ROOT, 'events');
const FIXTURES = join(ROOT, 'fixtures');
const EMPTY = 'is empty: give a path, or leave the flag out for its default (an unset shell variable gives an empty value)';

const makeDir = useTempDirs('reactionlens-empty-path-');

// `--out "$REPORTS"` in a cron line whose variable is unset or misspelt passes an empty value, which would resolve to
// the folder cron started in: the night's reports (or the store) would land where no one looks, with exit 0.
describe('an empty path flag is a usage error, not the working directory', () => {
  it('run --out "": exit 2 naming the flag, before collecting; nothing written in the working directory', async () => {
    const cwd = makeDir();
    const r = await cli(['run', '--event', 'amazon-openai-2025-12', '--source', 'fixtures', '--fixtures', FIXTURES, '--events-dir', EVENTS, '--db', join(cwd, 'store.db'), '--out', '', '--quiet', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`run: --out "": ${EMPTY}`);
    expect(JSON.parse(r.stdout)).toEqual({ error: { kind: 'config', exitCode: 2, message: `run: --out "": ${EMPTY}` } });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('quotes --db "" and compare --events-dir "" name the flag instead of a disk I/O error or an unknown event', async () => {
    const cwd = makeDir();
    const quotes = await cli(['quotes', '--event', 'amazon-openai-2025-12', '--events-dir', EVENTS, '--db', ''], { cwd });
    expect(quotes.code).toBe(2);
    expect(quotes.stderr).toContain(`quotes: --db "": ${EMPTY}`);
    const compare = await cli(['compare', 'amazon-openai-2025-12', 'nvidia-openai-2025-09', '--events-dir', '  ', '--db', join(cwd, 'store.db')], { cwd });
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain(`compare: --events-dir "  ": ${EMPTY}`);
    expect(existsSync(join(cwd, 'store.db'))).toBe(false);
  });

  it('store check --db "" names the flag, not a store error about the working directory', async () => {
    const cwd = makeDir();
    const r = await cli(['store', 'check', '--db', ''], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`store check: --db "": ${EMPTY}`);
  });
});
