import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEvent } from '../../src/collect/collect-event.js';
import { tagEvent } from '../../src/pipeline/tag-event.js';
import { loadReportInput } from '../helpers/load-report-input.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { loadEvent } from '../../src/events/load-events.js';
import { createFixtureSource } from '../../src/sources/fixture-source.js';
import { Store } from '../../src/store/store.js';
import { describeSourceContract } from './source-contract.js';

describeSourceContract('fixtures (amazon-openai-2025-12)', () => {
  const event = loadEvent('events', 'amazon-openai-2025-12');
  const now = event.window.to + 86_400;
  return {
    source: createFixtureSource('fixtures', event.id),
    event,
    now: () => now,
    unknownThreadId: 'zzzzzzz',
    maxThreads: 10,
  };
});

describe('fixture source: the deletion re-check', () => {
  const event = loadEvent('events', 'amazon-openai-2025-12');
  // Each test rewrites recorded answers, so each gets its own copy: none sees another's deletions or edits, whatever
  // the order, and a retried test starts again from the recorded answers.
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-fixtures-'));
    cpSync(join('fixtures', 'reddit', event.id), join(dir, 'reddit', event.id), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const DAY = 86_400;
  const t0 = event.window.to + 30 * DAY;

  /** Rewrite one recorded comment, wherever it is recorded, as Reddit shows it once its author deleted it. */
  function recordDeletion(commentId: string): void {
    recordChange(commentId, { body: '[deleted]', author: '[deleted]' });
  }

  /** Overlay fields on one recorded comment, wherever it is recorded (as Reddit shows it after a change). */
  function recordChange(commentId: string, fields: Record<string, unknown>): void {
    const eventDir = join(dir, 'reddit', event.id);
    const files = readdirSync(eventDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    let found = 0;
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node !== null && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record['kind'] === 't1' && (record['data'] as Record<string, unknown>)['id'] === commentId) {
          Object.assign(record['data'] as object, fields);
          found++;
        }
        Object.values(record).forEach(visit);
      }
    };
    for (const file of files) {
      const path = join(eventDir, file);
      const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
      const before = found;
      visit(json);
      if (found > before) writeFileSync(path, JSON.stringify(json));
    }
    expect(found).toBeGreaterThan(0);
  }

  it('refreshes status_checked_at of comments still live, and purges one recorded as deleted since, like the Reddit source', async () => {
    const store = Store.open(':memory:');
    await collectEvent(event, createFixtureSource(dir, event.id), store, { now: () => t0 });
    const [kept, victim] = store.listLiveCommentIds(event.id);
    expect(store.getComment(kept!)?.statusCheckedAt).toBe(t0);

    // Two days on: no thread is refetched (all complete and old), so only the re-check can confirm them.
    const later = await collectEvent(event, createFixtureSource(dir, event.id), store, { now: () => t0 + 2 * DAY });
    expect(later.threadsFetched).toBe(0);
    expect(later.commentsRechecked).toBe(store.countEvent(event.id).live);
    expect(store.getComment(kept!)?.statusCheckedAt).toBe(t0 + 2 * DAY);

    recordDeletion(victim!);
    const after = await collectEvent(event, createFixtureSource(dir, event.id), store, { now: () => t0 + 4 * DAY });
    expect(after.commentsPurged).toBe(1);
    expect(store.getComment(victim!)).toMatchObject({ status: 'deleted', body: '', author: null, statusCheckedAt: t0 + 4 * DAY });
    expect(store.getComment(kept!)?.statusCheckedAt).toBe(t0 + 4 * DAY);
    store.close();
  });

  it('takes the new text of a comment edited since (from the re-check answer), tags it again and stops offering the old words', async () => {
    const tagger = loadTagger();
    const store = Store.open(':memory:');
    await collectEvent(event, createFixtureSource(dir, event.id), store, { now: () => t0 });
    await tagEvent(store, event.id, tagger, t0);
    const feed = () => pickFeedQuotes(loadReportInput(store, event, tagger, { withAuthors: false }).input, { limit: 50 });
    const quoted = feed()[0]!;
    const before = store.getComment(quoted.commentId)!;
    expect(before.body).toContain(quoted.text.slice(0, 20).replace(/&/g, '&amp;'));
    // a correction made on the old text
    store.putLabel({ commentId: quoted.commentId, labels: { cynicism: true }, createdAt: t0 + 60, note: 'on the old text' });

    const editedAt = t0 + DAY;
    const withdrawn = 'EDIT: I no longer stand by this comment.';
    recordChange(quoted.commentId, { body: withdrawn, edited: editedAt });

    // two days on: no thread is refetched, so only the re-check (/api/info) sees the edit
    const later = await collectEvent(event, createFixtureSource(dir, event.id), store, { now: () => t0 + 2 * DAY });
    expect(later.threadsFetched).toBe(0);
    expect(later.commentsUpdated).toBe(1);
    expect(store.getComment(quoted.commentId)).toMatchObject({ status: 'live', body: withdrawn, editedUtc: editedAt, statusCheckedAt: t0 + 2 * DAY });

    // the tag stage tags it again (its old result was for the old text), and only it
    const tagged = await tagEvent(store, event.id, tagger, t0 + 2 * DAY);
    expect(tagged.tagged).toBe(1);
    expect(store.loadTags(event.id, tagger.version).has(quoted.commentId)).toBe(true);

    // the correction is kept, but flagged as made on the old text and no longer applied
    expect(store.listLabels()).toEqual([expect.objectContaining({ commentId: quoted.commentId, textChanged: true })]);
    expect(store.loadEventSnapshot(event.id, tagger.version).labels.has(quoted.commentId)).toBe(false);

    // the writers' feed no longer offers the withdrawn words
    const after = feed();
    expect(after.map((q) => q.text)).not.toContain(quoted.text);
    for (const q of after.filter((q) => q.commentId === quoted.commentId)) expect(withdrawn).toContain(q.text);
    store.close();
  });
});

describe('fixture source: files saved with a BOM', () => {
  it('reads recorded answers that start with a UTF-8 BOM as the same answers', async () => {
    const event = loadEvent('events', 'amazon-openai-2025-12');
    const dir = mkdtempSync(join(tmpdir(), 'rl-fixtures-bom-'));
    try {
      const eventDir = join(dir, 'reddit', event.id);
      cpSync(join('fixtures', 'reddit', event.id), eventDir, { recursive: true });
      for (const file of readdirSync(eventDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))) {
        writeFileSync(join(eventDir, file), `\uFEFF${readFileSync(join(eventDir, file), 'utf8')}`);
      }
      const now = () => event.window.to + 86_400;
      const plain = Store.open(':memory:');
      const withBom = Store.open(':memory:');
      const expected = await collectEvent(event, createFixtureSource('fixtures', event.id), plain, { now });
      const summary = await collectEvent(event, createFixtureSource(dir, event.id), withBom, { now });
      expect(summary.skipped).toEqual([]);
      expect(summary.commentsNew).toBe(expected.commentsNew);
      expect(withBom.countEvent(event.id)).toEqual(plain.countEvent(event.id));
      plain.close();
      withBom.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
