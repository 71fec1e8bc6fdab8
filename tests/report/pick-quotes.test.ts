import { describe, expect, it } from 'vitest';
import { pickQuotes } from '../../src/report/pick-quotes.js';
import type { QuoteCandidate, ReportQuote } from '../../src/report/pick-quotes.js';
import { resolveTags } from '../../src/report/resolve-tags.js';
import { splitSentences, trimQuote } from '../../src/report/trim-quote.js';
import { isShownExcerpt } from '../helpers/is-shown-excerpt.js';
import { makeComment, makeTags, makeThread } from './report-fixture.js';

const PHRASES = [
  'circular financing', 'money printer', 'the same dollars', 'round tripping', 'pump it', 'bag holders',
  'nobody believes', 'creative accounting', 'smoke and mirrors', 'the music stops',
];
const FILLER = ['Amazon', 'OpenAI', 'AWS', 'Trainium', 'Nvidia', 'Microsoft', 'the board', 'analysts', 'retail', 'the market'];

/** A deterministic pseudo-random population: several authors, threads and subreddits, some duplicates. */
function makePopulation(n: number): QuoteCandidate[] {
  const subs = ['stocks', 'technology', 'wallstreetbets', 'investing'];
  const threads = Array.from({ length: 12 }, (_, i) => makeThread(`t${i}`, subs[i % subs.length]!, `Thread ${i}`));
  let seed = 42;
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out: QuoteCandidate[] = [];
  for (let i = 0; i < n; i++) {
    const phrase = PHRASES[i % PHRASES.length]!;
    const thread = threads[Math.floor(rand() * threads.length)]!;
    // Every fifth comment is a near-copy of an earlier one (copypasta with a suffix).
    const base = i % 5 === 4 && out.length > 0 ? `${out[Math.floor(rand() * out.length)]!.comment.body} Exactly.` : `This is ${phrase} between ${FILLER[i % FILLER.length]} and ${FILLER[(i * 7 + 3) % FILLER.length]}, comment ${i}. I have seen this movie before.`;
    const comment = makeComment(`c${i}`, thread, base, { score: Math.floor(rand() * 500), author: `author${i % 17}` });
    const cue = phrase.split(' ')[0]!;
    const hasCue = comment.body.toLowerCase().includes(cue);
    const tags = resolveTags(makeTags(comment, { cynicism: { score: 0.5 + rand() / 2, cues: hasCue ? [cue] : [] } }), undefined);
    if (tags !== null) out.push({ comment, thread, tags });
  }
  return out;
}

describe('pickQuotes: no thread crowds out the others', () => {
  const candidate = (id: string, thread: ReturnType<typeof makeThread>, body: string, score: number): QuoteCandidate => {
    const comment = makeComment(id, thread, body, { score: 100, author: `a-${id}` });
    return { comment, thread, tags: resolveTags(makeTags(comment, { cynicism: { score, cues: ['circular'] } }), undefined)! };
  };
  const big = makeThread('big', 'stocks', 'Big thread');
  const small = [makeThread('s1', 'wallstreetbets', 'Small 1'), makeThread('s2', 'singularity', 'Small 2')];
  const words = ['money', 'loop', 'dollars', 'chips', 'cloud', 'credits', 'orders', 'books', 'round', 'again', 'board', 'deal'];
  const population = [
    // the big thread's quotes all outscore the small threads'
    ...words.map((w, i) => candidate(`b${i}`, big, `Another circular ${w} arrangement, comment ${i}, and everyone claps along.`, 0.99)),
    ...small.flatMap((t, j) => [0, 1, 2].map((i) => candidate(`s${j}${i}`, t, `Circular ${words[i + 3 * j]} story number ${i} from ${t.id}, sure thing.`, 0.6))),
  ];

  it('gives one thread at most 40 % of the picks while others have quotes left, then fills from the best', () => {
    const ten = pickQuotes(population, { limit: 10, refrains: new Map(), withAuthors: false });
    expect(ten.filter((q) => q.threadId === 'big')).toHaveLength(4);
    const all = pickQuotes(population, { limit: 15, refrains: new Map(), withAuthors: false });
    expect(all).toHaveLength(15);
    expect(all.filter((q) => q.threadId === 'big')).toHaveLength(9);
  });

  it('a short quote all inside another picked one is not picked again', () => {
    const t = makeThread('t', 'stocks', 'T');
    const long = candidate('long', t, 'Ngl, circular financing, but make it a press release. The board signed off on all of it, naturally.', 0.99);
    const short = candidate('short', small[0]!, 'Ngl, circular financing, but make it a press release.', 0.98);
    const picks = pickQuotes([long, short], { limit: 5, refrains: new Map(), withAuthors: false });
    expect(picks.map((q) => q.commentId)).toEqual(['long']);
  });
});

