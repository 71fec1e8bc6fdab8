import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli.js';
import { collectEvent } from '../../src/collect/collect-event.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { loadTagger } from '../../src/tag/load-tagger.js';
import { makeComment, makeThread } from '../helpers/make-domain.js';
import { RECHECK_EVENT, recheckOnlySource } from '../helpers/recheck-only-source.js';
import { cli } from '../helpers/run-cli.js';
import { saveOneCommentStore } from '../helpers/save-one-comment-store.js';
import { useTempDirs } from '../helpers/use-temp-dirs.js';

const makeDir = useTempDirs('rl-label-');

function storeWithComment(): { dir: string; db: string } {
  const dir = makeDir();
  return { dir, db: saveOneCommentStore(dir) };
}

/** Opens the store at `db`, runs `f` on it and closes it again (the CLI needs the file closed between commands). */
function withStore<T>(db: string, f: (store: Store) => T): T {
  const store = Store.open(db);
  try {
    return f(store);
  } finally {
    store.close();
  }
}

describe('reactionlens label / labels export', () => {
  it.each([['{'], ['{"cynicism": "yes", "distrust": true}']])('replaces an unreadable earlier correction (%s), with a warning, instead of refusing', async (damaged) => {
    const { dir, db } = storeWithComment();
    expect((await cli(['label', 'c1', '--cynicism', '1', '--note', 'old', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    const store = Store.open(db);
    try {
      store.db.prepare('UPDATE labels SET labels = ? WHERE comment_id = ?').run(damaged, 'c1');
    } finally {
      store.close();
    }
    // every other reader names the store and the remedy
    const report = await cli(['labels', 'export', '--db', db], { cwd: dir });
    expect(report.code).toBe(EXIT.source);
    expect(report.stderr).toContain(`store error: the store at ${db}: the stored correction of comment c1 cannot be read`);
    expect(report.stderr).toContain('reactionlens label c1 ');

    const again = await cli(['label', 'c1', '--distrust', '0', '--db', db], { cwd: dir });
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(again.stderr).toMatch(/warning: the earlier correction of c1 could not be read and is replaced by this one/);
    expect(again.stderr).toMatch(/recorded c1: distrust=0\n/);
    const after = Store.open(db);
    try {
      expect(after.listLabels()).toEqual([expect.objectContaining({ commentId: 'c1', labels: { distrust: false }, note: null })]);
    } finally {
      after.close();
    }
  });

  it('records an override in the store and exports it as labeled JSONL', async () => {
    const { dir, db } = storeWithComment();
    const r = await cli(['label', 't1_c1', '--cynicism', '1', '--distrust', '0', '--note', 'mock summary', '--db', db], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/recorded c1: cynicism=1 distrust=0/);
    const store = Store.open(db);
    try {
      const labels = store.listLabels();
      expect(labels).toHaveLength(1);
      expect(labels[0]).toMatchObject({ commentId: 'c1', labels: { cynicism: true, distrust: false }, note: 'mock summary' });
    } finally {
      store.close();
    }

    const out = await cli(['labels', 'export', '--db', db, '--out', 'labels.jsonl'], { cwd: dir });
    expect(out.code).toBe(EXIT.ok);
    const lines = readFileSync(join(dir, 'labels.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(rec).toMatchObject({
      id: 'c1',
      text: 'Nvidia pays OpenAI to buy Nvidia chips. Genius.',
      labels: { cynicism: 1, distrust: 0 },
      // the tags no person decided are listed, and training and eval leave them out: the rest is no soft label
      ambiguous: false,
      // CV keeps one thread's comments on one side of a split
      group: makeThread().id,
      rationale: 'mock summary',
      source: 'reactionlens-label',
      tagsFromTagger: ['bubble_caution'],
      tagger: loadTagger().version,
    });
    expect([0, 1]).toContain((rec['labels'] as Record<string, number>)['bubble_caution']);

    const toStdout = await cli(['labels', 'export', '--db', db], { cwd: dir });
    expect(toStdout.stdout.trim()).toBe(lines[0]);
  });

  it('does not export a correction whose comment was removed on Reddit after it was made (its text is purged)', async () => {
    const { dir, db } = storeWithComment();
    const save = (status: 'live' | 'removed'): void => {
      const store = Store.open(db);
      try {
        store.saveItems(null, { threads: [], comments: [makeComment({ id: 'gone', body: status === 'live' ? 'Sure, totally sustainable.' : '', status, author: status === 'live' ? 'someone' : null })] });
      } finally {
        store.close();
      }
    };
    save('live');
    expect((await cli(['label', 'gone', '--cynicism', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    save('removed');
    expect((await cli(['label', 'c1', '--cynicism', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    const out = await cli(['labels', 'export', '--db', db], { cwd: dir });
    expect(out.code).toBe(EXIT.ok);
    const ids = out.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['c1']);
    expect(out.stderr).toMatch(/gone was removed on Reddit; its text is purged, skipped/);
  });

  it.each([
    ['a refetch shows it removed', (store: Store) => store.saveItems(null, { threads: [], comments: [makeComment({ id: 'gone', body: '', status: 'removed', author: null })] })],
    ['the re-check finds it deleted', (store: Store) => store.purgeComments([{ id: 'gone', status: 'deleted' }], 1_766_100_000)],
  ] as const)("drops the note of a correction once %s: the reviewer's words may quote it; the tags stay, never exported", async (_how, purge) => {
    const { dir, db } = storeWithComment();
    const seed = Store.open(db);
    try {
      seed.saveItems(null, { threads: [], comments: [makeComment({ id: 'gone', body: 'Cooking your books and calling it a triple win.' })] });
    } finally {
      seed.close();
    }
    const note = '"cooking your books" is sarcasm here';
    expect((await cli(['label', 'gone', '--cynicism', '1', '--note', note, '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    const store = Store.open(db);
    try {
      purge(store);
      expect(store.listLabels()).toEqual([expect.objectContaining({ commentId: 'gone', labels: { cynicism: true }, note: null })]);
    } finally {
      store.close();
    }
    const out = await cli(['labels', 'export', '--db', db], { cwd: dir });
    expect(out.code).toBe(EXIT.ok);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/comment gone was (removed|deleted) on Reddit; its text is purged, skipped/);
  });

  it('drops the note of a correction recorded with --force when the comment is first collected already deleted', async () => {
    const { dir, db } = storeWithComment();
    expect((await cli(['label', 'later', '--distrust', '1', '--note', 'quotes "pumped up"', '--force', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    const store = Store.open(db);
    try {
      store.saveItems(null, { threads: [], comments: [makeComment({ id: 'later', body: '', status: 'deleted', author: null })] });
      expect(store.listLabels()).toEqual([expect.objectContaining({ commentId: 'later', labels: { distrust: true }, note: null })]);
    } finally {
      store.close();
    }
  });

  it('pins a correction recorded with --force to the text first collected, so a later edit sets it aside', async () => {
    const { dir, db } = storeWithComment();
    expect((await cli(['label', 'later', '--cynicism', '1', '--force', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    withStore(db, (store) => store.saveItems(null, { threads: [], comments: [makeComment({ id: 'later', body: 'Sure, totally sustainable.' })] }));
    withStore(db, (store) => expect(store.listLabels().find((l) => l.commentId === 'later')).not.toHaveProperty('textChanged'));
    expect(JSON.parse((await cli(['labels', 'export', '--db', db], { cwd: dir })).stdout)).toMatchObject({ id: 'later', text: 'Sure, totally sustainable.' });
    // the author edits it: the correction is about words that are gone
    withStore(db, (store) => store.applyCheckedTexts([{ id: 'later', body: 'I was wrong, the demand is real.', editedUtc: 1_766_100_000 }]));
    withStore(db, (store) => {
      expect(store.listLabels().find((l) => l.commentId === 'later')).toMatchObject({ textChanged: true });
      expect(store.loadEventSnapshot('any', 'v').labels.has('later')).toBe(false);
    });
    const exported = await cli(['labels', 'export', '--db', db], { cwd: dir });
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toMatch(/comment later was edited on Reddit after its correction/);
  });

  const ARCHIVED = 'Nvidia pays OpenAI to buy Nvidia.';
  const holdArchiveCopy = (store: Store): void => {
    store.saveItems('ev', { threads: [makeThread({ id: 'th1' })], comments: [makeComment({ id: 'later', body: ARCHIVED })] }, { holdUnconfirmed: true, confirmsLive: false });
  };

  /** The run's re-check confirms the held copy with `redditText`: the correction applies to it, and a later edit sets it aside. */
  async function confirmHeldCopy(db: string, redditText: string): Promise<void> {
    const store = Store.open(db);
    try {
      const source = recheckOnlySource((ids) => ({
        statuses: new Map(ids.map((id) => [id, 'live' as const])),
        texts: new Map([['later', { body: redditText, editedUtc: redditText === ARCHIVED ? null : 1_766_000_500 }]]),
        skipped: [],
      }));
      await collectEvent(RECHECK_EVENT, source, store, { now: () => 1_766_200_000 });
      expect(store.listUnconfirmedComments().has('later')).toBe(false);
      expect(store.getComment('later')?.body).toBe(redditText);
      expect(store.listLabels().find((l) => l.commentId === 'later')).not.toHaveProperty('textChanged');
      expect(store.loadEventSnapshot('ev', 'v').labels.get('later')?.labels).toEqual({ distrust: true });
      // and an edit after that sets it aside, as for any correction
      store.applyCheckedTexts([{ id: 'later', body: 'I was wrong, the demand is real.', editedUtc: 1_766_300_000 }]);
      expect(store.listLabels().find((l) => l.commentId === 'later')).toMatchObject({ textChanged: true });
    } finally {
      store.close();
    }
  }

  it("pins a --force correction whose comment first comes as an archive copy held for a re-check to the text Reddit confirms, not the archive's", async () => {
    const { dir, db } = storeWithComment();
    expect((await cli(['label', 'later', '--distrust', '1', '--force', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    // the archive kept the words as it first archived them; the reviewer judged the comment as Reddit shows it
    withStore(db, holdArchiveCopy);
    await confirmHeldCopy(db, `${ARCHIVED} Cooking the books, in plain sight.`);
  });

  // A plain `label` of a comment the store holds only as an archive copy held for its re-check pinned the correction to
  // the archive's words, which the archive keeps as it first archived them: when the re-check confirmed the comment with
  // the words Reddit shows (edited since), the correction was set aside as made on an earlier text, though the
  // reviewer judged the comment as Reddit shows it. It now waits for Reddit's text, as one given with --force does.
  it.each([
    ['edited since it was archived', `${ARCHIVED} Cooking the books, in plain sight.`],
    ['unchanged', ARCHIVED],
  ])("pins a correction of an archive copy held for a re-check to the text Reddit confirms, not the archive's (Reddit's text %s)", async (_how, redditText) => {
    const { dir, db } = storeWithComment();
    withStore(db, holdArchiveCopy);
    const labelled = await cli(['label', 'later', '--distrust', '1', '--db', db], { cwd: dir });
    expect(labelled.code, labelled.stderr).toBe(EXIT.ok);
    // applied meanwhile, as the --force one is
    withStore(db, (store) => expect(store.loadEventSnapshot('ev', 'v').labels.has('later')).toBe(true));
    await confirmHeldCopy(db, redditText);
  });

  it("a new label of a held archive copy unpins its correction from the archive's words, where a reactionlens before this pinned it", async () => {
    const { dir, db } = storeWithComment();
    withStore(db, (store) => {
      holdArchiveCopy(store);
      store.putLabel({ commentId: 'later', labels: { distrust: true }, createdAt: 1, note: 'circular' });
      // as the earlier code left it: pinned to the archive's words
      store.db.prepare("UPDATE labels SET body_hash = (SELECT body_hash FROM comments WHERE id = 'later')").run();
    });
    expect((await cli(['label', 'later', '--cynicism', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    withStore(db, (store) => {
      // merged (the same text), and waiting for Reddit's
      expect(store.listLabels().find((l) => l.commentId === 'later')).toMatchObject({ labels: { distrust: true, cynicism: true }, note: 'circular' });
      store.db.transaction(() => {
        store.applyCheckedTexts([{ id: 'later', body: `${ARCHIVED} Edited before the reviewer read it.`, editedUtc: 1_766_000_500 }]);
        store.removeUnconfirmedComments(['later']);
      })();
      expect(store.listLabels().find((l) => l.commentId === 'later')).not.toHaveProperty('textChanged');
    });
  });

  it('pins a correction at once when the held comment is one Reddit confirmed before (its stored text is Reddit\'s)', async () => {
    const { dir, db } = storeWithComment();
    // c1 was fetched from Reddit; a later archive backfill holds it again for a re-check
    withStore(db, (store) => store.addUnconfirmedComments(['c1'], 1_766_000_000));
    expect((await cli(['label', 'c1', '--distrust', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    withStore(db, (store) => {
      expect(store.db.prepare("SELECT body_hash FROM labels WHERE comment_id = 'c1'").pluck().get()).not.toBeNull();
      store.applyCheckedTexts([{ id: 'c1', body: 'Edited after the reviewer read it.', editedUtc: 1_766_100_000 }]);
      expect(store.listLabels().find((l) => l.commentId === 'c1')).toMatchObject({ textChanged: true });
    });
  });

  it('a correction given while the store holds its comment without text is pinned to the first text that comes, not to the empty one', async () => {
    const { dir, db } = storeWithComment();
    expect((await cli(['label', 'later', '--distrust', '1', '--force', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    // it comes with no text yet: nothing to pin to
    withStore(db, (store) => store.saveItems(null, { threads: [], comments: [makeComment({ id: 'later', body: '' })] }));
    // the reviewer adds a tag: the comment is in the store now, still with no text
    expect((await cli(['label', 'later', '--cynicism', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    withStore(db, (store) => store.applyCheckedTexts([{ id: 'later', body: 'Cooking the books with extra steps.', editedUtc: 1_766_100_000 }]));
    withStore(db, (store) => expect(store.listLabels().find((l) => l.commentId === 'later')).not.toHaveProperty('textChanged'));
    expect(JSON.parse((await cli(['labels', 'export', '--db', db], { cwd: dir })).stdout)).toMatchObject({ id: 'later', text: 'Cooking the books with extra steps.' });
  });

  /** As a reactionlens before pinning left a store: no text hash on any correction, schema one migration back. */
  const unpinAsBeforeMigration = (db: string): void => {
    const raw = new Database(db);
    raw.prepare('UPDATE labels SET body_hash = NULL').run();
    raw.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    raw.close();
  };

  it('the store upgrade pins a --force correction whose comment was collected since to the text it has', () => {
    const { db } = storeWithComment();
    const store = Store.open(db);
    store.putLabel({ commentId: 'later', labels: { distrust: true }, createdAt: 1, note: null });
    store.saveItems(null, { threads: [], comments: [makeComment({ id: 'later', body: 'Round-tripping, full stop.' })] });
    store.close();
    unpinAsBeforeMigration(db);
    const upgraded = Store.open(db);
    try {
      upgraded.applyCheckedTexts([{ id: 'later', body: 'Edited away.', editedUtc: 1_766_100_000 }]);
      expect(upgraded.listLabels().find((l) => l.commentId === 'later')).toMatchObject({ textChanged: true });
    } finally {
      upgraded.close();
    }
  });

  it('the store upgrade leaves a --force correction whose comment is an archive copy held for a re-check unpinned, and the re-check that confirms it pins it', () => {
    const { db } = storeWithComment();
    const store = Store.open(db);
    store.putLabel({ commentId: 'later', labels: { distrust: true }, createdAt: 1, note: null });
    store.saveItems(null, { threads: [], comments: [makeComment({ id: 'later', body: 'Round-tripping, full stop.' })] }, { holdUnconfirmed: true, confirmsLive: false });
    store.close();
    unpinAsBeforeMigration(db);
    const upgraded = Store.open(db);
    try {
      expect(upgraded.db.prepare("SELECT body_hash FROM labels WHERE comment_id = 'later'").pluck().get()).toBeNull();
      // the re-check's answer: Reddit shows the words edited since the archive took them, and confirms the comment
      upgraded.db.transaction(() => {
        upgraded.applyCheckedTexts([{ id: 'later', body: 'Round-tripping, full stop. Look at the receivables.', editedUtc: 1_766_100_000 }]);
        upgraded.removeUnconfirmedComments(['later']);
      })();
      expect(upgraded.listLabels().find((l) => l.commentId === 'later')).not.toHaveProperty('textChanged');
      upgraded.applyCheckedTexts([{ id: 'later', body: 'Edited away.', editedUtc: 1_766_200_000 }]);
      expect(upgraded.listLabels().find((l) => l.commentId === 'later')).toMatchObject({ textChanged: true });
    } finally {
      upgraded.close();
    }
  });

  it.each([
    ['deleted', 'deleted by its author'],
    ['removed', 'removed by moderators'],
  ] as const)('refuses at once a correction of a comment %s on Reddit, saying why, and records nothing, even with --force', async (status, how) => {
    const { dir, db } = storeWithComment();
    const store = Store.open(db);
    try {
      store.saveItems(null, { threads: [], comments: [makeComment({ id: 'gone', body: '', status, author: null })] });
    } finally {
      store.close();
    }
    for (const force of [[], ['--force']]) {
      const r = await cli(['label', 't1_gone', '--cynicism', '1', ...force, '--db', db], { cwd: dir });
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toContain(`label: comment gone was ${how} on Reddit: its text is purged from the store and it is never counted or quoted, so a correction would never be applied or exported; nothing recorded`);
      expect(r.stderr).not.toMatch(/recorded gone/);
    }
    const after = Store.open(db);
    try {
      expect(after.listLabels()).toEqual([]);
    } finally {
      after.close();
    }
  });

  it('exports what it can and exits 0 when a correction refers to a comment not in the store, naming it on stderr', async () => {
    const { dir, db } = storeWithComment();
    const forced = await cli(['label', 'zzz', '--cynicism', '1', '--force', '--db', db], { cwd: dir });
    expect(forced.code).toBe(EXIT.ok);
    // recorded, with a word that it applies only once the comment is collected
    expect(forced.stderr).toMatch(/warning: comment zzz is not in the store; the correction is recorded \(--force\) and applies once the comment is collected/);
    expect(forced.stderr).toMatch(/recorded zzz: cynicism=1/);
    expect((await cli(['label', 'c1', '--distrust', '1', '--db', db], { cwd: dir })).code).toBe(EXIT.ok);
    const out = await cli(['labels', 'export', '--db', db], { cwd: dir });
    expect(out.code).toBe(EXIT.ok);
    const ids = out.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['c1']);
    expect(out.stderr).toMatch(/comment zzz is not in the store; skipped/);
    expect(out.stderr).not.toMatch(/partial/);
    const toFile = await cli(['labels', 'export', '--db', db, '--out', 'labels.jsonl'], { cwd: dir });
    expect(toFile.code).toBe(EXIT.ok);
    expect(toFile.stderr).toMatch(/wrote 1 labeled item\(s\)/);
  });

  it('merges a new correction into the earlier one: tags given again override, others and the note are kept', async () => {
    const { dir, db } = storeWithComment();
    const run = async (args: string[]) => {
      const r = await cli(['label', 'c1', ...args, '--db', db], { cwd: dir });
      expect(r.code, r.stderr).toBe(EXIT.ok);
      return r;
    };
    const stored = () => {
      const store = Store.open(db);
      try {
        return store.listLabels();
      } finally {
        store.close();
      }
    };
    await run(['--cynicism', '1', '--distrust', '0', '--bubble-caution', '0', '--note', 'mocks the deal']);
    const second = await run(['--cynicism', '1']);
    expect(second.stderr).toMatch(/recorded c1: cynicism=1 distrust=0 bubble_caution=0/);
    expect(stored()).toMatchObject([{ commentId: 'c1', labels: { cynicism: true, distrust: false, bubble_caution: false }, note: 'mocks the deal' }]);
    // the export needs nothing from the tagger, so the item is not ambiguous
    const exported = JSON.parse((await cli(['labels', 'export', '--db', db], { cwd: dir })).stdout) as Record<string, unknown>;
    expect(exported).toMatchObject({ labels: { cynicism: 1, distrust: 0, bubble_caution: 0 }, ambiguous: false, rationale: 'mocks the deal' });
    expect(exported).not.toHaveProperty('tagsFromTagger');

    await run(['--distrust', '1', '--note', 'second look']);
    expect(stored()).toMatchObject([{ labels: { cynicism: true, distrust: true, bubble_caution: false }, note: 'second look' }]);
  });

  it('keeps a correction of a comment edited since, flagged and not applied or exported; a new label replaces it', async () => {
    const { dir, db } = storeWithComment();
    const first = await cli(['label', 'c1', '--cynicism', '1', '--distrust', '1', '--note', 'on the old text', '--db', db], { cwd: dir });
    expect(first.code, first.stderr).toBe(EXIT.ok);
    // the nightly re-check finds the author edited it
    withStore(db, (store) => store.applyCheckedTexts([{ id: 'c1', body: 'EDIT: I no longer stand by this comment.', editedUtc: 1_766_100_000 }]));
    withStore(db, (store) => {
      expect(store.listLabels()).toEqual([
        { commentId: 'c1', labels: { cynicism: true, distrust: true }, createdAt: expect.any(Number), note: 'on the old text', textChanged: true },
      ]);
      // reports and quotes use the tagger's result on the new text, not the correction of the old one
      expect(store.loadEventSnapshot('any', 'v').labels.size).toBe(0);
    });

    const exported = await cli(['labels', 'export', '--db', db], { cwd: dir });
    expect(exported.code).toBe(EXIT.ok);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toMatch(/comment c1 was edited on Reddit after its correction/);

    // a correction of the new text replaces the old one instead of merging into it
    const again = await cli(['label', 'c1', '--bubble-caution', '0', '--db', db], { cwd: dir });
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(again.stderr).toMatch(/that correction is replaced/);
    expect(again.stderr).toMatch(/recorded c1: bubble_caution=0$/m);
    withStore(db, (store) => expect(store.listLabels()).toEqual([{ commentId: 'c1', labels: { bubble_caution: false }, createdAt: expect.any(Number), note: null }]));
    const now = JSON.parse((await cli(['labels', 'export', '--db', db], { cwd: dir })).stdout) as Record<string, unknown>;
    expect(now).toMatchObject({ id: 'c1', text: 'EDIT: I no longer stand by this comment.', labels: { bubble_caution: 0 } });
  });

  it('refuses an unknown comment without --force, and needs at least one tag', async () => {
    const { dir, db } = storeWithComment();
    const unknown = await cli(['label', 'zzz', '--cynicism', '1', '--db', db], { cwd: dir });
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toMatch(/not in the store/);
    const none = await cli(['label', 'c1', '--db', db], { cwd: dir });
    expect(none.code).toBe(EXIT.usage);
    const bad = await cli(['label', 'c1', '--cynicism', 'maybe', '--db', db], { cwd: dir });
    expect(bad.code).toBe(EXIT.usage);
  });
});
