import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'reactionlens-bench-rss-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- import: the peak RSS of an import child', () => {
  // getrusage's maxrss survives fork and exec: a child of a parent holding 600 MB read 600 MB whatever it used
  it.skipIf(!existsSync('/proc/self/status'))('is the child’s own, not the RSS its parent had when it spawned it', () => {
    const dump = join(dir, 'RC_tiny');
    writeFileSync(dump, `${JSON.stringify({ id: 'c1', link_id: 't3_p1', parent_id: 't3_p1', subreddit: 'stocks', body: 'x', created_utc: 1_765_900_000 })}\n`);
    const held = Buffer.alloc(600 * 1024 * 1024, 1); // touched pages: resident in this process when the child is spawned
    const out = execFileSync(process.execPath, ['--import', 'tsx', join('bench', 'import-bench.ts'), '--child', join(dir, 'bench.db'), dump], {
      encoding: 'utf8',
    });
    expect(held[held.length - 1]).toBe(1);
    const { maxRssKb } = JSON.parse(out) as { maxRssKb: number };
    expect(maxRssKb).toBeGreaterThan(0);
    expect(maxRssKb / 1024).toBeLessThan(400);
  });
});