describe('pickQuotes ranks by the evidence strength, not the published probability', () => {
  // A ceiling puts every confidently cynical comment at about the same probability; upvotes must not then outrank evidence
  const t1 = makeThread('t1', 'stocks', 'One');
  const t2 = makeThread('t2', 'investing', 'Two');
  const candidate = (id: string, thread: ReturnType<typeof makeThread>, score: number, tag: { score: number; strength?: number }): QuoteCandidate => {
    const comment = makeComment(id, thread, `Circular financing again, ${id} says, and the board claps along.`, { score, author: `a-${id}` });
    return { comment, thread, tags: resolveTags(makeTags(comment, { cynicism: { ...tag, cues: ['circular'] } }), undefined)! };
  };
  const options = { limit: 1, refrains: new Map<string, number>(), withAuthors: false };

  it('quotes the stronger evidence over more upvotes when both sit at the ceiling', () => {
    const picks = pickQuotes([candidate('weak', t1, 200, { score: 0.67, strength: 0.4 }), candidate('strong', t2, 10, { score: 0.67, strength: 0.99 })], options);
    expect(picks.map((q) => q.commentId)).toEqual(['strong']);
    // the quote still shows the published probability
    expect(picks[0]!.tags.cynicism).toBe(0.67);
  });

  it('ranks by the score where a result has no strength (an older tagger, whose score was plain Platt)', () => {
    expect(pickQuotes([candidate('weak', t1, 200, { score: 0.67 }), candidate('strong', t2, 10, { score: 0.67 })], options).map((q) => q.commentId)).toEqual(['weak']);
  });

  it('a reviewer\'s yes is the strongest evidence (upvotes alike)', () => {
    const weak = candidate('weak', t1, 10, { score: 0.67, strength: 0.6 });
    const yes = candidate('yes', t2, 10, { score: 0.2, strength: 0.2 });
    const corrected = { ...yes, tags: resolveTags(makeTags(yes.comment, { cynicism: { score: 0.2, strength: 0.2, cues: ['circular'] } }), { commentId: 'yes', labels: { cynicism: true }, createdAt: 0, note: null })! };
    expect(corrected.tags.cynicism.strength).toBe(1);
    expect(pickQuotes([weak, corrected], { ...options, limit: 2 }).map((q) => q.commentId)).toEqual(['yes', 'weak']);
  });

  it('a --min-score above the ceiling keeps only what a reviewer marked with the tag (README: quotes --min-score)', () => {
    const top = candidate('top', t1, 10, { score: 0.6723, strength: 0.99 });
    const yes = candidate('yes', t2, 10, { score: 0.2, strength: 0.2 });
    const corrected = { ...yes, tags: resolveTags(makeTags(yes.comment, { cynicism: { score: 0.2, strength: 0.2, cues: ['circular'] } }), { commentId: 'yes', labels: { cynicism: true }, createdAt: 0, note: null })! };
    expect(pickQuotes([top, corrected], { ...options, limit: 2, tag: 'cynicism', minScore: 0.7 }).map((q) => q.commentId)).toEqual(['yes']);
  });
});

