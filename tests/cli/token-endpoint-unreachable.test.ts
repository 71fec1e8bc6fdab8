import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { Store } from '../../src/store/store.js';
import { cli } from '../helpers/run-cli.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PASSWORD = 'hunter2-Secret!';

describe("collect when Reddit's token endpoint cannot be reached", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-token-unreachable-'));
  });
  afterEach(() => {
    nock.cleanAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a source error (exit 3) naming the host, without the credentials; the run is recorded as failed', async () => {
    // an unknown host: not worth retrying, so every search fails at once
    nock('https://www.reddit.com').post('/api/v1/access_token').times(20).replyWithError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND www.reddit.com' });
    const result = await cli(
      ['collect', '--event', 'amazon-openai-2025-12', '--source', 'reddit', '--events-dir', join(ROOT, 'events'), '--db', join(dir, 'store.db'), '--quiet'],
      { cwd: dir, env: { ...TEST_ENV, REDDIT_USERNAME: 'bot_account', REDDIT_PASSWORD: PASSWORD } },
    );
    expect(result.code, result.stderr).toBe(EXIT.source);
    expect(result.stderr).toMatch(/^reactionlens: source error: .*no answer from www\.reddit\.com: getaddrinfo ENOTFOUND www\.reddit\.com/m);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.both).not.toContain(PASSWORD);
    expect(result.both).not.toContain(TEST_ENV.REDDIT_CLIENT_SECRET);
    const store = Store.open(join(dir, 'store.db'));
    try {
      const { runs } = store.listRuns('amazon-openai-2025-12');
      expect(runs.map((r) => r.status)).toEqual(['failed']);
      expect(runs[0]?.errors.at(-1)).toMatch(/^collection failed: .*no answer from www\.reddit\.com/);
      expect(JSON.stringify(runs)).not.toContain(PASSWORD);
    } finally {
      store.close();
    }
  });
});
