import { describe, expect, it } from 'vitest';
import { SchemaError, SourceError } from '../../src/errors/errors.js';
import type { CheckedStatuses, CheckedThreadStatuses, Source, SourceContext } from '../../src/sources/source.js';
import type { EventConfig, SkipRecord } from '../../src/types.js';

// The behaviour every Source adapter promises (live Reddit, archive, fixtures).
// Each adapter's own test file calls describeSourceContract with a factory; the
// adapter-specific regressions live beside it.

export interface ContractSetup {
  source: Source;
  event: EventConfig;
  /** Seconds since the epoch, as SourceContext.now. */
  now: () => number;
  /** A thread id the source cannot have; when given, fetching it must fail with SourceError or SchemaError. */
  unknownThreadId?: string;
  /** Fetch at most this many of the found threads (default 3). */
  maxThreads?: number;
  teardown?: () => void | Promise<void>;
}

export function describeSourceContract(name: string, makeSource: () => ContractSetup | Promise<ContractSetup>): void {
  describe(`Source contract: ${name}`, () => {
    const withSetup = (fn: (setup: ContractSetup, ctx: SourceContext) => Promise<void>) => async () => {
      const setup = await makeSource();
      try {
        await fn(setup, { now: setup.now });
      } finally {
        await setup.teardown?.();
      }
    };

    it(
      'finds the event threads: unique ids, oldest first, inside the window unless seeded',
      withSetup(async ({ source, event }, ctx) => {
        const found = await source.findThreads(event, ctx);
        expect(found.threads.length).toBeGreaterThan(0);
        expect(typeof found.capped).toBe('boolean');
        expect(Array.isArray(found.skipped)).toBe(true);
        const ids = found.threads.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (let i = 1; i < found.threads.length; i++) {
          expect(found.threads[i]!.createdUtc).toBeGreaterThanOrEqual(found.threads[i - 1]!.createdUtc);
        }
        const seeds = new Set(event.seedThreads);
        for (const t of found.threads) {
          if (seeds.has(t.id)) continue;
          expect(t.createdUtc).toBeGreaterThanOrEqual(event.window.from);
          expect(t.createdUtc).toBeLessThanOrEqual(event.window.to);
        }
      }),
    );

    it(
      'fetches whole threads: each comment once, parents resolved, depths consistent, purged text empty',
      withSetup(async ({ source, event, now, maxThreads }, ctx) => {
        const found = await source.findThreads(event, ctx);
        for (const t of found.threads.slice(0, maxThreads ?? 3)) {
          const fetched = await source.fetchThread(t.id, ctx);
          expect(fetched.thread.id).toBe(t.id);
          expect(fetched.thread.fetchedAt).toBe(now());
          expect(fetched.collected).toBe(fetched.comments.length);
          expect(fetched.expected).toBeGreaterThanOrEqual(0);
          const byId = new Map(fetched.comments.map((c) => [c.id, c]));
          expect(byId.size).toBe(fetched.comments.length);
          for (const c of fetched.comments) {
            expect(c.threadId).toBe(t.id);
            expect(c.fetchedAt).toBe(now());
            if (c.parentId === null) expect(c.depth).toBe(0);
            else {
              const parent = byId.get(c.parentId);
              expect(parent, `parent ${c.parentId} of ${c.id}`).toBeDefined();
              expect(c.depth).toBe(parent!.depth + 1);
            }
            if (c.status !== 'live') {
              expect(c.body).toBe('');
              expect(c.author).toBeNull();
            }
            expect(c.permalink).toMatch(/^https:\/\//);
          }
        }
      }),
    );

    it(
      'reports its requests in stats()',
      withSetup(async ({ source, event }, ctx) => {
        const before = source.stats();
        for (const n of [before.requests, before.rateLimited, before.waitMs]) expect(n).toBeGreaterThanOrEqual(0);
        const found = await source.findThreads(event, ctx);
        await source.fetchThread(found.threads[0]!.id, ctx);
        expect(source.stats().requests).toBeGreaterThan(before.requests);
      }),
    );

    it(
      're-checks statuses only for the ids asked, when it can, handing over each answer before it resolves',
      withSetup(async ({ source, event }, ctx) => {
        if (source.checkStatus === undefined) return;
        const found = await source.findThreads(event, ctx);
        const fetched = await source.fetchThread(found.threads[0]!.id, ctx);
        const ids = fetched.comments.slice(0, 150).map((c) => c.id);
        const answers = await collectAnswers<CheckedStatuses>(ids, (onAnswer) => source.checkStatus!(ids, ctx, onAnswer));
        for (const answer of answers) {
          for (const id of answer.texts?.keys() ?? []) expect(answer.statuses.get(id)).toBe('live');
        }
      }),
    );

    it(
      're-checks threads only for the ids asked, when it can, handing over each answer before it resolves',
      withSetup(async ({ source, event }, ctx) => {
        if (source.checkThreads === undefined) return;
        const found = await source.findThreads(event, ctx);
        const ids = found.threads.slice(0, 150).map((t) => t.id);
        await collectAnswers(ids, (onAnswer) => source.checkThreads!(ids, ctx, onAnswer));
      }),
    );

    it(
      'fails an unknown thread with a SourceError or SchemaError',
      withSetup(async ({ source, unknownThreadId }, ctx) => {
        if (unknownThreadId === undefined) return;
        const error = await source.fetchThread(unknownThreadId, ctx).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error instanceof SourceError || error instanceof SchemaError).toBe(true);
      }),
    );
  });
}

/**
 * Runs a re-check and returns the answers it handed over, checking what every re-check promises: at least one answer,
 * each before the promise settled (the caller stores each as it comes: one handed over later would be lost), each about
 * ids that were asked, with a known status.
 */
async function collectAnswers<A extends CheckedThreadStatuses>(
  ids: string[],
  check: (onAnswer: (answer: A) => void) => Promise<SkipRecord[]>,
): Promise<A[]> {
  const answers: A[] = [];
  let resolved = false;
  const failed = await check((answer) => {
    expect(resolved).toBe(false);
    answers.push(answer);
  });
  resolved = true;
  expect(Array.isArray(failed)).toBe(true);
  expect(answers.length).toBeGreaterThan(0);
  const asked = new Set(ids);
  for (const answer of answers) {
    expect(Array.isArray(answer.skipped)).toBe(true);
    for (const [id, status] of answer.statuses) {
      expect(asked.has(id)).toBe(true);
      expect(['live', 'deleted', 'removed']).toContain(status);
    }
  }
  return answers;
}