describe('pickQuotes: every stance is quoted before any is quoted twice', () => {
  // relevance weighs Reddit's score: distrust voiced in high-score comments, bubble caution in low-score ones (the
  // bundled Nvidia event: five highlights had three distrust quotes for 5 % of comments and none for the 21 % warning
  // of a bubble)
  const threads = ['t1', 't2', 't3', 't4'].map((id, i) => makeThread(id, ['stocks', 'technology', 'investing', 'wallstreetbets'][i]!, `Thread ${id}`));
  const candidate = (id: string, thread: ReturnType<typeof makeThread>, body: string, tag: 'cynicism' | 'distrust' | 'bubble_caution', cue: string, karma: number): QuoteCandidate => {
    const comment = makeComment(id, thread, body, { score: karma, author: `a-${id}` });
    return { comment, thread, tags: resolveTags(makeTags(comment, { [tag]: { score: 0.95, cues: [cue] } }), undefined)! };
  };
  const population = [
    candidate('d1', threads[0]!, 'This is a scam dressed up as a partnership, plain and simple.', 'distrust', 'scam', 3000),
    candidate('d2', threads[1]!, 'Round-tripping with extra steps, the auditors should look at this.', 'distrust', 'Round-tripping', 2500),
    candidate('d3', threads[2]!, 'They are hiding the debt in a special vehicle again, classic move.', 'distrust', 'hiding', 2000),
    candidate('c1', threads[3]!, 'Another historic strategic partnership, what a time to be alive 🙄', 'cynicism', '🙄', 1500),
    candidate('b1', threads[2]!, 'When this pops the whole sector goes down with the one unprofitable customer.', 'bubble_caution', 'When this pops', 40),
    candidate('b2', threads[3]!, 'Valuations this far ahead of revenue look a lot like 1999 to me.', 'bubble_caution', '1999', 30),
  ];

  it('quotes each stance with a quotable comment once before a second quote of any, then picks the best of the rest', () => {
    const three = pickQuotes(population, { limit: 3, refrains: new Map(), withAuthors: false });
    expect(new Set(three.map((q) => q.primaryTag))).toEqual(new Set(['cynicism', 'distrust', 'bubble_caution']));
    expect(three.map((q) => q.commentId)).toContain('b1');
    const five = pickQuotes(population, { limit: 5, refrains: new Map(), withAuthors: false });
    expect(five.filter((q) => q.primaryTag === 'bubble_caution').length).toBeGreaterThanOrEqual(1);
    expect(five.filter((q) => q.primaryTag === 'distrust').length).toBeGreaterThanOrEqual(2);
  });

  it('quotes a stance voiced only in low-score comments even when another fills more than the candidate pool', () => {
    // the pool kept the top 60 of all tags together by relevance, which weighs Reddit's score: 100 high-score cynical
    // comments left no room for the one bubble-caution comment, so no spreading of tags could quote it
    const many = Array.from({ length: 100 }, (_, i) => {
      const t = makeThread(`m${i % 20}`, `sub${i % 5}`, `Thread m${i % 20}`);
      const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'omega'];
      const body = `Yeah sure, ${names[i % 12]} ${names[(i * 7) % 12]} ${names[(i * 5) % 12]} number ${i}, truly visionary stuff 🙄`;
      return candidate(`c${i}`, t, body, 'cynicism', '🙄', 2000 + i);
    });
    const quiet = candidate('b1', threads[0]!, 'When this pops the whole sector goes down with the one unprofitable customer.', 'bubble_caution', 'When this pops', 3);
    const picks = pickQuotes([...many, quiet], { limit: 5, refrains: new Map(), withAuthors: false });
    expect(picks.map((q) => q.commentId)).toContain('b1');
  });

  it('keeps to the asked tag with --tag (nothing to cover)', () => {
    const picks = pickQuotes(population, { tag: 'distrust', limit: 3, refrains: new Map(), withAuthors: false });
    expect(picks.map((q) => q.primaryTag)).toEqual(['distrust', 'distrust', 'distrust']);
  });
});

