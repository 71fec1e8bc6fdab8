import { collectThreadTree } from '../src/reddit/collect-thread-tree.js';
import { createHttpRedditApi } from '../src/reddit/http-reddit-api.js';
import { parseRedditCredentials } from '../src/reddit/reddit-credentials.js';
import { createVirtualClock, FakeReddit, generateSyntheticThread, TEST_ENV } from '../tests/helpers/synthetic-thread.js';

// Requests the collector makes for synthetic threads vs. the minimum possible
// (1 + ceil(hidden ids / 100) + continue stubs), and the wall time under
// Reddit's budget of 100 requests per minute, in simulated time (a run that
// would take minutes finishes in well under a second; no network).

const SHAPES = [1_000, 5_000, 20_000];
const LATENCY_MS = 250; // simulated round trip per request
const BUDGET = { perWindow: 100, windowSeconds: 60 };

export async function runCollectorBench(): Promise<void> {
  console.log('collector: requests vs. minimum, 100 requests/minute budget (simulated time)');
  console.log(
    ['comments', 'hidden ids', 'continue', 'one-per-stub', 'minimum', 'made', 'ratio', '429s', 'waits', 'simulated', 'real'].join('\t'),
  );
  let worst = 0;
  let total429 = 0;
  for (const size of SHAPES) {
    const thread = generateSyntheticThread({ id: `bench${size.toString(36)}`, comments: size, seed: size });
    const clock = createVirtualClock();
    const fake = new FakeReddit({ threads: [thread], now: clock.now, rateLimit: BUDGET });
    const fetchWithLatency: typeof fetch = async (input, init) => {
      await clock.sleep(LATENCY_MS);
      return fake.fetch(input, init);
    };
    let waits = 0;
    const api = createHttpRedditApi({
      credentials: parseRedditCredentials(TEST_ENV),
      fetch: fetchWithLatency,
      clock,
      context: () => ({ progress: (e) => (e.kind === 'wait' ? waits++ : undefined) }),
    });
    const started = clock.now();
    const realStart = performance.now();
    const tree = await collectThreadTree(api, thread.id, Math.floor(started / 1000));
    const realMs = performance.now() - realStart;
    if (tree.collected !== size) throw new Error(`bench: collected ${tree.collected} of ${size}`);
    const made = tree.requests.comments + tree.requests.moreChildren + tree.requests.continue;
    const minimum = fake.minimumRequests(thread.id);
    const stubs = (fake.stats.moreStubs.get(thread.id) ?? 0) + (fake.stats.continueStubs.get(thread.id)?.size ?? 0);
    const ratio = made / minimum;
    worst = Math.max(worst, ratio);
    total429 += fake.stats.rateLimited;
    console.log(
      [
        size,
        fake.stats.hiddenIds.get(thread.id)?.size ?? 0,
        fake.stats.continueStubs.get(thread.id)?.size ?? 0,
        1 + stubs,
        minimum,
        made,
        ratio.toFixed(3),
        fake.stats.rateLimited,
        `${waits} (${((clock.slept - made * LATENCY_MS) / 1000).toFixed(0)} s)`,
        formatDuration(clock.now() - started),
        `${realMs.toFixed(0)} ms`,
      ].join('\t'),
    );
  }
  console.log(`target: requests ≤ 1.1 × minimum (worst ${worst.toFixed(3)}), zero 429s (${total429})`);
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

// `npx tsx bench/collector-bench.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) await runCollectorBench();
