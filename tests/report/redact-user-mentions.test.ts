import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubReportFolder } from '../../src/report/scrub-report-folder.js';
import { writeReport } from '../../src/report/write-report.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportInput } from '../../src/report/build-report.js';
import { compareReports } from '../../src/report/compare-reports.js';
import { pickFeedQuotes } from '../../src/report/pick-feed-quotes.js';
import type { ReportQuote } from '../../src/report/pick-quotes.js';
import { redactUserMentions } from '../../src/report/redact-user-mentions.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { toFeedRecord } from '../../src/report/to-feed-record.js';
import { isShownExcerpt } from '../helpers/is-shown-excerpt.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';
import { renderEveryFormat } from '../helpers/render-every-format.js';

describe('redactUserMentions', () => {
  it.each([
    ['ask u/lucid_vulture_8789 about it', 'ask u/[user] about it'],
    ['as /u/spez said, and U/Some-One.', 'as /u/[user] said, and U/[user].'],
    ['see /user/spez, or https://www.reddit.com/user/spez/ and old.reddit.com/u/spez', 'see /user/[user], or https://www.reddit.com/user/[user]/ and old.reddit.com/u/[user]'],
    // the rich-text editor escapes underscores in the stored Markdown
    ['u/lucid\\_vulture\\_8789 nailed it', 'u/[user] nailed it'],
    ['@nixCraft\n\nMulti billion dollar game', '@[user]\n\nMulti billion dollar game'],
    ['@pseudonym @nixCraft I would just look', '@[user] @[user] I would just look'],
    ["(@ana) and **@ana**'s point", "(@[user]) and **@[user]**'s point"],
    ['as @user@mastodon.social and @name.bsky.social said.', 'as @[user] and @[user] said.'],
    ['https://mastodon.social/@Gargron', 'https://mastodon.social/@[user]'],
    // Markdown emphasis with underscores: the mention inside it is still one (the name swallows a closing `_`)
    ['_u/ItalicUser_ called it, as did __@HandleGuy__ and _/u/other_.', '_u/[user] called it, as did __@[user] and _/u/[user].'],
  ])('redacts the name in %j', (text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
  });

  it.each([
    ['subreddits', 'r/stocks and /r/wallstreetbets agree'],
    ['e-mail addresses', 'write to ir@example.com or john.doe@example.co.uk'],
    ['prices, multipliers and times', 'bought @ $5, sold @3x, @150 and @ 3x, call @10am'],
    ['a slash between words', 'the user/customer split, w/u'],
    ['a /u/ path outside reddit.com', 'https://example.com/u/abc and example.com/user/x'],
    ['a bare prefix', 'u/ and @ alone'],
    ['a prefix glued to a word by an underscore', 'foo_u/bar, snake_@case and x_/user/y'],
  ])('keeps %s', (_name, text) => {
    expect(redactUserMentions(text)).toBe(text);
  });

  it('takes linear time on long runs of name characters (it runs on every quote shown)', () => {
    const t0 = performance.now();
    for (const text of [`@${'a.'.repeat(50_000)}`, `@a${'@a'.repeat(50_000)}`, `u/${'a'.repeat(100_000)}!`, '/u/'.repeat(30_000), `@${'a\\'.repeat(50_000)}`]) redactUserMentions(text);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

/** The fixture plus comments that mention other users, scored high enough to be the report's highlights. */
function buildMentionInput(withAuthors: boolean): ReportInput {
  const input = buildFixtureInput({ options: { withAuthors, maxQuotes: 6 } });
  // a thread each: no thread gives more than 40 % of the picks while others have quotes left
  const threadOf = (id: string): ReturnType<typeof makeThread> => {
    const thread = makeThread(`t-${id}`, 'stocks', 'Mentions thread');
    input.threads.push(thread);
    return thread;
  };
  const bodies = {
    m1: '@nixCraft\n\nMulti billion dollar game of "hot potato" with circular financing. Who is holding the debt when the music stops?',
    m2: 'Ask u/lucid\\_vulture\\_8789 and /u/bag_holder about the circular financing, they &amp; their friends called it.',
    m3: '@pseudonym @sraars@mastodon.social circular financing, folks; mail ir@example.com and buy @ $5.',
  };
  Object.entries(bodies).forEach(([id, body], i) => {
    const comment = makeComment(id, threadOf(id), body, { score: 9000 + i, author: `mentioner${i}` });
    input.screened.push({ comment, excluded: null });
    input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
  });
  // a cue phrase holding a name: the gloss and the cue list cite it
  const cited = makeComment('m4', threadOf('m4'), 'Thanks u/bag_holder for the circular financing tip, very sustainable.', { score: 9500, author: 'mentioner9' });
  input.screened.push({ comment: cited, excluded: null });
  input.tags.set(cited.id, makeTags(cited, { distrust: { score: 0.99, cues: ['thanks u/bag_holder'] } }));
  return input;
}

const NAMES = ['nixCraft', 'lucid', 'vulture', 'bag_holder', 'pseudonym', 'sraars', 'mastodon.social'];
const allQuotes = (report: ReturnType<typeof buildReport>): ReportQuote[] => [...report.quotes.highlights, ...Object.values(report.quotes.byTag).flat()];

describe('quotes that mention other users', () => {
  const input = buildMentionInput(false);
  const report = buildReport(input);
  const feed = pickFeedQuotes(input, { limit: 50 });
  const bodies = new Map(input.screened.map((s) => [s.comment.id, s.comment.body]));
  const mentioning = [...allQuotes(report), ...feed].filter((q) => q.commentId.startsWith('m'));

  it('are quoted (so the redaction is exercised) in the highlights and the feed', () => {
    expect(report.quotes.highlights.map((q) => q.commentId)).toEqual(expect.arrayContaining(['m1', 'm2', 'm3', 'm4']));
    expect(feed.map((q) => q.commentId)).toEqual(expect.arrayContaining(['m1', 'm2', 'm3', 'm4']));
  });

  it('show no mentioned name without --with-authors, in any format: the report, the feed, glosses and cue phrases', () => {
    const outputs = renderEveryFormat(report, feed);
    for (const [format, out] of Object.entries(outputs)) {
      for (const name of NAMES) expect(out, `${format} shows ${name}`).not.toContain(name);
      expect(out, format).toMatch(/@(?:\\?\[)user/);
    }
    // Markdown escapes the brackets; it reads u/[user] once rendered
    expect(outputs.md).toContain('u/\\[user\\] and /u/\\[user\\] about the circular financing');
    expect(outputs.html).toContain('u/[user] and /u/[user] about the circular financing, they &amp; their friends');
  });

  it('say what was redacted and nothing else: the mention prefix, e-mail addresses and prices stay', () => {
    const texts = new Map(mentioning.map((q) => [q.commentId, q.text]));
    // its first line only addresses nixCraft: not quoted at all (leading-mention-line.test.ts)
    expect(texts.get('m1')).toBe('… Multi billion dollar game of "hot potato" with circular financing. Who is holding the debt when the music stops?');
    expect(texts.get('m2')).toBe('Ask u/[user] and /u/[user] about the circular financing, they & their friends called it.');
    expect(texts.get('m3')).toBe('@[user] @[user] circular financing, folks; mail ir@example.com and buy @ $5.');
    const cited = mentioning.find((q) => q.commentId === 'm4')!;
    expect(cited.gloss).toBe('distrusts the people behind it: “thanks u/[user]”');
    expect(cited.cuePhrases).toEqual(['Thanks u/[user]']);
    expect(report.topCues.distrust.map((c) => c.phrase)).toContain('thanks u/[user]');
  });

  it('stay honest quotes: the stored excerpt with only the names replaced, under the same id, offsets and permalink', () => {
    const named = buildReport(buildMentionInput(true));
    const namedById = new Map(allQuotes(named).map((q) => [`${q.primaryTag}:${q.id}`, q]));
    for (const q of mentioning) {
      const body = bodies.get(q.commentId)!;
      expect(isShownExcerpt(body.slice(q.excerpt.start, q.excerpt.end), q.text), q.text).toBe(true);
      expect(q.id).toBe(`${q.commentId}:${q.excerpt.start}-${q.excerpt.end}`);
      expect(q.permalink).toContain(`/${q.commentId}/`);
    }
    for (const q of allQuotes(report).filter((x) => x.commentId.startsWith('m'))) {
      const same = namedById.get(`${q.primaryTag}:${q.id}`);
      expect(same, q.id).toBeDefined();
      expect(same!.excerpt).toEqual(q.excerpt);
      expect(same!.permalink).toBe(q.permalink);
    }
  });

  it('keep the names with --with-authors, the opt-in that shows usernames', () => {
    const named = buildMentionInput(true);
    const out = [renderMarkdown(buildReport(named)), JSON.stringify(pickFeedQuotes(named, { limit: 50 }).map(toFeedRecord))].join('\n');
    // not nixCraft: m1's address line is never quoted
    for (const name of ['lucid\\\\_vulture', 'bag_holder', 'pseudonym', 'sraars@mastodon.social']) expect(out).toContain(name);
    expect(out).not.toContain('[user]');
  });

  it('the honesty check itself refuses any other difference', () => {
    expect(isShownExcerpt('@nixCraft said so', '@[user] said so')).toBe(true);
    expect(isShownExcerpt('AT&amp;T said so', 'AT&T said so')).toBe(true);
    expect(isShownExcerpt('nixCraft said so', '[user] said so')).toBe(false);
    expect(isShownExcerpt('@nixCraft said so', '@[user] says so')).toBe(false);
    expect(isShownExcerpt('@nix Craft said so', '@[user] said so')).toBe(false);
  });
});

describe('mentions with an invisible character inside them', () => {
  // Redditors write "u/\u200Bname" so the user is not notified; the renderers drop the zero-width space, so a
  // mention missed for it would be published as a plain, readable "u/name"
  it.each([
    ['u/\u200Bbag_holder called it', 'u/\u200B[user] called it'],
    ['u\u200B/bag_holder called it', 'u\u200B/[user] called it'],
    ['ask /u/\u2060bag_holder', 'ask /u/\u2060[user]'],
    ['ask @\uFEFFnixCraft', 'ask @\uFEFF[user]'],
    ['u/bag\u00ADholder (a soft hyphen the browser hides)', 'u/[user] (a soft hyphen the browser hides)'],
    ['u/\u200Dbag_holder and u/\u202Ebag_holder', 'u/\u200D[user] and u/\u202E[user]'],
  ])('redacts the name in %j', (text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
  });

  it('keeps what is no mention once the invisible character is out of sight, and every character around a mention', () => {
    for (const text of ['r/\u200Bstocks', 'a\u200Bu/word', 'ir\u200B@example.com', '💀\u200D🔥 and 👨\u200D👩']) expect(redactUserMentions(text)).toBe(text);
    expect(redactUserMentions('💀\u200D🔥 u/\u200Bbag_holder 👨\u200D👩')).toBe('💀\u200D🔥 u/\u200B[user] 👨\u200D👩');
  });

  it('show no name in any format of the report or the feed', () => {
    const input = buildFixtureInput({ options: { withAuthors: false, maxQuotes: 6 } });
    const thread = makeThread('t-zw', 'stocks', 'Zero-width thread');
    input.threads.push(thread);
    const comment = makeComment('zw1', thread, 'Thanks u/\u200BSecretHolder\u200B and @\u200BHiddenHandle for the circular financing tip, very sustainable.', { score: 9900, author: 'zwposter' });
    input.screened.push({ comment, excluded: null });
    input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
    const report = buildReport(input);
    const feed = pickFeedQuotes(input, { limit: 50 });
    expect(report.quotes.highlights.map((q) => q.commentId)).toContain('zw1');
    for (const [format, out] of Object.entries(renderEveryFormat(report, feed))) {
      expect(out, format).toContain('circular financing tip');
      expect(out, `${format} shows a name`).not.toMatch(/SecretHolder|HiddenHandle/);
    }
  });
});

describe('thread titles that mention users', () => {
  /** Every thread of the fixture titled after a user, as a post "u/name posts his position" is. */
  function buildTitledInput(withAuthors: boolean): ReportInput {
    const input = buildMentionInput(withAuthors);
    input.threads = input.threads.map((t, i) => ({ ...t, title: `u/DeepValue_99 posts ${i} position, cc @TitleHandle &amp; co` }));
    // and their links carry the slug Reddit makes from such a title, which spells the names in lower case
    const slugOf = new Map(input.threads.map((t) => [t.id, t.title.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 50)]));
    const base36 = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]/g, '');
    const link = (threadId: string, commentId?: string): string =>
      `https://www.reddit.com/r/stocks/comments/${base36(threadId)}/${slugOf.get(threadId) ?? '_'}/${commentId === undefined ? '' : `${base36(commentId)}/`}`;
    input.threads = input.threads.map((t) => ({ ...t, permalink: link(t.id) }));
    input.screened = input.screened.map((s) => ({ ...s, comment: { ...s.comment, permalink: link(s.comment.threadId, s.comment.id) } }));
    return input;
  }

  it('show no mentioned name without --with-authors: thread list, quote attributions, feed and comparison, in every format', () => {
    const input = buildTitledInput(false);
    const report = buildReport(input);
    const feed = pickFeedQuotes(input, { limit: 50 });
    const comparison = compareReports([report, buildReport(buildTitledInput(false))]);
    // the titles are shown (so the redaction is exercised), with only the names replaced
    expect(report.threads[0]?.title).toMatch(/^u\/\[user\] posts \d+ position, cc @\[user\] & co$/);
    expect(allQuotes(report).every((q) => /^u\/\[user\] posts \d+ position, cc @\[user\] & co$/.test(q.threadTitle))).toBe(true);
    const outputs = renderEveryFormat(report, feed, { comparison });
    for (const [format, out] of Object.entries(outputs)) {
      // the comparison's Markdown attributes its quotes without the thread's title
      if (format !== 'compareMd') expect(out, format).toMatch(/posts \d+ position/);
      expect(out, `${format} shows a name from a title`).not.toMatch(/DeepValue|TitleHandle/i);
    }
    // the links lose the slug, and still open the thread and the comment
    expect(report.threads[0]?.permalink).toMatch(/\/comments\/[a-z0-9]+\/$/);
    expect(feed[0]?.permalink).toMatch(/\/comments\/[a-z0-9]+\/_\/[a-z0-9]+\/?$/);
  });

  it('keep the names with --with-authors', () => {
    const input = buildTitledInput(true);
    const report = buildReport(input);
    expect(report.threads[0]?.title).toMatch(/^u\/DeepValue_99 posts \d+ position, cc @TitleHandle & co$/);
    expect(pickFeedQuotes(input, { limit: 50 })[0]?.threadTitle).toContain('u/DeepValue_99');
    expect(pickFeedQuotes(input, { limit: 50 })[0]?.permalink).toContain('/u_deepvalue_99_posts_');
  });
});

describe("posts on a user's profile (subreddit u_<name>)", () => {
  /** The mention fixture with every thread posted on DeepValue_99's profile, as a site-wide search, the archive or a dump finds them. */
  function buildProfileInput(withAuthors: boolean): ReportInput {
    const input = buildMentionInput(withAuthors);
    const onProfile = (link: string): string => link.replace('/r/stocks/', '/r/u_DeepValue_99/');
    input.threads = input.threads.map((t) => ({ ...t, subreddit: 'u_DeepValue_99', permalink: onProfile(t.permalink) }));
    input.screened = input.screened.map((s) => ({ ...s, comment: { ...s.comment, permalink: onProfile(s.comment.permalink) } }));
    // and a quote that names another user's profile the same way
    const thread = input.threads.find((t) => t.id === 't-m1')!;
    const comment = makeComment('m5', thread, 'Same circular financing as r/u_OtherPoster warned about, see reddit.com/r/u_OtherPoster/comments/1abc/x/ too.', { score: 9800, author: 'mentioner8' });
    input.screened.push({ comment: { ...comment, permalink: onProfile(comment.permalink) }, excluded: null });
    input.tags.set(comment.id, makeTags(comment, { bubble_caution: { score: 0.99, cues: ['circular financing'] } }));
    return input;
  }

  it("name neither the poster nor a mentioned profile without --with-authors: attributions, subreddit rows, thread list and links, in every format", () => {
    const input = buildProfileInput(false);
    const report = buildReport(input);
    const feed = pickFeedQuotes(input, { limit: 50 });
    const comparison = compareReports([report, buildReport(buildProfileInput(false))]);
    expect(allQuotes(report).map((q) => q.commentId)).toEqual(expect.arrayContaining(['m1', 'm5']));
    expect(report.quotes.highlights[0]).toMatchObject({ subreddit: 'u_[user]', attribution: 'Reddit, r/u_[user]' });
    expect(report.subreddits.map((s) => s.subreddit)).toContain('u_[user]');
    expect(report.threads.map((t) => t.subreddit)).toContain('u_[user]');
    // the link still opens the comment: Reddit serves /comments/<thread>/… without the subreddit
    expect(feed.find((q) => q.commentId === 'm1')?.permalink).toMatch(/^https:\/\/www\.reddit\.com\/comments\/[a-z0-9-]+\/slug\/m1\/$/);
    // a profile named in the words reads r/u_[user]; a link to a post on it loses the profile part, as the permalinks do
    expect(feed.find((q) => q.commentId === 'm5')?.text).toContain('r/u_[user] warned about, see reddit.com/comments/1abc/x/');
    const outputs = renderEveryFormat(report, feed, { comparison });
    for (const [format, out] of Object.entries(outputs)) expect(out, `${format} names a profile`).not.toMatch(/DeepValue|OtherPoster/i);
  });

  it('keep the names with --with-authors', () => {
    const input = buildProfileInput(true);
    const report = buildReport(input);
    expect(report.quotes.highlights[0]).toMatchObject({ subreddit: 'u_DeepValue_99', attribution: 'Reddit, r/u_DeepValue_99' });
    expect(report.quotes.highlights[0]?.permalink).toContain('/r/u_DeepValue_99/comments/');
    expect(renderJson(report)).toContain('r/u_OtherPoster');
  });

  it('leave a quote of such a post to the scrub once its comment is deleted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-profile-scrub-'));
    try {
      // the fixture's threads (Reddit-shaped ids), the first one posted on a profile
      const input = buildFixtureInput();
      const onProfile = (link: string): string => link.replace('/r/technology/', '/r/u_DeepValue_99/');
      input.threads = input.threads.map((t) => ({ ...t, subreddit: t.subreddit === 'technology' ? 'u_DeepValue_99' : t.subreddit, permalink: onProfile(t.permalink) }));
      input.screened = input.screened.map((x) => ({ ...x, comment: { ...x.comment, permalink: onProfile(x.comment.permalink) } }));
      const report = buildReport(input);
      const gone = report.quotes.highlights.find((q) => q.subreddit === 'u_[user]')!;
      expect(gone.permalink).toMatch(/^https:\/\/www\.reddit\.com\/comments\//);
      writeReport(report, { dir, basename: report.date, formats: ['md', 'json', 'csv', 'html'], now: 1_766_100_000, toolVersion: '9.9.9' });
      const result = scrubReportFolder(dir, { comment: (id) => id === gone.commentId, thread: () => false }, 1_766_200_000);
      expect(result.unreadable).toEqual([]);
      expect(result.stillQuoting).toEqual([]);
      expect(result.quotesRemoved).toBeGreaterThan(0);
      for (const ext of ['md', 'json', 'csv', 'html']) {
        const out = readFileSync(join(dir, `${report.date}.${ext}`), 'utf8');
        expect(out, ext).not.toContain(gone.permalink);
        expect(out, ext).not.toContain(gone.text.slice(0, 40));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The report in its four formats and the feed in its three, as a user would read them. */