describe('pickQuotes', () => {
  const population = makePopulation(400);
  const picks = pickQuotes(population, { limit: 10, refrains: new Map(), withAuthors: true });

  it('picks the requested number when enough candidates exist', () => {
    expect(picks).toHaveLength(10);
  });

  it('takes at most one quote per author', () => {
    const authors = picks.map((q) => q.author);
    expect(new Set(authors).size).toBe(authors.length);
  });

  it("names no author for a deleted account's comments, even with --with-authors, and does not take them for one author", () => {
    const threads = [makeThread('d1', 'stocks', 'One'), makeThread('d2', 'technology', 'Two')];
    const orphans = threads.map((thread, i): QuoteCandidate => {
      const comment = makeComment(`o${i}`, thread, i === 0 ? 'Circular financing with extra steps, as usual.' : 'The money printer goes brrr and nobody asks who pays.', { author: '[deleted]' });
      return { comment, thread, tags: resolveTags(makeTags(comment, { cynicism: { score: 0.9, cues: [i === 0 ? 'Circular' : 'money'] } }), undefined)! };
    });
    const picked = pickQuotes(orphans, { limit: 5, refrains: new Map(), withAuthors: true });
    expect(picked.map((q) => q.commentId).sort()).toEqual(['o0', 'o1']);
    expect(picked.map((q) => q.author)).toEqual([undefined, undefined]);
  });

  it('quotes exact substrings of the comment, cut only at the … markers (a mentioned name aside, see isShownExcerpt)', () => {
    const bodies = new Map(population.map((c) => [c.comment.id, c.comment.body]));
    for (const q of picks) {
      const body = bodies.get(q.commentId)!;
      expect(isShownExcerpt(body.slice(q.excerpt.start, q.excerpt.end), q.text), q.text).toBe(true);
      expect(q.words).toBeGreaterThanOrEqual(4);
      expect(q.words).toBeLessThanOrEqual(40);
    }
  });

  it('collapses near-duplicates', () => {
    const texts = picks.map((q) => q.text.replace(/ Exactly\.$/, ''));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('takes one of two comments that repeat the same long run of words', () => {
    // Shingle Jaccard of these two stays below the near-duplicate cut: only the pasted line is shared.
    const shared = 'Every one of these announcements says "up to". Nobody ever reports the "down to" part.';
    const a = makeComment('pa', makeThread('ta', 'stocks', 'A'), `Gigawatts are a press release unit. ${shared}`, { author: 'x1', score: 50 });
    const b = makeComment('pb', makeThread('tb', 'investing', 'B'), `Same story as always. ${shared} Same with the warrants and the vesting milestones nobody can check.`, { author: 'x2', score: 40 });
    const c = makeComment('pc', makeThread('tc', 'technology', 'C'), 'The circular financing here is a loop of the same dollars going round and round.', { author: 'x3', score: 30 });
    const candidates = [a, b, c].map((comment) => ({ comment, thread: undefined, tags: resolveTags(makeTags(comment, { cynicism: { score: 0.9, cues: ['press release', 'warrants', 'circular financing'].filter((x) => comment.body.includes(x)) } }), undefined)! }));
    const ids = pickQuotes(candidates, { limit: 3, refrains: new Map(), withAuthors: false }).map((q) => q.commentId);
    expect(ids).toContain('pc');
    expect(ids.filter((id) => id === 'pa' || id === 'pb')).toHaveLength(1);
  });

  it('spreads quotes across threads and subreddits', () => {
    expect(new Set(picks.map((q) => q.threadId)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(picks.map((q) => q.subreddit)).size).toBeGreaterThanOrEqual(3);
  });

  it('never picks a comment whose tag a human overrode to false', () => {
    const overridden = population.map((c) => ({ ...c, tags: { ...c.tags, cynicism: { ...c.tags.cynicism, label: false, score: 0, overridden: true } } }));
    expect(pickQuotes(overridden, { limit: 5, refrains: new Map(), withAuthors: false })).toEqual([]);
  });

  it('respects --tag and --min-score', () => {
    const strict = pickQuotes(population, { tag: 'cynicism', minScore: 0.9, limit: 50, refrains: new Map(), withAuthors: false });
    expect(strict.length).toBeGreaterThan(0);
    for (const q of strict) expect(q.tags.cynicism).toBeGreaterThanOrEqual(0.9);
    expect(pickQuotes(population, { tag: 'distrust', limit: 5, refrains: new Map(), withAuthors: false })).toEqual([]);
  });

  it('is independent of input order', () => {
    const reversed = pickQuotes([...population].reverse(), { limit: 10, refrains: new Map(), withAuthors: true });
    expect(reversed.map((q) => q.id)).toEqual(picks.map((q) => q.id));
  });

  it('scales near-linearly (prefilter before MMR)', () => {
    const big = makePopulation(20_000);
    const start = performance.now();
    pickQuotes(big, { limit: 6, refrains: new Map(), withAuthors: false });
    expect(performance.now() - start).toBeLessThan(3_000);
  });
});

describe('trimQuote', () => {
  it('keeps short comments whole', () => {
    expect(trimQuote('Circular financing with extra steps.')?.text).toBe('Circular financing with extra steps.');
  });

  it('cuts at sentence boundaries around the focus and marks the cuts', () => {
    const long = `${'Filler words go here to pad things out a lot. '.repeat(6)}This deal is circular financing, plain and simple. ${'More filler sentences after the point. '.repeat(6)}`;
    const focus = long.indexOf('circular');
    const t = trimQuote(long, focus)!;
    expect(t.text.startsWith('… ')).toBe(true);
    expect(t.text.endsWith(' …')).toBe(true);
    expect(t.excerpt).toContain('circular financing');
    expect(long.slice(t.start, t.end)).toBe(t.excerpt);
    expect(t.words).toBeLessThanOrEqual(40);
  });

  it('refuses a single sentence longer than 40 words and fragments under 4', () => {
    expect(trimQuote(`${'word '.repeat(60)}end.`)).toBeNull();
    expect(trimQuote('lol.')).toBeNull();
  });

  it("never quotes the parent's `>` lines as the commenter's words", () => {
    const body = '> The parent said this is a Ponzi scheme and circular financing, a total bubble.\n\nlol agreed, what could go wrong 🙄';
    const t = trimQuote(body, body.indexOf('Ponzi'))!;
    expect(t.excerpt).toBe('lol agreed, what could go wrong 🙄');
    expect(t.text).toBe('… lol agreed, what could go wrong 🙄');
    expect(body.slice(t.start, t.end)).toBe(t.excerpt);
    // escaped form from the raw API, own words between two quoted blocks
    const raw = '&gt; first parent line here\n\nMy own take: this is vendor financing again.\n&gt; second quote';
    expect(trimQuote(raw)?.excerpt).toBe('My own take: this is vendor financing again.');
    expect(trimQuote('> only the parent speaks here, nothing else at all')).toBeNull();
    // Markdown's lazy continuation: the line right after a quoted one is still the parent's
    const lazy = '> parent line\nlazy continuation of the parent quote text\n\nMy reply is short but real.';
    expect(trimQuote(lazy, 60)?.excerpt).toBe('My reply is short but real.');
    // a spoiler is the commenter's own text
    expect(trimQuote('>!the deal closes in Q3, this is circular financing!<')?.excerpt).toBe('>!the deal closes in Q3, this is circular financing!<');
  });

  it('takes a `>` line as quoted whatever invisible characters, odd spaces or entity spelling come before or stand for its `>`, as the tagger does', () => {
    // the tagger drops zero-width characters, folds odd spaces and decodes entities before it masks a `>` line; quoted
    // whole, each of these showed the parent's words as the commenter's
    for (const mark of ['\u200b>', '\u00a0>', '\ufeff>', '\u2009>', '&#62;', '&#x3E;', '&GT;']) {
      const body = `${mark} This is circular financing and a Ponzi scheme, total fraud.\n\nI disagree, the revenue is real.`;
      expect(trimQuote(body)?.excerpt, JSON.stringify(mark)).toBe('I disagree, the revenue is real.');
    }
    // a `>` after a word quotes nothing
    expect(trimQuote('x> This is circular financing, total fraud.')?.excerpt).toBe('x> This is circular financing, total fraud.');
  });

  it('splits on sentence punctuation and line breaks', () => {
    expect(splitSentences('One two. Three four!\nFive six? Seven').map((s) => s.words)).toEqual([2, 2, 2, 1]);
  });

  it('does not end a sentence at the point of an abbreviation the sentence goes on after', () => {
    const body = 'Mr. Altman says it is fine. The U.S. government will bail them out, e.g. Nvidia, when the circular scheme collapses. Made in the U.S. Then what?';
    expect(splitSentences(body).map((s) => body.slice(s.start, s.end))).toEqual([
      'Mr. Altman says it is fine.',
      'The U.S. government will bail them out, e.g. Nvidia, when the circular scheme collapses.',
      'Made in the U.S.',
      'Then what?',
    ]);
    // a quote cut after "U.S." would start "… government will bail them out": mid-sentence, and whose government?
    const long = `${'Filler words go here to pad things out a lot. '.repeat(4)}The U.S. government will bail them out when this circular scheme collapses. ${'More filler after the point. '.repeat(6)}`;
    const t = trimQuote(long, long.indexOf('circular'))!;
    expect(t.excerpt.startsWith('The U.S. government will bail them out')).toBe(true);
  });

  it('does not end a sentence at "No. 1", "Inc. and", "etc. and", "Jan. 2024" or "Ph.D. candidate"', () => {
    // each was cut after its point, so a quote could start "… 1 chip maker" or "… and the auditors": mid-sentence
    const body = 'Nvidia is the No. 1 chip maker. It sold to Apple Inc. and the auditors, the banks, etc. and nobody asked. It started in Jan. 2024 and a Ph.D. candidate saw it. Made in the U.S. Then what?';
    expect(splitSentences(body).map((s) => body.slice(s.start, s.end))).toEqual([
      'Nvidia is the No. 1 chip maker.',
      'It sold to Apple Inc. and the auditors, the banks, etc. and nobody asked.',
      'It started in Jan. 2024 and a Ph.D. candidate saw it.',
      'Made in the U.S.',
      'Then what?',
    ]);
    // the same abbreviations still end a sentence before a capital, and "no." before a word is the word no
    const ends = 'He works at Apple Inc. The company is big. Chips, memory, etc. Then the rest. I said no. They went ahead.';
    expect(splitSentences(ends).map((s) => ends.slice(s.start, s.end))).toEqual([
      'He works at Apple Inc.',
      'The company is big.',
      'Chips, memory, etc.',
      'Then the rest.',
      'I said no.',
      'They went ahead.',
    ]);
  });

  it('does not end a sentence at an ellipsis the same sentence continues after in lower case', () => {
    const body = 'It fools people into thinking it is the other thing… mostly because it is confident, terms… you know, con man techniques … are confused. Then what... Nothing.\nNew line… here';
    expect(splitSentences(body).map((s) => body.slice(s.start, s.end))).toEqual([
      'It fools people into thinking it is the other thing… mostly because it is confident, terms… you know, con man techniques … are confused.',
      'Then what...',
      'Nothing.',
      'New line… here',
    ]);
  });
});

describe('pickQuotes focus', () => {
  // three sentences of 15+ words: too long to quote whole, so the excerpt is cut around the focus
  const body =
    'Amazon and OpenAI signed another compute deal this week and the market shrugged at the headline number completely. ' +
    'The same dollars go out as investment and come straight back in as cloud revenue for the quarter again. ' +
    'People keep saying this is not a bubble because the chips are real and the demand is real too.';
  const thread = makeThread('tf', 'stocks', 'Focus thread');
  const comment = makeComment('cf', thread, body, { score: 10 });

  function pickQuoteWith(cues: Array<{ text: string; weight: number }>, withBody = body): ReportQuote {
    const c = makeComment('cf', thread, withBody, { score: 10 });
    const tags = makeTags(c, { bubble_caution: { score: 0.9 } });
    tags.tags.bubble_caution.cues = cues.map(({ text, weight }) => {
      const start = withBody.lastIndexOf(text);
      return { start, end: start + text.length, text, cue: 'test-cue', weight };
    });
    const resolved = resolveTags(tags, undefined)!;
    const [quote] = pickQuotes([{ comment: c, thread, tags: resolved }], { limit: 1, refrains: new Map(), withAuthors: false });
    return quote!;
  }
  function pickWith(cues: Array<{ text: string; weight: number }>): string {
    return pickQuoteWith(cues).text;
  }

  it('glosses and lists only the cues inside the excerpt shown', () => {
    const quote = pickQuoteWith([{ text: 'The same dollars', weight: 1.1 }, { text: 'the market shrugged', weight: 0.8 }]);
    expect(quote.text).toMatch(/^… The same dollars .* again\. …$/);
    expect(quote.gloss).toBe('warns of a bubble: “the same dollars”');
    expect(quote.cuePhrases).toEqual(['The same dollars']);
  });

  it('lists a cue phrase whose span another cue holds once, as the longer phrase', () => {
    const quote = pickQuoteWith([{ text: 'The same dollars', weight: 1.1 }, { text: 'same dollars', weight: 0.6 }, { text: 'dollars', weight: 0.3 }]);
    expect(quote.cuePhrases).toEqual(['The same dollars']);
  });

  it("moves the excerpt to a cue it can show when the strongest one is in the parent's `>` lines", () => {
    const own = `${body}\n\nThe money printer keeps going round.`;
    const quoted = `> the same dollars, again and again\n\n${own}`;
    const quote = pickQuoteWith([{ text: 'the same dollars', weight: 1.5 }, { text: 'money printer', weight: 0.9 }], quoted);
    expect(quote.text).toMatch(/money printer/);
    expect(quote.gloss).toBe('warns of a bubble: “money printer”');
  });

  it('falls back to the gloss without cue phrases when no cue can be shown (it spans a cut)', () => {
    // "again. People keep" runs from the second sentence into the third: no excerpt cut at sentences shows it whole
    const quote = pickQuoteWith([{ text: 'again. People keep', weight: 1.5 }]);
    expect(quote.text).toMatch(/^… The same dollars .* again\. …$/);
    expect(quote.gloss).toBe('warns the money looks like a bubble');
    expect(quote.cuePhrases).toEqual([]);
  });

  it("does not quote a comment for a tag whose every cue is in the parent's `>` lines", () => {
    const c = makeComment('cq', thread, `> the same dollars, again and again\n\n${body}`, { score: 10 });
    const tags = makeTags(c, { bubble_caution: { score: 0.9 } });
    const start = c.body.indexOf('the same dollars');
    tags.tags.bubble_caution.cues = [{ start, end: start + 16, text: 'the same dollars', cue: 'test-cue', weight: 1.5 }];
    const resolved = resolveTags(tags, undefined)!;
    // its own lines were quoted as "warns of a bubble" though nothing in them is what the tag is about
    expect(pickQuotes([{ comment: c, thread, tags: resolved }], { limit: 5, refrains: new Map(), withAuthors: false })).toEqual([]);
  });

  it("does not quote the commenter's other lines when the cue is in a line Reddit shows inside the parent's quote", () => {
    // the tagger reads "Yes. Circular financing …" as the answer (the quoted question ends its sentence), while Markdown
    // continues the quote on it and the picker never shows it as the commenter's: the last paragraph alone says nothing
    // of a bubble
    const text = '> Is this a bubble?\nYes. Circular financing with extra steps, the same dollars counted three times.\n\nAnyway I bought some more calls today because why not.';
    const c = makeComment('cl', thread, text, { score: 10 });
    const tags = makeTags(c, { bubble_caution: { score: 0.9, cues: ['Circular financing'] } });
    const resolved = resolveTags(tags, undefined)!;
    const picked = pickQuotes([{ comment: c, thread, tags: resolved }], { limit: 5, refrains: new Map(), withAuthors: false });
    expect(picked.map((q) => q.text)).toEqual([]);
    // with a cue of its own in the last paragraph it is quoted from there, as before
    const own = makeTags(c, { bubble_caution: { score: 0.9, cues: ['Circular financing', 'bought some more calls'] } });
    const [quote] = pickQuotes([{ comment: c, thread, tags: resolveTags(own, undefined)! }], { limit: 5, refrains: new Map(), withAuthors: false });
    expect(quote?.text).toBe('… Anyway I bought some more calls today because why not.');
  });

  it('centres the excerpt on the strongest supporting cue', () => {
    expect(pickWith([{ text: 'The same dollars', weight: 1.1 }, { text: 'not a bubble', weight: -0.4 }])).toMatch(/The same dollars/);
  });

  it('never centres it on a rebuttal cue, even when no supporting cue fired', () => {
    const text = pickWith([{ text: 'not a bubble', weight: -0.4 }]);
    expect(text).not.toMatch(/not a bubble/);
    expect(text.startsWith('Amazon and OpenAI')).toBe(true);
  });
});
